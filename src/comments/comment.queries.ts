import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { dialectOf } from '../db/connect.ts';
import type { Db, DbOrTrx, Trx } from '../db/database.ts';
import { preparedQuery } from '../db/prepared.ts';
import type { PublicComment } from './comment.ts';
import type { CommentRow, CommentStatus, NewCommentRow } from './comment.table.ts';

const publicColumns = ['id', 'parent_id', 'author_name', 'body', 'created_at'] as const;

function toPublic(row: Pick<CommentRow, (typeof publicColumns)[number]>): PublicComment {
  return {
    id: row.id,
    parentId: row.parent_id,
    authorName: row.author_name,
    body: row.body,
    createdAt: row.created_at,
  };
}

/** Inserts a comment and returns it. */
export async function insertComment(db: DbOrTrx, comment: NewCommentRow): Promise<CommentRow> {
  return db.insertInto('comments').values(comment).returningAll().executeTakeFirstOrThrow();
}

/** The comment with this id, if any. */
export async function findComment(db: DbOrTrx, id: number): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

// The first key of PostgreSQL's two-key advisory locks, so flood locks share no space with others.
const FLOOD_LOCK_CLASS = 0x636f6d6d; // 'comm'

/**
 * Holds, until the transaction ends, one lock per flood-control key (an email, a client hash),
 * so that two posts sharing a key check and insert one after the other. PostgreSQL takes
 * advisory locks, in a fixed order so two posts never wait on each other; SQLite needs none,
 * as it runs one transaction at a time on its single connection.
 */
export async function lockFloodKeys(trx: Trx, keys: string[]): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  const locks = keys.map((key) => createHash('sha256').update(key).digest().readInt32BE(0));
  for (const lock of [...new Set(locks)].sort((a, b) => a - b))
    await sql`select pg_advisory_xact_lock(${FLOOD_LOCK_CLASS}, ${lock})`.execute(trx);
}

/** Whether this client or this email posted a comment since the given time (flood control). */
export async function hasRecentComment(
  db: DbOrTrx,
  { ipHash, email, since }: { ipHash: string; email: string; since: Date },
): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where((eb) => eb.or([eb('ip_hash', '=', ipHash), eb('author_email', '=', email)]))
    .where('created_at', '>', since.toISOString())
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Whether the same text was already sent on this article. */
export async function hasDuplicateComment(
  db: DbOrTrx,
  articleId: number,
  hash: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('article_id', '=', articleId)
    .where('body_hash', '=', hash)
    .executeTakeFirst();
  return !!row;
}

/**
 * How many approved comments an article has, and how many of them are top-level (the thread's
 * pages count these), in one query.
 */
export async function countApprovedThread(
  db: Db,
  articleId: number,
): Promise<{ all: number; topLevel: number }> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('parent_id').as('replies'),
    ])
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return { all: Number(row.n), topLevel: Number(row.n) - Number(row.replies) };
}

// Read on every cache miss of an article page: prepared.
const approvedThread = preparedQuery((db, v: { articleId: number; limit: number }) =>
  db
    .selectFrom('comments')
    .select(publicColumns)
    .where('article_id', '=', v.articleId)
    .where('status', '=', 'approved')
    .orderBy('created_at')
    .orderBy('id')
    .limit(v.limit),
);

/** An article's approved thread, top-level comments and replies, oldest first, up to `limit`. */
export async function listApprovedThread(
  db: Db,
  articleId: number,
  limit: number,
): Promise<PublicComment[]> {
  const rows = await approvedThread(db, { articleId, limit });
  return rows.map(toPublic);
}

/** One page of an article's approved top-level comments, oldest first. */
export async function listApprovedTopLevel(
  db: Db,
  { articleId, limit, offset }: { articleId: number; limit: number; offset: number },
): Promise<PublicComment[]> {
  const rows = await db
    .selectFrom('comments')
    .select(publicColumns)
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toPublic);
}

/** The approved replies to these comments, oldest first. */
export async function listApprovedReplies(
  db: Db,
  { articleId, parentIds }: { articleId: number; parentIds: number[] },
): Promise<PublicComment[]> {
  if (parentIds.length === 0) return [];
  // Named by article too, so the thread's index (article, status, created_at) serves it in order;
  // without it SQLite's planner walked every approved comment of the site by date.
  const rows = await db
    .selectFrom('comments')
    .select(publicColumns)
    .where('article_id', '=', articleId)
    .where('status', '=', 'approved')
    .where('parent_id', 'in', parentIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toPublic);
}

/** How many approved top-level comments come before this one in its thread (for paging). */
export async function countApprovedTopLevelBefore(
  db: Db,
  comment: { article_id: number; created_at: string; id: number },
): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', comment.article_id)
    .where('status', '=', 'approved')
    .where('parent_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('created_at', '<', comment.created_at),
        eb.and([eb('created_at', '=', comment.created_at), eb('id', '<', comment.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The reader's own comments on an article that are still waiting for moderation. */
export async function listPendingByIds(
  db: Db,
  { ids, articleId }: { ids: number[]; articleId: number },
): Promise<PublicComment[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('comments')
    .select(publicColumns)
    .where('id', 'in', ids)
    .where('article_id', '=', articleId)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .execute();
  return rows.map(toPublic);
}

/**
 * Moves a comment from one status to another, only if it is still in the expected one:
 * of two moderators deciding at once, exactly one update succeeds.
 */
export async function updateCommentStatus(
  db: DbOrTrx,
  {
    id,
    from,
    to,
    actorId,
    reason,
    now,
  }: {
    id: number;
    from: CommentStatus;
    to: CommentStatus;
    /** Null when no person decided (the rules approving a habitué). */
    actorId: number | null;
    reason: string | null;
    now: Date;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('comments')
    .set({ status: to, moderated_at: now.toISOString(), moderated_by: actorId, reason })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stops reply notifications for every comment written with this address. */
export async function updateNotifyOffForEmail(db: DbOrTrx, email: string): Promise<number> {
  const result = await db
    .updateTable('comments')
    .set({ notify_replies: 0 })
    .where('author_email', '=', email)
    .where('notify_replies', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
