import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/database.ts';
import { seedDemo } from '../../src/seed/seed.ts';
import { launchBrowser, serveForBrowser } from './browser.ts';
import { createTestApp, testDialects, type TestApp } from './setup.ts';

/** The demo publication served over HTTP, with a headless Chromium to visit it. */
export interface DemoSite {
  t: TestApp;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Seeds the demo publication on SQLite (pages look the same whatever the database), serves it
 * on a free port and launches Chromium: the set-up of the reader-facing browser tests.
 */
export async function startDemoSite(): Promise<DemoSite> {
  const sqlite = testDialects().find((d) => d.name === 'sqlite')!;
  const t = await createTestApp(sqlite, { now: new Date().toISOString() });
  await seedDemo({ db: t.db, store: t.media, clock: t.clock });
  const base = await serveForBrowser(t);
  const browser = await launchBrowser();
  return {
    t,
    base,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** The path of the newest published article, optionally among those with a photo. */
export async function latestArticlePath(
  db: Db,
  { withPhoto = false }: { withPhoto?: boolean } = {},
): Promise<string> {
  let query = db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.slug', 's.slug as section'])
    .where('a.status', '=', 'published');
  if (withPhoto) query = query.where('a.image_id', 'is not', null);
  const lead = await query.orderBy('a.published_at', 'desc').executeTakeFirstOrThrow();
  return `/${lead.section}/${lead.slug}`;
}
