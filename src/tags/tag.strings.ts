import type { Locale } from '../settings/site-settings.ts';

const fr = {
  title: (tag: string, site: string) => `${tag} — ${site}`,
  pageTitle: (tag: string, page: number, site: string) => `${tag} (page ${page}) — ${site}`,
  description: (tag: string, site: string) => `Tous les articles sur « ${tag} » sur ${site}.`,
  kicker: 'Mot-clé',
  intro: (count: number) =>
    count === 1 ? '1 article publié' : `${count.toLocaleString('fr-FR')} articles publiés`,
  tagsLabel: 'Mots-clés',
};

const en: typeof fr = {
  title: (tag, site) => `${tag} — ${site}`,
  pageTitle: (tag, page, site) => `${tag} (page ${page}) — ${site}`,
  description: (tag, site) => `All the articles about “${tag}” on ${site}.`,
  kicker: 'Tag',
  intro: (count) => (count === 1 ? '1 published article' : `${count} published articles`),
  tagsLabel: 'Tags',
};

/** Tag page strings in the site's language. */
export function tagStringsFor(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}
