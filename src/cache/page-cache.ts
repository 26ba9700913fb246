import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { listSections } from '../sections/section.queries.ts';
import type { Section } from '../sections/section.table.ts';
import { findSiteSettings } from '../settings/setting.queries.ts';
import type { SiteSettings } from '../settings/site-settings.ts';
import { findContentVersion } from './content-version.queries.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What every reader page needs besides its own data, valid for one content version. */
export interface SiteSnapshot {
  version: number;
  settings: SiteSettings;
  sections: Section[];
}

/** A rendered page kept in memory, with its compressed forms made on first demand. */
export interface CachedPage {
  status: number;
  body: Buffer;
  etag: string;
  surrogateKeys: string;
  gzip?: Buffer;
  br?: Buffer;
}

/** Per-instance cache of rendered reader pages, invalidated by the database's content version. */
export interface PageCache {
  /** The current snapshot; asks the database at most once per TTL. */
  snapshot(): Promise<SiteSnapshot>;
  get(key: string, version: number): CachedPage | undefined;
  set(key: string, version: number, page: CachedPage): void;
  /** Forgets the known version so the next request re-reads it (after a local write). */
  invalidate(): void;
  /** Returns the page body compressed with the encoding, computing it once. */
  encoded(page: CachedPage, encoding: 'br' | 'gzip'): Promise<Buffer>;
}

/** Creates the page cache for one app instance. */
export function createPageCache({
  db,
  clock,
  ttlMs,
  maxEntries = 1000,
}: {
  db: Db;
  clock: Clock;
  ttlMs: number;
  maxEntries?: number;
}): PageCache {
  let current: SiteSnapshot | undefined;
  let checkedAt = -Infinity;
  let inFlight: Promise<SiteSnapshot> | undefined;
  const entries = new Map<string, { version: number; page: CachedPage }>();

  async function refresh(): Promise<SiteSnapshot> {
    const version = await findContentVersion(db);
    if (!current || current.version !== version) {
      const [settings, sections] = await Promise.all([findSiteSettings(db), listSections(db)]);
      current = { version, settings, sections };
      entries.clear();
    }
    checkedAt = clock.now().getTime();
    return current;
  }

  return {
    snapshot() {
      if (current && clock.now().getTime() - checkedAt < ttlMs) return Promise.resolve(current);
      // Concurrent requests share one look-up instead of each asking the database.
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    get(key, version) {
      const hit = entries.get(key);
      if (!hit || hit.version !== version) return undefined;
      entries.delete(key);
      entries.set(key, hit);
      return hit.page;
    },
    set(key, version, page) {
      if (current && version !== current.version) return;
      entries.delete(key);
      entries.set(key, { version, page });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    invalidate() {
      checkedAt = -Infinity;
    },
    async encoded(page, encoding) {
      if (encoding === 'br') {
        page.br ??= await brotli(page.body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 9 },
        });
        return page.br;
      }
      page.gzip ??= await gz(page.body, { level: 9 });
      return page.gzip;
    },
  };
}
