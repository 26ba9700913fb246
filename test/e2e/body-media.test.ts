/// <reference lib="dom" />
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { ArticleRow } from '../../src/articles/article.table.ts';
import { buildArticle, buildImage, buildSection, buildUser } from '../helpers/factories.ts';
import {
  launchBrowser,
  PHONE_UA,
  viewports,
  serveForBrowser,
  signInThroughForm,
} from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

// Issue 14: a photo inserted through the toolbar and a pasted YouTube link, from the editor to
// the reader's phone, where nothing is fetched from a third party before the reader asks.

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;
const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

describe('photos and embeds in the body, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let article: ArticleRow;
  let imageId: number;

  before(async () => {
    t = await createTestApp(sqlite, { now: new Date().toISOString() });
    const section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
    const editor = await buildUser(t.db, {
      email: 'chef@griot.test',
      name: 'Chef Édition',
      role: 'editor',
    });
    imageId = (await buildImage(t.db, t.dataDir)).id;
    article = await buildArticle(t.db, {
      section,
      slug: 'le-marche-en-images',
      title: 'Le marché en images',
      body: 'Premier paragraphe : le marché a rouvert.',
      status: 'draft',
      published_at: null,
      author_id: editor.id,
    });
    base = await serveForBrowser(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('an editor inserts a photo with the toolbar, pastes a YouTube link and publishes; readers get a lazy photo and a facade', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const page = await context.newPage();
    await signInThroughForm(page, {
      base,
      email: 'chef@griot.test',
      next: `/admin/articles/${article.id}`,
    });

    // Untouched, the form leaves without a « changes not saved » prompt. (The XSS walk in
    // e2e/xss.test.ts is what caught body-media.js disabling the hidden photo choices, which
    // changed the form's data after editor.js had taken it for saved.)
    await page.locator('#a-title').click();
    await page.goto(`${base}/admin/articles/${article.id}/versions`);
    await page.goto(`${base}/admin/articles/${article.id}`);
    const body = page.locator('#a-body');
    await body.click();
    await body.press('Control+End');
    await page.click('.md-toolbar .md-photo');
    await page.locator('#body-media-panel .picker-item').first().click();
    await page.locator('.body-media-message', { hasText: `n° ${imageId}` }).waitFor();
    assert.equal(
      await body.inputValue(),
      `Premier paragraphe : le marché a rouvert.\n\n![Image d’illustration](media:${imageId} "AGENCE TEST")`,
    );
    await page.click('.body-media-close');
    await body.press('Control+End');
    await page.keyboard.type(`\n\n${YOUTUBE}\n\nFin du reportage.`);
    // The live preview shows both as readers will.
    await page.locator('.article-preview figure.body-photo img').waitFor();
    await page
      .locator('.article-preview figure.embed .embed-provider', { hasText: 'YouTube' })
      .waitFor();
    assert.equal(await page.locator('.article-preview iframe').count(), 0);

    await Promise.all([
      page.waitForURL(/enregistre=1/),
      page.click('#article-form button.action-save'),
    ]);
    await Promise.all([
      page.waitForURL(new RegExp(`/admin/articles/${article.id}\\?etat=1`)),
      page.click('button[name="intent"][value="publish"]'),
    ]);
    await context.close();

    // A reader on a phone: every request is recorded.
    const reader = await browser.newContext({ viewport: viewports.phone, userAgent: PHONE_UA });
    const tab = await reader.newPage();
    const requested: string[] = [];
    tab.on('request', (r) => requested.push(r.url()));
    const refused: string[] = [];
    tab.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    const res = await tab.goto(`${base}/economie/le-marche-en-images`);
    assert.equal(res?.status(), 200);
    await tab.waitForLoadState('load');

    const img = tab.locator('.body figure.body-photo img');
    assert.equal(await img.getAttribute('loading'), 'lazy');
    assert.equal(await img.getAttribute('width'), '1600');
    assert.equal(await img.getAttribute('height'), '900');
    // Its box is reserved before it loads: nothing below it moves.
    const box = await img.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    assert.ok(box.width > 300, `photo ${box.width}px wide`);
    assert.ok(Math.abs(box.height - (box.width * 900) / 1600) < 1.5, JSON.stringify(box));
    assert.equal(
      await tab.locator('.body figure.body-photo .credit').textContent(),
      'Crédit photo\u00A0: AGENCE TEST',
    );

    const show = tab.getByRole('button', { name: 'Afficher le contenu de YouTube' });
    assert.ok(await show.isVisible(), 'the script shows the button');
    assert.equal(await tab.locator('iframe').count(), 0);
    const overflow = await tab.evaluate(() =>
      document.documentElement.scrollWidth > window.innerWidth
        ? `${document.documentElement.scrollWidth}px wide`
        : null,
    );
    assert.equal(overflow, null, 'no horizontal overflow at 360 px');
    await img.scrollIntoViewIfNeeded();
    await tab.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('.body figure.body-photo img');
      return !!i && i.complete && i.naturalWidth > 0;
    });
    const offSite = requested.filter((u) => !u.startsWith(base) && !u.startsWith('data:'));
    assert.deepEqual(offSite, [], 'nothing fetched from another host before the tap');

    await show.click();
    const frame = tab.locator('.body figure.embed iframe');
    await frame.waitFor({ state: 'attached' });
    assert.equal(
      await frame.getAttribute('src'),
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    assert.deepEqual(refused, [], 'the CSP lets the player in');
    await reader.close();
  });

  test('without JavaScript, the lead photo is chosen among thumbnails, a search keeps the form, and Enter saves', async () => {
    const context = await browser.newContext({
      viewport: viewports.phone,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await signInThroughForm(page, {
      base,
      email: 'chef@griot.test',
      next: `/admin/articles/${article.id}`,
    });
    await page.fill('#a-title', 'Le marché en images, sans script');
    await page.fill('#a-photoSearch', 'test');
    await Promise.all([
      page.waitForURL(new RegExp(`/admin/articles/${article.id}$`)),
      page.getByRole('button', { name: 'Chercher', exact: true }).click(),
    ]);
    assert.equal(await page.inputValue('#a-title'), 'Le marché en images, sans script');
    await page.locator(`.lead-photo-choices input[value="${imageId}"]`).check();
    // Enter in a one-line field saves (the title is a textarea, where Enter is a line break).
    await Promise.all([page.waitForURL(/enregistre=1/), page.press('#a-kicker', 'Enter')]);
    const row = await t.db
      .selectFrom('articles')
      .select(['title', 'image_id'])
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { title: 'Le marché en images, sans script', image_id: imageId });
    const overflow = await page.evaluate(() =>
      document.documentElement.scrollWidth > window.innerWidth
        ? `${document.documentElement.scrollWidth}px wide`
        : null,
    );
    assert.equal(overflow, null, 'no horizontal overflow at 360 px');
    await context.close();
  });

  test('a photo uploaded from the « Photo » panel joins the previous one in a gallery', async () => {
    const section = await t.db.selectFrom('sections').selectAll().executeTakeFirstOrThrow();
    const draft = await buildArticle(t.db, {
      section,
      slug: 'galerie',
      title: 'Une galerie',
      body: 'Texte.',
      status: 'draft',
      published_at: null,
    });
    const source = await buildImage(t.db, t.dataDir, { width: 800, height: 600 });
    const jpeg = (JSON.parse(source.variants) as { file: string; format: string }[]).find(
      (v) => v.format === 'jpeg',
    )!;
    const context = await browser.newContext({ viewport: viewports.phone });
    const page = await context.newPage();
    await signInThroughForm(page, {
      base,
      email: 'chef@griot.test',
      next: `/admin/articles/${draft.id}`,
    });
    const body = page.locator('#a-body');
    await body.click();
    await body.press('Control+End');
    await page.click('.md-toolbar .md-photo');
    await page.locator(`#body-media-panel .picker-item[aria-label$="n° ${imageId}"]`).click();
    await page.check('#body-media-gallery');
    await page.fill('#body-media-caption', 'Les tissus « wax »');
    await page.fill('#body-media-credit', 'Awa "AD" Diallo');
    await page.setInputFiles('#body-media-file', path.join(t.dataDir, 'media', jpeg.file));
    await page.locator('.body-media-message', { hasText: 'insérée' }).waitFor();
    const uploaded = await t.db
      .selectFrom('media')
      .select(['id', 'caption', 'credit'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { caption: uploaded.caption, credit: uploaded.credit },
      { caption: 'Les tissus « wax »', credit: 'Awa "AD" Diallo' },
    );
    assert.equal(
      await body.inputValue(),
      `Texte.\n\n![Image d’illustration](media:${imageId} "AGENCE TEST")\n` +
        `![Les tissus « wax »](media:${uploaded.id} "Awa \\"AD\\" Diallo")`,
    );
    await page.locator('.article-preview .gallery figure.body-photo img').nth(1).waitFor();
    assert.equal(
      await page.locator('.article-preview .gallery .credit').nth(1).textContent(),
      'Crédit photo\u00A0: Awa "AD" Diallo',
    );
    await context.close();
  });
});
