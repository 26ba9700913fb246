import { detectLanguage } from './detect-language.ts';
import { ok, type Rule } from './rule.ts';

const names = {
  fr: { fr: 'français', en: 'French' },
  en: { fr: 'anglais', en: 'English' },
  other: { fr: 'une autre langue', en: 'another language' },
};

/** A comment written in a language other than the site's is flagged for a person to read. */
export const otherLanguage: Rule = (comment, { siteLanguage }) => {
  const found = detectLanguage(comment.body);
  if (found === 'unknown' || found === siteLanguage) return ok('other-language');
  return {
    verdict: 'flag',
    label: 'other-language',
    reason: {
      fr: `Semble écrit en ${names[found].fr}`,
      en: `Seems to be written in ${names[found].en}`,
    },
  };
};
