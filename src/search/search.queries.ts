import { sql, type RawBuilder } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { DbOrTrx } from '../db/database.ts';
import type { QueryTerm } from './search-text.ts';
import { foldAccents, stemText } from './search-text.ts';

/** The text of an article as the index reads it (the body already reduced to plain text). */
export interface SearchDocument {
  articleId: number;
  title: string;
  kicker: string;
  standfirst: string;
  body: string;
  sectionId: number;
  publishedAt: string;
}

/** A search result as the page needs it: the original text, for the excerpt. */
export interface SearchRow {
  id: number;
  slug: string;
  kicker: string;
  title: string;
  standfirst: string;
  body: string;
  published_at: string;
  section_slug: string;
  section_name: string;
}

const stems = (text: string) => stemText(text).join(' ');

// Column weights: a word in the title counts most, then the kicker, the standfirst, the body.
const BM25 = sql`bm25(article_search, 10.0, 5.0, 3.0, 1.0)`;

/** Writes (or rewrites) an article's entry in the full-text index. */
export async function upsertSearchDocument(
  db: DbOrTrx,
  dialect: DialectName,
  doc: SearchDocument,
): Promise<void> {
  if (dialect === 'postgres') {
    // Folded in JS (unaccent may not be installable), stemmed by PostgreSQL's French config.
    const v = (text: string, weight: string) =>
      sql`setweight(to_tsvector('french', ${foldAccents(text)}), ${sql.lit(weight)})`;
    await sql`insert into article_search (article_id, document, section_id, published_at)
      values (${doc.articleId}, ${v(doc.title, 'A')} || ${v(doc.kicker, 'B')} || ${v(doc.standfirst, 'C')} || ${v(doc.body, 'D')},
        ${doc.sectionId}, ${doc.publishedAt})
      on conflict (article_id) do update set document = excluded.document,
        section_id = excluded.section_id, published_at = excluded.published_at`.execute(db);
    return;
  }
  await deleteSearchDocument(db, dialect, doc.articleId);
  await sql`insert into article_search_meta (article_id, section_id, published_at)
    values (${doc.articleId}, ${doc.sectionId}, ${doc.publishedAt})`.execute(db);
  await sql`insert into article_search (rowid, title, kicker, standfirst, body)
    values (${doc.articleId}, ${stems(doc.title)}, ${stems(doc.kicker)}, ${stems(doc.standfirst)}, ${stems(doc.body)})`.execute(
    db,
  );
}

/** Removes an article from the full-text index. */
export async function deleteSearchDocument(
  db: DbOrTrx,
  dialect: DialectName,
  articleId: number,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`delete from article_search where article_id = ${articleId}`.execute(db);
    return;
  }
  await sql`delete from article_search where rowid = ${articleId}`.execute(db);
  await sql`delete from article_search_meta where article_id = ${articleId}`.execute(db);
}

/** Empties the full-text index (before a rebuild). */
export async function deleteAllSearchDocuments(db: DbOrTrx, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`delete from article_search`.execute(db);
    return;
  }
  await sql`insert into article_search (article_search) values ('delete-all')`.execute(db);
  await sql`delete from article_search_meta`.execute(db);
}

/** How many articles the full-text index holds. */
export async function countSearchDocuments(db: DbOrTrx): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from article_search`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

// The engine's query for the terms: all of them (a search), or any (related candidates).
// Terms are plain [a-z0-9] words, so nothing a reader types can change the query's syntax.
function matchQuery(dialect: DialectName, terms: QueryTerm[], any: boolean): string {
  return dialect === 'postgres'
    ? terms.map((t) => t.word).join(any ? ' | ' : ' & ')
    : terms.map((t) => `"${t.stem}"`).join(any ? ' OR ' : ' ');
}

/**
 * The index's matches for a query, as `f(id, section_id, published_at[, score])`: the index
 * holds only published articles, with their section and date, so counting and ranking never
 * read `articles`. Score: higher is better on PostgreSQL (ts_rank_cd), lower on SQLite (bm25).
 */
function hits(dialect: DialectName, query: string, scored: boolean): RawBuilder<unknown> {
  if (dialect === 'postgres') {
    const q = sql`to_tsquery('french', ${query})`;
    return sql`(select article_id as id, section_id, published_at
      ${scored ? sql`, ts_rank_cd(document, ${q}) as score` : sql``}
      from article_search where document @@ ${q}) f`;
  }
  // FTS5 wants its table's own name (no alias) in MATCH and bm25(), hence the subquery; `cross
  // join` keeps the matches as the outer loop (SQLite's planner otherwise scans the whole side
  // table and probes the index for each row: 50 ms for a word found in 3 articles of 50,000).
  return sql`(select m.article_id as id, m.section_id, m.published_at
      ${scored ? sql`, ${BM25} as score` : sql``}
    from article_search cross join article_search_meta m on m.article_id = article_search.rowid
    where article_search match ${query}) f`;
}

const best = (dialect: DialectName) => (dialect === 'postgres' ? sql`desc` : sql`asc`);

/** Published articles holding every term, best first, one page of them, and how many there are. */
export async function searchLiveArticles(
  db: DbOrTrx,
  dialect: DialectName,
  {
    terms,
    sectionId,
    limit,
    offset,
  }: { terms: QueryTerm[]; sectionId?: number | undefined; limit: number; offset: number },
): Promise<{ total: number; rows: SearchRow[] }> {
  const query = matchQuery(dialect, terms, false);
  const inSection = sectionId === undefined ? sql`` : sql`where f.section_id = ${sectionId}`;
  const counted = await sql<{ n: number }>`select count(*) as n
    from ${hits(dialect, query, false)} ${inSection}`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  if (total === 0 || offset >= total) return { total, rows: [] };
  // Ranked in the index alone, then the page's ten rows read: sorting every match with its
  // body would copy all those bodies into the sorter.
  const { rows } = await sql<SearchRow>`with top as (
      select f.id, f.score, f.published_at from ${hits(dialect, query, true)} ${inSection}
      order by f.score ${best(dialect)}, f.published_at desc, f.id desc
      limit ${limit} offset ${offset})
    select a.id, a.slug, a.kicker, a.title, a.standfirst, a.body, a.published_at,
      s.slug as section_slug, s.name as section_name
    from top join articles a on a.id = top.id join sections s on s.id = a.section_id
    order by top.score ${best(dialect)}, top.published_at desc, top.id desc`.execute(db);
  return { total, rows };
}

/** Published articles sharing any of the terms with an article, best first: related candidates. */
export async function listRelatedCandidateIds(
  db: DbOrTrx,
  dialect: DialectName,
  { terms, articleId, limit }: { terms: QueryTerm[]; articleId: number; limit: number },
): Promise<number[]> {
  if (!terms.length) return [];
  const query = matchQuery(dialect, terms, true);
  const { rows } = await sql<{ id: number }>`select f.id from ${hits(dialect, query, true)}
    where f.id <> ${articleId}
    order by f.score ${best(dialect)}, f.published_at desc
    limit ${limit}`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** A batch of published article ids after `afterId`, in id order (for rebuilding). */
export async function listPublishedIds(
  db: DbOrTrx,
  { afterId, limit }: { afterId: number; limit: number },
): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** How many articles are published (what a full index holds). */
export async function countPublished(db: DbOrTrx): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The indexed text of these articles, the body still in Markdown. */
export async function listSearchSources(
  db: DbOrTrx,
  ids: number[],
): Promise<(SearchDocument & { published: boolean })[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'title', 'kicker', 'standfirst', 'body', 'status', 'section_id', 'published_at'])
    .where('id', 'in', ids)
    .execute();
  return rows.map(({ id, status, section_id, published_at, ...r }) => ({
    articleId: id,
    ...r,
    sectionId: section_id,
    publishedAt: published_at ?? '',
    published: status === 'published',
  }));
}
