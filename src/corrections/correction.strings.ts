import type { Locale } from '../settings/site-settings.ts';
import type { CorrectionError } from './correction.ts';

const fr = {
  /** The label before a correction's text, at the end of the article and on the list. */
  dated: (date: string) => `Correction du ${date} :`,
  heading: 'Corrections',
  /** The link in the footer. */
  footerLink: 'Corrections',
  title: (site: string) => `Corrections — ${site}`,
  pageTitle: (page: number, site: string) => `Corrections (page ${page}) — ${site}`,
  description: (site: string) =>
    `Les corrections apportées aux articles de ${site}, les plus récentes d’abord.`,
  intro:
    'Quand nous nous trompons, nous le corrigeons et nous le disons : voici chaque correction, la plus récente d’abord, avec l’article corrigé.',
  empty: 'Aucune correction publiée pour le moment.',
  /** The newsroom's panel on the article's page. */
  admin: {
    heading: 'Corrections',
    hint: 'Une correction est publiée à la suite de l’article avec sa date, sur la page « Corrections » et pour les moteurs de recherche ; elle met à jour la date « mis à jour » de l’article. Elle ne se modifie pas ensuite.',
    label: 'Nouvelle correction',
    submit: 'Publier la correction',
    none: 'Aucune correction pour cet article.',
    added: 'Correction publiée.',
    onlyPublished: 'Les corrections s’ajoutent aux articles publiés.',
    errors: {
      empty: 'Écrivez le texte de la correction.',
      tooLong: 'La correction est trop longue (2 000 caractères au plus).',
      notPublished:
        'Cet article n’est pas publié : une correction ne s’ajoute qu’à un article en ligne.',
      busy: 'L’article vient d’être modifié par quelqu’un d’autre : renvoyez la correction.',
    } satisfies Record<CorrectionError, string>,
  },
};

const en: typeof fr = {
  dated: (date) => `Correction of ${date}:`,
  heading: 'Corrections',
  footerLink: 'Corrections',
  title: (site) => `Corrections — ${site}`,
  pageTitle: (page, site) => `Corrections (page ${page}) — ${site}`,
  description: (site) => `Corrections made to ${site}’s articles, newest first.`,
  intro:
    'When we get something wrong, we correct it and say so: here is every correction, newest first, with the article corrected.',
  empty: 'No corrections published yet.',
  admin: {
    heading: 'Corrections',
    hint: 'A correction is published under the article with its date, on the « Corrections » page and for search engines; it updates the article’s « updated » date. It cannot be edited afterwards.',
    label: 'New correction',
    submit: 'Publish the correction',
    none: 'No corrections for this article.',
    added: 'Correction published.',
    onlyPublished: 'Corrections are added to published articles.',
    errors: {
      empty: 'Write the text of the correction.',
      tooLong: 'The correction is too long (2,000 characters at most).',
      notPublished: 'This article is not published: corrections are added to live articles only.',
      busy: 'Someone else has just changed the article: send the correction again.',
    },
  },
};

/** Correction strings in the site's language. */
export function correctionStringsFor(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}
