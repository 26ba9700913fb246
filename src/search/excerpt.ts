import { foldAccents, isSignificant, stemWord } from './search-text.ts';

/** A piece of shown text; `hit` when it is a word the reader searched for. */
export interface TextPart {
  text: string;
  hit: boolean;
}

/** How many words an excerpt shows. */
export const EXCERPT_WORDS = 30;

interface Token {
  text: string;
  hit: boolean;
}

// Words and the spaces or punctuation after them, so the excerpt reads as the original.
function tokens(text: string, stems: Set<string>): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu)) {
    const piece = m[0];
    const isWord = /^[\p{L}\p{N}]/u.test(piece);
    let hit = false;
    if (isWord) {
      const folded = foldAccents(piece);
      hit = isSignificant(folded) && stems.has(stemWord(folded));
    }
    out.push({ text: piece, hit });
  }
  return out;
}

function merge(parts: Token[]): TextPart[] {
  const out: TextPart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && !last.hit && !p.hit) last.text += p.text;
    else out.push({ text: p.text, hit: p.hit });
  }
  return out;
}

/** A text with the searched words marked, whole (for titles). */
export function markHits(text: string, stems: Set<string>): TextPart[] {
  return merge(tokens(text, stems));
}

/**
 * The passage of about EXCERPT_WORDS words with the most searched words, from the first of
 * `texts` that has any (else the opening words of the first), with the hits marked.
 */
export function excerptOf(texts: string[], stems: Set<string>, size = EXCERPT_WORDS): TextPart[] {
  const all = texts.filter(Boolean).map((t) => tokens(t, stems));
  const wordsOf = (ts: Token[]) => ts.flatMap((t, i) => (/^[\p{L}\p{N}]/u.test(t.text) ? [i] : []));
  for (const ts of all) {
    const w = wordsOf(ts);
    const window = bestWindow(
      w.map((i) => ts[i]!.hit),
      size,
    );
    if (window) return cut(ts, w, window, size);
  }
  const ts = all[0] ?? [];
  const w = wordsOf(ts);
  return w.length ? cut(ts, w, 0, size) : [];
}

// The start of the window of `size` words with the most hits, a few words of context before
// the first of them; undefined when there is no hit at all.
function bestWindow(hits: boolean[], size: number): number | undefined {
  let count = 0;
  let best = 0;
  let bestStart = 0;
  for (let i = 0; i < hits.length; i++) {
    if (hits[i]) count++;
    if (i >= size && hits[i - size]) count--;
    if (count > best) {
      best = count;
      bestStart = Math.max(0, i - size + 1);
    }
  }
  if (!best) return undefined;
  const first = hits.indexOf(true, bestStart);
  return Math.max(0, Math.min(first - 5, hits.length - size));
}

function cut(ts: Token[], words: number[], start: number, size: number): TextPart[] {
  const end = Math.min(start + size, words.length) - 1;
  const out = merge(ts.slice(words[start], words[end]! + 1));
  if (start > 0) out.unshift({ text: '… ', hit: false });
  if (end < words.length - 1) out.push({ text: ' …', hit: false });
  return out;
}
