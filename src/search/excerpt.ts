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
  word: boolean;
}

// Words and the spaces or punctuation after them, so the excerpt reads as the original.
function tokens(text: string, stems: Set<string>): Token[] {
  const out: Token[] = [];
  // Words repeat within a text; folding and stemming each once keeps excerpts cheap.
  const seen = new Map<string, boolean>();
  for (const m of text.matchAll(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu)) {
    const piece = m[0];
    const word = WORD_START.test(piece);
    let hit = seen.get(piece);
    if (hit === undefined) {
      hit = false;
      if (word) {
        const folded = foldAccents(piece);
        hit = isSignificant(folded) && stems.has(stemWord(folded));
      }
      seen.set(piece, hit);
    }
    out.push({ text: piece, hit, word });
  }
  return out;
}

const WORD_START = /^[\p{L}\p{N}]/u;

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
  const wordsOf = (ts: Token[]) => ts.flatMap((t, i) => (t.word ? [i] : []));
  let first: Token[] | undefined;
  for (const text of texts.filter(Boolean)) {
    const ts = tokens(text, stems);
    first ??= ts;
    const w = wordsOf(ts);
    const window = bestWindow(
      w.map((i) => ts[i]!.hit),
      size,
    );
    if (window) return cut(ts, w, window, size);
  }
  const ts = first ?? [];
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
