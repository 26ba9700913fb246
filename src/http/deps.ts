import type { AdDelivery } from '../ads/ad-delivery.ts';
import type { PageCache } from '../cache/page-cache.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { DialectName } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import type { MediaStore } from '../media/media-store.ts';
import type { PagePipeline } from './page-pipeline.ts';
import type { Assets } from '../web/assets.ts';

/** What route plugins are given when registered: the app's explicit dependencies. */
export interface RouteDeps {
  config: Config;
  db: Db;
  dialect: DialectName;
  clock: Clock;
  cache: PageCache;
  assets: Assets;
  /** Identifies this build's markup in ETags, so a deploy never serves stale 304s. */
  buildId: string;
  /** What features plug into reader pages: slot fillers, variants (see page-pipeline.ts). */
  pages: PagePipeline;
  /** Ad delivery: picks, renders and counts the ads of reader pages. */
  ads: AdDelivery;
  /** Where media files live: the local data directory or an S3-compatible bucket. */
  media: MediaStore;
  /** A shared reader page's Content-Security-Policy, from its markup (security-headers.ts). */
  pageCsp: (html: string) => string;
}
