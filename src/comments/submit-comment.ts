import type { Db } from '../db/database.ts';
import {
  FLOOD_WINDOW_MS,
  FORM_STAMP_TTL_MS,
  MIN_FILL_MS,
  bodyHash,
  normalizeBody,
  validateComment,
  type CommentFieldError,
  type CommentFormValues,
} from './comment.ts';
import type { CommentRow, NewCommentRow } from './comment.table.ts';
import {
  findComment,
  hasDuplicateComment,
  hasRecentComment,
  insertComment,
  lockFloodKeys,
} from './comment.queries.ts';
import type { MailSite } from './comment-mails.tsx';
import { applyScreening, screenNewComment } from '../moderation/rules/screen-new-comment.ts';

/** The article a comment is written on, as submission needs it. */
export interface CommentTarget {
  id: number;
  title: string;
  commentsOpen: boolean;
}

export type SubmitResult =
  /** `autoApproved`: the rules approved a habitué's comment (the thread's pages changed). */
  | { ok: true; comment: CommentRow; autoApproved: boolean }
  | {
      ok: false;
      reason: 'invalid';
      errors: Partial<Record<keyof CommentFormValues, CommentFieldError>>;
    }
  /**
   * The form came without a stamp (no script, or its request not back yet): nothing is wrong,
   * the reader confirms by sending the form again, which then carries one.
   */
  | { ok: false; reason: 'unstamped' }
  /** The form came back too fast, or with a forged stamp: the reader just sends it again. */
  | { ok: false; reason: 'too_fast' }
  /** The stamp is older than a form stays good: the reader sends it again. */
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'flood' }
  | { ok: false; reason: 'duplicate' }
  | { ok: false; reason: 'closed' }
  | { ok: false; reason: 'bad_parent' };

/**
 * Takes a reader's comment: validates it, applies the anti-spam checks, and stores it as
 * pending (or as spam when the honeypot was filled, so a moderator can still recover it).
 * Nothing is mailed here: mails wait for approval.
 */
export async function submitComment(
  db: Db,
  input: {
    article: CommentTarget;
    values: CommentFormValues;
    honeypot: string;
    /**
     * When the reader began the form, as its signed stamp says; `missing` when the form came
     * without one, `forged` when the stamp does not verify.
     */
    startedAt: Date | 'missing' | 'forged';
    ipHash: string;
    /** For the rules: the site's language, and what an automatic approval mails with. */
    site: MailSite;
    now: Date;
  },
): Promise<SubmitResult> {
  const { article, values, now } = input;
  if (!article.commentsOpen) return { ok: false, reason: 'closed' };
  const errors = validateComment(values);
  if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
  if (input.startedAt === 'missing') return { ok: false, reason: 'unstamped' };
  const filledInMs = input.startedAt === 'forged' ? -1 : now.getTime() - input.startedAt.getTime();
  if (filledInMs < MIN_FILL_MS) return { ok: false, reason: 'too_fast' };
  if (filledInMs > FORM_STAMP_TTL_MS) return { ok: false, reason: 'expired' };

  const email = values.email.trim().toLowerCase();
  if (values.parentId !== null) {
    const parent = await findComment(db, values.parentId);
    // One level of replies: a reply answers an approved top-level comment of the same article.
    if (
      !parent ||
      parent.article_id !== article.id ||
      parent.parent_id !== null ||
      parent.status !== 'approved'
    ) {
      return { ok: false, reason: 'bad_parent' };
    }
  }
  const body = normalizeBody(values.body);
  const hash = bodyHash(body);
  const row: NewCommentRow = {
    article_id: article.id,
    article_title: article.title,
    parent_id: values.parentId,
    author_name: values.name.trim(),
    author_email: email,
    body,
    body_hash: hash,
    status: input.honeypot ? 'spam' : 'pending',
    notify_replies: values.notify ? 1 : 0,
    ip_hash: input.ipHash,
    created_at: now.toISOString(),
    moderated_at: null,
    moderated_by: null,
    reason: input.honeypot ? 'Champ piège rempli (robot probable)' : null,
    fill_ms: Math.round(filledInMs),
  };
  const since = new Date(now.getTime() - FLOOD_WINDOW_MS);
  try {
    // Check and insert under the email's and the client's locks: of posts racing with one
    // email or from one client, one is stored and the others see it.
    return await db.transaction().execute(async (trx): Promise<SubmitResult> => {
      await lockFloodKeys(trx, [`email:${email}`, `client:${input.ipHash}`]);
      if (await hasRecentComment(trx, { ipHash: input.ipHash, email, since }))
        return { ok: false, reason: 'flood' };
      if (await hasDuplicateComment(trx, article.id, hash))
        return { ok: false, reason: 'duplicate' };
      // The rule pipeline labels, flags or spams the comment; pre-moderation stays the rule.
      const screening = await screenNewComment(trx, {
        comment: {
          articleId: article.id,
          authorName: row.author_name,
          email,
          body,
          bodyHash: hash,
          ipHash: input.ipHash,
        },
        siteLanguage: input.site.settings.locale,
        now,
      });
      const spamBy = screening.verdicts.find((v) => v.verdict === 'spam');
      if (row.status === 'pending' && spamBy) {
        row.status = 'spam';
        row.reason = spamBy.reason.fr;
      }
      const stored = await insertComment(trx, row);
      const comment = await applyScreening(trx, {
        comment: stored,
        screening,
        site: input.site,
        now,
      });
      return { ok: true, comment, autoApproved: comment.status === 'approved' };
    });
  } catch (err) {
    // Two identical submissions racing: the unique index lets one through.
    if (await hasDuplicateComment(db, article.id, hash)) return { ok: false, reason: 'duplicate' };
    throw err;
  }
}
