import type { Generated, Selectable } from 'kysely';

/** The `article_corrections` table: dated corrections shown at the end of an article. */
export interface ArticleCorrectionTable {
  id: Generated<number>;
  article_id: number;
  /** The correction as the editor wrote it (plain text, typeset when shown). */
  text: string;
  /** When it was made public: its date on the article, the corrections page and JSON-LD. */
  published_at: string;
  /** The newsroom member who added it; null for notes migrated from the old single field. */
  added_by: number | null;
}

export type ArticleCorrectionRow = Selectable<ArticleCorrectionTable>;
