import { foldAccents } from '../../search/search-text.ts';

/**
 * A text reduced for matching word lists: folded (case, accents, ligatures), letters and digits
 * only, single spaces, with a space at each end so that ` mot ` matches whole words.
 */
export function matchableText(text: string): string {
  const words = foldAccents(text.normalize('NFKC')).match(/[\p{L}\p{N}]+/gu) ?? [];
  return ` ${words.join(' ')} `;
}

/**
 * The entries of a word list found in a text, as written in the list. An entry matches whole
 * words (« con » does not match « conseil »); one ending in `*` matches words beginning with it
 * (« arnaque* » matches « arnaqueurs »); an entry of several words matches them in a row.
 */
export function findListedWords(text: string, list: readonly string[]): string[] {
  const haystack = matchableText(text);
  const found: string[] = [];
  for (const entry of list) {
    const prefix = entry.trim().endsWith('*');
    const needle = matchableText(entry).trim();
    if (!needle) continue;
    if (haystack.includes(prefix ? ` ${needle}` : ` ${needle} `)) found.push(entry.trim());
  }
  return found;
}

/** Up to three found words, quoted, for a reason. */
export function quoteWords(words: string[]): string {
  const shown = words.slice(0, 3).map((w) => `« ${w} »`);
  return words.length > 3 ? `${shown.join(', ')}…` : shown.join(', ');
}
