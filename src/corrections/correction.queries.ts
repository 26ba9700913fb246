import type { Db, DbOrTrx } from '../db/database.ts';
import type { CorrectionView } from './correction.ts';

/** An article's corrections, newest first. */
export async function listArticleCorrections(
  db: DbOrTrx,
  articleId: number,
): Promise<CorrectionView[]> {
  const rows = await db
    .selectFrom('article_corrections')
    .select(['id', 'text', 'published_at'])
    .where('article_id', '=', articleId)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, text: r.text, publishedAt: r.published_at }));
}

/** Stores a correction. */
export async function insertCorrection(
  db: DbOrTrx,
  c: { articleId: number; text: string; publishedAt: Date; addedBy: number | null },
): Promise<void> {
  await db
    .insertInto('article_corrections')
    .values({
      article_id: c.articleId,
      text: c.text,
      published_at: c.publishedAt.toISOString(),
      added_by: c.addedBy,
    })
    .execute();
}

/** A correction on the public page, with the article it corrects. */
export interface PublicCorrection extends CorrectionView {
  article: { title: string; slug: string; section: { slug: string; name: string } };
}

function liveCorrections(db: Db) {
  return db
    .selectFrom('article_corrections as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .where('a.status', '=', 'published');
}

/** How many corrections published articles carry. */
export async function countLiveCorrections(db: Db): Promise<number> {
  const row = await liveCorrections(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Corrections of published articles, newest first. */
export async function listLiveCorrections(
  db: Db,
  { limit, offset }: { limit: number; offset: number },
): Promise<PublicCorrection[]> {
  const rows = await liveCorrections(db)
    .select([
      'c.id',
      'c.text',
      'c.published_at',
      'a.title',
      'a.slug',
      's.slug as section_slug',
      's.name as section_name',
    ])
    .orderBy('c.published_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    publishedAt: r.published_at,
    article: {
      title: r.title,
      slug: r.slug,
      section: { slug: r.section_slug, name: r.section_name },
    },
  }));
}
