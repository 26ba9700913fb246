import type { Locale } from '../settings/site-settings.ts';
import type { ReportReason } from './comment-report.ts';

const fr = {
  link: 'Signaler',
  linkLabel: (name: string) => `Signaler le commentaire de ${name}`,
  title: 'Signaler un commentaire',
  intro:
    'Ce commentaire vous semble enfreindre nos règles ? La rédaction le relira. Aucun compte n’est nécessaire et votre adresse IP n’est pas conservée.',
  by: (name: string) => `Commentaire de ${name}`,
  reason: 'Motif',
  chooseReason: '— choisissez un motif —',
  reasons: {
    abuse: 'Injurieux ou insultant',
    hate: 'Haineux ou discriminatoire',
    spam: 'Publicité ou spam',
    'off-topic': 'Hors sujet',
    personal: 'Informations personnelles',
    false: 'Fausse information',
    other: 'Autre',
  } as Record<ReportReason, string>,
  note: 'Précisions (facultatif)',
  noteHint: (max: number) => `${max} caractères au plus.`,
  send: 'Envoyer le signalement',
  back: 'Retour à la discussion',
  thanks: 'Merci : votre signalement a été transmis à la rédaction, qui va relire ce commentaire.',
  reasonMissing: 'Choisissez un motif.',
  wrongOrigin: 'Ce formulaire doit être envoyé depuis notre site.',
  tooMany: 'Vous avez envoyé beaucoup de signalements : réessayez dans quelques minutes.',
};

const en: typeof fr = {
  link: 'Report',
  linkLabel: (name: string) => `Report ${name}’s comment`,
  title: 'Report a comment',
  intro:
    'Does this comment break our rules? The newsroom will read it again. No account is needed and your IP address is not kept.',
  by: (name: string) => `Comment by ${name}`,
  reason: 'Reason',
  chooseReason: '— choose a reason —',
  reasons: {
    abuse: 'Abusive or insulting',
    hate: 'Hateful or discriminatory',
    spam: 'Advertising or spam',
    'off-topic': 'Off topic',
    personal: 'Personal information',
    false: 'False information',
    other: 'Other',
  },
  note: 'Details (optional)',
  noteHint: (max: number) => `${max} characters at most.`,
  send: 'Send the report',
  back: 'Back to the discussion',
  thanks: 'Thank you: your report was sent to the newsroom, which will read this comment again.',
  reasonMissing: 'Choose a reason.',
  wrongOrigin: 'This form must be sent from our site.',
  tooMany: 'You sent many reports: try again in a few minutes.',
};

export type CommentReportStrings = typeof fr;

/** The report page's strings in the site's language. */
export function commentReportStringsFor(locale: Locale): CommentReportStrings {
  return locale === 'en' ? en : fr;
}
