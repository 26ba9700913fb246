import { ok, type Rule } from './rule.ts';

/** Below this many letters, capitals say nothing (« OK », « ONU »). */
const MIN_LETTERS = 20;

/** A comment written mostly in capitals (shouting) is flagged. */
export const allCaps: Rule = (comment, { settings }) => {
  const letters = comment.body.match(/\p{L}/gu) ?? [];
  if (letters.length < MIN_LETTERS) return ok('all-caps');
  const upper = letters.filter((l) => l !== l.toLowerCase() && l === l.toUpperCase()).length;
  const percent = Math.round((upper / letters.length) * 100);
  if (percent < settings.capsPercent) return ok('all-caps');
  return {
    verdict: 'flag',
    label: 'all-caps',
    reason: {
      fr: `Écrit en capitales (${percent} % des lettres)`,
      en: `Written in capitals (${percent}% of letters)`,
    },
  };
};
