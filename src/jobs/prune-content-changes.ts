import { pruneContentChanges } from '../cache/content-version.queries.ts';
import type { Db } from '../db/database.ts';
import type { Job } from './worker.ts';

// About a day of changes at one every two seconds. An instance further behind than this drops
// its whole page cache instead of reading the log (see cache/page-cache.ts).
const KEEP_VERSIONS = 50_000;

/** Keeps the content change log short. */
export function pruneContentChangesJob({ db }: { db: Db }): Job {
  return {
    name: 'prune-content-changes',
    run: () => pruneContentChanges(db, KEEP_VERSIONS),
  };
}
