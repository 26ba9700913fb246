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
    correction: 'Note de correction (affichée à la fin de l’article)',
    noAds: 'Sans publicité',
    flagUpdate: 'Signaler une mise à jour (« Mis à jour le … »)',
  },
  save: 'Enregistrer',
  saved: 'Article enregistré.',
  errors: {
    titleLength: 'Le titre doit compter entre 3 et 200 caractères.',
    sectionMissing: 'Choisissez une rubrique.',
    slugInvalid:
      'L’adresse ne peut contenir que des lettres minuscules sans accents, des chiffres et des tirets.',
    slugTaken: 'Cette adresse est déjà utilisée par un autre article.',
    kickerLength: 'Le surtitre ne doit pas dépasser 40 caractères.',
    standfirstLength: 'Le chapô ne doit pas dépasser 600 caractères.',
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
  badTime: 'Choisissez une date de publication dans le futur.',
  statusChanged: 'État de l’article modifié.',
  revisions: 'Versions',
  compareRevisions: 'Comparer ou restaurer une version',
  pageWeight: (total: number, html: number, css: number, image: number, budget: number) =>
    `Poids de la page au premier affichage sur un téléphone : ${total} Ko (HTML ${html} Ko, CSS ${css} Ko, photo ${image} Ko ; budget ${budget} Ko).`,
  pageWeightOver: 'C’est au-dessus du budget : allégez la photo ou le texte.',
  revisionLine: (v: number, who: string, when: string, note: string) =>
    `v${v} — ${when} — ${who} — ${note}`,
  view: 'Voir sur le site',
  forbidden: 'Vous ne pouvez pas modifier cet article.',
};

export type ArticleAdminStrings = typeof fr;

/** The newsroom article pages' strings for a locale (French for now; English falls back to it). */
export function articleAdminStringsFor(_locale: Locale): ArticleAdminStrings {
  return fr;
}
