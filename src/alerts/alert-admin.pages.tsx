import { AdminLayout } from '../admin/admin-layout.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field, fieldErrors } from '../admin/field.tsx';
import { Flash } from '../admin/flash.tsx';
import type { Locale } from '../settings/site-settings.ts';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import {
  ALERT_MAX_HOURS,
  ALERT_TEXT_MAX,
  type AlertFormError,
  type AlertFormValues,
} from './alert.ts';
import type { SiteAlertRow } from './alert.table.ts';

const fr = {
  title: 'Alerte',
  intro:
    'Un bandeau d’une ligne en haut de toutes les pages du site, édition légère comprise. Il disparaît de lui-même à l’heure de fin, sans autre manipulation.',
  current: 'Alerte en ligne',
  none: 'Aucune alerte en ligne.',
  until: (when: string) => `Jusqu’au ${when}`,
  link: 'Lien :',
  lower: 'Retirer l’alerte',
  raiseTitle: 'Lancer une alerte',
  replaceTitle: 'Remplacer l’alerte',
  replaceHint: 'La nouvelle alerte remplace celle qui est en ligne.',
  text: 'Texte de l’alerte',
  textHint: `Une ligne, ${ALERT_TEXT_MAX} caractères au plus. Exemple : « Attaque à Tillabéri : ce que l’on sait ».`,
  linkLabel: 'Lien (facultatif)',
  linkHint: 'L’adresse d’un article du site (/securite/…) ou une adresse https://…',
  ends: 'Fin de l’alerte',
  endsHint: (zone: string) => `Heure de ${zone}, dans les ${ALERT_MAX_HOURS} heures.`,
  raise: 'Lancer l’alerte',
  past: 'Alertes passées',
  noPast: 'Aucune alerte passée.',
  pastFrom: (from: string) => `Lancée le ${from}`,
  lowered: (when: string, by: string) => `retirée le ${when}${by ? ` par ${by}` : ''}`,
  ended: (when: string) => `terminée le ${when}`,
  errorsTitle: 'L’alerte n’a pas été lancée :',
  done: {
    lancee: 'Alerte lancée : elle est en ligne sur toutes les pages.',
    retiree: 'Alerte retirée.',
    aucune: 'Aucune alerte n’était en ligne.',
  } as Record<string, string>,
  errors: {
    'text-missing': 'Écrivez le texte de l’alerte.',
    'text-too-long': `Le texte ne doit pas dépasser ${ALERT_TEXT_MAX} caractères.`,
    'link-invalid':
      'Le lien doit être l’adresse d’une page du site (commençant par /) ou une adresse http(s)://.',
    'end-invalid': 'Indiquez la date et l’heure de fin.',
    'end-past': 'L’heure de fin est déjà passée.',
    'end-too-far': `Une alerte dure au plus ${ALERT_MAX_HOURS} heures : choisissez une fin plus proche.`,
  } as Record<AlertFormError, string>,
};

const en: typeof fr = {
  title: 'Alert',
  intro:
    'A one-line banner at the top of every page of the site, light edition included. It goes away by itself at its end time.',
  current: 'Alert on the site',
  none: 'No alert on the site.',
  until: (when) => `Until ${when}`,
  link: 'Link:',
  lower: 'Take the alert down',
  raiseTitle: 'Raise an alert',
  replaceTitle: 'Replace the alert',
  replaceHint: 'The new alert replaces the one on the site.',
  text: 'Alert text',
  textHint: `One line, at most ${ALERT_TEXT_MAX} characters.`,
  linkLabel: 'Link (optional)',
  linkHint: 'The address of an article on the site (/security/…) or an https://… address',
  ends: 'End of the alert',
  endsHint: (zone) => `${zone} time, within ${ALERT_MAX_HOURS} hours.`,
  raise: 'Raise the alert',
  past: 'Past alerts',
  noPast: 'No past alert.',
  pastFrom: (from) => `Raised on ${from}`,
  lowered: (when, by) => `taken down on ${when}${by ? ` by ${by}` : ''}`,
  ended: (when) => `ended on ${when}`,
  errorsTitle: 'The alert was not raised:',
  done: {
    lancee: 'Alert raised: it is on every page.',
    retiree: 'Alert taken down.',
    aucune: 'No alert was on the site.',
  },
  errors: {
    'text-missing': 'Write the alert’s text.',
    'text-too-long': `The text must not exceed ${ALERT_TEXT_MAX} characters.`,
    'link-invalid':
      'The link must be a page of the site (starting with /) or an http(s):// address.',
    'end-invalid': 'Give the end date and time.',
    'end-past': 'The end time has already passed.',
    'end-too-far': `An alert lasts at most ${ALERT_MAX_HOURS} hours: choose an earlier end.`,
  },
};

const stringsFor = (locale: Locale) => (locale === 'en' ? en : fr);

/** A past alert as the page lists it, with the names of who raised and lowered it. */
export type PastAlert = SiteAlertRow & { loweredByName: string | null };

/** The « Alerte » page: the alert up (and its « Retirer » button), the form, past alerts. */
export function AlertAdminPage(p: {
  ctx: PageContext;
  csrfToken: string;
  current: SiteAlertRow | undefined;
  past: PastAlert[];
  form: AlertFormValues;
  errors: AlertFormError[];
  flash: string | undefined;
}) {
  const { site } = p.ctx;
  const t = stringsFor(site.locale);
  const when = (iso: string) => formatDateTime(iso, site);
  const errors = p.errors;
  const err = fieldErrors(errors, (e) => t.errors[e]);
  return (
    <AdminLayout ctx={p.ctx} title={t.title} csrfToken={p.csrfToken}>
      <h1>{t.title}</h1>
      <Flash done={t.done} flash={p.flash} />
      <p>{t.intro}</p>
      <section class="alert-current" aria-labelledby="alerte-en-ligne">
        <h2 id="alerte-en-ligne">{t.current}</h2>
        {p.current ? (
          <>
            <p class="alert-current-text">
              <strong>{p.current.text}</strong>
            </p>
            {p.current.link_url ? (
              <p class="hint">
                {t.link} <a href={p.current.link_url}>{p.current.link_url}</a>
              </p>
            ) : null}
            <p>{t.until(when(p.current.ends_at))}</p>
            <form method="post" action="/admin/alerte/retirer">
              <input type="hidden" name="_csrf" value={p.csrfToken} />
              <button type="submit" class="btn-danger">
                {t.lower}
              </button>
            </form>
          </>
        ) : (
          <p>{t.none}</p>
        )}
      </section>
      <h2 id="lancer">{p.current ? t.replaceTitle : t.raiseTitle}</h2>
      {p.current ? <p class="hint">{t.replaceHint}</p> : null}
      <form method="post" action="/admin/alerte" class="admin-form alert-form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <ErrorSummary title={t.errorsTitle} messages={errors.map((e) => t.errors[e])} />
        <Field
          id="alerte-texte"
          label={t.text}
          hint={t.textHint}
          {...err('text')}
          input={{
            name: 'text',
            type: 'text',
            required: true,
            maxlength: ALERT_TEXT_MAX,
            value: p.form.text,
          }}
        />
        <Field
          id="alerte-lien"
          label={t.linkLabel}
          hint={t.linkHint}
          {...err('link')}
          input={{
            name: 'linkUrl',
            type: 'text',
            inputmode: 'url',
            maxlength: 500,
            value: p.form.linkUrl,
          }}
        />
        <Field
          id="alerte-fin"
          label={t.ends}
          hint={t.endsHint(site.timeZone)}
          {...err('end')}
          input={{ name: 'endsAt', type: 'datetime-local', required: true, value: p.form.endsAt }}
        />
        <button type="submit">{t.raise}</button>
      </form>
      <h2>{t.past}</h2>
      {p.past.length ? (
        <ol class="alert-history">
          {p.past.map((a) => (
            <li>
              <strong>{a.text}</strong>
              {a.link_url ? (
                <>
                  {' '}
                  <span class="hint">({a.link_url})</span>
                </>
              ) : null}
              <br />
              <span class="hint">
                {t.pastFrom(when(a.starts_at))},{' '}
                {a.lowered_at && a.lowered_at < a.ends_at
                  ? t.lowered(when(a.lowered_at), a.loweredByName ?? '')
                  : t.ended(when(a.ends_at))}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.noPast}</p>
      )}
    </AdminLayout>
  );
}
