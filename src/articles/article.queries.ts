import { sql, type SelectQueryBuilder } from 'kysely';
import { dialectOf } from '../db/connect.ts';
import { preparedQuery } from '../db/prepared.ts';
import type { Database, Db, DbOrTrx } from '../db/database.ts';
import type { ImageVariant } from '../media/image-variants.ts';
import { listImagesByIds } from '../media/media.queries.ts';
import type { Coauthor } from '../authors/byline.ts';
import { listArticleCorrections } from '../corrections/correction.queries.ts';
import { bodyMediaIds } from './body-media-render.ts';
import type { ArticleSummary, ArticleView, ImageView } from './article.ts';
import type {
  ArticleRow,
  ArticleRowUpdate,
  ArticleStatus,
  NewArticleRow,
} from './article.table.ts';

type Joined = SelectQueryBuilder<
  Database & { a: Database['articles']; s: Database['sections']; m: Database['media'] },
  'a' | 's' | 'm',
  object
>;

function joinedArticles(db: Db): Joined {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as m', 'm.id', 'a.image_id') as unknown as Joined;
}

/** Published articles joined with their section and lead image, for reader lists. */
export function liveArticles(db: Db): Joined {
  return joinedArticles(db).where('a.status', '=', 'published');
}

/** The columns toSummary() reads. */
export const summaryColumns = [
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
  'a.image_is_illustration',
  'a.image_id',
  's.slug as section_slug',
  's.name as section_name',
  'm.width as image_width',
  'm.height as image_height',
  'm.variants as image_variants',
  'a.live',
  'a.live_started_at',
  'a.live_ended_at',
] as const;

/** A row selected with summaryColumns. */
export interface SummaryRow {
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
  image_is_illustration: number;
  image_id: number | null;
  section_slug: string;
  section_name: string;
  image_width: number | null;
  image_height: number | null;
  image_variants: string | null;
  live: number;
  live_started_at: string | null;
  live_ended_at: string | null;
}

/** Turns a row selected with summaryColumns into what reader lists show. */
export function toSummary(row: SummaryRow): ArticleSummary {
  const image: ImageView | null =
    row.image_variants && row.image_width && row.image_height
      ? {
          width: row.image_width,
          height: row.image_height,
          variants: JSON.parse(row.image_variants) as ImageVariant[],
          alt: row.image_alt,
          credit: row.image_credit,
          caption: row.image_caption,
          ...(row.image_is_illustration === 1 ? { illustration: true } : {}),
          ...(row.image_id ? { mediaId: row.image_id } : {}),
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
    ...(row.live === 1
      ? {
          live: {
            startedAt: row.live_started_at ?? row.published_at ?? '',
            endedAt: row.live_ended_at,
          },
        }
      : {}),
  };
}

/** Which published articles a reader list shows: all, or those of a section, a byline or a tag. */
export interface LiveFilter {
  sectionId?: number;
  /** Articles this newsroom member signed: theirs, under their own name or no signature. */
  authorId?: number;
  tag?: string;
}

/** Narrows a query on published articles (`a`) to a reader list's filter. */
export function whereLive(query: Joined, { sectionId, authorId, tag }: LiveFilter): Joined {
  let q = query;
  if (sectionId !== undefined) q = q.where('a.section_id', '=', sectionId);
  if (authorId !== undefined)
    q = q.where((eb) => {
      const coauthors = eb
        .selectFrom('article_coauthors as ac')
        .select('ac.article_id')
        .whereRef('ac.article_id', '=', 'a.id');
      return eb.or([
        // A co-author, whoever the article belongs to.
        eb.exists(coauthors.where('ac.user_id', '=', authorId)),
        // Or, on an article without co-authors, its owner signing under their own name: an
        // agency or guest signature on a member's article is not their work.
        eb.and([
          eb('a.author_id', '=', authorId),
          eb.not(eb.exists(coauthors)),
          eb.or([
            eb('a.signature', '=', ''),
            eb(
              'a.signature',
              '=',
              eb.selectFrom('users').select('users.name').where('users.id', '=', authorId),
            ),
            eb(
              'a.signature',
              '=',
              eb.selectFrom('users').select('users.byline').where('users.id', '=', authorId),
            ),
          ]),
        ]),
      ]);
    });
  if (tag !== undefined)
    q = q.where((eb) =>
      eb(
        'a.id',
        'in',
        eb
          .selectFrom('article_tags')
          .select('article_tags.article_id')
          .where('article_tags.tag', '=', tag),
      ),
    );
  return q;
}

/** Published articles, newest first, optionally in one section, by one author or with one tag. */
export async function listLiveArticles(
  db: Db,
  { limit, offset = 0, ...filter }: LiveFilter & { limit: number; offset?: number },
): Promise<ArticleSummary[]> {
  const rows = (await whereLive(liveArticles(db), filter)
    .select(summaryColumns)
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()) as SummaryRow[];
  return rows.map(toSummary);
}

/** How many published articles there are, optionally in one section, by one author or with one tag. */
export async function countLiveArticles(db: Db, filter: LiveFilter = {}): Promise<number> {
  const row = await whereLive(liveArticles(db), filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The published article with this slug (or id), with everything its page shows. */
export function findLiveArticle(
  db: Db,
  key: string | { id: number },
): Promise<ArticleView | undefined> {
  return findArticleView(db, key, { liveOnly: true });
}

// An article page's read: the article with everything its page shows but its body's images,
// corrections and co-authors (read next, and only when there are some).
function articleViewQuery(db: Db, liveOnly: boolean) {
  return (liveOnly ? liveArticles(db) : joinedArticles(db))
    .leftJoin('users as u', 'u.id', 'a.author_id')
    .select([
      ...summaryColumns,
      'a.body_html',
      'a.comments',
      'a.version',
      'a.no_ads',
      'a.agency',
      'a.section_id',
      'a.author_id',
      'u.name as author_name',
      'u.byline as author_byline',
      // The tags in the same round trip, joined by a unit separator (never in a tag).
      (dialectOf(db) === 'postgres'
        ? sql<
            string | null
          >`(select string_agg(t.tag, chr(31) order by t.tag) from article_tags t where t.article_id = a.id)`
        : sql<
            string | null
          >`(select group_concat(tag, char(31)) from (select t.tag from article_tags t where t.article_id = a.id order by t.tag))`
      ).as('tag_list'),
      // Whether it has corrections or co-authors, so most articles skip those two reads.
      sql<
        number | boolean
      >`exists (select 1 from article_corrections c where c.article_id = a.id)`.as(
        'has_corrections',
      ),
      sql<
        number | boolean
      >`exists (select 1 from article_coauthors c where c.article_id = a.id)`.as('has_coauthors'),
    ]);
}

// Every cache miss of an article page runs this read: it is prepared, one per shape.
function articleViewBy(liveOnly: boolean) {
  return {
    slug: preparedQuery((db, v: { slug: string }) =>
      articleViewQuery(db, liveOnly).where('a.slug', '=', v.slug),
    ),
    id: preparedQuery((db, v: { id: number }) =>
      articleViewQuery(db, liveOnly).where('a.id', '=', v.id),
    ),
  };
}
const liveArticleView = articleViewBy(true);
const anyArticleView = articleViewBy(false);

/** An article with everything its page shows; drafts included unless liveOnly (for previews). */
export async function findArticleView(
  db: Db,
  key: string | { id: number },
  { liveOnly }: { liveOnly: boolean },
): Promise<ArticleView | undefined> {
  const by = liveOnly ? liveArticleView : anyArticleView;
  const [row] = (await (typeof key === 'string'
    ? by.slug(db, { slug: key })
    : by.id(db, { id: key.id }))) as (SummaryRow &
    Pick<
      ArticleRow,
      'body_html' | 'comments' | 'version' | 'no_ads' | 'agency' | 'section_id' | 'author_id'
    > & {
      author_name: string | null;
      author_byline: string | null;
      tag_list: string | null;
      has_corrections: number | boolean;
      has_coauthors: number | boolean;
    })[];
  if (!row) return undefined;
  const [bodyMedia, corrections, coauthors] = await Promise.all([
    listImagesByIds(db, bodyMediaIds(row.body_html)),
    row.has_corrections ? listArticleCorrections(db, row.id) : [],
    row.has_coauthors ? listArticleCoauthors(db, row.id) : [],
  ]);
  return {
    ...toSummary(row),
    bodyHtml: row.body_html,
    bodyMedia,
    corrections,
    coauthors,
    agency: row.agency,
    comments: row.comments,
    version: row.version,
    authorName: row.author_name,
    authorByline: row.author_byline,
    authorId: row.author_id,
    sectionId: row.section_id,
    noAds: row.no_ads === 1,
    tags: row.tag_list ? row.tag_list.split('\u001f') : [],
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
export async function updateDueScheduledToPublished(
  db: DbOrTrx,
  now: Date,
): Promise<{ id: number; version: number; publishedAt: string | null; sectionId: number }[]> {
  return db
    .updateTable('articles')
    .set((eb) => ({ status: 'published', version: eb('version', '+', 1) }))
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .returning(['id', 'version', 'published_at as publishedAt', 'section_id as sectionId'])
    .execute();
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

/** A row of the newsroom's article list. */
export interface NewsroomArticleRow {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  sectionName: string;
  sectionSlug: string;
  authorName: string | null;
  authorId: number | null;
  submittedAt: string | null;
  publishedAt: string | null;
  savedAt: string | null;
}

/** Articles for the newsroom, most recently saved first, with filters and a title search. */
export async function listNewsroomArticles(
  db: Db,
  filters: {
    status?: ArticleStatus | 'submitted';
    sectionId?: number;
    authorId?: number;
    q?: string;
    limit: number;
    offset: number;
  },
): Promise<NewsroomArticleRow[]> {
  let query = db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('users as u', 'u.id', 'a.author_id')
    .select([
      'a.id',
      'a.title',
      'a.slug',
      'a.status',
      's.name as sectionName',
      's.slug as sectionSlug',
      'u.name as authorName',
      'a.author_id as authorId',
      'a.submitted_at as submittedAt',
      'a.published_at as publishedAt',
      'a.saved_at as savedAt',
    ]);
  if (filters.status === 'submitted')
    query = query.where('a.status', '=', 'draft').where('a.submitted_at', 'is not', null);
  else if (filters.status) query = query.where('a.status', '=', filters.status);
  if (filters.sectionId) query = query.where('a.section_id', '=', filters.sectionId);
  if (filters.authorId) query = query.where('a.author_id', '=', filters.authorId);
  // lower() on both sides: LIKE is case-insensitive on SQLite but not on PostgreSQL. The
  // wildcards a newsroom member types (« 100 % », « mot_clé ») are searched for as themselves.
  if (filters.q) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where(sql<boolean>`lower(a.title) like ${pattern} escape '\\'`);
  }
  return query
    .orderBy((eb) => eb.fn.coalesce('a.saved_at', 'a.published_at', 'a.created_at'), 'desc')
    .orderBy('a.id', 'desc')
    .limit(filters.limit)
    .offset(filters.offset)
    .execute();
}

/** The article row with this id, whatever its status. */
export async function findArticleById(db: DbOrTrx, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Saves an article only if nobody saved it since `version`; returns whether it did. */
export async function updateArticleIfVersion(
  db: DbOrTrx,
  { id, version, values }: { id: number; version: number; values: ArticleRowUpdate },
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores a revision of an article. */
export async function insertArticleRevision(
  db: DbOrTrx,
  revision: {
    articleId: number;
    version: number;
    snapshot: unknown;
    editedBy: number | null;
    editorName: string;
    note: string;
    editedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({
      article_id: revision.articleId,
      version: revision.version,
      snapshot: JSON.stringify(revision.snapshot),
      edited_by: revision.editedBy,
      editor_name: revision.editorName,
      note: revision.note,
      edited_at: revision.editedAt.toISOString(),
    })
    .execute();
}

/**
 * Brings the article's latest revision up to date instead of adding one, when it is an autosave
 * by the same person since `since`; returns whether it did.
 */
export async function updateLatestAutosaveRevision(
  db: DbOrTrx,
  revision: {
    articleId: number;
    version: number;
    snapshot: unknown;
    editedBy: number | null;
    editedAt: Date;
    since: Date;
  },
): Promise<boolean> {
  const latest = await db
    .selectFrom('article_revisions')
    .select(['id', 'note', 'edited_by', 'edited_at'])
    .where('article_id', '=', revision.articleId)
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (
    !latest ||
    latest.note !== 'autosave' ||
    latest.edited_by !== revision.editedBy ||
    Date.parse(latest.edited_at) < revision.since.getTime()
  )
    return false;
  await db
    .updateTable('article_revisions')
    .set({
      version: revision.version,
      snapshot: JSON.stringify(revision.snapshot),
      edited_at: revision.editedAt.toISOString(),
    })
    .where('id', '=', latest.id)
    .execute();
  return true;
}

/** An article's revisions, newest first. */
export async function listArticleRevisions(
  db: Db,
  articleId: number,
): Promise<{ version: number; editorName: string; note: string; editedAt: string }[]> {
  return db
    .selectFrom('article_revisions')
    .select(['version', 'editor_name as editorName', 'note', 'edited_at as editedAt'])
    .where('article_id', '=', articleId)
    .orderBy('version', 'desc')
    .execute();
}

/** Replaces an article's tags. */
export async function replaceArticleTags(
  db: DbOrTrx,
  articleId: number,
  tags: string[],
): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tags.length)
    await db
      .insertInto('article_tags')
      .values(tags.map((tag) => ({ article_id: articleId, tag })))
      .execute();
}

/** An article's tags, alphabetically. */
export async function listArticleTags(db: DbOrTrx, articleId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('article_tags')
    .select('tag')
    .where('article_id', '=', articleId)
    .orderBy('tag')
    .execute();
  return rows.map((r) => r.tag);
}

/** The members who co-sign an article, in their order. */
export async function listArticleCoauthors(db: DbOrTrx, articleId: number): Promise<Coauthor[]> {
  return db
    .selectFrom('article_coauthors as ac')
    .innerJoin('users as u', 'u.id', 'ac.user_id')
    .select(['u.id', 'u.name', 'u.byline'])
    .where('ac.article_id', '=', articleId)
    .orderBy('ac.position')
    .execute();
}

/** Sets the members who co-sign an article, in the order given. */
export async function replaceArticleCoauthors(
  db: DbOrTrx,
  articleId: number,
  userIds: readonly number[],
): Promise<void> {
  await db.deleteFrom('article_coauthors').where('article_id', '=', articleId).execute();
  if (!userIds.length) return;
  await db
    .insertInto('article_coauthors')
    .values(userIds.map((user_id, position) => ({ article_id: articleId, user_id, position })))
    .execute();
}
