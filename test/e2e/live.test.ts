/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { renderMarkdown } from '../../src/articles/markdown.ts';
import { articleKey } from '../../src/articles/article-keys.ts';
import { bumpContentVersion } from '../../src/cache/content-version.queries.ts';
import { insertLiveEntry, updateArticleLiveState } from '../../src/live/live.queries.ts';
import { LIVE_PAGE_ENTRIES } from '../../src/live/live.ts';
import { buildUser } from '../helpers/factories.ts';
import { layoutShift, PHONE_UA, signInThroughForm, viewports } from '../helpers/browser.ts';
import { startDemoSite, type DemoSite } from '../helpers/demo-site.ts';

// Screenshots for the reviewers' eyes, outside the repository.
const SHOTS = process.env.LIVE_SHOTS_DIR;

describe('live coverage in Chromium', () => {
  let site: DemoSite;
  let path: string;
  let articleId: number;

  before(async () => {
    site = await startDemoSite();
    await buildUser(site.t.db, { email: 'direct@griot.test', name: 'Awa Direct', role: 'editor' });
    const row = await newestPlainArticle();
    articleId = row.id;
    path = `/${row.section}/${row.slug}`;
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  after(() => site?.close());

  // The demo's newest published article that is not live coverage (nor `except`).
  const newestPlainArticle = (except?: number) =>
    site.t.db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select(['a.id', 'a.slug', 's.slug as section'])
      .where('a.status', '=', 'published')
      .where('a.live', '=', 0)
      .$if(except !== undefined, (q) => q.where('a.id', '!=', except!))
      .orderBy('a.published_at', 'desc')
      .executeTakeFirstOrThrow();

  async function newsroomPage(): Promise<Page> {
    const page = await site.browser.newPage({ viewport: viewports.desktop });
    await signInThroughForm(page, {
      base: site.base,
      email: 'direct@griot.test',
      next: `/admin/articles/${articleId}`,
    });
    return page;
  }

  async function postEntry(editor: Page, text: string) {
    await editor.fill('#entree-texte', text);
    await Promise.all([
      editor.waitForURL(/\?fait=publiee$/),
      editor.click('.live-entry-form button[type="submit"]'),
    ]);
  }

  test('an entry posted by an editor reaches an open page without a reload, and a page without script at its « Actualiser » link', async () => {
    const editor = await newsroomPage();
    // From the editor's « En direct » panel: the article becomes a live page.
    await Promise.all([
      editor.waitForURL(/\/direct\?fait=ouvert$/),
      editor.click('#direct button:has-text("Faire de cet article un direct")'),
    ]);
    await postEntry(editor, 'Premier point de la soirée : les bureaux de vote ont fermé.');

    // A reader with script (its clock in the test's hands, so the 15 s poll comes at once)…
    const withJs = await site.browser.newPage({ viewport: viewports.phone, userAgent: PHONE_UA });
    await withJs.clock.install();
    await withJs.goto(site.base + path);
    assert.equal(await withJs.locator('.live-label').textContent(), 'En direct');
    assert.equal(await withJs.locator('.live-feed li.live-entry').count(), 1);
    await withJs.evaluate(() => window.scrollTo(0, 600)); // the reader is reading, down the page
    const scrolledTo = await withJs.evaluate(() => window.scrollY);
    const shiftBefore = await layoutShift(withJs);
    // …and one without.
    const noJsContext = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: viewports.phone,
    });
    const noJs = await noJsContext.newPage();
    await noJs.goto(site.base + path);
    assert.equal(await noJs.locator('.live-feed li.live-entry').count(), 1);

    const polls: string[] = [];
    withJs.on('request', (r) => {
      if (r.url().includes('/depuis/')) polls.push(r.url());
    });
    await postEntry(editor, 'Deuxième point : **premiers résultats** à Zinder.');
    const posted = Date.now();
    await withJs.clock.fastForward(16_000);
    const button = withJs.locator('button.live-news-button');
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    const seenAfterMs = Date.now() - posted;
    await withJs.waitForFunction(
      () => document.querySelector('button.live-news-button')?.textContent === '1 nouvelle entrée',
    );
    assert.ok(polls.length >= 1 && polls.every((u) => /\/direct\/\d+\/depuis\/\d+$/.test(u)));
    // Nothing moved under the reader's eyes while the entry waited behind the button.
    assert.equal(await layoutShift(withJs), shiftBefore);
    assert.equal(await withJs.evaluate(() => window.scrollY), scrolledTo);
    if (SHOTS) await withJs.screenshot({ path: `${SHOTS}/reader-new-entries-360.png` });
    await button.click();
    const first = withJs.locator('.live-feed li.live-entry').first();
    assert.match((await first.textContent()) ?? '', /premiers résultats à Zinder/);
    assert.equal(await withJs.locator('.live-feed li.live-entry').count(), 2);
    assert.ok(await button.isHidden());
    // Asked again with nothing new: the page stays as it is, the button hidden.
    await withJs.clock.fastForward(16_000);
    await withJs.waitForTimeout(300);
    assert.ok(await button.isHidden());
    assert.equal(await withJs.locator('.live-feed li.live-entry').count(), 2);

    // Without script: the « Actualiser » link reloads the page on its coverage.
    await Promise.all([
      noJs.waitForURL(new RegExp(`${path}#direct$`)),
      noJs.click('.live-refresh a'),
    ]);
    assert.equal(await noJs.locator('.live-feed li.live-entry').count(), 2);
    assert.match(
      (await noJs.locator('.live-feed li.live-entry').first().textContent()) ?? '',
      /premiers résultats à Zinder/,
    );
    if (SHOTS) {
      for (const [name, viewport] of Object.entries(viewports)) {
        const p = await site.browser.newPage({ viewport });
        await p.goto(`${site.base}${path}#direct`);
        await p.screenshot({ path: `${SHOTS}/reader-live-${name}.png`, fullPage: false });
        await p.goto(`${site.base}/lite${path}#direct`);
        await p.screenshot({ path: `${SHOTS}/reader-live-lite-${name}.png` });
        await p.goto(`${site.base}/`);
        await p.screenshot({ path: `${SHOTS}/home-${name}.png` });
        await p.close();
        await editor.setViewportSize(viewport);
        await editor.screenshot({ path: `${SHOTS}/admin-direct-${name}.png`, fullPage: true });
      }
      await editor.goto(`${site.base}/admin/articles/${articleId}#direct`);
      await editor.screenshot({ path: `${SHOTS}/admin-editor-panel.png` });
    }
    console.log(
      `# the open page offered the new entry ${seenAfterMs} ms after its next poll was due (poll every 15 s, fast-forwarded)`,
    );
    await noJsContext.close();
    await withJs.close();
    await editor.close();
  });

  test('a long live page polls for new entries above its newest ones, and « Entrées précédentes » leads to the older ones, script or not', async () => {
    const row = await newestPlainArticle(articleId);
    const longPath = `/${row.section}/${row.slug}`;
    const { db } = site.t;
    await updateArticleLiveState(db, row.id, {
      live: true,
      startedAt: site.t.clock.now().toISOString(),
      endedAt: null,
    });
    const add = async (text: string) => {
      await insertLiveEntry(db, {
        articleId: row.id,
        authorId: null,
        body: text,
        bodyHtml: renderMarkdown(text, 'fr'),
        pinned: false,
        at: site.t.clock.now(),
      });
      await bumpContentVersion(db, [articleKey(row.id)]);
    };
    const older = 4;
    for (let i = 1; i <= LIVE_PAGE_ENTRIES + older; i++)
      await add(`Point numéro ${i} de la soirée.`);

    const withJs = await site.browser.newPage({ viewport: viewports.phone, userAgent: PHONE_UA });
    await withJs.clock.install();
    await withJs.goto(site.base + longPath);
    const feed = withJs.locator('.live-feed li.live-entry');
    assert.equal(await feed.count(), LIVE_PAGE_ENTRIES);
    const link = withJs.locator('.live-older a');
    assert.equal(await link.textContent(), 'Entrées précédentes');

    // A new entry comes through the poll, above the others; the link to older ones stays below.
    await add('Point de dernière minute.');
    await withJs.clock.fastForward(16_000);
    const button = withJs.locator('button.live-news-button');
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    await button.click();
    assert.equal(await feed.count(), LIVE_PAGE_ENTRIES + 1);
    assert.match((await feed.first().textContent()) ?? '', /dernière minute/);
    assert.equal(await link.count(), 1);

    await Promise.all([withJs.waitForURL(/\/direct\/\d+\/avant\/\d+$/), link.click()]);
    assert.equal(await withJs.locator('h1').textContent(), 'Entrées précédentes');
    // The entries before the oldest shown when the page was loaded, newest first.
    const texts = await withJs.locator('li.live-entry .live-entry-body').allTextContents();
    assert.deepEqual(
      texts.map((x) => x.trim()),
      Array.from({ length: older }, (_, i) => `Point numéro ${older - i} de la soirée.`),
    );
    assert.equal(await layoutShift(withJs), 0);
    const olderUrl = withJs.url();
    await withJs.close();

    // Without script: the same link (from a newer page), its page, and the way back.
    const noJsContext = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: viewports.phone,
    });
    const noJs = await noJsContext.newPage();
    await noJs.goto(site.base + longPath);
    // (one entry more than then: the page's newest three now begin one later).
    await Promise.all([noJs.waitForURL(/\/direct\/\d+\/avant\/\d+$/), noJs.click('.live-older a')]);
    assert.notEqual(noJs.url(), olderUrl);
    assert.equal(await noJs.locator('li.live-entry').count(), older + 1);
    await Promise.all([
      noJs.waitForURL(new RegExp(`${longPath}#direct$`)),
      noJs.click('.live-back a'),
    ]);
    await noJsContext.close();
    if (SHOTS) {
      for (const [name, viewport] of Object.entries(viewports)) {
        const p = await site.browser.newPage({ viewport });
        await p.goto(`${site.base}${longPath}#direct`);
        await p.screenshot({ path: `${SHOTS}/long-live-${name}.png` });
        await p.goto(olderUrl);
        await p.screenshot({ path: `${SHOTS}/older-entries-${name}.png`, fullPage: true });
        await p.goto(olderUrl.replace(site.base, `${site.base}/lite`));
        await p.screenshot({ path: `${SHOTS}/older-entries-lite-${name}.png`, fullPage: true });
        await p.close();
      }
    }
  });

  test('the light edition and the finished demo page never poll', async () => {
    const page = await site.browser.newPage({ viewport: viewports.phone });
    const polls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/depuis/') || r.url().includes('/assets/live.')) polls.push(r.url());
    });
    await page.clock.install();
    await page.goto(`${site.base}/lite${path}`);
    assert.equal(
      await page.locator('.live-refresh a').getAttribute('href'),
      `/lite/direct/${articleId}`,
    );
    const demo = await site.t.db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select(['a.slug', 's.slug as section'])
      .where('a.live', '=', 1)
      .where('a.live_ended_at', 'is not', null)
      .executeTakeFirstOrThrow();
    await page.clock.fastForward(40_000);
    await page.goto(`${site.base}/${demo.section}/${demo.slug}`);
    assert.equal(await page.locator('.live-label').textContent(), 'Terminé');
    assert.equal(await page.locator('.live-pinned li').count(), 2);
    // The demo's final has more entries than its page shows: the older ones are a link away.
    // (one of its LIVE_PAGE_ENTRIES newest is pinned, in « L'essentiel »).
    assert.equal(await page.locator('.live-feed li').count(), LIVE_PAGE_ENTRIES - 1);
    assert.equal(await page.locator('.live-older a').count(), 1);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/demo-finished-360.png`, fullPage: true });
      await page.setViewportSize(viewports.desktop);
      await page.goto(`${site.base}/${demo.section}/${demo.slug}#direct`);
      await page.screenshot({ path: `${SHOTS}/demo-finished-1280.png` });
      await page.click('.live-older a');
      await page.screenshot({ path: `${SHOTS}/demo-older-1280.png`, fullPage: true });
      await page.setViewportSize(viewports.phone);
      await page.screenshot({ path: `${SHOTS}/demo-older-360.png`, fullPage: true });
    }
    await page.clock.fastForward(40_000);
    assert.deepEqual(polls, []);
    await page.close();
  });
});
