import type { SelectQueryBuilder } from 'kysely';
import type { Database, Db, DbOrTrx } from '../db/database.ts';
import type { ImageVariant } from '../media/image-variants.ts';
import type { ArticleSummary, ArticleView, ImageView } from './article.ts';
import type { ArticleRow, NewArticleRow } from './article.table.ts';

type Joined = SelectQueryBuilder<
  Database & { a: Database['articles']; s: Database['sections']; m: Database['media'] },
  'a' | 's' | 'm',
  object
>;

function liveArticles(db: Db): Joined {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.image_id')
    .where('a.status', '=', 'published') as unknown as Joined;
}

const summaryColumns = [
  'a.id',
  'a.slug',
  'a.kicker',
  'a.title',
  'a.standfirst',
  'a.signature',
  'a.published_at',
  'a.updated_at',
  'a.image_credit',
  'a.image_caption',
  'a.image_alt',
  's.slug as section_slug',
  's.name as section_name',
  'm.width as image_width',
  'm.height as image_height',
  'm.variants as image_variants',
] as const;

interface SummaryRow {
  id: number;
  slug: string;
  kicker: string;
  title: string;
  standfirst: string;
  signature: string;
  published_at: string | null;
  updated_at: string | null;
  image_credit: string;
  image_caption: string;
  image_alt: string;
  section_slug: string;
  section_name: string;
  image_width: number | null;
  image_height: number | null;
  image_variants: string | null;
}

function toSummary(row: SummaryRow): ArticleSummary {
  const image: ImageView | null =
    row.image_variants && row.image_width && row.image_height
      ? {
          width: row.image_width,
          height: row.image_height,
          variants: JSON.parse(row.image_variants) as ImageVariant[],
          alt: row.image_alt,
          credit: row.image_credit,
          caption: row.image_caption,
        }
      : null;
  return {
    id: row.id,
    slug: row.slug,
    kicker: row.kicker,
    title: row.title,
    standfirst: row.standfirst,
    signature: row.signature,
    publishedAt: row.published_at ?? '',
    updatedAt: row.updated_at,
    section: { slug: row.section_slug, name: row.section_name },
    image,
  };
}

/** Published articles, newest first, optionally in one section. */
export async function listLiveArticles(
  db: Db,
  { sectionId, limit, offset = 0 }: { sectionId?: number; limit: number; offset?: number },
): Promise<ArticleSummary[]> {
  let query = liveArticles(db).select(summaryColumns);
  if (sectionId !== undefined) query = query.where('a.section_id', '=', sectionId);
  const rows = (await query
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()) as SummaryRow[];
  return rows.map(toSummary);
}

/** How many published articles there are, optionally in one section. */
export async function countLiveArticles(
  db: Db,
  { sectionId }: { sectionId?: number } = {},
): Promise<number> {
  let query = db.selectFrom('articles').where('status', '=', 'published');
  if (sectionId !== undefined) query = query.where('section_id', '=', sectionId);
  const row = await query
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The published article with this slug (or id), with everything its page shows. */
export async function findLiveArticle(
  db: Db,
  key: string | { id: number },
): Promise<ArticleView | undefined> {
  const row = (await liveArticles(db)
    .leftJoin('users as u', 'u.id', 'a.author_id')
    .select([...summaryColumns, 'a.body_html', 'a.comments', 'a.version', 'u.name as author_name'])
    .where((eb) => (typeof key === 'string' ? eb('a.slug', '=', key) : eb('a.id', '=', key.id)))
    .executeTakeFirst()) as
    | (SummaryRow &
        Pick<ArticleRow, 'body_html' | 'comments' | 'version'> & { author_name: string | null })
    | undefined;
  if (!row) return undefined;
  return {
    ...toSummary(row),
    bodyHtml: row.body_html,
    comments: row.comments,
    version: row.version,
    authorName: row.author_name,
  };
}

/** The article row with this slug, whatever its status. */
export async function findArticleBySlug(
  db: DbOrTrx,
  slug: string,
): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Inserts an article row and returns it. */
export async function insertArticle(db: DbOrTrx, article: NewArticleRow): Promise<ArticleRow> {
  return db.insertInto('articles').values(article).returningAll().executeTakeFirstOrThrow();
}

/** Publishes scheduled articles whose time has come; returns how many went live. */
export async function updateDueScheduledToPublished(db: DbOrTrx, now: Date): Promise<number> {
  const rows = await db
    .updateTable('articles')
    .set((eb) => ({ status: 'published', version: eb('version', '+', 1) }))
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .returning('id')
    .execute();
  return rows.length;
}

/** Opens or closes an article's comments; returns whether the article exists. */
export async function updateArticleComments(
  db: DbOrTrx,
  id: number,
  mode: 'open' | 'closed',
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set((eb) => ({ comments: mode, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes an article; its comments stay, detached, with their audit trail. */
export async function deleteArticle(db: DbOrTrx, id: number): Promise<void> {
  await db.deleteFrom('articles').where('id', '=', id).execute();
}

/** An article's id, title and comment mode, whatever its status. */
export async function findArticleSummaryById(
  db: DbOrTrx,
  id: number,
): Promise<{ id: number; title: string; comments: 'open' | 'closed' } | undefined> {
  return db
    .selectFrom('articles')
    .select(['id', 'title', 'comments'])
    .where('id', '=', id)
    .executeTakeFirst();
}
