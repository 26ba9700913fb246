import { bumpContentVersion } from '../../cache/content-version.queries.ts';
import { commentsKey } from '../../comments/comment-keys.ts';
import { enqueueApprovalMails, type MailSite } from '../../comments/comment-mails.tsx';
import type { CommentRow } from '../../comments/comment.table.ts';
import { findComment, updateCommentStatus } from '../../comments/comment.queries.ts';
import type { Trx } from '../../db/database.ts';
import { insertModerationEvent } from '../moderation-event.queries.ts';
import { findModerationSettings } from '../moderation-settings.queries.ts';
import { countSameTextElsewhere, findCommentHistory } from './rule-context.queries.ts';
import { insertRuleVerdicts } from './rule-verdict.queries.ts';
import { screenComment, type Screening } from './pipeline.ts';

/** How far back the repeated-text rule looks for the same text on other articles. */
export const REPEAT_WINDOW_MS = 7 * 86_400_000;

/** The name the audit log gives the rules when they approve a habitué's comment. */
export const AUTO_APPROVER = 'Règles automatiques (habitué)';

/** A comment about to be stored, as the rules need it. */
export interface NewComment {
  articleId: number;
  authorName: string;
  email: string;
  body: string;
  bodyHash: string;
  ipHash: string;
}

/**
 * Runs the rule pipeline over a comment about to be stored: gathers what the rules need from
 * the database (settings, the same text elsewhere, the address's and the client's history) in
 * the submission's transaction, and screens it. The caller stores the comment, then its verdicts.
 */
export async function screenNewComment(
  trx: Trx,
  input: { comment: NewComment; siteLanguage: 'fr' | 'en'; now: Date },
): Promise<Screening & { autoApprove: boolean }> {
  const { comment, now } = input;
  const [settings, sameTextElsewhere, byEmail, byClient] = await Promise.all([
    findModerationSettings(trx),
    countSameTextElsewhere(trx, {
      bodyHash: comment.bodyHash,
      articleId: comment.articleId,
      since: new Date(now.getTime() - REPEAT_WINDOW_MS),
    }),
    findCommentHistory(trx, { email: comment.email }),
    findCommentHistory(trx, { ipHash: comment.ipHash }),
  ]);
  const screening = screenComment(
    { body: comment.body, authorName: comment.authorName },
    { settings, siteLanguage: input.siteLanguage, sameTextElsewhere, byEmail, byClient },
  );
  return { ...screening, autoApprove: settings.autoApproveRegulars };
}

/**
 * Stores the verdicts with the new comment and, when the rules trust it and the newsroom chose
 * to approve habitués by themselves, approves it: the audit event says the rules did it, the
 * thread's pages are invalidated and the approval mails go out as for any approval, all in the
 * submission's transaction. Returns the comment as it now stands.
 */
export async function applyScreening(
  trx: Trx,
  input: {
    comment: CommentRow;
    screening: Screening & { autoApprove: boolean };
    site: MailSite;
    now: Date;
  },
): Promise<CommentRow> {
  const { comment, screening, now } = input;
  await insertRuleVerdicts(trx, comment.id, screening.verdicts);
  if (screening.outcome !== 'trusted' || !screening.autoApprove || comment.status !== 'pending')
    return comment;
  const won = await updateCommentStatus(trx, {
    id: comment.id,
    from: 'pending',
    to: 'approved',
    actorId: null,
    reason: null,
    now,
  });
  if (!won) return comment;
  await insertModerationEvent(trx, {
    comment_id: comment.id,
    actor_id: null,
    actor_name: AUTO_APPROVER,
    from_status: 'pending',
    to_status: 'approved',
    reason: screening.verdicts.find((v) => v.verdict === 'trusted')?.reason.fr ?? null,
    at: now.toISOString(),
  });
  if (comment.article_id) await bumpContentVersion(trx, [commentsKey(comment.article_id)]);
  const approved = (await findComment(trx, comment.id)) ?? comment;
  const parent = approved.parent_id ? await findComment(trx, approved.parent_id) : undefined;
  await enqueueApprovalMails(trx, { comment: approved, parent, site: input.site, now });
  return approved;
}
