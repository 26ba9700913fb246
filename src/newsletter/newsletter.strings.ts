import type { Locale } from '../settings/site-settings.ts';
import type { DeliveryState } from './newsletter.ts';
import type { EditionKind, EditionStatus, SubscriberStatus } from './newsletter.table.ts';

/** Why a subscription form came back. */
export type SubscribeError = 'email-invalid' | 'flood';

const fr = {
  /** The footer link and the page's heading. */
  name: 'Lettre d’information',
  title: (site: string) => `Lettre d’information — ${site}`,
  description: (site: string) =>
    `Recevez chaque jour par courriel les principaux articles de ${site}, et nos éditions spéciales.`,
  intro: (de: string) =>
    `Les principaux articles du jour dans votre boîte aux lettres, et une édition spéciale quand l’actualité l’exige. Gratuit, sans publicité ni pistage : nous ne savons pas si vous ouvrez nos lettres. Un lien de désabonnement en bas de chaque lettre ; votre adresse ne sert qu’à la lettre d’information ${de}.`,
  emailLabel: 'Votre adresse électronique',
  emailHint: 'Nous vous enverrons un courriel pour confirmer votre inscription.',
  subscribe: 'S’inscrire',
  sentTitle: 'Vérifiez votre boîte aux lettres',
  sent: 'Si cette adresse peut recevoir notre lettre, un courriel de confirmation vient de lui être envoyé. Cliquez sur le lien qu’il contient pour terminer votre inscription (pensez à regarder dans les indésirables).',
  errorsTitle: 'L’inscription n’a pas été enregistrée :',
  errors: {
    'email-invalid': 'Indiquez une adresse électronique valide, par exemple nom@exemple.org.',
    flood: 'Trop de demandes d’inscription depuis votre connexion : réessayez dans une heure.',
  } satisfies Record<SubscribeError, string>,
  archiveLink: 'Lire les lettres déjà parues',
  confirmTitle: 'Confirmer votre inscription',
  confirmAsk: 'Confirmez-vous votre inscription à notre lettre d’information ?',
  confirmButton: 'Je confirme mon inscription',
  confirmed: 'C’est fait : votre inscription est confirmée. Vous recevrez notre prochaine lettre.',
  confirmInvalid:
    'Ce lien de confirmation n’est pas valable ou a expiré. Inscrivez-vous de nouveau pour en recevoir un autre.',
  unsubscribeTitle: 'Se désabonner',
  unsubscribeAsk: 'Ne plus recevoir notre lettre d’information à cette adresse ?',
  unsubscribeButton: 'Me désabonner',
  unsubscribed:
    'C’est fait : vous ne recevrez plus notre lettre d’information. Vous pouvez vous réinscrire à tout moment.',
  unsubscribeInvalid: 'Ce lien de désabonnement n’est pas valable.',
  archiveTitle: 'Les lettres déjà parues',
  archivePageTitle: (site: string, page: number) =>
    `Lettres d’information${page > 1 ? ` (page ${page})` : ''} — ${site}`,
  archiveEmpty: 'Aucune lettre envoyée pour le moment.',
  sentOn: (date: string) => `Envoyée le ${date}`,
  subscribeCta: 'Recevoir la lettre',
  previous: 'Lettres plus récentes',
  next: 'Lettres plus anciennes',
  /** The mails. */
  mail: {
    confirmSubject: (site: string) => `Confirmez votre inscription à la lettre de ${site}`,
    confirmText: (de: string) =>
      `Bonjour,\n\nVous (ou quelqu’un qui a saisi votre adresse) avez demandé à recevoir la lettre d’information ${de}. Pour confirmer, ouvrez ce lien dans les 7 jours :`,
    confirmIgnore:
      'Si vous n’avez rien demandé, ignorez ce message : sans confirmation, vous ne recevrez rien.',
    confirmButton: 'Confirmer mon inscription',
    readOnline: 'Lire cette lettre en ligne',
    read: 'Lire l’article',
    why: (site: string) =>
      `Vous recevez cette lettre parce que vous vous êtes inscrit à la lettre d’information de ${site}.`,
    unsubscribe: 'Se désabonner en un clic',
    team: (de: string) => `— L’équipe ${de}`,
  },
};

const en: typeof fr = {
  name: 'Newsletter',
  title: (site) => `Newsletter — ${site}`,
  description: (site) => `Get ${site}’s main stories by email every day, and our special editions.`,
  intro: (de) =>
    `The day’s main stories in your inbox, and a special edition when the news calls for one. Free, with no ads and no tracking: we do not know whether you open our letters. An unsubscribe link at the bottom of each letter; your address is used for the newsletter ${de} only.`,
  emailLabel: 'Your email address',
  emailHint: 'We will send you an email to confirm your subscription.',
  subscribe: 'Subscribe',
  sentTitle: 'Check your inbox',
  sent: 'If this address can receive our newsletter, a confirmation email has just been sent to it. Click the link inside to finish subscribing (check your spam folder too).',
  errorsTitle: 'The subscription was not recorded:',
  errors: {
    'email-invalid': 'Give a valid email address, for example name@example.org.',
    flood: 'Too many subscription requests from your connection: try again in an hour.',
  },
  archiveLink: 'Read past newsletters',
  confirmTitle: 'Confirm your subscription',
  confirmAsk: 'Do you confirm your subscription to our newsletter?',
  confirmButton: 'I confirm my subscription',
  confirmed: 'Done: your subscription is confirmed. You will receive our next newsletter.',
  confirmInvalid:
    'This confirmation link is not valid or has expired. Subscribe again to receive another one.',
  unsubscribeTitle: 'Unsubscribe',
  unsubscribeAsk: 'Stop sending our newsletter to this address?',
  unsubscribeButton: 'Unsubscribe',
  unsubscribed:
    'Done: you will no longer receive our newsletter. You can subscribe again at any time.',
  unsubscribeInvalid: 'This unsubscribe link is not valid.',
  archiveTitle: 'Past newsletters',
  archivePageTitle: (site, page) => `Newsletters${page > 1 ? ` (page ${page})` : ''} — ${site}`,
  archiveEmpty: 'No newsletter sent yet.',
  sentOn: (date) => `Sent on ${date}`,
  subscribeCta: 'Get the newsletter',
  previous: 'Newer letters',
  next: 'Older letters',
  mail: {
    confirmSubject: (site) => `Confirm your subscription to ${site}’s newsletter`,
    confirmText: (de) =>
      `Hello,\n\nYou (or someone who typed your address) asked to receive the newsletter ${de}. To confirm, open this link within 7 days:`,
    confirmIgnore:
      'If you did not ask for anything, ignore this message: without confirmation you will receive nothing.',
    confirmButton: 'Confirm my subscription',
    readOnline: 'Read this newsletter online',
    read: 'Read the story',
    why: (site) => `You receive this newsletter because you subscribed to ${site}’s newsletter.`,
    unsubscribe: 'Unsubscribe in one click',
    team: (de) => `— The team ${de}`,
  },
};

/** The newsletter's reader and mail strings in the site's language. */
export function newsletterStringsFor(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}

/** Why a newsroom form about an edition came back. */
export type EditionError =
  'subject-missing' | 'subject-too-long' | 'intro-too-long' | 'no-articles';

const adminFr = {
  title: 'Lettre d’information',
  intro:
    'Composez la lettre du jour (pré-remplie avec les plus lus des dernières 24 heures) ou une édition spéciale, vérifiez-en l’aperçu, puis envoyez-la aux abonnés confirmés. Chaque abonné la reçoit une fois, au rythme de l’envoi des courriels.',
  subscribers: 'Abonnés',
  counts: (c: Record<SubscriberStatus, number>) =>
    `${c.confirmed} abonné${c.confirmed > 1 ? 's' : ''} confirmé${c.confirmed > 1 ? 's' : ''}, ${c.pending} en attente de confirmation, ${c.unsubscribed} désabonné${c.unsubscribed > 1 ? 's' : ''}.`,
  seeSubscribers: 'Voir les abonnés',
  newEdition: 'Nouvelle lettre',
  kind: { digest: 'Lettre du jour', special: 'Édition spéciale' } satisfies Record<
    EditionKind,
    string
  >,
  kindLabel: 'Type de lettre',
  kindHint:
    'La lettre du jour reprend les articles les plus lus des dernières 24 heures (à défaut, ceux publiés aujourd’hui) ; l’édition spéciale part vide.',
  create: 'Créer le brouillon',
  editions: 'Lettres',
  noEditions: 'Aucune lettre pour le moment.',
  status: { draft: 'Brouillon', sending: 'Envoi en cours', sent: 'Envoyée' } satisfies Record<
    EditionStatus,
    string
  >,
  createdOn: (d: string) => `Créée le ${d}`,
  sentOn: (d: string) => `Envoyée le ${d}`,
  editTitle: (subject: string) => `Lettre : ${subject}`,
  subject: 'Objet du courriel',
  subjectHint: 'Ce que les abonnés voient dans leur boîte ; 150 caractères au plus.',
  introLabel: 'Introduction (facultative)',
  introHint: 'Quelques lignes en tête de la lettre ; une ligne vide sépare deux paragraphes.',
  articles: 'Articles de la lettre',
  articlesHint: `Cochez jusqu’à 12 articles ; ils paraissent dans l’ordre de la liste (les plus lus d’abord).`,
  views: (n: number) => `${n} lecture${n > 1 ? 's' : ''} en 24 h`,
  save: 'Enregistrer le brouillon',
  preview: 'Aperçu',
  previewHint:
    'Le courriel tel qu’il partira (seul le lien de désabonnement change d’un abonné à l’autre).',
  previewHtml: 'Ouvrir l’aperçu HTML',
  previewText: 'Version texte',
  send: 'Envoyer',
  sendTitle: 'Envoyer la lettre',
  sendHint: (n: number) =>
    `La lettre partira vers ${n} abonné${n > 1 ? 's' : ''} confirmé${n > 1 ? 's' : ''}. Un envoi ne s’annule pas.`,
  report: 'Rapport d’envoi',
  reportSummary: (c: Record<DeliveryState, number>, total: number) =>
    `${total} courriel${total > 1 ? 's' : ''} : ${c.sent} envoyé${c.sent > 1 ? 's' : ''}, ${c.queued} en file, ${c.failed} en échec, ${c.bounced} refusé${c.bounced > 1 ? 's' : ''}, ${c.cancelled} annulé${c.cancelled > 1 ? 's' : ''} (désabonnés entre-temps).`,
  states: {
    queued: 'En file',
    sent: 'Envoyés',
    failed: 'En échec',
    bounced: 'Refusés',
    cancelled: 'Annulés',
  } satisfies Record<DeliveryState, string>,
  stateBar: (label: string, n: number) => `${label} : ${n}`,
  mails: 'Courriels',
  figures: 'Les chiffres',
  failures: 'Courriels non distribués',
  noFailures: 'Aucun échec.',
  address: 'Adresse',
  error: 'Réponse du serveur',
  stillQueuing:
    'Les courriels sont mis en file par lots ; ce rapport se met à jour à chaque visite.',
  webVersion: 'Version en ligne',
  back: 'Toutes les lettres',
  errorsTitle: 'La lettre n’a pas été enregistrée :',
  errors: {
    'subject-missing': 'Écrivez l’objet de la lettre.',
    'subject-too-long': 'L’objet ne doit pas dépasser 150 caractères.',
    'intro-too-long': 'L’introduction ne doit pas dépasser 3 000 caractères.',
    'no-articles': 'Choisissez au moins un article, ou écrivez une introduction.',
  } satisfies Record<EditionError, string>,
  done: {
    creee: 'Brouillon créé.',
    enregistree: 'Brouillon enregistré.',
    envoyee: 'Envoi lancé : les courriels partent par lots.',
    'deja-envoyee': 'Cette lettre a déjà été envoyée : elle ne repartira pas.',
  } as Record<string, string>,
  none: 'Aucun article publié ces dernières 24 heures.',
  subscribersTitle: 'Abonnés à la lettre',
  search: 'Chercher une adresse',
  searchButton: 'Chercher',
  export: 'Exporter en CSV',
  subscriberStatus: {
    pending: 'En attente',
    confirmed: 'Confirmé',
    unsubscribed: 'Désabonné',
  } satisfies Record<SubscriberStatus, string>,
  since: 'Inscrit le',
  state: 'État',
  noSubscribers: 'Aucun abonné.',
  found: (n: number) => `${n} adresse${n > 1 ? 's' : ''}`,
  csvHeader: ['adresse', 'etat', 'inscrit_le', 'confirme_le', 'desabonne_le'],
};

const adminEn: typeof adminFr = {
  title: 'Newsletter',
  intro:
    'Compose the daily letter (prefilled with the last 24 hours’ most read) or a special edition, check its preview, then send it to confirmed subscribers. Each subscriber receives it once, at the pace mail is sent.',
  subscribers: 'Subscribers',
  counts: (c) =>
    `${c.confirmed} confirmed subscriber${c.confirmed === 1 ? '' : 's'}, ${c.pending} waiting for confirmation, ${c.unsubscribed} unsubscribed.`,
  seeSubscribers: 'See subscribers',
  newEdition: 'New letter',
  kind: { digest: 'Daily letter', special: 'Special edition' },
  kindLabel: 'Kind of letter',
  kindHint:
    'The daily letter takes the last 24 hours’ most read stories (else today’s); a special edition starts empty.',
  create: 'Create the draft',
  editions: 'Letters',
  noEditions: 'No letter yet.',
  status: { draft: 'Draft', sending: 'Sending', sent: 'Sent' },
  createdOn: (d) => `Created ${d}`,
  sentOn: (d) => `Sent ${d}`,
  editTitle: (subject) => `Letter: ${subject}`,
  subject: 'Email subject',
  subjectHint: 'What subscribers see in their inbox; 150 characters at most.',
  introLabel: 'Introduction (optional)',
  introHint: 'A few lines at the top of the letter; a blank line separates paragraphs.',
  articles: 'Stories in the letter',
  articlesHint: 'Tick up to 12 stories; they appear in the list’s order (most read first).',
  views: (n) => `${n} view${n === 1 ? '' : 's'} in 24 h`,
  save: 'Save the draft',
  preview: 'Preview',
  previewHint: 'The email as it will leave (only the unsubscribe link differs per subscriber).',
  previewHtml: 'Open the HTML preview',
  previewText: 'Text version',
  send: 'Send',
  sendTitle: 'Send the letter',
  sendHint: (n) =>
    `The letter will go to ${n} confirmed subscriber${n === 1 ? '' : 's'}. Sending cannot be undone.`,
  report: 'Delivery report',
  reportSummary: (c, total) =>
    `${total} email${total === 1 ? '' : 's'}: ${c.sent} sent, ${c.queued} queued, ${c.failed} failed, ${c.bounced} bounced, ${c.cancelled} cancelled (unsubscribed meanwhile).`,
  states: {
    queued: 'Queued',
    sent: 'Sent',
    failed: 'Failed',
    bounced: 'Bounced',
    cancelled: 'Cancelled',
  },
  stateBar: (label, n) => `${label}: ${n}`,
  mails: 'Emails',
  figures: 'The figures',
  failures: 'Undelivered emails',
  noFailures: 'No failures.',
  address: 'Address',
  error: 'Server’s answer',
  stillQueuing: 'Emails are queued in batches; this report is up to date at each visit.',
  webVersion: 'Web version',
  back: 'All letters',
  errorsTitle: 'The letter was not saved:',
  errors: {
    'subject-missing': 'Write the letter’s subject.',
    'subject-too-long': 'The subject must not exceed 150 characters.',
    'intro-too-long': 'The introduction must not exceed 3,000 characters.',
    'no-articles': 'Choose at least one story, or write an introduction.',
  },
  done: {
    creee: 'Draft created.',
    enregistree: 'Draft saved.',
    envoyee: 'Sending started: emails leave in batches.',
    'deja-envoyee': 'This letter was already sent: it will not go again.',
  },
  none: 'No story published in the last 24 hours.',
  subscribersTitle: 'Newsletter subscribers',
  search: 'Search an address',
  searchButton: 'Search',
  export: 'Export as CSV',
  subscriberStatus: { pending: 'Waiting', confirmed: 'Confirmed', unsubscribed: 'Unsubscribed' },
  since: 'Subscribed',
  state: 'State',
  noSubscribers: 'No subscribers.',
  found: (n) => `${n} address${n === 1 ? '' : 'es'}`,
  csvHeader: ['address', 'state', 'subscribed_at', 'confirmed_at', 'unsubscribed_at'],
};

/** The newsroom's newsletter strings in the site's language. */
export function newsletterAdminStringsFor(locale: Locale): typeof adminFr {
  return locale === 'en' ? adminEn : adminFr;
}
