import { foldedWords, isSignificant, stemWord, type QueryTerm } from './search-text.ts';

/** What related articles are chosen on: an article's words, tags, section and date. */
export interface RelatedText {
  id: number;
  title: string;
  kicker: string;
  standfirst: string;
  /** The opening of the body, in plain text. */
  body: string;
  tags: string[];
  sectionId: number;
  publishedAt: string;
}

/** How many related articles an article shows. */
export const RELATED_COUNT = 4;

/** Below this text similarity an article is not related, whatever its section or tags. */
const MIN_SIMILARITY = 0.05;
const BODY_WORDS = 300;

// Where a word appears says how much it tells about the article.
function weightedFields(a: RelatedText): [string, number][] {
  return [
    [a.title, 3],
    [a.kicker, 2],
    [a.tags.join(' '), 2],
    [a.standfirst, 1],
    [a.body.split(/\s+/, BODY_WORDS).join(' '), 0.5],
  ];
}

/** An article's stems with their weights, for the cosine similarity. */
export function termVector(a: RelatedText): Map<string, number> {
  const vector = new Map<string, number>();
  for (const [text, weight] of weightedFields(a))
    for (const word of foldedWords(text))
      if (isSignificant(word)) {
        const stem = stemWord(word);
        vector.set(stem, (vector.get(stem) ?? 0) + weight);
      }
  return vector;
}

/** The article's most telling terms (title, kicker, tags, standfirst), to find candidates with. */
export function relatedTerms(a: RelatedText, max = 12): QueryTerm[] {
  const terms = new Map<string, { word: string; weight: number }>();
  for (const [text, weight] of weightedFields(a).slice(0, 4))
    for (const word of foldedWords(text))
      if (isSignificant(word) && word.length > 2) {
        const stem = stemWord(word);
        const seen = terms.get(stem);
        terms.set(stem, { word: seen?.word ?? word, weight: (seen?.weight ?? 0) + weight });
      }
  return [...terms]
    .sort((x, y) => y[1].weight - x[1].weight)
    .slice(0, max)
    .map(([stem, { word }]) => ({ stem, word }));
}

/** Cosine similarity of two term vectors (0 to 1). */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [term, w] of a) dot += w * (b.get(term) ?? 0);
  if (!dot) return 0;
  const norm = (v: Map<string, number>) =>
    Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
  return dot / (norm(a) * norm(b));
}

/**
 * Weighs each vector's terms by how rare they are in the pool (source and candidates): a word
 * most candidates share says little about which of them is close.
 */
function weighByRarity(vectors: Map<string, number>[]): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const v of vectors) for (const term of v.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = vectors.length;
  return vectors.map(
    (v) => new Map([...v].map(([term, w]) => [term, w * Math.log(1 + n / df.get(term)!)])),
  );
}

/**
 * The ids of the closest candidates, closest first: text similarity (terms weighed by their
 * rarity in the pool), plus a little for the same section, shared tags and nearness in time.
 */
export function pickRelated(
  source: RelatedText,
  candidates: RelatedText[],
  count = RELATED_COUNT,
): number[] {
  const pool = candidates.filter((c) => c.id !== source.id);
  const [vector, ...vectors] = weighByRarity([source, ...pool].map(termVector));
  const tags = new Set(source.tags);
  const at = Date.parse(source.publishedAt);
  return pool
    .map((c, i) => {
      const similarity = cosine(vector!, vectors[i]!);
      const sharedTags = c.tags.filter((t) => tags.has(t)).length;
      const days = Math.abs(at - Date.parse(c.publishedAt)) / 86_400_000 || 0;
      const score =
        similarity +
        (c.sectionId === source.sectionId ? 0.1 : 0) +
        0.05 * Math.min(sharedTags, 3) +
        0.05 / (1 + days / 30);
      return { id: c.id, similarity, score };
    })
    .filter((c) => c.similarity >= MIN_SIMILARITY)
    .sort((x, y) => y.score - x.score || y.id - x.id)
    .slice(0, count)
    .map((c) => c.id);
}
