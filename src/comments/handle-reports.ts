import type { Db } from '../db/database.ts';
import { decideComment } from '../moderation/decide-comment.ts';
import { insertModerationEvent } from '../moderation/moderation-event.queries.ts';
import type { MailSite } from './comment-mails.tsx';
import { closeCommentReports } from './comment-report.queries.ts';
import { findComment } from './comment.queries.ts';

/**
 * A moderator's answer to a reported comment. `keep`: the reports are closed and the comment
 * stays published (the audit log says so). `unpublish`: the comment is rejected through the
 * usual decision (its thread's pages invalidated on every instance, the rejection mail if the
 * newsroom sends them), then its reports are closed. `already` when it changed meanwhile.
 */
export async function handleReports(
  db: Db,
  input: {
    commentId: number;
    action: 'keep' | 'unpublish';
    actor: { id: number; name: string };
    reason: string;
    site: MailSite;
    now: Date;
  },
): Promise<'kept' | 'unpublished' | 'already' | 'not_found'> {
  const comment = await findComment(db, input.commentId);
  if (!comment) return 'not_found';
  if (input.action === 'unpublish') {
    if (comment.status !== 'approved') return 'already';
    const decided = await decideComment(db, {
      commentId: comment.id,
      decision: 'reject',
      expected: 'approved',
      actor: input.actor,
      reason: input.reason,
      site: input.site,
      now: input.now,
    });
    if (!decided.ok) return decided.reason === 'not_found' ? 'not_found' : 'already';
    await closeCommentReports(db, {
      commentId: comment.id,
      actorId: input.actor.id,
      now: input.now,
    });
    return 'unpublished';
  }
  return db.transaction().execute(async (trx) => {
    const closed = await closeCommentReports(trx, {
      commentId: comment.id,
      actorId: input.actor.id,
      now: input.now,
    });
    if (closed && comment.status === 'approved')
      await insertModerationEvent(trx, {
        comment_id: comment.id,
        actor_id: input.actor.id,
        actor_name: input.actor.name,
        from_status: 'approved',
        to_status: 'approved',
        reason: closed === 1 ? 'Signalement classé' : `${closed} signalements classés`,
        at: input.now.toISOString(),
      });
    return 'kept' as const;
  });
}
