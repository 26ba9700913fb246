import { stemmer } from '@orama/stemmers/french';

/** The longest query we search for; longer ones get the help page. */
export const QUERY_MAX = 200;
/** At most this many terms of a query are used. */
export const TERMS_MAX = 8;

// Common French words that carry no meaning in a search; the same list on both databases.
const STOPWORDS = new Set(
  (
    'a ai au aux avec c ce ces cet cette d dans de des du elle elles en et eux il ils ' +
    'j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous ' +
    'on ou par pas pour qu que qui s sa se ses son sur t ta te tes toi ton tu un une vos ' +
    'votre vous y est sont ete etre avoir a ont fait plus comme si tout tous toute toutes ' +
    'the and of to in or not'
  ).split(' '),
);

/** Lower case without accents or ligatures: « Sécurité » and « securite » read the same. */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '');
}

/** The words of a text, folded: only letters a–z and digits survive, so any word is safe in FTS syntax. */
export function foldedWords(text: string): string[] {
  return foldAccents(text).match(/[a-z0-9]+/g) ?? [];
}

/** The stem of one folded word (fold first, then stem: both spellings meet on one stem). */
export function stemWord(folded: string): string {
  if (folded.length <= 2) return folded;
  let stem = stems.get(folded);
  if (stem === undefined) {
    // A language's words repeat: remembering them makes indexing several times faster.
    if (stems.size >= STEMS_KEPT) stems.clear();
    stem = stemmer(folded);
    stems.set(folded, stem);
  }
  return stem;
}

const STEMS_KEPT = 50_000;
const stems = new Map<string, string>();

/** Whether a folded word is worth indexing or searching for. */
export function isSignificant(folded: string): boolean {
  return folded.length > 1 && folded.length <= 40 && !STOPWORDS.has(folded);
}

/** The stems of a text's significant words, in order (the indexed form on SQLite). */
export function stemText(text: string): string[] {
  return foldedWords(text).filter(isSignificant).map(stemWord);
}

/** A query term: the folded word (what PostgreSQL stems itself) and our stem of it. */
export interface QueryTerm {
  word: string;
  stem: string;
}

/** Why a query cannot be searched, for the help page. */
export type QueryProblem = 'empty' | 'tooLong' | 'noWords';

/** Turns what a reader typed into plain terms, or says why there is nothing to search for. */
export function parseQuery(raw: string): { terms: QueryTerm[] } | { problem: QueryProblem } {
  const text = raw.trim();
  if (!text) return { problem: 'empty' };
  if (text.length > QUERY_MAX) return { problem: 'tooLong' };
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const word of foldedWords(text)) {
    if (!isSignificant(word)) continue;
    const stem = stemWord(word);
    if (seen.has(stem)) continue;
    seen.add(stem);
    terms.push({ word, stem });
    if (terms.length === TERMS_MAX) break;
  }
  return terms.length ? { terms } : { problem: 'noWords' };
}

/** The reading text of an article body written in Markdown: no markup, links reduced to their words. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
