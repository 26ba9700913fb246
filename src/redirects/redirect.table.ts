import type { Insertable, Selectable } from 'kysely';

/** The `redirects` table: old addresses (a site moved here) answered with a 301. */
export interface RedirectTable {
  /** The normalized old path (see redirect.ts), query included for `/?p=12`-style addresses. */
  path: string;
  /** Where it moved, a path on this site. */
  target: string;
  created_at: string;
}

export type Redirect = Selectable<RedirectTable>;
export type NewRedirect = Insertable<RedirectTable>;
