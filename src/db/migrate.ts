import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import { isPostgres } from './schema-helpers.ts';
import type { Db } from './database.ts';
import * as foundation from './migrations/2026_11_23_0001_foundation.ts';
import * as comments from './migrations/2026_11_23_0002_comments.ts';
import * as queueIndexes from './migrations/2026_11_23_0003_queue_indexes.ts';
import * as newsroom from './migrations/2026_11_24_0004_newsroom.ts';
import * as accountLinks from './migrations/2026_11_25_0005_account_links.ts';
import * as ads from './migrations/2026_11_25_0006_ads.ts';
import * as search from './migrations/2026_11_26_0007_search.ts';
import * as contentChanges from './migrations/2026_12_02_0008_content_changes.ts';
import * as cdnPurgeCursors from './migrations/2026_12_03_0010_cdn_purge_cursors.ts';
import * as ogImageClaims from './migrations/2026_12_03_0009_og_image_claims.ts';
import * as underTitleSlot from './migrations/2026_12_03_0011_under_title_slot.ts';
import * as userBylines from './migrations/2026_12_03_0012_user_bylines.ts';
import * as siteAlerts from './migrations/2026_12_03_0013_site_alerts.ts';
import * as shortLinkVisits from './migrations/2026_12_03_0016_short_link_visits.ts';
import * as correctionsCoauthors from './migrations/2026_12_03_0015_corrections_coauthors.ts';
import * as articleViews from './migrations/2026_12_03_0014_article_views.ts';
import * as moderationRules from './migrations/2026_12_03_0020_moderation_rules.ts';
import * as moderationClassifier from './migrations/2026_12_03_0021_moderation_classifier.ts';
import * as liveEntries from './migrations/2026_12_03_0017_live_entries.ts';
import * as newsletter from './migrations/2026_12_03_0018_newsletter.ts';
import * as commentFillTime from './migrations/2026_12_03_0022_comment_fill_time.ts';
import * as wordpressImport from './migrations/2026_12_03_0019_wordpress_import.ts';
import * as rateLimits from './migrations/2026_12_03_0023_rate_limits.ts';

// Listed explicitly (not read from disk) so migrations run the same from source and in tests.
const migrations: Record<string, Migration> = {
  '2026_11_23_0001_foundation': foundation,
  '2026_11_23_0002_comments': comments,
  '2026_11_23_0003_queue_indexes': queueIndexes,
  '2026_11_24_0004_newsroom': newsroom,
  '2026_11_25_0005_account_links': accountLinks,
  '2026_11_25_0006_ads': ads,
  '2026_11_26_0007_search': search,
  '2026_12_02_0008_content_changes': contentChanges,
  '2026_12_03_0010_cdn_purge_cursors': cdnPurgeCursors,
  '2026_12_03_0009_og_image_claims': ogImageClaims,
  '2026_12_03_0011_under_title_slot': underTitleSlot,
  '2026_12_03_0012_user_bylines': userBylines,
  '2026_12_03_0013_site_alerts': siteAlerts,
  '2026_12_03_0016_short_link_visits': shortLinkVisits,
  '2026_12_03_0015_corrections_coauthors': correctionsCoauthors,
  '2026_12_03_0014_article_views': articleViews,
  '2026_12_03_0020_moderation_rules': moderationRules,
  '2026_12_03_0021_moderation_classifier': moderationClassifier,
  '2026_12_03_0017_live_entries': liveEntries,
  '2026_12_03_0018_newsletter': newsletter,
  '2026_12_03_0022_comment_fill_time': commentFillTime,
  '2026_12_03_0019_wordpress_import': wordpressImport,
  '2026_12_03_0023_rate_limits': rateLimits,
};

/** The names of the migrations this version of Griot knows, oldest first. */
export function migrationNames(): string[] {
  return Object.keys(migrations);
}

// Kysely looks for its own tables across all schemas; name ours, so databases that hold
// several Griot schemas (tests, several sites) each keep their own migration state.
async function migratorFor(db: Db): Promise<Migrator> {
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

function checked(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}

/** Applies every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  return checked(await (await migratorFor(db)).migrateToLatest());
}

/** Migrates up or down to the named migration (tests of a migration's data handling). */
export async function migrateTo(db: Db, name: string): Promise<MigrationResultSet> {
  return checked(await (await migratorFor(db)).migrateTo(name));
}
