import type { Db, DbOrTrx } from '../db/database.ts';
import type { ModerationEvent, ModerationEventTable } from './moderation-event.table.ts';
import type { Insertable } from 'kysely';

/** Appends a decision to the audit log. */
export async function insertModerationEvent(
  db: DbOrTrx,
  event: Insertable<ModerationEventTable>,
): Promise<void> {
  await db.insertInto('moderation_events').values(event).execute();
}

/** The audit log of these comments, oldest decision first, grouped by comment. */
export async function listModerationEvents(
  db: Db,
  commentIds: number[],
): Promise<Map<number, ModerationEvent[]>> {
  const byComment = new Map<number, ModerationEvent[]>();
  if (commentIds.length === 0) return byComment;
  const rows = await db
    .selectFrom('moderation_events')
    .selectAll()
    .where('comment_id', 'in', commentIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byComment.get(row.comment_id) ?? [];
    list.push(row);
    byComment.set(row.comment_id, list);
  }
  return byComment;
}
