/**
 * A labelled corpus of invented reader comments, generated from templates and vocabulary written
 * for Griot (nothing copied), deterministic for a seed: acceptable comments on varied topics,
 * insults, spam with links, off-topic pastes and comments in other languages. It measures the
 * moderation classifier (README « Moderation that learns ») and fills the demo's moderation history.
 */

/** What a generated comment is; every kind but `acceptable` is usually refused. */
export type CorpusKind = 'acceptable' | 'insult' | 'spam' | 'offtopic' | 'foreign';

/** One generated comment with the decision a newsroom would take. */
export interface CorpusComment {
  kind: CorpusKind;
  body: string;
  authorName: string;
  authorEmail: string;
  /** The label: refused (rejected or spam) rather than approved. */
  unwanted: boolean;
}

/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(list: readonly T[]) => T;

const fill = (template: string, pick: Pick, rnd: () => number): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) =>
    key === 'n' ? String(2 + Math.floor(rnd() * 98)) : pick(slots[key] ?? [key]),
  );

const slots: Record<string, readonly string[]> = {
  ville: [
    'Niamey',
    'Zinder',
    'Maradi',
    'Tahoua',
    'Agadez',
    'Dosso',
    'Tillabéri',
    'Diffa',
    'Birni-Sud',
    'Kalanga',
  ],
  equipe: [
    'le Sahel SC',
    'l’AS FAN',
    'Olympic FC',
    'les Ménas',
    'l’US Gendarmerie',
    'l’AS Douanes',
  ],
  joueur: [
    'le gardien',
    'l’attaquant',
    'le capitaine',
    'le nouveau milieu',
    'le sélectionneur',
    'l’arbitre',
  ],
  institution: [
    'le ministère',
    'la mairie',
    'le gouvernement',
    'l’Assemblée',
    'la commission',
    'le conseil régional',
  ],
  chose: [
    'la route',
    'l’hôpital',
    'l’école du quartier',
    'le marché',
    'le forage',
    'la ligne électrique',
    'le pont',
  ],
  prix: ['le riz', 'le sucre', 'le carburant', 'l’huile', 'le mil', 'le gaz', 'le ciment'],
  lien: [
    'https://www.who.int/fr',
    'https://www.banque-mondiale.org',
    'https://data.un.org',
    'https://www.uemoa.int',
    'https://fr.wikipedia.org/wiki/Sahel',
  ],
  spamsite: [
    'gains-rapides.biz',
    'crypto-afrik.win',
    'pret-express.top',
    'marabout-puissant.net',
    'promo-telephones.shop',
    'bit.ly/x3kP9',
    'rencontres-discretes.xyz',
    'bonus-paris.club',
  ],
};

const acceptableTopics: readonly string[] = [
  // security
  'Pensées pour les familles des soldats tombés près de {ville}.',
  'Est-ce que la route vers {ville} est enfin sécurisée ? Les transporteurs attendent depuis des semaines.',
  'Les habitants de {ville} demandent plus de patrouilles la nuit, surtout près du marché.',
  'Il faudrait préciser combien de postes ont été renforcés depuis l’attaque du mois dernier.',
  'Le couvre-feu à {ville} pèse sur les commerçants, mais on comprend la prudence.',
  'Merci de rappeler le numéro à appeler en cas d’incident, beaucoup ne le connaissent pas.',
  // politics
  'Le débat à l’Assemblée sur le budget mérite mieux que des invectives.',
  '{institution} devrait publier le détail des dépenses, c’est la moindre des choses.',
  'Je ne partage pas l’avis du ministre, mais l’entretien est honnête et bien mené.',
  'Les élections locales approchent : quand aura-t-on la liste définitive des candidats à {ville} ?',
  'L’opposition n’a pas tort de demander un audit, la transparence profite à tous.',
  'Bonne analyse de la réforme, même si le calendrier me paraît trop optimiste.',
  // football
  'Quel match hier soir ! {equipe} a enfin montré du caractère en seconde période.',
  '{joueur} a été décisif, il mérite sa place en sélection.',
  'Le terrain de {ville} est dans un état lamentable, il faut le refaire avant la saison.',
  'Trois défaites de suite pour {equipe}, le problème vient du milieu de terrain.',
  'Vivement la Coupe nationale, les jeunes du centre de formation promettent beaucoup.',
  'L’arbitrage était discutable mais la victoire est méritée.',
  // economy
  'Le prix du {prix} a encore augmenté de {n} francs au marché de {ville}.',
  'Les commerçants de {ville} subissent les coupures d’électricité depuis des mois.',
  'Une hausse de {n} % alors que les salaires stagnent, comment font les familles ?',
  'Les chiffres de la croissance sont encourageants, reste à voir l’effet sur l’emploi des jeunes.',
  'Les coopératives agricoles devraient être associées à la fixation des prix.',
  'Bon article sur la microfinance, on parle trop peu des femmes entrepreneures.',
  // daily life
  '{chose} à {ville} attend des travaux depuis {n} mois.',
  'Dans notre quartier l’eau ne coule que deux heures par jour, la situation empire.',
  'Bravo aux enseignants qui continuent malgré des classes de {n} élèves.',
  'Les bus scolaires devraient passer plus tôt, les enfants marchent dans le noir.',
  'La fête de quartier s’est très bien passée, merci aux bénévoles.',
  'Attention aux faux vendeurs de médicaments au marché, mon voisin s’est fait avoir.',
  'La saison des pluies arrive : {chose} sera-t-il réparé à temps ?',
  'Reportage touchant sur les artisans du cuir, on aimerait en lire plus souvent.',
];

const acceptableOpeners = [
  '',
  '',
  '',
  'Bonjour, ',
  'Merci pour cet article. ',
  'Très juste. ',
  'Bonsoir. ',
  'À mon avis, ',
  'Franchement, ',
];
const acceptableClosers = [
  '',
  '',
  '',
  ' Merci à la rédaction.',
  ' Continuez ainsi.',
  ' Qu’en pensent les autres lecteurs ?',
  ' Il faudra suivre cela de près.',
  ' C’est scandaleux que rien ne bouge.',
  ' Quelle honte pour nos dirigeants.',
  ' Les responsables sont incompétents, il faut le dire.',
];

const insults: readonly string[] = [
  'Espèce d’idiot, tu ne comprends rien à rien.',
  'Bande de nuls, vous écrivez n’importe quoi.',
  'Ferme-la, abruti, personne ne t’a demandé ton avis.',
  'Ce journaliste est un vendu et un menteur, honte à toi.',
  'Les gens de {ville} sont tous des voleurs, tout le monde le sait.',
  'Crétin ! Retourne à l’école avant de commenter.',
  'Quel imbécile ce {joueur}, qu’il dégage.',
  'Va te faire voir avec tes leçons de morale, minable.',
  'Tu racontes des conneries, pauvre type.',
  'Ces gens-là sont des parasites, qu’on les renvoie chez eux.',
  'Journal de merde, torchon payé par {institution}.',
  'Tais-toi donc, sale hypocrite, on connaît ta famille.',
  'Débile profond, ton commentaire est une insulte à l’intelligence.',
  'Vous êtes des chiens, tous autant que vous êtes.',
];

const spam: readonly string[] = [
  'Gagnez {n} 000 FCFA par semaine depuis chez vous ! Inscription gratuite sur https://{spamsite}',
  'MARABOUT PUISSANT : retour de l’être aimé en 3 jours, chance aux jeux. Appelez vite ou visitez http://{spamsite}',
  'Prêt rapide sans garantie entre particuliers, réponse en 24 h : www.{spamsite}',
  'Investissez dans la crypto et doublez votre argent, résultats garantis http://{spamsite} http://{spamsite}',
  'Promo exceptionnelle sur les téléphones, livraison à {ville} : https://{spamsite}/offre',
  'Travail à domicile, {n} € par jour, contactez-moi sur WhatsApp ou https://{spamsite}',
  'Vous cherchez l’amour ? Rencontres discrètes près de {ville} sur https://{spamsite}',
  'Paris sportifs : bonus de bienvenue de {n} 000 F avec le code VIP sur http://{spamsite}',
  'Cliquez ici pour recevoir votre cadeau gratuit avant ce soir http://{spamsite}',
];

const offtopic: readonly string[] = [
  'Recette du riz au gras : faire revenir les oignons, ajouter la tomate, la viande, puis le riz et l’eau, laisser cuire {n} minutes à feu doux.',
  'Partagez ce message à dix personnes et vous recevrez une bonne nouvelle avant vendredi, sinon le malheur vous suivra.',
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
  'Je vends un terrain de {n} mètres carrés à {ville}, bien situé, prix à débattre, écrivez-moi.',
  'Qui a vu ma chèvre blanche perdue près du marché de {ville} mardi ? Récompense.',
  'Premier ! Premier ! Premier !',
  'Test test 1 2 3 est-ce que ça marche',
  'Copier-coller : AVIS À TOUS LES UTILISATEURS, demain le réseau sera payant, transférez ce message.',
  'Horoscope du jour : les natifs du Lion trouveront l’argent, les Vierges doivent se méfier.',
  'Voici les paroles de la chanson : oh ma belle, oh ma belle, tu es partie sans revenir, oh ma belle.',
  'aaaaaaaaaa bbbbbbbbb ccccccc',
];

const foreign: readonly string[] = [
  'Great article, thanks for sharing this with us.',
  'I totally disagree with the government on this one.',
  'Check out my channel for more videos about Africa.',
  'Nice post, very informative, keep it up.',
  'Where can I find the full report in English?',
  'Allah ya kiyaye, mun gode da labarin nan.',
  'Sannu da aiki, Allah ya taimaka.',
  'Muy buen artículo, saludos desde Madrid.',
  'Obrigado pela informação, muito importante.',
];

const firstNames = [
  'Hamidou',
  'Fatimata',
  'Ali',
  'Mariam',
  'Boubacar',
  'Aïcha',
  'Seydou',
  'Ramatou',
  'Issoufou',
  'Zeinabou',
  'Moussa',
  'Hadiza',
  'Abdoulaye',
  'Salamatou',
  'Oumarou',
  'Nana',
];
const lastInitials = 'ABDGHIKMNOSTYZ'.split('');

const mix: [CorpusKind, number][] = [
  ['acceptable', 0.6],
  ['insult', 0.15],
  ['spam', 0.12],
  ['offtopic', 0.07],
  ['foreign', 0.06],
];

/**
 * Generates `count` labelled comments for a seed. About 3 % of labels are flipped, as real
 * moderators disagree; other languages are refused nine times out of ten; a pool of regular
 * readers write most acceptable comments and a few trolls write many insults.
 */
export function generateCorpus({ seed, count }: { seed: number; count: number }): CorpusComment[] {
  const rnd = seededRandom(seed);
  const pick: Pick = (list) => list[Math.floor(rnd() * list.length)]!;
  const regulars = Array.from({ length: 60 }, (_, i) => i);
  const trolls = Array.from({ length: 12 }, (_, i) => i);
  const out: CorpusComment[] = [];
  for (let i = 0; i < count; i++) {
    let r = rnd();
    let kind: CorpusKind = 'acceptable';
    for (const [k, p] of mix) {
      if (r < p) {
        kind = k;
        break;
      }
      r -= p;
    }
    let body: string;
    let author: { name: string; email: string };
    if (kind === 'acceptable') {
      const n = 1 + Math.floor(rnd() * 2.4);
      const sentences = Array.from({ length: n }, () => fill(pick(acceptableTopics), pick, rnd));
      const opener = pick(acceptableOpeners);
      let text = sentences.join(' ');
      // « À mon avis, les… »: after a comma the sentence goes on in lower case.
      if (opener.endsWith(', ')) text = text.charAt(0).toLowerCase() + text.slice(1);
      body = opener + text + pick(acceptableClosers);
      if (rnd() < 0.05) body += ` Source : ${pick(slots.lien!)}`;
      author =
        rnd() < 0.6
          ? person(pick(regulars), 'lecteur')
          : person(Math.floor(rnd() * 5000), 'visiteur');
    } else if (kind === 'insult') {
      body = fill(pick(insults), pick, rnd);
      if (rnd() < 0.5) body = `${fill(pick(acceptableTopics), pick, rnd)} ${body}`;
      if (rnd() < 0.2) body = body.toUpperCase();
      author =
        rnd() < 0.5 ? person(pick(trolls), 'troll') : person(Math.floor(rnd() * 5000), 'visiteur');
    } else if (kind === 'spam') {
      body = fill(pick(spam), pick, rnd);
      if (rnd() < 0.3) body = body.toUpperCase();
      author = person(Math.floor(rnd() * 100000), 'promo');
    } else if (kind === 'offtopic') {
      body = fill(pick(offtopic), pick, rnd);
      author = person(Math.floor(rnd() * 5000), 'visiteur');
    } else {
      body = pick(foreign);
      if (rnd() < 0.4) body += ` ${pick(foreign)}`;
      author = person(Math.floor(rnd() * 5000), 'visiteur');
    }
    let unwanted = kind !== 'acceptable';
    if (kind === 'foreign' && rnd() < 0.1) unwanted = false;
    if (rnd() < 0.03) unwanted = !unwanted;
    out.push({ kind, body, authorName: author.name, authorEmail: author.email, unwanted });
  }
  return out;
}

function person(n: number, pool: string): { name: string; email: string } {
  const first = firstNames[n % firstNames.length]!;
  const initial = lastInitials[Math.floor(n / firstNames.length) % lastInitials.length]!;
  return { name: `${first} ${initial}.`, email: `${pool}${n}@example.org` };
}
