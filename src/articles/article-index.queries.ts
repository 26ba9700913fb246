import { sql } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { listImagesByIds } from '../media/media.queries.ts';
import type { ArticleSummary } from './article.ts';
import { bodyMediaIds, type BodyMediaItem } from './body-media-render.ts';
import {
  liveArticles,
  summaryColumns,
  toSummary,
  whereLive,
  type LiveFilter,
  type SummaryRow,
} from './article.queries.ts';

/** A published article as feeds carry it: its summary, sanitized body and tags. */
export interface FeedArticle extends ArticleSummary {
  bodyHtml: string;
  /** The library photos the bodies show, all feed articles together. */
  bodyMedia: BodyMediaItem[];
  tags: string[];
}

/** The newest published articles of a feed, with their bodies and tags. */
export async function listFeedArticles(
  db: Db,
  { limit, ...filter }: LiveFilter & { limit: number },
): Promise<FeedArticle[]> {
  const rows = (await whereLive(liveArticles(db), filter)
    .select([...summaryColumns, 'a.body_html'])
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute()) as (SummaryRow & { body_html: string })[];
  const [tags, bodyMedia] = await Promise.all([
    listTagsOf(
      db,
      rows.map((r) => r.id),
    ),
    listImagesByIds(db, [...new Set(rows.flatMap((r) => bodyMediaIds(r.body_html)))]),
  ]);
  return rows.map((row) => ({
    ...toSummary(row),
    bodyHtml: row.body_html,
    bodyMedia,
    tags: tags.get(row.id) ?? [],
  }));
}

async function listTagsOf(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const byArticle = new Map<number, string[]>();
  if (!ids.length) return byArticle;
  const rows = await db
    .selectFrom('article_tags')
    .select(['article_id', 'tag'])
    .where('article_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const { article_id, tag } of rows) {
    const list = byArticle.get(article_id) ?? [];
    list.push(tag);
    byArticle.set(article_id, list);
  }
  return byArticle;
}

/** Published articles within [from, to), newest first, at most `limit`. */
export async function listLiveArticlesBetween(
  db: Db,
  { from, to, limit }: { from: Date; to: Date; limit: number },
): Promise<ArticleSummary[]> {
  const rows = (await liveArticles(db)
    .select(summaryColumns)
    .where('a.published_at', '>=', from.toISOString())
    .where('a.published_at', '<', to.toISOString())
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute()) as SummaryRow[];
  return rows.map(toSummary);
}

/** The months (YYYY-MM, UTC) with published articles, newest first, with their latest change. */
export async function listLiveMonths(
  db: Db,
  dialect: DialectName,
): Promise<{ month: string; lastChange: string }[]> {
  // Timestamps are ISO text on SQLite and timestamptz on PostgreSQL: the one place that shows.
  const month =
    dialect === 'postgres'
      ? sql<string>`to_char(published_at at time zone 'UTC', 'YYYY-MM')`
      : sql<string>`substr(published_at, 1, 7)`;
  const rows = await db
    .selectFrom('articles')
    .select([
      month.as('month'),
      sql<string>`max(coalesce(updated_at, published_at))`.as('last_change'),
    ])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .groupBy(month)
    .orderBy(month, 'desc')
    .execute();
  return rows.map((r) => ({ month: r.month, lastChange: new Date(r.last_change).toISOString() }));
}

/** A newsroom member with at least one published article under their own name. */
export interface Byline {
  id: number;
  name: string;
}

// Members who sign a published article: as a co-author, or as its owner under their own name
// when it has no co-authors (the rule of listLiveArticles' author filter).
function bylineArticles(db: Db) {
  return db.selectFrom('users as u').where((eb) =>
    eb.exists(
      eb
        .selectFrom('articles as a')
        .select('a.id')
        .where('a.status', '=', 'published')
        .where((e) => {
          const coauthors = e
            .selectFrom('article_coauthors as ac')
            .select('ac.article_id')
            .whereRef('ac.article_id', '=', 'a.id');
          return e.or([
            e.exists(coauthors.whereRef('ac.user_id', '=', 'u.id')),
            e.and([
              e('a.author_id', '=', e.ref('u.id')),
              e.not(e.exists(coauthors)),
              e.or([
                e('a.signature', '=', ''),
                e('a.signature', '=', e.ref('u.name')),
                e('a.signature', '=', e.ref('u.byline')),
              ]),
            ]),
          ]);
        }),
    ),
  );
}

/** Everyone with a published signed article, by name. */
export async function listBylines(db: Db): Promise<Byline[]> {
  return bylineArticles(db).select(['u.id', 'u.name']).orderBy('u.name').orderBy('u.id').execute();
}

/** The member with this id, when they have a published signed article. */
export async function findByline(db: Db, id: number): Promise<Byline | undefined> {
  return bylineArticles(db)
    .select(['u.id', 'u.name'])
    .where('u.id', '=', id)
    .limit(1)
    .executeTakeFirst();
}

/** Every tag that at least one published article carries, alphabetically. */
export async function listLiveTags(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('article_tags as t')
    .innerJoin('articles as a', 'a.id', 't.article_id')
    .select('t.tag')
    .distinct()
    .where('a.status', '=', 'published')
    .orderBy('t.tag')
    .execute();
  return rows.map((r) => r.tag);
}
