import type { Generated, Selectable } from 'kysely';

/** The `live_entries` table: the timestamped entries of a live article (« En direct »). */
export interface LiveEntryTable {
  id: Generated<number>;
  article_id: number;
  /** Who posted it; null once that account is deleted. */
  author_id: number | null;
  /** Markdown source as the journalist wrote it. */
  body: string;
  /** Sanitized HTML rendered from `body` (the articles' pipeline, photo and embed markers included). */
  body_html: string;
  /** 1 when it is one of the « L'essentiel » entries shown first. */
  pinned: Generated<number>;
  created_at: string;
  /** When it was last edited; null if never. */
  updated_at: string | null;
  /** Soft delete: hidden from readers, kept for the record. */
  deleted_at: string | null;
}

export type LiveEntryRow = Selectable<LiveEntryTable>;
