import type { Db, DbOrTrx } from '../db/database.ts';
import { preparedQuery } from '../db/prepared.ts';
import type { RelatedText } from './related.ts';
import { plainText } from './search-text.ts';

/** A related article as its card shows it. */
export interface RelatedCard {
  id: number;
  slug: string;
  title: string;
  publishedAt: string;
  section: { slug: string; name: string };
}

// Only the opening of a body is compared; reading whole bodies of 40 candidates is waste.
const BODY_PREFIX = 2_000;

/** The texts related articles are chosen on, for these articles. */
export async function listRelatedTexts(db: DbOrTrx, ids: number[]): Promise<RelatedText[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('articles')
    .select((eb) => [
      'id',
      'title',
      'kicker',
      'standfirst',
      eb.fn<string>('substr', ['body', eb.lit(1), eb.lit(BODY_PREFIX)]).as('body'),
      'section_id',
      'published_at',
    ])
    .where('id', 'in', ids)
    .execute();
  const tags = await db
    .selectFrom('article_tags')
    .select(['article_id', 'tag'])
    .where('article_id', 'in', ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kicker: r.kicker,
    standfirst: r.standfirst,
    body: plainText(r.body),
    tags: tags.filter((t) => t.article_id === r.id).map((t) => t.tag),
    sectionId: r.section_id,
    publishedAt: r.published_at ?? '',
  }));
}

/** Replaces an article's related articles (closest first). */
export async function replaceRelated(
  db: DbOrTrx,
  articleId: number,
  relatedIds: number[],
): Promise<void> {
  await db.deleteFrom('article_related').where('article_id', '=', articleId).execute();
  if (relatedIds.length)
    await db
      .insertInto('article_related')
      .values(
        relatedIds.map((related_id, position) => ({ article_id: articleId, position, related_id })),
      )
      .execute();
}

/** Forgets every article's related articles (before a rebuild). */
export async function deleteAllRelated(db: DbOrTrx): Promise<void> {
  await db.deleteFrom('article_related').execute();
}

// Read on every cache miss of an article page: prepared.
const liveRelated = preparedQuery((db, v: { articleId: number }) =>
  db
    .selectFrom('article_related as r')
    .innerJoin('articles as a', 'a.id', 'r.related_id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select([
      'a.id',
      'a.slug',
      'a.title',
      'a.published_at',
      's.slug as section_slug',
      's.name as section_name',
    ])
    .where('r.article_id', '=', v.articleId)
    .where('a.status', '=', 'published')
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc'),
);

/** An article's related articles that are still published, newest first. */
export async function listLiveRelated(db: Db, articleId: number): Promise<RelatedCard[]> {
  const rows = await liveRelated(db, { articleId });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    publishedAt: r.published_at ?? '',
    section: { slug: r.section_slug, name: r.section_name },
  }));
}
