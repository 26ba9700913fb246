import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { listEnabledAdSlots } from '../ads/ad-delivery.queries.ts';
import type { AdSlot } from '../ads/ad.table.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { ImageInfo } from '../media/image-variants.ts';
import { findImageInfo } from '../media/media.queries.ts';
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
  /** The masthead logo's size and variants, when one is set and still in the library. */
  logo: ImageInfo | undefined;
  /** The enabled ad slots: where pages put their ad markers. */
  adSlots: AdSlot[];
}

/** A response body with its compressed forms, made on first demand. */
export interface EncodableBody {
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

/**
 * A rendered page kept in memory. Pages with slots (per-request bits such as a form stamp)
 * keep their markup split at the slots, plus the last body filled for everyone.
 */
export interface CachedPage {
  status: number;
  etag: string;
  surrogateKeys: string;
  /** The markup split at its slots: text, slot, text, slot, …, text (slots at odd indexes). */
  parts: string[];
  /** The id of the record the page shows (an article), for filling its slots. */
  subjectId?: number | undefined;
  /** Bodies served to everyone, by the slot values they were filled with (most recent last). */
  fills?: Map<string, EncodableBody & { tag: string }>;
  /** The ad markers in the page, and the section it belongs to (null: none, the home page). */
  adMarkers?: string[];
  adSectionId?: number | null;
}

const SLOT = /(<!--griot:[a-z0-9:-]+-->)/;

/** Splits rendered markup at its slots, for CachedPage.parts. */
export function splitSlots(html: string): string[] {
  return html.split(SLOT);
}

/** Puts the given values into a page's slots; a slot without a value is left empty. */
export function fillSlots(parts: string[], values: Record<string, string>): string {
  return parts.map((part, i) => (i % 2 === 1 ? (values[part] ?? '') : part)).join('');
}

/** Per-instance cache of rendered reader pages, invalidated by the database's content version. */
export interface PageCache {
  /** The current snapshot; asks the database at most once per TTL. */
  snapshot(): Promise<SiteSnapshot>;
  get(key: string, version: number): CachedPage | undefined;
  set(key: string, version: number, page: CachedPage): void;
  /** Forgets the known version so the next request re-reads it (after a local write). */
  invalidate(): void;
  /** Returns the body compressed with the encoding, computing it once. */
  encoded(page: EncodableBody, encoding: 'br' | 'gzip'): Promise<Buffer>;
}

/** Creates the page cache for one app instance. */
export function createPageCache({
  db,
  clock,
  ttlMs,
  maxEntries = 1000,
  maxAgeMs = 5 * 60_000,
}: {
  db: Db;
  clock: Clock;
  ttlMs: number;
  maxEntries?: number;
  /** Pages also age out, so time-dependent parts (comments closing by date) stay current. */
  maxAgeMs?: number;
}): PageCache {
  let current: SiteSnapshot | undefined;
  let checkedAt = -Infinity;
  let inFlight: Promise<SiteSnapshot> | undefined;
  const entries = new Map<string, { version: number; storedAt: number; page: CachedPage }>();

  async function refresh(): Promise<SiteSnapshot> {
    const version = await findContentVersion(db);
    if (!current || current.version !== version) {
      const [settings, sections, adSlots] = await Promise.all([
        findSiteSettings(db),
        listSections(db),
        listEnabledAdSlots(db),
      ]);
      const logo = settings.logoMediaId ? await findImageInfo(db, settings.logoMediaId) : undefined;
      current = { version, settings, sections, logo, adSlots };
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
      if (!hit || hit.version !== version || clock.now().getTime() - hit.storedAt > maxAgeMs)
        return undefined;
      entries.delete(key);
      entries.set(key, hit);
      return hit.page;
    },
    set(key, version, page) {
      if (current && version !== current.version) return;
      entries.delete(key);
      entries.set(key, { version, storedAt: clock.now().getTime(), page });
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
