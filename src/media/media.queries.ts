import { sql, type ExpressionBuilder } from 'kysely';
import type { Database, Db, DbOrTrx } from '../db/database.ts';
import type { ImageInfo, ImageVariant } from './image-variants.ts';
import type { MediaRow, NewMediaRow } from './media.table.ts';

/** Inserts a media item and returns it. */
export async function insertMedia(db: DbOrTrx, media: NewMediaRow): Promise<MediaRow> {
  return db.insertInto('media').values(media).returningAll().executeTakeFirstOrThrow();
}

/** The media item stored under this base file name, if any. */
export async function findMediaByFile(db: Db, file: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('file', '=', file).executeTakeFirst();
}

/** What the library search matches: a few words against alt text, credit, caption and file name. */
export interface MediaSearch {
  q?: string | undefined;
}

// '!' escapes LIKE wildcards typed by the user, so « 100% » looks for a percent sign.
function searchFilter(q: string | undefined) {
  const words = (q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  return (eb: ExpressionBuilder<Database, 'media'>) =>
    eb.and(
      words.map((word) => {
        const pattern = `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;
        return eb.or(
          (['alt', 'credit', 'caption', 'file'] as const).map(
            (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '!'`,
          ),
        );
      }),
    );
}

/** A page of the media library, newest first, optionally filtered by a search. */
export async function listMedia(
  db: Db,
  { q, limit, offset }: MediaSearch & { limit: number; offset: number },
): Promise<MediaRow[]> {
  return db
    .selectFrom('media')
    .selectAll()
    .where(searchFilter(q))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many media items match a search (all of them without one). */
export async function countMedia(db: Db, { q }: MediaSearch): Promise<number> {
  const row = await db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(searchFilter(q))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether a media item exists. */
export async function mediaExists(db: DbOrTrx, id: number): Promise<boolean> {
  return !!(await db.selectFrom('media').select('id').where('id', '=', id).executeTakeFirst());
}

/** One media item by id. */
export async function findMedia(db: Db, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The size and variants of a media item, enough to show it; undefined when it does not exist. */
export async function findImageInfo(db: Db, id: number): Promise<ImageInfo | undefined> {
  const row = await db
    .selectFrom('media')
    .select(['width', 'height', 'variants'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    width: row.width,
    height: row.height,
    variants: JSON.parse(row.variants) as ImageVariant[],
  };
}

/** Changes the alt text, credit and caption of a media item; false when it does not exist. */
export async function updateMediaDetails(
  db: DbOrTrx,
  id: number,
  details: { alt: string; credit: string; caption: string },
): Promise<boolean> {
  const result = await db.updateTable('media').set(details).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Every media item's size and variants, oldest first (for upkeep over the whole library). */
export async function listMediaVariants(
  db: Db,
): Promise<{ id: number; file: string; width: number; variants: string }[]> {
  return db.selectFrom('media').select(['id', 'file', 'width', 'variants']).orderBy('id').execute();
}

/** Replaces the list of a media item's variant files (JSON of ImageVariant[]). */
export async function updateMediaVariants(
  db: DbOrTrx,
  id: number,
  variants: string,
): Promise<void> {
  await db.updateTable('media').set({ variants }).where('id', '=', id).execute();
}

/**
 * Takes on building a media item's share image, unless another instance took it on after
 * `staleBefore` (and so is presumably still at it). True when this caller should build it.
 */
export async function claimOgImageBuild(
  db: Db,
  { id, now, staleBefore }: { id: number; now: string; staleBefore: string },
): Promise<boolean> {
  const result = await db
    .updateTable('media')
    .set({ og_claimed_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('og_claimed_at', 'is', null), eb('og_claimed_at', '<', staleBefore)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Lets another instance build a share image this one failed to build. */
export async function releaseOgImageBuild(db: Db, id: number): Promise<void> {
  await db.updateTable('media').set({ og_claimed_at: null }).where('id', '=', id).execute();
}

/** Media items shown inside article bodies, by id, with their variants; missing ids are left out. */
export async function listImagesByIds(
  db: Db,
  ids: number[],
): Promise<(ImageInfo & { id: number; alt: string; credit: string; caption: string })[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('media')
    .select(['id', 'width', 'height', 'alt', 'credit', 'caption', 'variants'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => ({ ...r, variants: JSON.parse(r.variants) as ImageVariant[] }));
}
