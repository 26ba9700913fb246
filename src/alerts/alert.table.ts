import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The `site_alerts` table: the banners the desk raised over every reader page. At most one is
 * up at a time: it is up from `starts_at` until `ends_at`, unless `lowered_at` says the desk
 * took it down sooner. Rows are kept, as the history of past alerts.
 */
export interface SiteAlertTable {
  id: Generated<number>;
  /** One line of plain text, escaped when shown. */
  text: string;
  /** Where the banner leads (an article's path or an http(s) address); '' for none. */
  link_url: string;
  /** UTC, ISO 8601. */
  starts_at: string;
  ends_at: string;
  lowered_at: string | null;
  created_by: number | null;
  lowered_by: number | null;
}

export type SiteAlertRow = Selectable<SiteAlertTable>;
export type NewSiteAlert = Insertable<SiteAlertTable>;
