/// <reference lib="dom" />
// Takes full-page screenshots of the reader pages at phone and desktop widths, for people to
// look at. Usage: npm run screenshots [-- --out /tmp/griot-shots]
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { localMediaStore } from '../src/media/media-store.ts';
import { authorPath } from '../src/authors/author.ts';
import { DEMO_ADMIN_EMAIL } from '../src/seed/demo-sections.ts';
import { resetPassword } from '../src/users/add-user.ts';
import { inviteUser } from '../src/users/manage-users.ts';
import { findUserByEmail } from '../src/users/user.queries.ts';
import { findSiteSettings } from '../src/settings/setting.queries.ts';
import { launchBrowser, viewports } from '../test/helpers/browser.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: '/tmp/griot-shots' } } });
const out = path.resolve(values.out);
await mkdir(out, { recursive: true });
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-shots-'));
const config = await loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const { db, dialect } = connect({ dataDir });
await migrateToLatest(db);
await seedDemo({ db, store: localMediaStore(dataDir), clock: systemClock });
const app = await buildApp({ config, db, dialect });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const lead = await db
  .selectFrom('articles as a')
  .innerJoin('sections as s', 's.id', 'a.section_id')
  .select(['a.slug', 's.slug as section'])
  .orderBy('a.published_at', 'desc')
  .executeTakeFirstOrThrow();
const pages: Record<string, string> = {
  home: '/',
  section: '/securite',
  article: `/${lead.section}/${lead.slug}`,
  comments: `/${lead.section}/${lead.slug}#commentaires`,
  login: '/login',
  notfound: '/nulle-part',
  advertise: '/annoncez-chez-nous',
  search: '/recherche?q=securite',
  'search-empty': '/recherche?q=%22%2A%29',
  'lite-home': '/lite',
  'lite-article': `/lite/${lead.section}/${lead.slug}`,
  newsletter: '/newsletter',
  'newsletter-archive': '/newsletter/archives',
  'newsletter-letter': '/newsletter/archives/1',
};
// Newsroom pages, seen by the demo admin (a fresh password is set for the run).
const adminPages: Record<string, string> = {
  dashboard: '/admin',
  moderation: '/admin/moderation',
  outbox: '/admin/courriels',
  articles: '/admin/articles',
  editor: '/admin/articles/1',
  versions: '/admin/articles/1/versions',
  media: '/admin/medias',
  sections: '/admin/rubriques',
  settings: '/admin/reglages',
  users: '/admin/utilisateurs',
  profile: '/admin/profil',
  'new-article': '/admin/articles/nouveau',
  alert: '/admin/alerte',
  ads: '/admin/publicite',
  'ad-campaign': '/admin/publicite/campagnes/nouvelle',
  'ad-report': '/admin/publicite/campagnes/1/rapport',
  'newsletter-admin': '/admin/newsletter',
  'newsletter-report': '/admin/newsletter/editions/1',
  'newsletter-subscribers': '/admin/newsletter/abonnes',
};
const adminPassword = await resetPassword(db, DEMO_ADMIN_EMAIL);
// An invitation, to show the invited member's page and the page its link opens.
const demoAdmin = await findUserByEmail(db, DEMO_ADMIN_EMAIL);
const invited = await inviteUser(db, {
  email: 'nouvelle.plume@example.org',
  name: 'Nouvelle Plume',
  byline: 'Nouvelle Plume',
  role: 'author',
  by: { ...demoAdmin!, sessionId: '' },
  now: new Date(),
  site: { settings: await findSiteSettings(db), publicUrl: '' },
});
// An author's page and a tag's page, from the demo articles.
const signed = await db
  .selectFrom('articles as a')
  .innerJoin('users as u', 'u.id', 'a.author_id')
  .select(['u.id', 'u.name'])
  .where('a.status', '=', 'published')
  .whereRef('a.signature', '=', 'u.name')
  .executeTakeFirst();
if (signed) pages.author = authorPath(signed);
const tag = await db.selectFrom('article_tags').select('tag').executeTakeFirst();
if (tag) pages.tag = `/mots-cles/${encodeURIComponent(tag.tag)}`;
// The demo campaign's report as its advertiser sees it.
const demoCampaign = await db.selectFrom('ad_campaigns').select('report_key').executeTakeFirst();
if (demoCampaign) pages['advertiser-report'] = `/annonceurs/rapport/${demoCampaign.report_key}`;
if (invited.ok) {
  adminPages.user = `/admin/utilisateurs/${invited.userId}`;
  const mail = await db
    .selectFrom('outbox')
    .select('text_body')
    .where('kind', '=', 'account-invitation')
    .executeTakeFirstOrThrow();
  pages.invitation = /\/compte\/[\w-]+/.exec(mail.text_body)![0];
}
const browser = await launchBrowser();
try {
  for (const [device, viewport] of Object.entries(viewports)) {
    const page = await browser.newPage({ viewport });
    const shoot = async (name: string, url: string) => {
      await page.goto(base + url, { waitUntil: 'networkidle' });
      // Scroll through so lazy images load before the full-page capture.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 50));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState('networkidle');
      const file = path.join(out, `${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: !url.includes('#') });
      console.log(file);
    };
    for (const [name, url] of Object.entries(pages)) await shoot(name, url);
    await page.goto(`${base}/login`);
    await page.fill('#email', DEMO_ADMIN_EMAIL);
    await page.fill('#password', adminPassword);
    await Promise.all([page.waitForURL(/\/admin/), page.click('form[action="/login"] button')]);
    for (const [name, url] of Object.entries(adminPages)) await shoot(name, url);
    await page.context().clearCookies();
    await page.close();
  }
} finally {
  await browser.close();
  await app.close();
  await db.destroy();
  await rm(dataDir, { recursive: true, force: true });
}
