import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants, gzip } from 'node:zlib';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { SiteLayout } from '../web/site-layout.ts';
import { createIdleBrotli } from './idle-brotli.ts';
import { findContentVersion, listContentChanges, SITE_KEY } from './content-version.queries.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Brotli for a page: its window sized to the page (brotli's default 4 MB window, and the tables
 * that go with it, cost tens of megabytes of native memory per compression for a 30 KB page),
 * and told the size up front.
 */
export async function brotliPage(body: Buffer, quality: number): Promise<Buffer> {
  return ownBuffer(await brotli(body, { params: brotliParams(body, quality) }));
}

function brotliParams(body: Buffer, quality: number): Record<number, number> {
  const lgwin = Math.min(24, Math.max(16, Math.ceil(Math.log2(body.length + 1))));
  return {
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_LGWIN]: lgwin,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
  };
}

/**
 * The bytes in memory of their own, for keeping: zlib hands back a view of its 16 KB output
 * chunk (a 3 KB light page kept 16 KB alive), and a small Buffer.from() a view of an 8 KB pool
 * slab shared with whatever was allocated next to it. A cache that counts bytes must hold only
 * what it counts.
 */
export function ownBuffer(bytes: Buffer | string): Buffer {
  if (
    typeof bytes !== 'string' &&
    bytes.byteOffset === 0 &&
    bytes.buffer.byteLength === bytes.length
  )
    return bytes;
  const length = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  const own = Buffer.allocUnsafeSlow(length);
  if (typeof bytes === 'string') own.write(bytes);
  else bytes.copy(own);
  return own;
}

/** What every reader page needs besides its own data, as of one content version. */
export interface SiteSnapshot extends SiteLayout {
  /** The last content version this instance has taken into account. */
  version: number;
}

/** What a page's render said about it, for the fillers of its slots (an article's id…). */
export type PageFacts = Readonly<Record<string, number | string | null | undefined>>;

/**
 * One body served to everyone: the page filled with one set of shared slot values (an ad
 * rotation's pick; most pages have a single one), with its compressed forms made on demand.
 */
export interface PageBody {
  /** Names the values, for the ETag ('' when the page has nothing filled per view). */
  tag: string;
  values: Record<string, string>;
  /** The ETag of this body, once named (the page's, marked with its tag). */
  etag?: string;
  br?: Buffer;
  /** Whether `br` is at the best quality yet (a miss is compressed fast, then upgraded). */
  brBest?: boolean;
  /** Whether the upgrade is queued. */
  upgrading?: boolean;
  gzip?: Buffer;
}

/**
 * A rendered page kept in memory: its markup split at its slots (per-view bits filled by the
 * page pipeline's fillers), what it shows (its keys), and the bodies served so far.
 */
export interface CachedPage {
  status: number;
  /** Names the markup (a hash of it): the same page renders the same ETag on every instance. */
  etag: string;
  /** What the page shows: a change to any of these drops it (and `site`, always). */
  keys: string[];
  /**
   * The page's own Content-Security-Policy, allowing only the inline code its markup carries
   * (http/security-headers.ts, pageCspFor): its responses send it instead of the side's.
   */
  csp?: string | undefined;
  /**
   * The markup between the slots, as UTF-8: parts.length === markers.length + 1. Undefined once
   * the page is packed (read it through `partsOf`).
   */
  parts?: Buffer[] | undefined;
  /**
   * The markup with its slot markers, brotli-compressed: what the cache keeps instead of `parts`
   * once the page's best body is made (a page read often is then kept at about a third of its
   * size; the markup is needed again only for a new fill, a reader without brotli, or a
   * personal view).
   */
  packed?: Buffer | undefined;
  /** The slots, in order (`<!--griot:…-->`). */
  markers: string[];
  facts: PageFacts;
  fills: Map<string, PageBody>;
  /**
   * When the page stops being right (epoch ms): it shows something that ends then (the site
   * alert). Past it the page is dropped, whatever the change log says.
   */
  expiresAt?: number | undefined;
}

const SLOT = /(<!--griot:[a-z0-9:-]+-->)/;

/** Splits rendered markup at its slots. */
export function splitSlots(html: string): { parts: Buffer[]; markers: string[] } {
  const pieces = html.split(SLOT);
  return {
    parts: pieces.filter((_, i) => i % 2 === 0).map((p) => ownBuffer(p)),
    markers: pieces.filter((_, i) => i % 2 === 1),
  };
}

/** The markup between a page's slots, unpacked if the cache packed it. */
export function partsOf(page: Pick<CachedPage, 'parts' | 'packed'>): Buffer[] {
  if (page.parts) return page.parts;
  if (!page.packed) throw new Error('A cached page with neither its markup nor its packed form');
  return splitSlots(brotliDecompressSync(page.packed).toString()).parts;
}

/** The page's bytes with the given values in its slots; a slot without a value is left empty. */
export function fillSlots(
  page: Pick<CachedPage, 'parts' | 'packed' | 'markers'>,
  values: Record<string, string>,
): Buffer {
  const parts = partsOf(page);
  if (page.markers.length === 0) return parts[0]!;
  const chunks: Buffer[] = [];
  parts.forEach((part, i) => {
    chunks.push(part);
    const marker = page.markers[i];
    if (marker !== undefined && values[marker]) chunks.push(Buffer.from(values[marker]));
  });
  return Buffer.concat(chunks);
}

/**
 * Per-instance cache of rendered reader pages. Each page records the keys of what it shows; the
 * database's change log (content_changes) says which keys changed, so a change drops only the
 * pages that show it, on every instance, within the TTL.
 */
export interface PageCache {
  /** The current snapshot; reads the change log at most once per TTL. */
  snapshot(): Promise<SiteSnapshot>;
  /** The current snapshot if the change log was read within the TTL (no wait), else undefined. */
  freshSnapshot(): SiteSnapshot | undefined;
  get(key: string): CachedPage | undefined;
  /**
   * Keeps a page rendered from data read at `seenVersion` or later; refused when one of its keys
   * changed since, so a render that raced a change is never kept.
   */
  set(key: string, page: CachedPage, seenVersion: number): void;
  /** A number that changes whenever a change to this key (or to the site) is seen. */
  generation(key: string): number;
  /** Forgets when the log was read, so the next request reads it (after a local write). */
  invalidate(): void;
  /**
   * The body compressed with the encoding: brotli fast on first demand, upgraded to the best
   * quality off the request path when asked for again.
   */
  encoded(page: CachedPage, body: PageBody, encoding: 'br' | 'gzip'): Promise<Buffer>;
  /**
   * Says a body compressed fast was read again (what `encoded` says when it is asked for it),
   * for a caller that sends the fast body at once: its upgrade to the best quality is queued.
   */
  askedAgain(page: CachedPage, body: PageBody): void;
  /** What the cache holds, for the bench and for tests. */
  stats(): { entries: number; bytes: number; upgradesPending: number };
  /** Stops the upgrades' thread. */
  close(): Promise<void>;
}

// A change log longer than this between two reads is not worth reading: everything goes.
const MAX_CHANGES = 5_000;
// A miss is compressed at a quality that takes about a millisecond for a page...
// (5 costs the same as 4 here, 0.4 ms for a 20 KB page, and is 6 % smaller)...
const FAST_BROTLI = 5;
// ...and upgraded to the best one in the background (one at a time, never on a request). The
// best level costs 50 times more (20–30 ms a page), so a cache filling up (a start, a busy news
// day, a change every page shows) must never starve the readers: the upgrades run on a thread
// at the lowest CPU priority, which takes only what the readers leave. Where the priority can't
// be lowered, they are paced to take at most this share of one core.
/** The quality a page read more than once is kept at (what most readers get). */
export const BEST_BROTLI = 11;
const UPGRADE_CPU_SHARE = 0.25;
// A packed page's markup: a fast level (0.3 ms for a 50 KB page, about 30 % of its size), as
// it is unpacked only for a new fill or a reader without brotli.
const PACK_BROTLI = 2;
const MAX_PENDING_UPGRADES = 1_000;
// What an entry costs besides its buffers (maps, strings, objects), roughly.
const ENTRY_OVERHEAD = 1_024;
// How long a page read again keeps its place in the recency order (see `get`).
const REORDER_MS = 1_000;
// The share of the cache's bytes the pages asked for again may hold (see `createPageCache`).
const AGAIN_SHARE = 0.8;

interface Entry {
  page: CachedPage;
  storedAt: number;
  bytes: number;
  /** Whether it was asked for again since it was kept (which list it is in). */
  again: boolean;
  /** When it last moved to the newest end of its list (epoch ms). */
  movedAt: number;
}

/** Creates the page cache for one app instance. */
export function createPageCache({
  db,
  clock,
  ttlMs,
  loadLayout,
  maxBytes = 32 * 1024 * 1024,
  maxAgeMs = 5 * 60_000,
}: {
  db: Db;
  clock: Clock;
  ttlMs: number;
  /**
   * Reads what every page shows (settings, sections…) as of an instant: at start, when SITE_KEY
   * changes, and when the layout's `validUntil` passes.
   */
  loadLayout: (db: Db, now: Date) => Promise<SiteLayout>;
  /** The cache holds at most this many bytes of pages (markup and compressed bodies). */
  maxBytes?: number;
  /** Pages also age out, so time-dependent parts (comments closing by date) stay current. */
  maxAgeMs?: number;
}): PageCache {
  let current: SiteSnapshot | undefined;
  let checkedAt = -Infinity;
  let inFlight: Promise<SiteSnapshot> | undefined;
  // The pages are kept in two least-recently-used lists: those not asked for since they were
  // kept (a page rendered for one reader, an archive article a crawler walked to) and those asked
  // for again. The second holds at most AGAIN_SHARE of the bytes (its least recent go back to
  // the first), and the cache drops pages from the first (a segmented LRU): a crawl of the
  // archive, however long, never pushes out the pages readers are on.
  const once = new Map<string, Entry>();
  const again = new Map<string, Entry>();
  let onceBytes = 0;
  let againBytes = 0;
  // (Most reads are of pages read before: those are looked for first.)
  const find = (key: string): Entry | undefined => again.get(key) ?? once.get(key);

  // Takes an entry out of its list, or puts it at the most recent end of one.
  function unlist(key: string, entry: Entry): void {
    if (entry.again) {
      again.delete(key);
      againBytes -= entry.bytes;
    } else {
      once.delete(key);
      onceBytes -= entry.bytes;
    }
  }
  function list(key: string, entry: Entry, read: boolean): void {
    entry.again = read;
    if (read) {
      again.set(key, entry);
      againBytes += entry.bytes;
    } else {
      once.set(key, entry);
      onceBytes += entry.bytes;
    }
  }
  // Which cached pages show each key, and the version at which each key last changed.
  const pagesOf = new Map<string, Set<string>>();
  const changedAt = new Map<string, number>();
  let clearedAt = 0;
  // Pending upgrades name their page weakly: a page dropped (a change, the byte cap) while its
  // upgrade waits is freed at once, not held until its turn (up to MAX_PENDING_UPGRADES pages).
  const upgrades: { key: string; page: WeakRef<CachedPage>; tag: string }[] = [];
  let upgrading = false;
  const idle = createIdleBrotli();

  function drop(key: string): void {
    const entry = find(key);
    if (!entry) return;
    unlist(key, entry);
    for (const k of entry.page.keys) {
      const set = pagesOf.get(k);
      set?.delete(key);
      if (set?.size === 0) pagesOf.delete(k);
    }
  }

  function clear(version: number): void {
    once.clear();
    again.clear();
    pagesOf.clear();
    changedAt.clear();
    onceBytes = 0;
    againBytes = 0;
    clearedAt = version;
  }

  function resize(key: string, entry: Entry, bytes: number): void {
    if (find(key) !== entry) return;
    if (entry.again) againBytes += bytes - entry.bytes;
    else onceBytes += bytes - entry.bytes;
    entry.bytes = bytes;
    balance(key);
  }

  // Keeps both lists within their bytes, never dropping `keep` (the page being kept or grown).
  // Least recently used first: a Map keeps insertion order, and get() re-inserts.
  function balance(keep: string): void {
    while (againBytes > maxBytes * AGAIN_SHARE) {
      const oldest = oldestBut(again, keep);
      if (oldest === undefined) break;
      const entry = again.get(oldest)!;
      unlist(oldest, entry);
      list(oldest, entry, false);
    }
    while (onceBytes + againBytes > maxBytes) {
      const oldest = oldestBut(once, keep) ?? oldestBut(again, keep);
      if (oldest === undefined) break;
      drop(oldest);
    }
  }

  function oldestBut(list: Map<string, Entry>, keep: string): string | undefined {
    for (const key of list.keys()) if (key !== keep) return key;
    return undefined;
  }

  function sizeOf(page: CachedPage): number {
    let bytes = ENTRY_OVERHEAD;
    for (const part of page.parts ?? []) bytes += part.length;
    bytes += page.packed?.length ?? 0;
    for (const body of page.fills.values())
      bytes += (body.br?.length ?? 0) + (body.gzip?.length ?? 0) + 64;
    return bytes;
  }

  // Whether the layout has passed the instant it stops being right (an alert's end).
  function outlived(layout: SiteLayout): boolean {
    return layout.validUntil !== undefined && clock.nowMs() >= layout.validUntil;
  }

  async function refresh(): Promise<SiteSnapshot> {
    const version = await findContentVersion(db);
    if (!current) {
      current = { version, ...(await loadLayout(db, clock.now())) };
    } else if (version !== current.version || outlived(current)) {
      let siteChanged = version < current.version || outlived(current);
      let seen = version;
      if (!siteChanged) {
        const changes = await listContentChanges(db, current.version, MAX_CHANGES + 1);
        // Versions are consecutive: a gap means the log was pruned past what we know.
        if (changes.length > MAX_CHANGES || changes[0]?.version !== current.version + 1) {
          siteChanged = true;
        } else {
          for (const change of changes) {
            seen = Math.max(seen, change.version);
            if (change.key === SITE_KEY) siteChanged = true;
            changedAt.set(change.key, change.version);
            for (const page of pagesOf.get(change.key) ?? []) drop(page);
          }
        }
      }
      if (siteChanged) {
        const layout = await loadLayout(db, clock.now());
        clear(seen);
        current = { version: seen, ...layout };
      } else {
        current = { ...current, version: seen };
      }
    }
    checkedAt = clock.nowMs();
    return current;
  }

  async function upgradeLoop(): Promise<void> {
    try {
      for (let job = upgrades.shift(); job; job = upgrades.shift()) {
        const entry = find(job.key);
        const page = job.page.deref();
        const body = page?.fills.get(job.tag);
        if (!page || entry?.page !== page || !body || body.brBest) continue;
        const started = performance.now();
        const filled = fillSlots(page, body.values);
        let best: Buffer;
        try {
          best = await idle.compress(filled, brotliParams(filled, BEST_BROTLI));
        } catch {
          // The thread died (it is started again for the next one): this body may be asked
          // for its upgrade again, and the others still get theirs.
          body.upgrading = false;
          continue;
        }
        // (On a tiny page the best level can come out larger: the smaller stays.)
        if (!body.br || best.length < body.br.length) body.br = best;
        body.brBest = true;
        body.upgrading = false;
        resize(job.key, entry, sizeOf(page));
        const spent = performance.now() - started;
        if (upgrades.length && !(await idle.niced()))
          await new Promise((resolve) =>
            setTimeout(resolve, (spent * (1 - UPGRADE_CPU_SHARE)) / UPGRADE_CPU_SHARE).unref(),
          );
      }
    } finally {
      upgrading = false;
    }
  }

  // A page asked for again is worth keeping small: its markup is packed (on zlib's threads),
  // without waiting for its turn in the paced upgrades.
  const packing = new WeakSet<CachedPage>();
  async function pack(key: string, page: CachedPage): Promise<void> {
    const parts = page.parts;
    if (!parts || packing.has(page)) return;
    packing.add(page);
    const packed = await brotliPage(
      // The markup with its slot markers back in place: each slot filled with its own marker.
      fillSlots(
        { parts, markers: page.markers },
        Object.fromEntries(page.markers.map((m) => [m, m])),
      ),
      PACK_BROTLI,
    );
    const entry = find(key);
    if (entry?.page !== page || page.parts !== parts) return;
    page.packed = packed;
    page.parts = undefined;
    resize(key, entry, sizeOf(page));
  }

  // The cache key of each kept page, for the compressed bodies it gains later.
  const keyOfPage = new WeakMap<CachedPage, string>();

  function grown(page: CachedPage): { key: string; entry: Entry } | undefined {
    const key = keyOfPage.get(page);
    const entry = key === undefined ? undefined : find(key);
    if (key === undefined || entry?.page !== page) return undefined;
    resize(key, entry, sizeOf(page));
    return { key, entry };
  }

  // A body read again: a page worth the best compression, done in the background. One read
  // once (an archive article, a crawler's visit) never costs more than the fast one.
  function askedAgain(page: CachedPage, body: PageBody): void {
    if (!body.br || body.brBest || body.upgrading) return;
    const key = keyOfPage.get(page);
    if (key === undefined || find(key)?.page !== page) return;
    void pack(key, page).catch(() => undefined);
    if (upgrades.length < MAX_PENDING_UPGRADES) {
      body.upgrading = true;
      upgrades.push({ key, page: new WeakRef(page), tag: body.tag });
    }
    if (!upgrading) {
      upgrading = true;
      setImmediate(() => void upgradeLoop().catch(() => undefined));
    }
  }

  function fresh(): SiteSnapshot | undefined {
    // (A clock set back, NTP's step or a test's, must not stop the checks until it catches up.)
    const age = clock.nowMs() - checkedAt;
    return current && age >= 0 && age < ttlMs && !outlived(current) ? current : undefined;
  }

  return {
    freshSnapshot: fresh,
    snapshot() {
      const known = fresh();
      if (known) return Promise.resolve(known);
      // Concurrent requests share one look-up instead of each asking the database.
      inFlight ??= refresh().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    get(key) {
      const hit = find(key);
      if (!hit) return undefined;
      const now = clock.nowMs();
      if (
        now - hit.storedAt > maxAgeMs ||
        (hit.page.expiresAt !== undefined && now >= hit.page.expiresAt)
      ) {
        drop(key);
        return undefined;
      }
      // A page read again within the last second keeps its place: moving it on every view (a
      // Map delete and insert, and the rehashing they cause) cost a hot page more than an order
      // finer than a second is worth to a cache whose pages live minutes.
      if (hit.again && now - hit.movedAt >= 0 && now - hit.movedAt < REORDER_MS) return hit.page;
      const promoted = !hit.again;
      unlist(key, hit);
      list(key, hit, true);
      hit.movedAt = now;
      if (promoted) balance(key);
      return hit.page;
    },
    set(key, page, seenVersion) {
      if (clearedAt > seenVersion) return;
      if (page.expiresAt !== undefined && clock.nowMs() >= page.expiresAt) return;
      for (const k of page.keys) if ((changedAt.get(k) ?? 0) > seenVersion) return;
      drop(key);
      const storedAt = clock.nowMs();
      const entry: Entry = { page, storedAt, bytes: 0, again: false, movedAt: storedAt };
      list(key, entry, false);
      keyOfPage.set(page, key);
      for (const k of page.keys) {
        let set = pagesOf.get(k);
        if (!set) pagesOf.set(k, (set = new Set()));
        set.add(key);
      }
      resize(key, entry, sizeOf(page));
    },
    generation(key) {
      return Math.max(clearedAt, changedAt.get(key) ?? 0);
    },
    invalidate() {
      checkedAt = -Infinity;
    },
    async encoded(page, body, encoding) {
      if (encoding === 'br') {
        if (!body.br) {
          body.br = await brotliPage(fillSlots(page, body.values), FAST_BROTLI);
          grown(page);
        } else askedAgain(page, body);
        return body.br;
      }
      if (!body.gzip) {
        body.gzip = ownBuffer(await gz(fillSlots(page, body.values), { level: 6 }));
        grown(page);
      }
      return body.gzip;
    },
    askedAgain,
    stats() {
      return {
        entries: once.size + again.size,
        bytes: onceBytes + againBytes,
        upgradesPending: upgrades.length,
      };
    },
    close() {
      upgrades.length = 0;
      return idle.close();
    },
  };
}
