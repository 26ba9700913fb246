import type { DemoArticle } from './types.ts';

/**
 * The demo's live page (« En direct », issue 15): the final of the Coupe du Tamaré, followed
 * minute by minute, its coverage ended. Fictional, like the rest of « Le Veilleur ».
 */
export const liveDemoArticle: DemoArticle = {
  section: 'societe',
  kicker: 'FOOTBALL',
  title: 'Coupe du Tamaré : Birni-Sud sacrée aux tirs au but',
  standfirst:
    'Le stade du 12-Octobre de Dounzé accueillait la finale de la Coupe nationale. Suivez avec nous, minute par minute, la soirée qui a vu l’AS Birni-Sud remporter son premier titre.',
  body: `
La finale de la Coupe du Tamaré oppose ce soir l'Étoile de Dounzé, tenante du titre, à l'AS Birni-Sud, qui dispute la première finale de son histoire. Coup d'envoi à 17 heures au stade du 12-Octobre, à guichets fermés : les 30 000 billets mis en vente par la fédération se sont écoulés en moins de deux jours, et des écrans géants ont été installés sur les places principales des deux villes.

Nos journalistes sont au stade, dans les vestiaires et dans les rues de Dounzé et de Birni-Sud. Les dernières informations s'affichent ci-dessous, les plus récentes en haut, et l'essentiel de la soirée est résumé en tête du direct.

## Une finale inédite

Jamais les deux clubs ne s'étaient affrontés à ce stade de la compétition. L'Étoile de Dounzé, fondée en 1961, a remporté la Coupe à onze reprises, dont les deux dernières éditions, et reste le club le plus titré du pays. Elle a atteint la finale sans encaisser le moindre but, en éliminant successivement l'US Kalanga, le Réveil de Tessaoua-Nord et, en demi-finale, le Stade oualéen au terme d'un match très fermé.

L'AS Birni-Sud, promue en première division il y a trois saisons seulement, a créé la surprise en sortant deux anciens vainqueurs de l'épreuve. Son parcours doit beaucoup à un effectif jeune, formé pour l'essentiel dans le centre du club, et à son entraîneur, l'ancien international Soumaïla Dandi-Koré, arrivé sur le banc l'été dernier. « Nous n'avons rien à perdre et tout à gagner », répétait-il cette semaine devant la presse.

## Les enjeux du match

Au-delà du trophée, la finale ouvre au vainqueur les portes de la Coupe de la confédération africaine la saison prochaine, une première pour Birni-Sud et une source de recettes importante pour l'un comme pour l'autre club. La fédération a annoncé une prime de 50 millions de francs CFA pour le vainqueur et de 20 millions pour le finaliste.

Les autorités ont mobilisé un important dispositif de sécurité autour du stade et sur la route nationale entre les deux villes, que des centaines de supporters de Birni-Sud ont empruntée dès la veille. La circulation est restreinte dans le centre de Dounzé depuis le début de l'après-midi, et les transports en commun ont été renforcés pour le retour des spectateurs après la rencontre.

## Comment suivre la soirée

Ce direct est mis à jour par notre rédaction tout au long de la soirée, des premières arrivées au stade jusqu'aux réactions d'après-match. Chaque entrée porte son heure et le nom de son auteur, et son lien peut être partagé. Les résultats et les temps forts sont épinglés dans « L'essentiel ».
`,
  signature: 'La Rédaction',
  authorEmail: 'boubacar.tounkara@leveilleur.example',
  coauthorEmails: ['boubacar.tounkara@leveilleur.example', 'hawa.diabate@leveilleur.example'],
  photo: {
    theme: 'stadium',
    credit: 'Le Veilleur',
    caption: 'Le stade du 12-Octobre de Dounzé avant le coup d’envoi de la finale.',
    alt: 'Les tribunes pleines d’un stade au coucher du soleil',
  },
  hoursAgo: 27,
  tags: ['football', 'coupe du tamaré', 'en direct'],
};

/** One entry of the demo's live page, in minutes after its coverage began. */
export interface DemoLiveEntry {
  minutes: number;
  body: string;
  authorEmail: string;
  pinned?: boolean;
  /** Shows the article's own photo in the entry (a `media:` line). */
  withPhoto?: boolean;
}

const BOUBACAR = 'boubacar.tounkara@leveilleur.example';
const HAWA = 'hawa.diabate@leveilleur.example';
const ROKIA = 'rokia.sanogo@leveilleur.example';

/** How long the demo's coverage lasted, in minutes. */
export const LIVE_DEMO_MINUTES = 200;

/** The entries, oldest first. */
export const liveDemoEntries: DemoLiveEntry[] = [
  {
    minutes: 40,
    authorEmail: BOUBACAR,
    body: "Les compositions sont tombées : l'Étoile aligne son équipe type, Birni-Sud se passe de son gardien titulaire, blessé.",
  },
  {
    minutes: 62,
    authorEmail: BOUBACAR,
    body: "**Coup d'envoi !** L'arbitre, Aminata Koné-Wassa, lance la finale sous une chaleur encore forte.",
  },
  {
    minutes: 85,
    authorEmail: BOUBACAR,
    body: "**But pour l'Étoile de Dounzé (1-0), 23e minute.** Sur un centre venu de la gauche, Moussa Garba-Lélé reprend de la tête au second poteau. Le stade explose.",
  },
  {
    minutes: 112,
    authorEmail: HAWA,
    body: "Mi-temps : l'Étoile de Dounzé mène 1-0. À Birni-Sud, devant l'écran géant, les supporters restent confiants.",
  },
  {
    minutes: 150,
    authorEmail: BOUBACAR,
    body: "**Égalisation de l'AS Birni-Sud (1-1), 81e minute !** Le jeune Ibrahim Sallé, entré en jeu dix minutes plus tôt, trompe le gardien d'une frappe croisée. Tout est à refaire.",
  },
  {
    minutes: 166,
    authorEmail: BOUBACAR,
    body: 'Fin du temps réglementaire : 1-1. Les deux équipes iront aux tirs au but, le règlement de la Coupe ne prévoyant pas de prolongations.',
  },
  {
    minutes: 181,
    authorEmail: BOUBACAR,
    pinned: true,
    body: "**L'AS Birni-Sud remporte la Coupe du Tamaré** en battant l'Étoile de Dounzé aux tirs au but (1-1, 5 tirs au but à 4). C'est le premier titre national de l'histoire du club.",
  },
  {
    minutes: 188,
    authorEmail: HAWA,
    withPhoto: true,
    body: 'Scènes de joie à Birni-Sud, où des milliers de supporters sont descendus dans les rues dès le dernier tir au but.',
  },
  {
    minutes: 195,
    authorEmail: ROKIA,
    pinned: true,
    body: "**Ce qu'il faut retenir :** score final 1-1 (5-4 aux tirs au but) ; buts de Moussa Garba-Lélé (23e) et d'Ibrahim Sallé (81e) ; 30 000 spectateurs ; l'AS Birni-Sud disputera la Coupe de la confédération l'an prochain.",
  },
  {
    minutes: LIVE_DEMO_MINUTES,
    authorEmail: ROKIA,
    body: 'Ce direct est terminé. Merci de l’avoir suivi avec nous.',
  },
];
