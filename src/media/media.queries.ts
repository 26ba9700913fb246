import type { Db, DbOrTrx } from '../db/database.ts';
import type { MediaRow, NewMediaRow } from './media.table.ts';

/** Inserts a media item and returns it. */
export async function insertMedia(db: DbOrTrx, media: NewMediaRow): Promise<MediaRow> {
  return db.insertInto('media').values(media).returningAll().executeTakeFirstOrThrow();
}

/** The media item stored under this base file name, if any. */
export async function findMediaByFile(db: Db, file: string): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('file', '=', file).executeTakeFirst();
}
