import type { Locale } from '../settings/site-settings.ts';
import { QUERY_MAX } from './search-text.ts';

const fr = {
  title: 'Recherche',
  titleFor: (q: string) => `Recherche : ${q}`,
  field: 'Mots recherchés',
  section: 'Rubrique',
  allSections: 'Toutes les rubriques',
  submit: 'Rechercher',
  count: (n: number) =>
    n === 0
      ? 'Aucun article trouvé'
      : n === 1
        ? '1 article trouvé'
        : `${n.toLocaleString('fr-FR')} articles trouvés`,
  inSection: (name: string) => `dans la rubrique ${name}`,
  empty: 'Que cherchez-vous ? Tapez un ou plusieurs mots : un lieu, une personne, un sujet.',
  tooLong: `Votre recherche est trop longue. Gardez quelques mots, au plus ${QUERY_MAX} caractères.`,
  noWords:
    'Votre recherche ne contient aucun mot que nous puissions chercher. Essayez avec des mots du sujet qui vous intéresse.',
  noResults: 'Aucun article ne contient tous ces mots.',
  tipsTitle: 'Quelques conseils',
  tips: [
    'Vérifiez l’orthographe ; les accents et les majuscules ne comptent pas.',
    'Essayez moins de mots, ou des mots plus courants.',
    'Cherchez dans toutes les rubriques.',
  ],
  latest: 'Derniers articles',
  related: 'À lire aussi',
};

export type SearchStrings = typeof fr;

const en: typeof fr = {
  title: 'Search',
  titleFor: (q) => `Search: ${q}`,
  field: 'Search words',
  section: 'Section',
  allSections: 'All sections',
  submit: 'Search',
  count: (n) =>
    n === 0
      ? 'No article found'
      : n === 1
        ? '1 article found'
        : `${n.toLocaleString('en-GB')} articles found`,
  inSection: (name) => `in the ${name} section`,
  empty: 'What are you looking for? Type one or more words: a place, a person, a subject.',
  tooLong: `Your search is too long. Keep a few words, at most ${QUERY_MAX} characters.`,
  noWords: 'Your search holds no word we can look for. Try words about the subject you want.',
  noResults: 'No article holds all these words.',
  tipsTitle: 'A few tips',
  tips: [
    'Check the spelling; accents and capitals do not matter.',
    'Try fewer words, or more common ones.',
    'Search all sections.',
  ],
  latest: 'Latest articles',
  related: 'Read also',
};

/** The search page's and related articles' strings for a locale. */
export function searchStringsFor(locale: Locale): SearchStrings {
  return locale === 'en' ? en : fr;
}
