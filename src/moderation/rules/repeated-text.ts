import { ok, type Rule } from './rule.ts';

/** The same text already posted on other articles recently flags the comment (a paste). */
export const repeatedText: Rule = (_comment, { sameTextElsewhere: n }) => {
  if (n === 0) return ok('repeated-text');
  return {
    verdict: 'flag',
    label: 'repeated-text',
    reason: {
      fr:
        n === 1
          ? 'Même texte déjà posté sous un autre article'
          : `Même texte déjà posté sous ${n} autres articles`,
      en:
        n === 1
          ? 'Same text already posted on another article'
          : `Same text already posted on ${n} other articles`,
    },
  };
};
