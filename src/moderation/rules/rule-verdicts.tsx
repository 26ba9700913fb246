import type { Locale } from '../../settings/site-settings.ts';
import { typeset } from '../../web/typography.ts';
import { ruleLabels, type RuleLabel, type RuleResult, type Verdict } from './rule.ts';

const fr = {
  labels: {
    'banned-words': 'Mot interdit',
    'blocked-domain': 'Domaine bloqué',
    'suspect-words': 'Mot à surveiller',
    'too-many-links': 'Liens',
    'repeated-text': 'Texte répété',
    'all-caps': 'Capitales',
    'other-language': 'Autre langue',
    'rejected-history': 'Souvent refusé',
    regular: 'Habitué',
  } as Record<RuleLabel, string>,
  verdicts: { spam: 'spam', flag: 'à examiner', trusted: 'confiance', ok: '' } as Record<
    Verdict,
    string
  >,
  rulesSaid: 'Règles',
  filterLabel: 'Règle',
  anyLabel: 'Toutes les règles',
  reported: 'Signalés',
  rules: 'Règles de modération',
};

const en: typeof fr = {
  labels: {
    'banned-words': 'Banned word',
    'blocked-domain': 'Blocked domain',
    'suspect-words': 'Suspect word',
    'too-many-links': 'Links',
    'repeated-text': 'Repeated text',
    'all-caps': 'Capitals',
    'other-language': 'Other language',
    'rejected-history': 'Often refused',
    regular: 'Regular',
  },
  verdicts: { spam: 'spam', flag: 'to check', trusted: 'trusted', ok: '' },
  rulesSaid: 'Rules',
  filterLabel: 'Rule',
  anyLabel: 'All rules',
  reported: 'Reported',
  rules: 'Moderation rules',
};

/** The rules' strings in the newsroom's language. */
export function ruleStringsFor(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}

/** A queue item's rule badges: each rule that spoke, its verdict and its reason. */
export function RuleVerdicts(props: { verdicts: RuleResult[] | undefined; locale: Locale }) {
  const verdicts = props.verdicts ?? [];
  if (!verdicts.length) return null;
  const t = ruleStringsFor(props.locale);
  return (
    <ul class="rule-badges" aria-label={t.rulesSaid}>
      {verdicts.map((v) => (
        <li class={`rule-badge rule-${v.verdict}`}>
          <strong>{t.labels[v.label]}</strong>
          <span class="visually-hidden"> ({t.verdicts[v.verdict]})</span> —{' '}
          {props.locale === 'en' ? v.reason.en : typeset(v.reason.fr, 'fr')}
        </li>
      ))}
    </ul>
  );
}

/** The queue filter's rule select (inside the queue's filter form). */
export function RuleLabelFilter(props: { chosen: RuleLabel | undefined; locale: Locale }) {
  const t = ruleStringsFor(props.locale);
  return (
    <span class="mod-filter-rule">
      <label for="filtre-regle">{t.filterLabel}</label>
      <select id="filtre-regle" name="regle">
        <option value="">{t.anyLabel}</option>
        {ruleLabels.map((l) => (
          <option value={l} selected={l === props.chosen}>
            {t.labels[l]}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The queue's links to the reported comments (with their count) and to the rules' settings. */
export function QueueRuleLinks(props: { reported: number; canEditRules: boolean; locale: Locale }) {
  const t = ruleStringsFor(props.locale);
  return (
    <>
      <a href="/admin/moderation/signalements">
        {t.reported} <span class="count">{props.reported}</span>
      </a>
      {props.canEditRules ? (
        <a href="/admin/moderation/regles" class="tab-aside">
          {t.rules}
        </a>
      ) : null}
    </>
  );
}
