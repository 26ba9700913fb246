import type { Child } from 'hono/jsx';
import { publicationAfterDe } from '../settings/publication-name.ts';
import type { Db, Trx } from '../db/database.ts';
import { insertOutboxMail } from '../mail/outbox.queries.ts';
import type { OutboxMail } from '../mail/outbox.table.ts';
import type { SiteSettings } from '../settings/site-settings.ts';
import { signUnsubscribeToken } from './comment-token.ts';
import type { CommentRow } from './comment.table.ts';
import { findComment } from './comment.queries.ts';

/** What every comment mail needs to know about the site. */
export interface MailSite {
  settings: SiteSettings;
  publicUrl: string;
  secret: string;
}

/** The public address of a comment: it redirects to the right page of the thread, at the comment. */
export function commentPermalink(publicUrl: string, commentId: number): string {
  return `${publicUrl}/commentaires/${commentId}`;
}

function Mail(props: { site: MailSite; children: Child }) {
  return (
    <div style="font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#1b1b1b;max-width:560px">
      {props.children}
      <p style="color:#5c5c5c;font-size:14px">
        — L’équipe {publicationAfterDe(props.site.settings)}
      </p>
    </div>
  );
}

async function html(node: Child): Promise<string> {
  return `<!DOCTYPE html><html lang="fr"><body>${String(await (node as Promise<string> | string))}</body></html>`;
}

/** Queues, in the caller's transaction, the mails that an approval sets off. */
export async function enqueueApprovalMails(
  trx: Trx,
  {
    comment,
    parent,
    site,
    now,
  }: { comment: CommentRow; parent: CommentRow | undefined; site: MailSite; now: Date },
): Promise<void> {
  const link = commentPermalink(site.publicUrl, comment.id);
  const name = site.settings.siteName;
  const de = publicationAfterDe(site.settings);
  await insertOutboxMail(trx, {
    kind: 'comment-approved',
    dedupeKey: `comment-approved:${comment.id}`,
    refId: comment.id,
    // The reader's mails are written in French.
    locale: 'fr',
    to: comment.author_email,
    subject: `Votre commentaire est en ligne sur ${name}`,
    text: [
      `Bonjour ${comment.author_name},`,
      '',
      `Votre commentaire sur l’article « ${comment.article_title} » a été validé par l’équipe ${de} : il est maintenant en ligne.`,
      '',
      `Le voir : ${link}`,
      '',
      'Merci de votre participation.',
      `— L’équipe ${de}`,
    ].join('\n'),
    html: await html(
      <Mail site={site}>
        <p>Bonjour {comment.author_name},</p>
        <p>
          Votre commentaire sur l’article « {comment.article_title} » a été validé par l’équipe {de}{' '}
          : il est maintenant en ligne.
        </p>
        <p>
          <a href={link}>Voir votre commentaire</a>
        </p>
        <p>Merci de votre participation.</p>
      </Mail>,
    ),
    now,
  });

  // A reply tells its parent's author, once, if they asked for it and it isn't themselves.
  if (
    parent &&
    parent.notify_replies === 1 &&
    parent.status === 'approved' &&
    parent.author_email !== comment.author_email
  ) {
    const unsubscribe = `${site.publicUrl}/commentaires/desabonnement?jeton=${signUnsubscribeToken(site.secret, parent.author_email)}`;
    await insertOutboxMail(trx, {
      kind: 'reply-notice',
      dedupeKey: `reply-notice:${comment.id}`,
      refId: comment.id,
      // The reader's mails are written in French.
      locale: 'fr',
      to: parent.author_email,
      subject: `${comment.author_name} a répondu à votre commentaire sur ${name}`,
      text: [
        `Bonjour ${parent.author_name},`,
        '',
        `${comment.author_name} a répondu à votre commentaire sur l’article « ${comment.article_title} ».`,
        '',
        `Lire la réponse : ${link}`,
        '',
        `Ne plus recevoir ces avis : ${unsubscribe}`,
        `— L’équipe ${de}`,
      ].join('\n'),
      html: await html(
        <Mail site={site}>
          <p>Bonjour {parent.author_name},</p>
          <p>
            {comment.author_name} a répondu à votre commentaire sur l’article «{' '}
            {comment.article_title} ».
          </p>
          <p>
            <a href={link}>Lire la réponse</a>
          </p>
          <p style="font-size:13px;color:#5c5c5c">
            Vous recevez ce message parce que vous avez demandé à être prévenu des réponses.{' '}
            <a href={unsubscribe}>Ne plus recevoir ces avis</a>
          </p>
        </Mail>,
      ),
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      now,
    });
  }
}

/** Queues, in the caller's transaction, the optional mail telling an author their comment was refused. */
export async function enqueueRejectionMail(
  trx: Trx,
  {
    comment,
    reason,
    site,
    now,
  }: { comment: CommentRow; reason: string | null; site: MailSite; now: Date },
): Promise<void> {
  const name = site.settings.siteName;
  const de = publicationAfterDe(site.settings);
  await insertOutboxMail(trx, {
    kind: 'comment-rejected',
    dedupeKey: `comment-rejected:${comment.id}`,
    refId: comment.id,
    // The reader's mails are written in French.
    locale: 'fr',
    to: comment.author_email,
    subject: `Votre commentaire n’a pas été publié sur ${name}`,
    text: [
      `Bonjour ${comment.author_name},`,
      '',
      `Votre commentaire sur l’article « ${comment.article_title} » n’a pas été retenu par l’équipe ${de}.`,
      ...(reason ? ['', `Motif : ${reason}`] : []),
      '',
      `— L’équipe ${de}`,
    ].join('\n'),
    html: await html(
      <Mail site={site}>
        <p>Bonjour {comment.author_name},</p>
        <p>
          Votre commentaire sur l’article « {comment.article_title} » n’a pas été retenu par
          l’équipe {de}.
        </p>
        {reason ? <p>Motif : {reason}</p> : null}
      </Mail>,
    ),
    now,
  });
}

/** Decides, just before sending, whether a comment mail still makes sense (the worker reloads the comment). */
export function commentMailStillWanted(db: Db): (mail: OutboxMail) => Promise<boolean> {
  return async (mail) => {
    if (mail.ref_id === null) return true;
    const comment = await findComment(db, mail.ref_id);
    if (!comment) return false;
    if (mail.kind === 'comment-approved' || mail.kind === 'reply-notice')
      return comment.status === 'approved';
    if (mail.kind === 'comment-rejected') return comment.status === 'rejected';
    return true;
  };
}
