/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { newsroomDayBounds } from '../../src/web/dates.ts';
import { buildArticle, buildSection, buildUser } from '../helpers/factories.ts';
import {
  launchBrowser,
  viewports,
  serveForBrowser,
  signInThroughForm,
} from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

describe('the « Canal WhatsApp » page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let ids: number[];

  before(async () => {
    t = await createTestApp(sqlite, { now: new Date().toISOString() });
    const section = await buildSection(t.db, { name: 'Sport', slug: 'sport' });
    await buildUser(t.db, { email: 'auteur@griot.test', name: 'Awa Auteure', role: 'author' });
    // At the very start of today's newsroom day, so the test holds at any hour.
    const { from } = newsroomDayBounds(t.clock.now(), 'Africa/Niamey');
    const first = await buildArticle(t.db, {
      section,
      kicker: 'FOOTBALL',
      title: 'Finale : le Mena « en feu » & <en route> ⚽',
      published_at: from.toISOString(),
    });
    const second = await buildArticle(t.db, {
      section,
      title: 'Les supporters attendent à l’aéroport',
      published_at: new Date(from.getTime() + 1000).toISOString(),
    });
    ids = [second.id, first.id];
    base = await serveForBrowser(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(options: { javaScriptEnabled?: boolean } = {}) {
    const context = await browser.newContext({ viewport: viewports.phone, ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await signInThroughForm(page, { base, email: 'auteur@griot.test', next: '/admin/whatsapp' });
    return { context, page, errors };
  }

  const clipboard = (context: BrowserContext) =>
    context.pages()[0]!.evaluate(() => navigator.clipboard.readText());

  test('« Copier » puts the digest and each message on the clipboard; ticking rebuilds the digest', async () => {
    const { context, page, errors } = await signedIn();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const digest = page.locator('#wa-digest-text');
    const full = await digest.inputValue();
    assert.ok(full.includes(`/a/${ids[0]}`) && full.includes(`/a/${ids[1]}`), full);
    assert.ok(full.includes('«\u00A0en feu\u00A0» & <en route> ⚽*'), full);

    const copyDigest = page.locator('button[data-copy="wa-digest-text"]');
    assert.ok(await copyDigest.isVisible());
    assert.equal(await page.locator('.wa-update').isVisible(), false, 'the script rebuilds');
    await copyDigest.click();
    await page.waitForFunction(() =>
      document.querySelector('.wa-digest .wa-copy-status')?.textContent?.startsWith('Copié'),
    );
    assert.equal(await clipboard(context), full);

    // Untick the first story: the digest loses it at once, and « Copier » copies what is shown.
    await page.uncheck(`input[name="choix"][value="${ids[0]}"]`);
    const fewer = await digest.inputValue();
    assert.ok(!fewer.includes(`/a/${ids[0]}`) && fewer.includes(`/a/${ids[1]}`), fewer);
    assert.equal(fewer.split('\n\n')[0], full.split('\n\n')[0], 'the heading stays');
    await copyDigest.click();
    await page.waitForFunction(
      (text) => navigator.clipboard.readText().then((c) => c === text),
      fewer,
    );

    // One article's message.
    const one = `wa-message-${ids[1]}`;
    await page.click(`button[data-copy="${one}"]`);
    const message = await page.locator(`#${one}`).inputValue();
    assert.match(message, /^FOOTBALL — \*Finale/);
    await page.waitForFunction(
      (text) => navigator.clipboard.readText().then((c) => c === text),
      message,
    );
    assert.deepEqual(errors, [], 'no script error, no CSP violation');
    await context.close();
  });

  test('without JavaScript the texts are there to select and the form rebuilds the digest', async () => {
    const { context, page } = await signedIn({ javaScriptEnabled: false });
    assert.equal(await page.locator('button.wa-copy-button').first().isVisible(), false);
    assert.ok(await page.locator('.wa-copy-hint').first().isVisible());
    assert.ok((await page.locator('#wa-digest-text').getAttribute('readonly')) !== null);
    await page.uncheck(`input[name="choix"][value="${ids[0]}"]`);
    await Promise.all([page.waitForURL(/selection=1/), page.click('.wa-update')]);
    const digest = await page.locator('#wa-digest-text').inputValue();
    assert.ok(!digest.includes(`/a/${ids[0]}`) && digest.includes(`/a/${ids[1]}`), digest);
    await context.close();
  });
});
