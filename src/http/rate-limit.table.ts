/**
 * The `rate_limits` table: how many requests one client made under one limit in its current
 * window. The client is a keyed hash (see clientKey), never an address.
 */
export interface RateLimitTable {
  /** Which limit counts here: `comment-report`, `newsletter-subscribe`… */
  scope: string;
  key_hash: string;
  hits: number;
  /** When the current window ends; the next request after it opens a new one. */
  resets_at: string;
}
