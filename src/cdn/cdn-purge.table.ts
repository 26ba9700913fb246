import type { Selectable } from 'kysely';

/** The `cdn_purge_cursors` table: how far each purge target has got in the change log. */
export interface CdnPurgeCursorTable {
  /** The target's name ('varnish', 'cloudflare', 'fastly'). */
  target: string;
  /** The last content version whose keys this target has purged. */
  version: number;
  /** Failed tries since the last success. */
  attempts: number;
  /** ISO time before which the target is not tried again (after a failure). */
  next_attempt_at: string;
  /** ISO time until which one instance's worker owns the cursor; null when free. */
  locked_until: string | null;
  last_error: string | null;
  /** ISO time of the last accepted purge. */
  purged_at: string | null;
}

export type CdnPurgeCursor = Selectable<CdnPurgeCursorTable>;
