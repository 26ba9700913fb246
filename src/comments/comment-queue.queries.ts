import type { Db } from '../db/database.ts';
import type { CommentStatus } from './comment.table.ts';
import type { RuleLabel } from '../moderation/rules/rule.ts';
import { commentIdsWithLabel } from '../moderation/rules/rule-verdict.queries.ts';

/** A comment as the moderation queue shows it, with its article, parent and moderator. */
export interface QueueItem {
  id: number;
  status: CommentStatus;
  authorName: string;
  authorEmail: string;
  body: string;
  createdAt: string;
  moderatedAt: string | null;
  moderatedBy: string | null;
  reason: string | null;
  article: { id: number | null; title: string; path: string | null };
  parent: { id: number; authorName: string; body: string } | null;
}

/** One page of comments in a status: pending oldest first (a queue), others newest decided first. */
export async function listQueue(
  db: Db,
  {
    status,
    articleId,
    limit,
    offset,
    label,
    byScore,
  }: {
    status: CommentStatus;
    articleId?: number | undefined;
    limit: number;
    offset: number;
    /** Only comments a moderation rule gave this label. */
    label?: RuleLabel | undefined;
    /** Pending comments by the classifier's score (moderation/classifier), most unwanted first or last. */
    byScore?: { version: number; order: 'asc' | 'desc' } | undefined;
  },
): Promise<QueueItem[]> {
  // Deferred join: page through the covering index first, then fetch and join only those rows,
  // so a deep page doesn't read every skipped comment.
  let ids = db.selectFrom('comments').select('id').where('status', '=', status);
  if (articleId !== undefined) ids = ids.where('article_id', '=', articleId);
  if (byScore) {
    ids = db
      .selectFrom('comments')
      .leftJoin('comment_scores', (j) =>
        j
          .onRef('comment_scores.comment_id', '=', 'comments.id')
          .on('comment_scores.model_version', '=', byScore.version),
      )
      .select('comments.id')
      .where('comments.status', '=', status)
      // Unscored comments (a moment old) come last either way.
      .orderBy((eb) => eb.case().when('comment_scores.score', 'is', null).then(1).else(0).end())
      .orderBy('comment_scores.score', byScore.order)
      .orderBy('comments.id');
    if (articleId !== undefined) ids = ids.where('comments.article_id', '=', articleId);
  } else
    ids =
      status === 'pending'
        ? ids.orderBy('created_at').orderBy('id')
        : ids.orderBy('moderated_at', 'desc').orderBy('id', 'desc');
  if (label !== undefined) ids = ids.where('comments.id', 'in', commentIdsWithLabel(db, label));
  let query = db
    .selectFrom('comments as c')
    .leftJoin('articles as a', 'a.id', 'c.article_id')
    .leftJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('comments as p', 'p.id', 'c.parent_id')
    .leftJoin('users as u', 'u.id', 'c.moderated_by')
    .select([
      'c.id',
      'c.status',
      'c.author_name',
      'c.author_email',
      'c.body',
      'c.created_at',
      'c.moderated_at',
      'c.reason',
      'c.article_id',
      'c.article_title',
      'a.slug as article_slug',
      's.slug as section_slug',
      'p.id as parent_id',
      'p.author_name as parent_author',
      'p.body as parent_body',
      'u.name as moderator',
    ])
    .where('c.id', 'in', ids.limit(limit).offset(offset));
  if (byScore)
    query = query
      .leftJoin('comment_scores as cs', (j) =>
        j.onRef('cs.comment_id', '=', 'c.id').on('cs.model_version', '=', byScore.version),
      )
      .orderBy((eb) => eb.case().when('cs.score', 'is', null).then(1).else(0).end())
      .orderBy('cs.score', byScore.order)
      .orderBy('c.id');
  else
    query =
      status === 'pending'
        ? query.orderBy('c.created_at').orderBy('c.id')
        : query.orderBy('c.moderated_at', 'desc').orderBy('c.id', 'desc');
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    authorName: r.author_name,
    authorEmail: r.author_email,
    body: r.body,
    createdAt: r.created_at,
    moderatedAt: r.moderated_at,
    moderatedBy: r.moderator,
    reason: r.reason,
    article: {
      id: r.article_id,
      title: r.article_title,
      path: r.article_slug && r.section_slug ? `/${r.section_slug}/${r.article_slug}` : null,
    },
    parent: r.parent_id
      ? { id: r.parent_id, authorName: r.parent_author ?? '', body: r.parent_body ?? '' }
      : null,
  }));
}

/** How many comments are in each status, optionally for one article. */
export async function countCommentsByStatus(
  db: Db,
  articleId?: number,
  label?: RuleLabel,
): Promise<Record<CommentStatus, number>> {
  let query = db
    .selectFrom('comments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')]);
  if (articleId !== undefined) query = query.where('article_id', '=', articleId);
  if (label !== undefined) query = query.where('id', 'in', commentIdsWithLabel(db, label));
  const rows = await query.groupBy('status').execute();
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, rejected: 0, spam: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** When the oldest comment still waiting was written, if any waits. */
export async function findOldestPendingAt(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('comments')
    .select('created_at')
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.created_at ?? null;
}

/** How many comments still wait that were written at or after each instant (for age bands). */
export async function countPendingSince(db: Db, instants: Date[]): Promise<number[]> {
  return Promise.all(
    instants.map(async (since) => {
      const row = await db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .where('created_at', '>=', since.toISOString())
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    }),
  );
}

/** For each address, how many of its comments were approved and how many refused before. */
export async function findEmailHistories(
  db: Db,
  emails: string[],
): Promise<Map<string, { approved: number; rejected: number }>> {
  const history = new Map<string, { approved: number; rejected: number }>();
  if (emails.length === 0) return history;
  const rows = await db
    .selectFrom('comments')
    .select(['author_email', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('author_email', 'in', [...new Set(emails)])
    .where('status', 'in', ['approved', 'rejected', 'spam'])
    .groupBy(['author_email', 'status'])
    .execute();
  for (const r of rows) {
    const h = history.get(r.author_email) ?? { approved: 0, rejected: 0 };
    if (r.status === 'approved') h.approved += Number(r.n);
    else h.rejected += Number(r.n);
    history.set(r.author_email, h);
  }
  return history;
}

/** Articles that have comments, with their pending counts, for the queue's article filter. */
export async function listCommentedArticles(
  db: Db,
): Promise<{ id: number; title: string; pending: number }[]> {
  // Grouped by article id alone, which comments_article_idx covers; titles come from articles.
  // No "is not null" filter: the inner join drops detached comments, and the filter would steer
  // SQLite onto an index that doesn't cover status.
  const counts = db
    .selectFrom('comments')
    .select([
      'article_id',
      (eb) =>
        eb.fn
          .sum<number>(eb.case().when('status', '=', 'pending').then(1).else(0).end())
          .as('pending'),
    ])
    .groupBy('article_id')
    .as('x');
  const rows = await db
    .selectFrom(counts)
    .innerJoin('articles as a', 'a.id', 'x.article_id')
    .select(['a.id', 'a.title', 'x.pending'])
    .orderBy('a.title')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, pending: Number(r.pending) }));
}
