import type { Locale } from '../settings/site-settings.ts';

const fr = {
  listTitle: 'Articles',
  newArticle: 'Nouvel article',
  editTitle: 'Modifier l’article',
  filterStatus: 'État',
  filterSection: 'Rubrique',
  filterAuthor: 'Auteur',
  search: 'Titre contient',
  filter: 'Filtrer',
  all: 'Tous',
  none: 'Aucun article ne correspond.',
  statuses: {
    draft: 'Brouillon',
    submitted: 'En relecture',
    scheduled: 'Programmé',
    published: 'Publié',
    archived: 'Archivé',
  } as Record<string, string>,
  columns: {
    title: 'Titre',
    status: 'État',
    section: 'Rubrique',
    author: 'Auteur',
    date: 'Dernière modification',
  },
  fields: {
    kicker: 'Surtitre',
    title: 'Titre',
    standfirst: 'Chapô',
    section: 'Rubrique',
    tags: 'Mots-clés (séparés par des virgules)',
    body: 'Texte (Markdown : ## intertitre, **gras**, *italique*, > citation, - liste, [lien](adresse))',
    signature: 'Signature',
    slug: 'Adresse (slug) — laissez vide pour la générer depuis le titre',
    imageId: 'Photo (numéro dans la médiathèque)',
    imageCredit: 'Crédit photo',
    imageCaption: 'Légende',
    imageAlt: 'Texte alternatif (description de la photo)',
    imageIsIllustration: 'Photo d’illustration',
    comments: 'Commentaires ouverts',
    noAds: 'Sans publicité',
    flagUpdate: 'Signaler une mise à jour (« Mis à jour le … »)',
  },
  photo: 'Photo',
  save: 'Enregistrer',
  saved: 'Article enregistré.',
  savedNotMoved:
    'Article enregistré, mais son état n’a pas changé : quelqu’un l’a modifié entre-temps ou l’action n’est plus possible. Vérifiez son état ci-dessous et recommencez.',
  errors: {
    titleLength: 'Le titre doit compter entre 3 et 200 caractères.',
    sectionMissing: 'Choisissez une rubrique.',
    slugInvalid:
      'L’adresse ne peut contenir que des lettres minuscules sans accents, des chiffres et des tirets.',
    slugTaken: 'Cette adresse est déjà utilisée par un autre article.',
    kickerLength: 'Le surtitre ne doit pas dépasser 40 caractères.',
    standfirstLength: 'Le chapô ne doit pas dépasser 600 caractères.',
    imageMissing:
      'Cette photo n’existe pas (ou plus) dans la médiathèque : choisissez-en une autre ou retirez-la.',
  } as Record<string, string>,
  errorsIntro: 'L’article n’a pas été enregistré. Corrigez ce qui suit ; votre texte est conservé.',
  conflict: (who: string, when: string) =>
    `Cet article a été modifié par ${who} le ${when} pendant que vous l’éditiez. Votre version n’a pas été enregistrée pour ne pas écraser la sienne : copiez vos modifications, rechargez la page, puis reportez-les.`,
  transitions: {
    submit: 'Soumettre à la relecture',
    withdraw: 'Retirer de la relecture',
    publish: 'Publier maintenant',
    schedule: 'Programmer',
    unpublish: 'Dépublier',
    archive: 'Archiver',
    restore: 'Sortir des archives',
  } as Record<string, string>,
  scheduleAt: 'Date et heure de publication',
  newDate: (date: string) =>
    `Republier avec la date d’aujourd’hui (sinon l’article garde sa date de première publication, ${date}, et est marqué « mis à jour »)`,
  badTime: 'Choisissez une date de publication dans le futur.',
  statusChanged: 'État de l’article modifié.',
  revisions: 'Versions',
  compareRevisions: 'Comparer ou restaurer une version',
  revisionLine: (v: number, who: string, when: string, note: string) =>
    `v${v} — ${when} — ${who} — ${note}`,
  view: 'Voir sur le site',
};

export type ArticleAdminStrings = typeof fr;

const en: ArticleAdminStrings = {
  listTitle: 'Articles',
  newArticle: 'New article',
  editTitle: 'Edit article',
  filterStatus: 'Status',
  filterSection: 'Section',
  filterAuthor: 'Author',
  search: 'Headline contains',
  filter: 'Filter',
  all: 'All',
  none: 'No article matches.',
  statuses: {
    draft: 'Draft',
    submitted: 'In review',
    scheduled: 'Scheduled',
    published: 'Published',
    archived: 'Archived',
  },
  columns: {
    title: 'Headline',
    status: 'Status',
    section: 'Section',
    author: 'Author',
    date: 'Last modified',
  },
  fields: {
    kicker: 'Kicker',
    title: 'Headline',
    standfirst: 'Standfirst',
    section: 'Section',
    tags: 'Tags (separated by commas)',
    body: 'Text (Markdown: ## subheading, **bold**, *italic*, > quote, - list, [link](address))',
    signature: 'Byline',
    slug: 'Address (slug) — leave empty to make it from the headline',
    imageId: 'Photo (number in the media library)',
    imageCredit: 'Photo credit',
    imageCaption: 'Caption',
    imageAlt: 'Alt text (describes the photo)',
    imageIsIllustration: 'Illustration photo',
    comments: 'Comments open',
    noAds: 'No advertising',
    flagUpdate: 'Flag as updated (“Updated …”)',
  },
  photo: 'Photo',
  save: 'Save',
  saved: 'Article saved.',
  savedNotMoved:
    'Article saved, but its state did not change: someone changed it meanwhile or the action is no longer possible. Check its state below and try again.',
  errors: {
    titleLength: 'The headline must be between 3 and 200 characters long.',
    sectionMissing: 'Choose a section.',
    slugInvalid:
      'The address may only contain lower-case letters without accents, digits and hyphens.',
    slugTaken: 'Another article already uses this address.',
    kickerLength: 'The kicker must not exceed 40 characters.',
    standfirstLength: 'The standfirst must not exceed 600 characters.',
    imageMissing:
      'This photo is not (or no longer) in the media library: choose another one or remove it.',
  },
  errorsIntro: 'The article was not saved. Correct the following; your text has been kept.',
  conflict: (who, when) =>
    `${who} changed this article on ${when} while you were editing it. Your version was not saved so as not to overwrite theirs: copy your changes, reload the page, then make them again.`,
  transitions: {
    submit: 'Submit for review',
    withdraw: 'Withdraw from review',
    publish: 'Publish now',
    schedule: 'Schedule',
    unpublish: 'Unpublish',
    archive: 'Archive',
    restore: 'Take out of the archive',
  },
  scheduleAt: 'Publication date and time',
  newDate: (date: string) =>
    `Republish with today’s date (otherwise the article keeps its first publication date, ${date}, and is marked “updated”)`,
  badTime: 'Choose a publication date in the future.',
  statusChanged: 'Article status changed.',
  revisions: 'Versions',
  compareRevisions: 'Compare or restore a version',
  revisionLine: (v, who, when, note) => `v${v} — ${when} — ${who} — ${note}`,
  view: 'View on the site',
};

/** The newsroom article pages' strings for a locale. */
export function articleAdminStringsFor(locale: Locale): ArticleAdminStrings {
  return locale === 'en' ? en : fr;
}
