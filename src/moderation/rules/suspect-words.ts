import { ok, type Rule } from './rule.ts';
import { findListedWords, quoteWords } from './words.ts';

/** A suspect word or phrase flags the comment for a closer look. */
export const suspectWords: Rule = (comment, { settings }) => {
  const found = findListedWords(`${comment.authorName} ${comment.body}`, settings.suspectWords);
  if (!found.length) return ok('suspect-words');
  return {
    verdict: 'flag',
    label: 'suspect-words',
    reason: {
      fr: `Mot à surveiller : ${quoteWords(found)}`,
      en: `Suspect word: ${quoteWords(found)}`,
    },
  };
};
