import { foldAccents } from '../../search/search-text.ts';

/** What the detector can tell: French, English, another language, or too little text to say. */
export type DetectedLanguage = 'fr' | 'en' | 'other' | 'unknown';

// The commonest short words of each language, folded (no accents). Words both share (« a »,
// « on », « est »…) are left out so that they count for neither.
const stopWords = {
  fr: new Set(
    (
      'le la les des du de un une et ou mais donc ce cette ces il ils elle elles nous vous je tu ' +
      'ne pas plus que qui quoi dont sur dans par pour avec sans sont etait etre avoir fait ' +
      'tres aussi bien tout tous toute leur leurs mon ma mes ton ta tes son sa ses notre votre ' +
      'au aux y en se lui meme comme quand si deja encore ici cela ca c j l d n qu s m'
    ).split(' '),
  ),
  en: new Set(
    (
      'the of and to in is that it for was with be by this are from have has had not they ' +
      'you we he she his her their there what which who will would can could should about ' +
      'been were an or but my your our if when than then them these those its just only also ' +
      'very into out up do does did'
    ).split(' '),
  ),
};

/** Fewer words than this is too short to judge. */
const MIN_WORDS = 6;
/** Below this share of known short words, the text is in neither language. */
const MIN_SHARE = 0.12;

/**
 * A small stop-word detector for French, English or something else: counts the commonest short
 * words of each language. Text in a non-Latin script is « other ». Good enough to flag a comment
 * for a person to read, not to translate.
 */
export function detectLanguage(raw: string): DetectedLanguage {
  // Links say nothing of the language a comment is written in.
  const text = raw.replace(/\b(?:https?:\/\/|www\.)\S+/giu, ' ');
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length >= 20) {
    const latin = letters.filter((l) => /\p{Script=Latin}/u.test(l)).length;
    if (latin / letters.length < 0.5) return 'other';
  }
  const words = foldAccents(text).match(/[a-z]+/g) ?? [];
  if (words.length < MIN_WORDS) return 'unknown';
  let fr = 0;
  let en = 0;
  for (const w of words) {
    if (stopWords.fr.has(w)) fr++;
    if (stopWords.en.has(w)) en++;
  }
  const best = Math.max(fr, en);
  if (best / words.length < MIN_SHARE) return 'other';
  if (fr === en) return 'unknown';
  return fr > en ? 'fr' : 'en';
}
