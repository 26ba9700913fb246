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
    await sql`insert into article_search (article_id, document)
      values (${doc.articleId}, ${v(doc.title, 'A')} || ${v(doc.kicker, 'B')} || ${v(doc.standfirst, 'C')} || ${v(doc.body, 'D')})
      on conflict (article_id) do update set document = excluded.document`.execute(db);
    return;
  }
  await deleteSearchDocument(db, dialect, doc.articleId);
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
  await (
    dialect === 'postgres'
      ? sql`delete from article_search where article_id = ${articleId}`
      : sql`delete from article_search where rowid = ${articleId}`
  ).execute(db);
}

/** Empties the full-text index (before a rebuild). */
export async function deleteAllSearchDocuments(db: DbOrTrx): Promise<void> {
  await sql`delete from article_search`.execute(db);
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

function source(dialect: DialectName): RawBuilder<unknown> {
  return dialect === 'postgres'
    ? sql`article_search f join articles a on a.id = f.article_id`
    : sql`article_search join articles a on a.id = article_search.rowid`;
}

function matches(dialect: DialectName, query: string): RawBuilder<unknown> {
  return dialect === 'postgres'
    ? sql`f.document @@ to_tsquery('french', ${query})`
    : sql`article_search match ${query}`;
}

// Higher is better on PostgreSQL (ts_rank_cd), lower on SQLite (bm25).
function rank(dialect: DialectName, query: string): RawBuilder<unknown> {
  return dialect === 'postgres'
    ? sql`ts_rank_cd(f.document, to_tsquery('french', ${query}))`
    : sql`${BM25}`;
}

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
  const where = sql`${matches(dialect, query)} and a.status = 'published'
    ${sectionId === undefined ? sql`` : sql`and a.section_id = ${sectionId}`}`;
  const counted = await sql<{ n: number }>`select count(*) as n
    from ${source(dialect)} where ${where}`.execute(db);
  const total = Number(counted.rows[0]?.n ?? 0);
  if (total === 0 || offset >= total) return { total, rows: [] };
  // Ranked on ids alone, then the page's ten rows read: sorting every match with its body
  // would copy all those bodies into the sorter.
  const { rows } = await sql<SearchRow>`with top as (
      select a.id, ${rank(dialect, query)} as score, a.published_at
      from ${source(dialect)} where ${where}
      order by score ${dialect === 'postgres' ? sql`desc` : sql`asc`}, a.published_at desc, a.id desc
      limit ${limit} offset ${offset})
    select a.id, a.slug, a.kicker, a.title, a.standfirst, a.body, a.published_at,
      s.slug as section_slug, s.name as section_name
    from top join articles a on a.id = top.id join sections s on s.id = a.section_id
    order by top.score ${dialect === 'postgres' ? sql`desc` : sql`asc`}, top.published_at desc, top.id desc`.execute(
    db,
  );
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
  const { rows } = await sql<{ id: number }>`select a.id from ${source(dialect)}
    where ${matches(dialect, query)} and a.status = 'published' and a.id <> ${articleId}
    order by ${rank(dialect, query)} ${dialect === 'postgres' ? sql`desc` : sql`asc`}, a.published_at desc
    limit ${limit}`.execute(db);
  return rows.map((r) => r.id);
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
    .select(['id', 'title', 'kicker', 'standfirst', 'body', 'status'])
    .where('id', 'in', ids)
    .execute();
  return rows.map(({ id, status, ...r }) => ({
    articleId: id,
    ...r,
    published: status === 'published',
  }));
}
