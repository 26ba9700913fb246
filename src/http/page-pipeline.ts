import type { FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import type { PageFacts, SiteSnapshot } from '../cache/page-cache.ts';
import type { PageContext } from '../web/page-context.ts';

/**
 * The page pipeline's extension points. A reader page is rendered once, cached with the keys of
 * what it shows, and served to everyone; features plug into it here instead of into the
 * pipeline's code:
 * - a filler puts per-view markup into the page's slots (`<!--griot:…-->` markers): an ad
 *   rotation, a reader's own comments awaiting moderation;
 * - a variant is another rendering of every page with its own cache entries and ETags: the
 *   light edition.
 * Registered once, when the app is built (see app.ts).
 */

/** What a filler puts into one view of a page. */
export interface ViewFill {
  /** Markup per slot marker. */
  values: Record<string, string>;
  /**
   * Names the values when they are the same for many readers (the ad picked): views with the
   * same names share one compressed body and one ETag.
   */
  variant?: string;
  /** Only this reader may see the view: it is sent private, compressed on the fly, never kept. */
  personal?: boolean;
  /** A shared cache must not keep the view (each view counts: a sold ad's impression). */
  perView?: boolean;
}

/**
 * What fillers read of the request behind a view. A view served by the front door (a request
 * with no cookie, for a page served before at that address: see front-door.ts) has no route.
 */
export interface ViewRequest {
  method: string;
  headers: IncomingHttpHeaders;
  cookies: Readonly<Record<string, string | undefined>>;
  /** The Fastify request, when the view came through a route (never with the front door). */
  route?: FastifyRequest;
}

/** Fills some of a page's slots for each view. */
export interface PageFiller {
  /** Names the filler in the variant tags (short). */
  name: string;
  /** Whether a slot marker is this filler's. */
  owns(marker: string): boolean;
  /**
   * Fills this filler's markers (those in the page) for one view; null when there is nothing to
   * fill. Return synchronously when you can: most views need no database.
   */
  fill(view: {
    markers: string[];
    facts: PageFacts;
    request: ViewRequest;
  }): ViewFill | null | Promise<ViewFill | null>;
}

/** Another rendering of reader pages, chosen per request (the light edition). */
export interface PageVariant {
  /** Prefixes the cache keys and marks the ETags of the variant's pages. */
  name: string;
  /** Whether this request gets the variant. */
  applies(request: FastifyRequest, snapshot: SiteSnapshot): boolean;
  /** Whether the request's address names the variant: then every page there, cached or not, is in it. */
  inAddress(request: FastifyRequest): boolean;
  /** A request header the choice depends on at this address, for Vary (or undefined). */
  varyOn(request: FastifyRequest, snapshot: SiteSnapshot): string | undefined;
  /** The layout context the variant renders with. */
  context(ctx: PageContext): PageContext;
  /** Rewrites the rendered markup, once, before it is cached. */
  markup(html: string): string;
  /** Where a moved page lives in this variant, from the request that asked. */
  movedTo(path: string, request: FastifyRequest): string;
}

/**
 * A page served shared at an address, as the front door needs it to serve the address again
 * without routing: the cache key, the variant and the headers the choice depended on.
 */
export interface KnownAddress {
  key: string;
  variant: PageVariant | undefined;
  /** The Vary header sent. */
  vary: string;
  /** The request headers (lowercase) the variant choice depended on, and their values then. */
  varyHeaders: string[];
  varyValues: string;
  /** The layout's settings then: a settings change may change the choice. */
  settings: object;
}

/** The registry of fillers and variants of one app. */
export interface PagePipeline {
  addFiller(filler: PageFiller): void;
  addVariant(variant: PageVariant): void;
  readonly fillers: readonly PageFiller[];
  readonly variants: readonly PageVariant[];
  /**
   * Runs one render for every request that misses a page while it is being rendered: a popular
   * page dropped by a change (a comment approved) is otherwise rendered once per waiting reader.
   */
  shareRender<T>(key: string, render: () => Promise<T>): Promise<T>;
  /** Remembers a page served shared at a raw address (a bounded number of addresses). */
  rememberAddress(url: string, known: KnownAddress): void;
  knownAddress(url: string): KnownAddress | undefined;
}

// Addresses remembered for the front door; past this the oldest go (an address forgotten is
// served through its route again, which remembers it).
const MAX_ADDRESSES = 20_000;

/** Creates an empty pipeline registry. */
export function createPagePipeline(): PagePipeline {
  const fillers: PageFiller[] = [];
  const variants: PageVariant[] = [];
  const rendering = new Map<string, Promise<unknown>>();
  const addresses = new Map<string, KnownAddress>();
  return {
    addFiller(filler) {
      fillers.push(filler);
    },
    addVariant(variant) {
      variants.push(variant);
    },
    fillers,
    variants,
    shareRender<T>(key: string, render: () => Promise<T>): Promise<T> {
      const known = rendering.get(key) as Promise<T> | undefined;
      if (known) return known;
      const shared = render().finally(() => rendering.delete(key));
      rendering.set(key, shared);
      return shared;
    },
    rememberAddress(url, known) {
      addresses.delete(url);
      addresses.set(url, known);
      if (addresses.size > MAX_ADDRESSES) addresses.delete(addresses.keys().next().value!);
    },
    knownAddress: (url) => addresses.get(url),
  };
}
