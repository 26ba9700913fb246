/** What a WordPress object is, in the import's mapping. */
export type WordPressKind = 'author' | 'category' | 'attachment' | 'post' | 'comment' | 'pending';

/** The `wordpress_imports` table: which of our rows each imported WordPress object became. */
export interface WordPressImportTable {
  kind: WordPressKind;
  wp_id: number;
  our_id: number;
  imported_at: string;
}
