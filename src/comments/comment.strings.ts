import type { Locale } from '../settings/site-settings.ts';
import { BODY_MAX, BODY_MIN, NAME_MAX, NAME_MIN } from './comment.ts';

const fr = {
  count: (n: number) =>
    n === 0 ? 'Aucun commentaire' : n === 1 ? '1 commentaire' : `${n} commentaires`,
  heading: 'Commentaires',
  invite: (title: string) => `Réagissez à l’article « ${title} »`,
  replyInvite: (name: string) => `Répondre à ${name}`,
  cancelReply: 'Annuler la réponse',
  note: 'Les commentaires sont publiés après validation par l’équipe de la rédaction. Un courriel vous confirmera la mise en ligne du vôtre. Votre adresse e-mail ne sera jamais publiée.',
  name: 'Votre nom',
  email: 'Votre adresse e-mail',
  emailHint: 'Elle ne sera pas publiée.',
  body: 'Votre commentaire',
  bodyHint: `Entre ${BODY_MIN} et ${BODY_MAX.toLocaleString('fr-FR')} caractères. Texte brut ; les adresses web deviennent des liens.`,
  notify: 'Prévenez-moi par courriel des réponses à mon commentaire',
  honeypot: 'Ne remplissez pas ce champ',
  submit: 'Envoyer mon commentaire',
  reply: 'Répondre',
  closed: 'Les commentaires sont fermés pour cet article.',
  empty: 'Soyez le premier à réagir à cet article.',
  thanks: 'Merci ! Votre commentaire a bien été pris en compte.',
  thanksNext:
    'Il sera mis en ligne après validation par l’équipe de la rédaction, et un courriel vous le confirmera à ce moment-là.',
  yours: 'Votre commentaire',
  pending: 'en attente de modération',
  viewYours: 'Voir votre commentaire',
  viewYoursHint:
    'Ce lien est personnel : gardez-le pour retrouver votre commentaire depuis n’importe quel appareil.',
  replyTo: (name: string) => `En réponse à ${name}`,
  errorsIntro:
    'Votre commentaire n’a pas été envoyé. Corrigez ce qui suit ; votre texte est conservé.',
  errors: {
    nameLength: `Indiquez votre nom, entre ${NAME_MIN} et ${NAME_MAX} caractères.`,
    emailInvalid: 'Indiquez une adresse e-mail valide, par exemple nom@exemple.org.',
    bodyLength: (n: number) =>
      `Votre commentaire doit compter entre ${BODY_MIN} et ${BODY_MAX.toLocaleString('fr-FR')} caractères (il en compte ${n.toLocaleString('fr-FR')}).`,
  },
  unstamped:
    'Vérification anti-robot\u00A0: votre commentaire n’est pas encore envoyé. Relisez-le, puis appuyez de nouveau sur «\u00A0Envoyer mon commentaire\u00A0». Votre texte est conservé.',
  tooFast: 'Votre commentaire n’a pas pu être vérifié. Relisez-le puis envoyez-le à nouveau.',
  expired:
    'Ce formulaire a expiré : la page était ouverte depuis trop longtemps. Votre commentaire n’a pas été envoyé, mais votre texte est conservé : relisez-le puis envoyez-le à nouveau.',
  flood:
    'Vous venez d’envoyer un commentaire. Patientez quelques secondes avant d’en envoyer un autre ; votre texte est conservé.',
  duplicate: 'Ce commentaire a déjà été envoyé pour cet article.',
  badParent:
    'Le commentaire auquel vous répondez n’est plus disponible. Votre texte est conservé : vous pouvez l’envoyer comme un nouveau commentaire.',
  wrongOrigin:
    'Ce formulaire n’a pas été envoyé depuis notre site. Vérifiez votre texte, puis envoyez-le à nouveau.',
  statusTitle: 'Votre commentaire',
  statusPending:
    'Votre commentaire est en attente de modération. Il sera mis en ligne après validation par l’équipe, et un courriel vous le confirmera.',
  statusApproved: 'Votre commentaire a été publié.',
  statusSeeIt: 'Le voir dans la discussion',
  statusNotPublished: 'Ce commentaire n’a pas été publié.',
  statusOn: (title: string) => `Sur l’article « ${title} »`,
  linkInvalid: 'Ce lien n’est pas valide ou a expiré.',
  unsubscribeTitle: 'Avis de réponse',
  unsubscribeAsk: (email: string) => `Ne plus envoyer d’avis de réponse à ${email} ?`,
  unsubscribeButton: 'Ne plus recevoir ces avis',
  unsubscribeDone: 'C’est fait : vous ne recevrez plus d’avis de réponse à vos commentaires.',
  threadPages: 'Pages de la discussion',
};

export type CommentStrings = typeof fr;

const en: CommentStrings = {
  count: (n) => (n === 0 ? 'No comments' : n === 1 ? '1 comment' : `${n} comments`),
  heading: 'Comments',
  invite: (title) => `Comment on “${title}”`,
  replyInvite: (name) => `Reply to ${name}`,
  cancelReply: 'Cancel reply',
  note: 'Comments are published once the newsroom has approved them. An email will tell you when yours is online. Your email address is never published.',
  name: 'Your name',
  email: 'Your email address',
  emailHint: 'It will not be published.',
  body: 'Your comment',
  bodyHint: `Between ${BODY_MIN} and ${BODY_MAX} characters. Plain text; web addresses become links.`,
  notify: 'Email me when someone replies to my comment',
  honeypot: 'Leave this field empty',
  submit: 'Send my comment',
  reply: 'Reply',
  closed: 'Comments are closed on this article.',
  empty: 'Be the first to comment on this article.',
  thanks: 'Thank you! Your comment has been received.',
  thanksNext:
    'It will go online once the newsroom has approved it, and an email will tell you then.',
  yours: 'Your comment',
  pending: 'awaiting moderation',
  viewYours: 'View your comment',
  viewYoursHint: 'This link is personal: keep it to find your comment from any device.',
  replyTo: (name) => `Replying to ${name}`,
  errorsIntro: 'Your comment was not sent. Please fix the following; your text has been kept.',
  errors: {
    nameLength: `Enter your name, between ${NAME_MIN} and ${NAME_MAX} characters.`,
    emailInvalid: 'Enter a valid email address, such as name@example.org.',
    bodyLength: (n) =>
      `Your comment must be between ${BODY_MIN} and ${BODY_MAX} characters long (it has ${n}).`,
  },
  unstamped:
    'Anti-robot check: your comment has not been sent yet. Read it over, then press “Send my comment” again. Your text has been kept.',
  tooFast: 'Your comment could not be verified. Read it over and send it again.',
  expired:
    'This form has expired: the page had been open too long. Your comment was not sent, but your text has been kept: read it over and send it again.',
  flood:
    'You have just sent a comment. Wait a few seconds before sending another; your text has been kept.',
  duplicate: 'This comment has already been sent for this article.',
  badParent:
    'The comment you are replying to is no longer available. Your text has been kept: you can send it as a new comment.',
  wrongOrigin: 'This form was not sent from our site. Check your text, then send it again.',
  statusTitle: 'Your comment',
  statusPending:
    'Your comment is awaiting moderation. It will go online once the newsroom has approved it, and an email will tell you then.',
  statusApproved: 'Your comment has been published.',
  statusSeeIt: 'See it in the discussion',
  statusNotPublished: 'This comment was not published.',
  statusOn: (title) => `On “${title}”`,
  linkInvalid: 'This link is not valid or has expired.',
  unsubscribeTitle: 'Reply notices',
  unsubscribeAsk: (email) => `Stop sending reply notices to ${email}?`,
  unsubscribeButton: 'Stop these notices',
  unsubscribeDone: 'Done: you will no longer receive reply notices for your comments.',
  threadPages: 'Discussion pages',
};

/** The comment section's strings for a locale. */
export function commentStringsFor(locale: Locale): CommentStrings {
  return locale === 'en' ? en : fr;
}
