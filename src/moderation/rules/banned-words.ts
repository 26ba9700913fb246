import { ok, type Rule } from './rule.ts';
import { findListedWords, quoteWords } from './words.ts';

/** A banned word or phrase sends the comment to spam (a moderator can still restore it). */
export const bannedWords: Rule = (comment, { settings }) => {
  const found = findListedWords(`${comment.authorName} ${comment.body}`, settings.bannedWords);
  if (!found.length) return ok('banned-words');
  return {
    verdict: 'spam',
    label: 'banned-words',
    reason: {
      fr: `Mot interdit : ${quoteWords(found)}`,
      en: `Banned word: ${quoteWords(found)}`,
    },
  };
};
