import type { Locale } from '../settings/site-settings.ts';

const fr = {
  // `site.de`: the name as it follows « de » (« du Veilleur »).
  siteDescription: (site: { name: string; de: string }) => `Les derniers articles ${site.de}.`,
  sectionTitle: (section: string, site: string) => `${section} — ${site}`,
  sectionDescription: (section: string, site: string) =>
    `Les derniers articles de la rubrique ${section} sur ${site}.`,
  authorTitle: (name: string, site: string) => `${name} — ${site}`,
  authorDescription: (name: string, site: string) =>
    `Les derniers articles signés ${name} sur ${site}.`,
  tagTitle: (tag: string, site: string) => `« ${tag} » — ${site}`,
  tagDescription: (tag: string, site: string) =>
    `Les derniers articles sur « ${tag} » sur ${site}.`,
};

const en: typeof fr = {
  siteDescription: (site) => `The latest articles from ${site.name}.`,
  sectionTitle: (section, site) => `${section} — ${site}`,
  sectionDescription: (section, site) => `The latest ${section} articles on ${site}.`,
  authorTitle: (name, site) => `${name} — ${site}`,
  authorDescription: (name, site) => `The latest articles by ${name} on ${site}.`,
  tagTitle: (tag, site) => `“${tag}” — ${site}`,
  tagDescription: (tag, site) => `The latest articles about “${tag}” on ${site}.`,
};

/** Feed titles and descriptions in the site's language. */
export function feedStringsFor(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}
