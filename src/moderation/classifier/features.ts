import { foldedWords, isSignificant, stemWord } from '../../search/search-text.ts';

/** What the classifier knows of a comment: its text and its author's past decisions. */
export interface CommentForScoring {
  body: string;
  /** The author's earlier comments, as decided (this one excluded). */
  history: { approved: number; rejected: number };
  /** How long its author took to write it (comments.fill_ms); null when unknown. */
  fillMs?: number | null | undefined;
}

/** A comment's features and, for each word stem, a word of the comment that shows it. */
export interface Features {
  features: string[];
  words: Map<string, string>;
}

const LINK = /\b(?:https?:\/\/|www\.)([a-z0-9.-]+)/gi;

/**
 * The distinct features of a comment: the stems of its words (our French folding and stemming,
 * as search uses), the domains it links to, and a few marks beginning with « # »: how many
 * links, its length, its share of capitals, repeated punctuation, and its author's history.
 */
export function commentFeatures(comment: CommentForScoring): Features {
  const set = new Set<string>();
  const words = new Map<string, string>();
  const { body } = comment;
  let links = 0;
  for (const m of body.matchAll(LINK)) {
    links++;
    set.add(`@${m[1]!.toLowerCase().replace(/^www\./, '')}`);
  }
  const text = links ? body.replace(LINK, ' ') : body;
  for (const word of foldedWords(text)) {
    if (!isSignificant(word) || /^\d+$/.test(word)) continue;
    const stem = stemWord(word);
    if (!set.has(stem)) {
      set.add(stem);
      words.set(stem, word);
    }
  }
  set.add(links === 0 ? '#liens:0' : links === 1 ? '#liens:1' : '#liens:2+');
  const n = body.length;
  set.add(
    n < 40
      ? '#longueur:tres-court'
      : n < 200
        ? '#longueur:court'
        : n < 800
          ? '#longueur:moyen'
          : '#longueur:long',
  );
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  if (letters >= 10) {
    const share = capitals / letters;
    if (share > 0.5) set.add('#majuscules:beaucoup');
    else if (share > 0.15) set.add('#majuscules:quelques');
  }
  if (/[!?]{3,}/.test(body)) set.add('#ponctuation:repetee');
  // Robots and pasted spam are fast; a reply thought over is slow. Unknown: no mark.
  const ms = comment.fillMs;
  if (typeof ms === 'number' && ms >= 0)
    set.add(
      ms < 15_000
        ? '#remplissage:eclair'
        : ms < 60_000
          ? '#remplissage:rapide'
          : ms < 300_000
            ? '#remplissage:normal'
            : '#remplissage:long',
    );
  const { approved, rejected } = comment.history;
  if (approved + rejected === 0) set.add('#historique:nouveau');
  else if (rejected > approved) set.add('#historique:refuse');
  else if (approved >= 3 && rejected === 0) set.add('#historique:habitue');
  else set.add('#historique:approuve');
  return { features: [...set], words };
}
