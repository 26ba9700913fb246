import type { Locale } from '../../settings/site-settings.ts';

/** The classifier's bands: sure enough one way, the other, or not. */
export type ScoreBand = 'unwanted' | 'acceptable' | 'uncertain';

const nb = '\u00A0';
const percent = (x: number) => `${Math.round(x * 100)}${nb}%`;

const fr = {
  band: {
    unwanted: 'Probablement indésirable',
    acceptable: 'Probablement acceptable',
    uncertain: 'Incertain',
  } as Record<ScoreBand, string>,
  unwantedShare: (x: number) => `${percent(x)} indésirable`,
  towardsUnwanted: 'pèse vers indésirable',
  towardsAcceptable: 'vers acceptable',
  feature: {
    '#liens:0': 'aucun lien',
    '#liens:1': 'un lien',
    '#liens:2+': 'deux liens ou plus',
    '#longueur:tres-court': 'très court',
    '#longueur:court': 'court',
    '#longueur:moyen': 'longueur moyenne',
    '#longueur:long': 'long',
    '#majuscules:beaucoup': 'surtout en capitales',
    '#majuscules:quelques': 'beaucoup de capitales',
    '#ponctuation:repetee': 'ponctuation répétée',
    '#historique:nouveau': 'premier commentaire',
    '#historique:refuse': 'auteur souvent refusé',
    '#historique:habitue': 'habitué',
    '#historique:approuve': 'auteur déjà publié',
  } as Record<string, string>,
  linkTo: (domain: string) => `lien vers ${domain}`,
  sort: 'Ordre',
  sortArrival: 'd’arrivée',
  sortUnwanted: 'plus indésirables d’abord',
  sortAcceptable: 'plus acceptables d’abord',
  selectBand: (band: 'unwanted' | 'acceptable', n: number) =>
    `Tous les ${band === 'unwanted' ? 'indésirables' : 'acceptables'} à 90${nb}% ou plus (${n})`,
  inactive: (acceptable: number, unwanted: number, needed: number) =>
    `Tri automatique inactif : il apprend des décisions de la rédaction et attend ${needed} commentaires approuvés et ${needed} refusés (${acceptable} et ${unwanted} à ce jour).`,
  stats: 'Comment il travaille',
};

const en: typeof fr = {
  band: {
    unwanted: 'Probably unwanted',
    acceptable: 'Probably acceptable',
    uncertain: 'Uncertain',
  },
  unwantedShare: (x) => `${percent(x)} unwanted`,
  towardsUnwanted: 'weighs towards unwanted',
  towardsAcceptable: 'towards acceptable',
  feature: {
    '#liens:0': 'no link',
    '#liens:1': 'one link',
    '#liens:2+': 'two links or more',
    '#longueur:tres-court': 'very short',
    '#longueur:court': 'short',
    '#longueur:moyen': 'medium length',
    '#longueur:long': 'long',
    '#majuscules:beaucoup': 'mostly capitals',
    '#majuscules:quelques': 'many capitals',
    '#ponctuation:repetee': 'repeated punctuation',
    '#historique:nouveau': 'first comment',
    '#historique:refuse': 'author often refused',
    '#historique:habitue': 'regular',
    '#historique:approuve': 'author published before',
  },
  linkTo: (domain) => `link to ${domain}`,
  sort: 'Order',
  sortArrival: 'arrival',
  sortUnwanted: 'most unwanted first',
  sortAcceptable: 'most acceptable first',
  selectBand: (band, n) =>
    `All ${band === 'unwanted' ? 'unwanted' : 'acceptable'} at 90% or more (${n})`,
  inactive: (acceptable, unwanted, needed) =>
    `Automatic sorting is off: it learns from the newsroom's decisions and needs ${needed} approved and ${needed} refused comments (${acceptable} and ${unwanted} so far).`,
  stats: 'How it works',
};

export type ClassifierStrings = typeof fr;

/** The classifier's words in the newsroom's language. */
export function classifierStringsFor(locale: Locale): ClassifierStrings {
  return locale === 'en' ? en : fr;
}

/** A feature as a moderator reads it: a word, a linked domain, or a mark's description. */
export function featureLabel(t: ClassifierStrings, feature: string): string {
  if (feature.startsWith('@')) return t.linkTo(feature.slice(1));
  return t.feature[feature] ?? feature;
}
