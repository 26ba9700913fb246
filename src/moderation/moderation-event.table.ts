import type { Generated, Selectable } from 'kysely';
import type { CommentStatus } from '../comments/comment.table.ts';

/** The `moderation_events` table: the append-only audit log of moderation decisions. */
export interface ModerationEventTable {
  id: Generated<number>;
  comment_id: number;
  actor_id: number | null;
  /** The moderator's name at the time, kept even if the account goes. */
  actor_name: string;
  from_status: CommentStatus;
  to_status: CommentStatus;
  reason: string | null;
  at: string;
}

export type ModerationEvent = Selectable<ModerationEventTable>;
