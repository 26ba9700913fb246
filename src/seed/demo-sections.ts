/** The demo publication's sections, in navigation order. */
export const demoSections = [
  {
    slug: 'politique',
    name: 'Politique',
    description: 'Institutions, partis, élections et diplomatie au Tamaré.',
  },
  {
    slug: 'securite',
    name: 'Sécurité',
    description: 'Défense, sécurité intérieure et situation dans les régions.',
  },
  {
    slug: 'economie',
    name: 'Économie',
    description: 'Budget, entreprises, agriculture, emploi et prix.',
  },
  {
    slug: 'societe',
    name: 'Société',
    description: 'Éducation, santé, justice et vie quotidienne.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Musique, cinéma, littérature, patrimoine et sport.',
  },
] as const;

/** The demo publication's settings. */
export const demoSite = {
  siteName: 'Le Veilleur',
  tagline: 'L’actualité du Sahel, chaque jour',
  locale: 'fr',
  timeZone: 'Africa/Niamey',
  contactEmail: 'contact@leveilleur.example',
} as const;

export const DEMO_ADMIN_EMAIL = 'admin@leveilleur.example';

export const DEMO_MODERATOR_EMAIL = 'moderation@leveilleur.example';
