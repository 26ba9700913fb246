/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ArticleRow } from '../../src/articles/article.table.ts';
import { bumpContentVersion } from '../../src/cache/content-version.queries.ts';
import { updateSiteSettings } from '../../src/settings/setting.queries.ts';
import { buildArticle, buildImage, buildSection, buildUser } from '../helpers/factories.ts';
import {
  launchBrowser,
  viewports,
  serveForBrowser,
  signInThroughForm,
} from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

async function horizontalOverflow(page: Page): Promise<string | null> {
  const [scroll, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  return scroll! > inner! ? `content ${scroll}px wide in a ${inner}px window` : null;
}

describe('the article editor in Chromium', () => {
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
      title: 'Le prix du mil recule sur les marchés',
      body: 'Ancien texte.',
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

  /** Signs the editor in through the login form, landing on the article's editor. */
  const openEditorAsEditor = async (page: Page) => {
    await signInThroughForm(page, {
      base,
      email: 'chef@griot.test',
      next: `/admin/articles/${article.id}`,
    });
  };

  test('an editor types in a draft, sees the preview, and the draft saves itself', async () => {
    const context = await browser.newContext({ viewport: viewports.phone });
    const page = await context.newPage();
    await openEditorAsEditor(page);

    const body = page.locator('#a-body');
    await body.fill('Premier paragraphe : le marché.');
    await body.press('Control+End');
    await body.press('Enter');
    await body.press('Enter');
    await page.click('.md-toolbar button[data-md="h2"]');
    await body.pressSequentially('Intertitre');
    await page.locator('.article-preview h2', { hasText: 'Intertitre' }).waitFor();
    assert.match(
      (await page.textContent('.article-preview p')) ?? '',
      /Premier paragraphe\u00A0: le marché\./,
      'the preview has the site’s French typography',
    );

    await page
      .locator('.editor-status', { hasText: /Enregistré automatiquement à \d+\s?h\s?\d{2}/ })
      .waitFor({ timeout: 15_000 });
    const row = await t.db
      .selectFrom('articles')
      .select(['body', 'version'])
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.body, 'Premier paragraphe : le marché.\n\n## Intertitre');
    assert.equal(row.version, article.version + 1);
    assert.equal(
      await page.inputValue('#article-form input[name="version"]'),
      String(row.version),
      'the form follows the autosaved version',
    );

    // Issue 14, bug 7: picking a photo overwrote the credit and caption already typed. What the
    // editor typed stays; an empty field takes the library's.
    await page.fill('#a-imageCaption', 'Une légende tapée avant de choisir la photo');
    await page.fill('#a-imageCredit', '');
    await page.click('.picker-open');
    await page.locator('.picker-results button').first().click();
    assert.equal(await page.inputValue('#a-imageId'), String(imageId));
    assert.equal(await page.inputValue('#a-imageCredit'), 'AGENCE TEST');
    assert.equal(
      await page.inputValue('#a-imageCaption'),
      'Une légende tapée avant de choisir la photo',
    );
    assert.ok(await page.isVisible('.picker-thumb'));
    assert.equal(await horizontalOverflow(page), null, 'the editor fits a 360 px screen');

    // The next manual save carries the autosaved version, so it is not taken for a conflict.
    await Promise.all([
      page.waitForURL(/enregistre=1/),
      page.click('#article-form button[value="save"]'),
    ]);
    const saved = await t.db
      .selectFrom('articles')
      .select(['image_id', 'version'])
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    assert.equal(saved.image_id, imageId);
    assert.equal(saved.version, article.version + 2);

    // Back from the save, the current photo is shown; removing it empties the photo fields.
    const current = page.locator('img.picker-thumb');
    assert.ok(await current.isVisible(), 'the saved photo is shown');
    assert.equal(await current.getAttribute('alt'), 'Une image de test');
    assert.ok(
      await current.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      'the thumbnail loads',
    );
    await page.click('.picker-remove');
    assert.equal(await page.inputValue('#a-imageId'), '');
    assert.equal(await page.inputValue('#a-imageCredit'), '');
    assert.ok(await current.isHidden(), 'the thumbnail goes with the photo');
    assert.ok(await page.isHidden('.picker-remove'));
    await Promise.all([
      page.waitForURL(/enregistre=1/),
      page.click('#article-form button[value="save"]'),
    ]);
    const removed = await t.db
      .selectFrom('articles')
      .select('image_id')
      .where('id', '=', article.id)
      .executeTakeFirstOrThrow();
    assert.equal(removed.image_id, null);
    assert.ok(await page.isHidden('img.picker-thumb'));
    await context.close();
  });

  test('an editor writes a new article beside its preview and publishes it in one step, then unpublishes it through the confirmation dialog', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const page = await context.newPage();
    await openEditorAsEditor(page);
    await page.goto(`${base}/admin/articles/nouveau`);
    assert.equal(await page.locator('.masthead').count(), 0, 'the newsroom frame, not the site’s');
    assert.equal(
      await page.getAttribute('.admin-nav a[aria-current="page"]', 'href'),
      '/admin/articles',
    );

    // A long headline: the title grows to show it whole, and Enter does not break it.
    const title = page.locator('#a-title');
    const oneLine = (await title.boundingBox())!.height;
    await title.fill('Le prix du mil recule encore sur les marchés de Dounzé');
    await title.press('Enter');
    await title.pressSequentially(' et de Sirakoro, où les stocks des commerçants débordent');
    assert.equal(
      await title.inputValue(),
      'Le prix du mil recule encore sur les marchés de Dounzé et de Sirakoro, où les stocks des commerçants débordent',
    );
    assert.ok((await title.boundingBox())!.height > oneLine * 1.5, 'the title grew');

    await page.fill('#a-kicker', 'MARCHÉS');
    await page.selectOption('#a-section', { label: 'Économie' });
    await page.fill('#a-body', 'Les sacs de mil s’entassent.');
    await page.fill('#a-signature', 'Awa Reporter');
    await page.click('.picker-open');
    await page.locator('.picker-results button').first().click();

    // The preview, beside the form, shows the whole article as readers will see it.
    const preview = page.locator('.editor-preview');
    await preview.locator('figure.photo .credit', { hasText: 'AGENCE TEST' }).waitFor();
    await preview.locator('.byline .signature', { hasText: 'Awa Reporter' }).waitFor();
    // The agency and a ticked co-author show in the preview's byline as on the article page.
    await page.fill('#a-agency', 'AFP');
    await preview.locator('.byline .signature', { hasText: 'Awa Reporter, avec AFP' }).waitFor();
    const box = page.locator('fieldset.coauthors label.check').first();
    const coauthor = ((await box.textContent()) ?? '').trim();
    await box.locator('input').check();
    await preview.locator('.byline .signature', { hasText: `${coauthor}, avec AFP` }).waitFor();
    await box.locator('input').uncheck();
    await page.fill('#a-agency', '');
    await preview.locator('.byline .signature', { hasText: /^Awa Reporter$/ }).waitFor();
    assert.equal(await preview.locator('.section-label').textContent(), 'Économie');
    assert.equal(await preview.locator('.kicker').textContent(), 'MARCHÉS');
    assert.match((await preview.locator('.preview-title').textContent()) ?? '', /Sirakoro/);
    const formBox = (await page.locator('#article-form').boundingBox())!;
    const previewBox = (await preview.boundingBox())!;
    assert.ok(previewBox.x >= formBox.x + formBox.width, 'beside the form on a wide screen');

    // A date in the future turns « Publier » into « Programmer »; cleared, it is « Publier ».
    const publish = page.locator('.action-bar button[data-publish]');
    await page.fill('#a-at', '2099-01-15T09:30');
    assert.equal(await publish.textContent(), 'Programmer');
    await page.fill('#a-at', '');
    assert.equal(await publish.textContent(), 'Publier');
    await Promise.all([page.waitForURL(/etat=1/), publish.click()]);
    const row = await t.db
      .selectFrom('articles')
      .selectAll()
      .where('title', 'like', 'Le prix du mil recule encore%')
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'published', 'created and published in one step');
    assert.equal(row.signature, 'Awa Reporter');
    assert.equal(row.image_id, imageId);
    assert.equal(await horizontalOverflow(page), null);

    // The action bar stays in view while the form scrolls, down to the form's last field (the
    // panels after the form — corrections, views — have their own buttons).
    await page.evaluate(() => {
      const form = document.getElementById('article-form')!;
      window.scrollTo(0, form.getBoundingClientRect().bottom + window.scrollY - window.innerHeight);
    });
    assert.ok(await page.locator('.action-bar').isVisible());
    const bar = (await page.locator('.action-bar').boundingBox())!;
    assert.ok(bar.y >= 0 && bar.y + bar.height <= 900, `the action bar is on screen: ${bar.y}`);

    // Unpublishing asks first, in a dialog: cancelled, nothing changes; confirmed, it is done.
    const unpublish = page.locator('.action-danger button[value="unpublish"]');
    await unpublish.click();
    const dialog = page.locator('dialog#confirmer-unpublish');
    assert.ok(await dialog.isVisible());
    assert.match((await dialog.locator('h2').textContent()) ?? '', /^Dépublier «/);
    await dialog.locator('button', { hasText: 'Annuler' }).click();
    assert.ok(await dialog.isHidden());
    const still = await t.db
      .selectFrom('articles')
      .select('status')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(still.status, 'published');
    await unpublish.click();
    await Promise.all([
      page.waitForURL(/etat=1/),
      dialog.locator('button', { hasText: 'Confirmer' }).click(),
    ]);
    const after = await t.db
      .selectFrom('articles')
      .select('status')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.status, 'draft');
    await context.close();
  });

  test('on a phone the preview comes below the form and the action bar sticks to the bottom', async () => {
    const context = await browser.newContext({ viewport: viewports.phone });
    const page = await context.newPage();
    await openEditorAsEditor(page);
    await page.goto(`${base}/admin/articles/nouveau`);
    assert.equal(await horizontalOverflow(page), null, 'no sideways scroll, navigation included');
    const bar = (await page.locator('.action-bar').boundingBox())!;
    assert.ok(
      Math.abs(bar.y + bar.height - viewports.phone.height) <= 1,
      `at the bottom of the screen: ${bar.y} + ${bar.height}`,
    );
    await page.fill('#a-kicker', 'MARCHÉS');
    await page.locator('.editor-preview .kicker', { hasText: 'MARCHÉS' }).waitFor();
    const formBox = (await page.locator('#article-form').boundingBox())!;
    const previewBox = (await page.locator('.editor-preview').boundingBox())!;
    assert.ok(previewBox.y >= formBox.y + formBox.height, 'below the form');
    await context.close();
  });

  test('in English, the toolbar and the autosave speak English', async () => {
    await updateSiteSettings(t.db, { locale: 'en' });
    await bumpContentVersion(t.db);
    const context = await browser.newContext({ viewport: viewports.desktop });
    const page = await context.newPage();
    await openEditorAsEditor(page);
    assert.equal(await page.textContent('.md-toolbar button[data-md="bold"]'), 'Bold');
    await page.fill('#a-body', '');
    await page.click('.md-toolbar button[data-md="bold"]');
    assert.equal(await page.inputValue('#a-body'), '**bold text**');
    await page
      .locator('.editor-status', { hasText: /^Saved automatically at \d{2}:\d{2}$/ })
      .waitFor({ timeout: 15_000 });

    // A new article does not save itself: the status line says what typing has not saved.
    await page.goto(`${base}/admin/articles/nouveau`);
    await page.fill('#a-title', 'Millet prices fall');
    await page.locator('.editor-status', { hasText: /^Unsaved changes$/ }).waitFor();
    await context.close();
  });
});
