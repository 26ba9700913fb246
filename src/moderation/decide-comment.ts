import { commentsKey } from '../comments/comment-keys.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import {
  enqueueApprovalMails,
  enqueueRejectionMail,
  type MailSite,
} from '../comments/comment-mails.tsx';
import { decisions, type Decision } from '../comments/comment.ts';
import type { CommentStatus } from '../comments/comment.table.ts';
import { findComment, updateCommentStatus } from '../comments/comment.queries.ts';
import type { Db } from '../db/database.ts';
import { insertModerationEvent } from './moderation-event.queries.ts';
import { recordCorrection } from './classifier/classifier.queries.ts';
import { findUserName } from '../users/user.queries.ts';

export type DecideResult =
  | { ok: true; from: CommentStatus; to: CommentStatus }
  | { ok: false; reason: 'not_found' }
  /** Someone decided first: the comment is no longer in the status the moderator saw. */
  | { ok: false; reason: 'already'; status: CommentStatus; by: string | null };

/**
 * Applies a moderator's decision to a comment, if it is still in the status they saw. In one
 * transaction: the status change, the audit event, the content version bump when the public
 * thread changes, and the mails the transition sets off (approval: never before it).
 */
export async function decideComment(
  db: Db,
  input: {
    commentId: number;
    decision: Decision;
    /** The status the moderator saw when deciding. */
    expected: CommentStatus;
    actor: { id: number; name: string };
    reason: string | null;
    site: MailSite;
    now: Date;
  },
): Promise<DecideResult> {
  const to = decisions[input.decision];
  return db.transaction().execute(async (trx): Promise<DecideResult> => {
    const won =
      input.expected !== to &&
      (await updateCommentStatus(trx, {
        id: input.commentId,
        from: input.expected,
        to,
        actorId: input.actor.id,
        reason: input.reason,
        now: input.now,
      }));
    const comment = await findComment(trx, input.commentId);
    if (!comment) return { ok: false, reason: 'not_found' };
    if (!won) {
      return {
        ok: false,
        reason: 'already',
        status: comment.status,
        by: await findUserName(trx, comment.moderated_by),
      };
    }
    await insertModerationEvent(trx, {
      comment_id: comment.id,
      actor_id: input.actor.id,
      actor_name: input.actor.name,
      from_status: input.expected,
      to_status: to,
      reason: input.reason,
      at: input.now.toISOString(),
    });
    // A decision against the classifier's score is a correction: the next training weighs it more.
    await recordCorrection(trx, { commentId: comment.id, to, now: input.now });
    if (input.expected === 'approved' || to === 'approved')
      await bumpContentVersion(trx, comment.article_id ? [commentsKey(comment.article_id)] : []);
    if (to === 'approved') {
      const parent = comment.parent_id ? await findComment(trx, comment.parent_id) : undefined;
      await enqueueApprovalMails(trx, { comment, parent, site: input.site, now: input.now });
    }
    if (to === 'rejected' && input.site.settings.commentsRejectionEmail) {
      await enqueueRejectionMail(trx, {
        comment,
        reason: input.reason,
        site: input.site,
        now: input.now,
      });
    }
    return { ok: true, from: input.expected, to };
  });
}
