import type { Db } from '../db/database.ts';

/** An article as a dashboard block lists it. */
export interface DashboardArticle {
  id: number;
  title: string;
  authorName: string | null;
  /** The time the block is about: submitted, scheduled or published at. */
  at: string;
}

function articlesWithAuthor(db: Db) {
  return db
    .selectFrom('articles as a')
    .leftJoin('users as u', 'u.id', 'a.author_id')
    .select(['a.id', 'a.title', 'u.name as authorName']);
}

/** Drafts submitted for review, oldest submission first (a queue). */
export async function listDraftsAwaitingReview(db: Db, limit: number): Promise<DashboardArticle[]> {
  const rows = await articlesWithAuthor(db)
    .select('a.submitted_at as at')
    .where('a.status', '=', 'draft')
    .where('a.submitted_at', 'is not', null)
    .orderBy('a.submitted_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, at: r.at ?? '' }));
}

/** Scheduled articles, next to go live first. */
export async function listScheduledArticles(db: Db, limit: number): Promise<DashboardArticle[]> {
  const rows = await articlesWithAuthor(db)
    .select('a.published_at as at')
    .where('a.status', '=', 'scheduled')
    .orderBy('a.published_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, at: r.at ?? '' }));
}

/** Articles published in [from, to), latest first. */
export async function listPublishedBetween(
  db: Db,
  { from, to, limit }: { from: Date; to: Date; limit: number },
): Promise<DashboardArticle[]> {
  const rows = await articlesWithAuthor(db)
    .select('a.published_at as at')
    .where('a.status', '=', 'published')
    .where('a.published_at', '>=', from.toISOString())
    .where('a.published_at', '<', to.toISOString())
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, at: r.at ?? '' }));
}

/** One line of the newsroom's recent activity: who did what to which article, when. */
export interface ActivityItem {
  articleId: number;
  title: string;
  version: number;
  editorName: string;
  note: string;
  editedAt: string;
}

/** The latest revisions across all articles, newest first. */
// Revisions are inserted as they happen, so the primary key orders them without an index on edited_at.
export async function listRecentActivity(db: Db, limit: number): Promise<ActivityItem[]> {
  return db
    .selectFrom('article_revisions as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .select([
      'r.article_id as articleId',
      'a.title',
      'r.version',
      'r.editor_name as editorName',
      'r.note',
      'r.edited_at as editedAt',
    ])
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

/** When each article still published went live, from an instant on (for the daily chart). */
export async function listPublishedTimesSince(db: Db, from: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('articles')
    .select('published_at')
    .where('status', '=', 'published')
    .where('published_at', '>=', from.toISOString())
    .orderBy('published_at')
    .execute();
  return rows.flatMap((r) => (r.published_at ? [r.published_at] : []));
}
