import { AdminLayout } from '../admin/admin-layout.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field, TextareaField } from '../admin/field.tsx';
import type { Locale } from '../settings/site-settings.ts';
import type { PageContext } from '../web/page-context.ts';
import { typeset } from '../web/typography.ts';
import {
  numberLimits,
  type ModerationSettings,
  type ModerationSettingsErrors,
} from './moderation-settings.ts';

type NumberField = keyof typeof numberLimits;

const fr = {
  title: 'Règles de modération',
  back: '← File de modération',
  intro:
    'Les règles trient, étiquettent et signalent : chaque commentaire attend toujours un modérateur, sauf, si vous le choisissez, ceux des habitués. Un commentaire envoyé au spam se restaure depuis l’onglet Spam.',
  lists: 'Listes',
  bannedWords: 'Mots interdits (vers le spam)',
  suspectWords: 'Mots à surveiller (signalés au modérateur)',
  blockedDomains: 'Domaines de liens bloqués (vers le spam)',
  listHint:
    'Un mot ou une expression par ligne ; majuscules et accents indifférents ; « arnaque* » couvre aussi « arnaqueur ». 500 lignes au plus.',
  domainHint: 'Un domaine par ligne, par exemple casino.example ; ses sous-domaines sont compris.',
  thresholds: 'Seuils',
  maxLinks: 'Nombre de liens au-delà duquel un commentaire est signalé',
  regularAfter: 'Commentaires approuvés pour être « habitué » (0 : jamais)',
  capsPercent: 'Part de capitales à partir de laquelle un commentaire est signalé (%)',
  rejectedPercent:
    'Part de commentaires refusés à partir de laquelle une adresse ou un poste est signalé (%)',
  autoApprove:
    'Publier sans attendre les commentaires des habitués qu’aucune autre règle ne signale',
  autoApproveHint:
    'Désactivé par défaut : l’adresse électronique d’un lecteur n’est pas vérifiée, un tiers peut l’emprunter. Chaque approbation automatique figure dans l’historique du commentaire.',
  save: 'Enregistrer',
  saved: 'Règles enregistrées.',
  errorsTitle: 'Les règles n’ont pas été enregistrées :',
  between: (what: string, min: number, max: number) =>
    `${what} : un nombre entier de ${min} à ${max}.`,
};

const en: typeof fr = {
  title: 'Moderation rules',
  back: '← Moderation queue',
  intro:
    'Rules sort, label and flag: every comment still waits for a moderator, except, if you choose so, those of regulars. A comment sent to spam can be restored from the Spam tab.',
  lists: 'Lists',
  bannedWords: 'Banned words (to spam)',
  suspectWords: 'Suspect words (flagged for the moderator)',
  blockedDomains: 'Blocked link domains (to spam)',
  listHint:
    'One word or phrase a line; case and accents do not matter; « arnaque* » also covers « arnaqueur ». 500 lines at most.',
  domainHint: 'One domain a line, e.g. casino.example; its subdomains are included.',
  thresholds: 'Thresholds',
  maxLinks: 'Number of links beyond which a comment is flagged',
  regularAfter: 'Approved comments to be a « regular » (0: never)',
  capsPercent: 'Share of capitals from which a comment is flagged (%)',
  rejectedPercent: 'Share of refused comments from which an address or client is flagged (%)',
  autoApprove: 'Publish at once the comments of regulars that no other rule flags',
  autoApproveHint:
    'Off by default: a reader’s email address is not verified, someone else may use it. Each automatic approval is in the comment’s history.',
  save: 'Save',
  saved: 'Rules saved.',
  errorsTitle: 'The rules were not saved:',
  between: (what: string, min: number, max: number) =>
    `${what}: a whole number from ${min} to ${max}.`,
};

/** The rules' settings page strings in the newsroom's language. */
export function moderationSettingsStrings(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}

/** The values the form shows: the stored settings, or what was sent back with errors. */
export interface ModerationSettingsValues {
  bannedWords: string;
  suspectWords: string;
  blockedDomains: string;
  maxLinks: string;
  regularAfter: string;
  capsPercent: string;
  rejectedPercent: string;
  autoApproveRegulars: boolean;
}

/** The form's values from stored settings. */
export function valuesOf(s: ModerationSettings): ModerationSettingsValues {
  return {
    bannedWords: s.bannedWords.join('\n'),
    suspectWords: s.suspectWords.join('\n'),
    blockedDomains: s.blockedDomains.join('\n'),
    maxLinks: String(s.maxLinks),
    regularAfter: String(s.regularAfter),
    capsPercent: String(s.capsPercent),
    rejectedPercent: String(s.rejectedPercent),
    autoApproveRegulars: s.autoApproveRegulars,
  };
}

/** The word lists and thresholds of the moderation rules (« Règles »). */
export function ModerationSettingsPage(p: {
  ctx: PageContext;
  csrfToken: string;
  values: ModerationSettingsValues;
  errors: ModerationSettingsErrors;
  saved: boolean;
}) {
  const locale = p.ctx.site.locale;
  const t = moderationSettingsStrings(locale);
  const ty = (text: string) => typeset(text, locale);
  const { values, errors } = p;
  const fields = Object.keys(numberLimits) as NumberField[];
  const messages = fields
    .filter((f) => errors[f])
    .map((f) => ty(t.between(t[f], numberLimits[f][0], numberLimits[f][1])));
  const list = (name: 'bannedWords' | 'suspectWords' | 'blockedDomains', hint: string) => (
    <TextareaField
      id={`regles-${name}`}
      label={t[name]}
      hint={ty(hint)}
      hintId={`aide-${name}`}
      textarea={{ name, rows: 6 }}
      value={values[name]}
    />
  );
  return (
    <AdminLayout ctx={p.ctx} title={t.title} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/moderation">{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      {p.saved ? (
        <p class="notice" role="status">
          {t.saved}
        </p>
      ) : null}
      <p class="hint">{ty(t.intro)}</p>
      <form method="post" action="/admin/moderation/regles" class="admin-form mod-rules" novalidate>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <ErrorSummary title={t.errorsTitle} messages={messages} />
        <fieldset class="ad-fieldset">
          <legend>{t.lists}</legend>
          {list('bannedWords', t.listHint)}
          {list('suspectWords', t.listHint)}
          {list('blockedDomains', t.domainHint)}
        </fieldset>
        <fieldset class="ad-fieldset">
          <legend>{t.thresholds}</legend>
          {fields.map((f) => (
            <Field
              id={`regles-${f}`}
              label={ty(t[f])}
              invalid={Boolean(errors[f])}
              input={{
                name: f,
                type: 'number',
                inputmode: 'numeric',
                min: String(numberLimits[f][0]),
                max: String(numberLimits[f][1]),
                value: values[f],
              }}
            />
          ))}
          <label class="check">
            <input
              type="checkbox"
              name="autoApproveRegulars"
              value="1"
              checked={values.autoApproveRegulars}
              aria-describedby="aide-auto"
            />
            <span>{ty(t.autoApprove)}</span>
          </label>
          <span class="hint" id="aide-auto">
            {ty(t.autoApproveHint)}
          </span>
        </fieldset>
        <button type="submit">{t.save}</button>
      </form>
    </AdminLayout>
  );
}
