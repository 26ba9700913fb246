/** The `content_versions` table: counters bumped whenever what readers see changes. */
export interface ContentVersionTable {
  scope: string;
  version: number;
}
