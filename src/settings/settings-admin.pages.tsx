import { AdminLayout } from '../admin/admin-layout.tsx';
import { nameAfterDe } from './publication-name.ts';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field, SelectField } from '../admin/field.tsx';
import type { MediaRow } from '../media/media.table.ts';
import { refusalMessage } from '../media/media-library.pages.tsx';
import type { UploadRefusal } from '../media/upload-media.ts';
import type { PageContext } from '../web/page-context.ts';
import { LogoField } from './logo-field.tsx';
import type { SettingsFormError, SettingsFormValues } from './save-site-settings.ts';
import type { Locale } from './site-settings.ts';

/** Zones offered in the list; any other IANA zone may be typed. */
export const COMMON_TIME_ZONES = [
  'Africa/Abidjan',
  'Africa/Algiers',
  'Africa/Bamako',
  'Africa/Bangui',
  'Africa/Brazzaville',
  'Africa/Casablanca',
  'Africa/Conakry',
  'Africa/Dakar',
  'Africa/Douala',
  'Africa/Kinshasa',
  'Africa/Lagos',
  'Africa/Libreville',
  'Africa/Lome',
  'Africa/Lubumbashi',
  'Africa/Ndjamena',
  'Africa/Niamey',
  'Africa/Nouakchott',
  'Africa/Ouagadougou',
  'Africa/Porto-Novo',
  'Africa/Tunis',
  'Indian/Antananarivo',
  'Indian/Comoro',
  'Indian/Mauritius',
  'Europe/Brussels',
  'Europe/Lisbon',
  'Europe/London',
  'Europe/Luxembourg',
  'Europe/Paris',
  'Europe/Zurich',
  'UTC',
];

const fr = {
  title: 'Réglages du site',
  siteName: 'Nom de la publication',
  siteNameAfterDe: 'Le nom après « de »',
  siteNameAfterDeHint: (auto: string) =>
    `Comme dans « l’équipe du Veilleur » ou « les articles de L’Express ». Vide : « ${auto} ».`,
  tagline: 'Slogan',
  locale: 'Langue du site',
  locales: { fr: 'Français', en: 'Anglais' } as Record<Locale, string>,
  timeZone: 'Fuseau horaire',
  otherZone: 'Autre fuseau (saisi ci-dessous)',
  otherZoneLabel: 'Autre fuseau horaire',
  otherZoneHint:
    'Nom IANA, par exemple Africa/Djibouti. S’il est rempli, il l’emporte sur la liste.',
  contactEmail: 'Adresse de contact',
  readers: 'Lecteurs',
  feedFullText: 'Les flux RSS et Atom donnent le texte complet des articles (sinon le chapô seul)',
  liteForSaveData:
    'Servir la version légère aux lecteurs dont le navigateur demande à économiser les données (Save-Data)',
  adsCollapseUnsoldOnPhones:
    'Sur les téléphones, ne pas garder de place aux emplacements publicitaires invendus (sans campagne, ils montrent sinon «\u00A0Votre Pub ici !\u00A0»)',
  save: 'Enregistrer',
  saved: 'Réglages enregistrés.',
  errorsTitle: 'Les réglages n’ont pas été enregistrés :',
  errors: {
    'site-name-missing': 'Indiquez le nom de la publication.',
    'site-name-too-long': 'Le nom de la publication ne doit pas dépasser 100 caractères.',
    'tagline-too-long': 'Le slogan ne doit pas dépasser 200 caractères.',
    'site-name-after-de-invalid':
      'Écrivez le nom tel qu’il suit « de », en commençant par de, du, des ou d’ (120 caractères au plus).',
    'locale-invalid': 'Choisissez le français ou l’anglais.',
    'time-zone-invalid':
      'Ce fuseau horaire est inconnu : choisissez-en un dans la liste ou saisissez un nom IANA comme Africa/Niamey.',
    'contact-email-invalid': 'L’adresse de contact n’est pas une adresse électronique valide.',
    'logo-unknown':
      'L’image choisie comme logo n’existe pas (ou plus) dans la médiathèque : choisissez-en une autre.',
    'logo-file-not-kept':
      'Le fichier du logo n’a pas été enregistré : corrigez le reste, puis choisissez-le à nouveau.',
  } as Record<SettingsFormError, string>,
};

const en: typeof fr = {
  title: 'Site settings',
  siteName: 'Publication name',
  siteNameAfterDe: 'The name after « de » (French)',
  siteNameAfterDeHint: (auto: string) =>
    `As in « l’équipe du Veilleur » or « les articles de L’Express ». Empty: « ${auto} ».`,
  tagline: 'Tagline',
  locale: 'Site language',
  locales: { fr: 'French', en: 'English' },
  timeZone: 'Time zone',
  otherZone: 'Another zone (typed below)',
  otherZoneLabel: 'Another time zone',
  otherZoneHint: 'IANA name, e.g. Africa/Djibouti. When filled in, it wins over the list.',
  contactEmail: 'Contact email',
  readers: 'Readers',
  feedFullText:
    'RSS and Atom feeds carry the full text of articles (otherwise the standfirst only)',
  liteForSaveData: 'Serve the light edition to readers whose browser asks to save data (Save-Data)',
  adsCollapseUnsoldOnPhones:
    'On phones, keep no room for unsold ad slots (with no campaign they otherwise show « Votre Pub ici ! »)',
  save: 'Save',
  saved: 'Settings saved.',
  errorsTitle: 'The settings were not saved:',
  errors: {
    'site-name-missing': 'Give the publication a name.',
    'site-name-too-long': 'The publication name must not exceed 100 characters.',
    'tagline-too-long': 'The tagline must not exceed 200 characters.',
    'site-name-after-de-invalid':
      'Write the name as it follows « de », starting with de, du, des or d’ (120 characters at most).',
    'locale-invalid': 'Choose French or English.',
    'time-zone-invalid':
      'Unknown time zone: pick one from the list or type an IANA name such as Africa/Niamey.',
    'contact-email-invalid': 'The contact address is not a valid email address.',
    'logo-unknown':
      'The image chosen as logo is not (or no longer) in the media library: pick another one.',
    'logo-file-not-kept': 'The logo file was not saved: correct the rest, then choose it again.',
  },
};

/** The site settings form: name, tagline, language, time zone, contact email and logo. */
export function SettingsPage(p: {
  ctx: PageContext;
  csrfToken: string;
  values: SettingsFormValues;
  errors: SettingsFormError[];
  /** Why the logo file was refused, when it was. */
  logoRefusal?: { reason: UploadRefusal; format?: string | undefined } | undefined;
  /** Recent library images to pick the logo from. */
  logoChoices: MediaRow[];
  saved: boolean;
}) {
  const locale = p.ctx.site.locale;
  const t = locale === 'en' ? en : fr;
  const { values, errors } = p;
  const refusal = p.logoRefusal
    ? refusalMessage(locale, p.logoRefusal.reason, p.logoRefusal.format)
    : undefined;
  const messages = errors.map((e) => t.errors[e]).concat(refusal ?? []);
  const has = (e: SettingsFormError) => errors.includes(e);
  const listed = COMMON_TIME_ZONES.includes(values.timeZone);
  const error = (errorId: string, list: SettingsFormError[]) => {
    const mine = list.filter(has);
    return { errorId, error: mine.length ? mine.map((e) => t.errors[e]).join(' ') : undefined };
  };
  return (
    <AdminLayout ctx={p.ctx} title={t.title} csrfToken={p.csrfToken}>
      <h1>{t.title}</h1>
      {p.saved ? (
        <p class="notice" role="status">
          {t.saved}
        </p>
      ) : null}
      <form
        method="post"
        action="/admin/reglages"
        class="admin-form"
        enctype="multipart/form-data"
        novalidate
      >
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <ErrorSummary title={t.errorsTitle} messages={messages} />
        <Field
          id="site-name"
          label={t.siteName}
          {...error('erreur-site-name', ['site-name-missing', 'site-name-too-long'])}
          input={{
            name: 'siteName',
            type: 'text',
            required: true,
            maxlength: 100,
            value: values.siteName,
          }}
        />
        <Field
          id="site-name-after-de"
          label={t.siteNameAfterDe}
          hint={t.siteNameAfterDeHint(nameAfterDe(values.siteName))}
          {...error('erreur-site-name-after-de', ['site-name-after-de-invalid'])}
          input={{
            name: 'siteNameAfterDe',
            type: 'text',
            maxlength: 120,
            value: values.siteNameAfterDe ?? '',
            placeholder: nameAfterDe(values.siteName),
          }}
        />
        <Field
          id="tagline"
          label={t.tagline}
          {...error('erreur-tagline', ['tagline-too-long'])}
          input={{ name: 'tagline', type: 'text', maxlength: 200, value: values.tagline }}
        />
        <SelectField
          id="locale"
          label={t.locale}
          {...error('erreur-locale', ['locale-invalid'])}
          select={{ name: 'locale' }}
        >
          {(['fr', 'en'] as const).map((l) => (
            <option value={l} selected={values.locale === l}>
              {t.locales[l]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="time-zone"
          label={t.timeZone}
          invalid={has('time-zone-invalid')}
          select={{ name: 'timeZone' }}
        >
          {COMMON_TIME_ZONES.map((z) => (
            <option value={z} selected={values.timeZone === z}>
              {z}
            </option>
          ))}
          <option value="" selected={!listed}>
            {t.otherZone}
          </option>
        </SelectField>
        <Field
          id="time-zone-other"
          label={t.otherZoneLabel}
          hint={t.otherZoneHint}
          hintId="aide-fuseau"
          {...error('erreur-fuseau', ['time-zone-invalid'])}
          input={{
            name: 'timeZoneOther',
            type: 'text',
            maxlength: 64,
            value: listed ? '' : values.timeZone,
          }}
        />
        <Field
          id="contact-email"
          label={t.contactEmail}
          {...error('erreur-contact', ['contact-email-invalid'])}
          input={{
            name: 'contactEmail',
            type: 'email',
            maxlength: 200,
            value: values.contactEmail,
          }}
        />
        <LogoField
          locale={locale}
          siteName={values.siteName || p.ctx.site.siteName}
          choices={p.logoChoices}
          chosen={values.logoMediaId ?? String(p.ctx.site.logoMediaId ?? '')}
          choiceError={has('logo-unknown') ? t.errors['logo-unknown'] : undefined}
          fileError={has('logo-file-not-kept') ? t.errors['logo-file-not-kept'] : refusal}
        />
        <fieldset class="ad-fieldset">
          <legend>{t.readers}</legend>
          <input type="hidden" name="readerOptions" value="1" />
          <label class="check">
            <input
              type="checkbox"
              name="feedFullText"
              value="1"
              checked={values.feedFullText ?? p.ctx.site.feedFullText}
            />
            <span>{t.feedFullText}</span>
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="liteForSaveData"
              value="1"
              checked={values.liteForSaveData ?? p.ctx.site.liteForSaveData}
            />
            <span>{t.liteForSaveData}</span>
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="adsCollapseUnsoldOnPhones"
              value="1"
              checked={values.adsCollapseUnsoldOnPhones ?? p.ctx.site.adsCollapseUnsoldOnPhones}
            />
            <span>{t.adsCollapseUnsoldOnPhones}</span>
          </label>
        </fieldset>
        <button type="submit">{t.save}</button>
      </form>
    </AdminLayout>
  );
}
