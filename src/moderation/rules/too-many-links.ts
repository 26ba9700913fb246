import { findLinks } from './links.ts';
import { ok, type Rule } from './rule.ts';

/** More links than the newsroom allows flags the comment (link spam looks like this). */
export const tooManyLinks: Rule = (comment, { settings }) => {
  const n = findLinks(comment.body).length;
  if (n <= settings.maxLinks) return ok('too-many-links');
  return {
    verdict: 'flag',
    label: 'too-many-links',
    reason: {
      fr: `${n} liens (au plus ${settings.maxLinks} sans examen)`,
      en: `${n} links (at most ${settings.maxLinks} without a look)`,
    },
  };
};
