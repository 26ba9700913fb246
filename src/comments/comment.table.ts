import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';

/** The `comments` table: what readers wrote, and where moderation left it. */
export interface CommentTable {
  id: Generated<number>;
  article_id: number | null;
  /** The article's title when the comment was written; kept if the article is deleted. */
  article_title: string;
  parent_id: number | null;
  author_name: string;
  /** Lower-cased; never shown to readers. */
  author_email: string;
  body: string;
  /** Hash of the normalized text, for duplicate detection. */
  body_hash: string;
  status: CommentStatus;
  /** 1 when the author asked to be told of replies. */
  notify_replies: number;
  /** Keyed hash of the client address, for flood control; never the address itself. */
  ip_hash: string;
  created_at: string;
  moderated_at: string | null;
  moderated_by: number | null;
  reason: string | null;
  /**
   * Milliseconds from the form's stamp to the submission (a feature of the moderation
   * classifier); null when unknown (older comments, imports, the demo).
   */
  fill_ms: ColumnType<number | null, number | null | undefined, number | null>;
}

export type CommentRow = Selectable<CommentTable>;
export type NewCommentRow = Insertable<CommentTable>;
