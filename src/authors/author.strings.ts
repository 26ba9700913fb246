import type { Locale } from '../settings/site-settings.ts';

const fr = {
  title: (name: string, site: string) => `${name}, articles — ${site}`,
  pageTitle: (name: string, page: number, site: string) =>
    `${name}, articles (page ${page}) — ${site}`,
  description: (name: string, site: string) => `Tous les articles signés ${name} sur ${site}.`,
  kicker: 'Signature',
  intro: (count: number) =>
    count === 1 ? '1 article publié' : `${count.toLocaleString('fr-FR')} articles publiés`,
  signatureLink: (name: string) => `Tous les articles de ${name}`,
};

const en: typeof fr = {
  title: (name, site) => `${name}, articles — ${site}`,
  pageTitle: (name, page, site) => `${name}, articles (page ${page}) — ${site}`,
  description: (name, site) => `All the articles by ${name} on ${site}.`,
  kicker: 'Byline',
  intro: (count) => (count === 1 ? '1 published article' : `${count} published articles`),
  signatureLink: (name) => `All the articles by ${name}`,
};

/** Author page strings in the site's language. */
export function authorStringsFor(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}
