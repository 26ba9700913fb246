/** The `content_versions` table: counters bumped whenever what readers see changes. */
export interface ContentVersionTable {
  scope: string;
  version: number;
}

/** The `content_changes` table: which keys each content version changed (see page-cache.ts). */
export interface ContentChangeTable {
  version: number;
  key: string;
}
