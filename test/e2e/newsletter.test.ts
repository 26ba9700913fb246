/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { newsletterJob } from '../../src/newsletter/send-edition.ts';
import { buildArticle, buildSection, buildUser } from '../helpers/factories.ts';
import {
  axeViolations,
  launchBrowser,
  serveForBrowser,
  signInThroughForm,
  viewports,
} from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

describe('the newsletter in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  before(async () => {
    t = await createTestApp(sqlite, { now: new Date().toISOString() });
    const section = await buildSection(t.db, { name: 'Sport', slug: 'sport' });
    await buildArticle(t.db, {
      section,
      title: 'Finale : les Menas sacrés',
      published_at: t.clock.now().toISOString(),
    });
    await buildUser(t.db, { email: 'chef@griot.test', name: 'Chef', role: 'editor' });
    base = await serveForBrowser(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a reader on a phone subscribes from the footer, fixes a typo, confirms, and later unsubscribes with one button', async () => {
    const context = await browser.newContext({ viewport: viewports.phone });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await Promise.all([
      page.waitForURL(/\/newsletter$/),
      page.click('.foot-links a[href="/newsletter"]'),
    ]);
    assert.deepEqual(await axeViolations(page), []);
    // Nothing wider than the phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));

    await page.fill('#newsletter-email', 'awa@exemple');
    await Promise.all([
      page.waitForLoadState('load'),
      page.click('form[action="/newsletter"] button'),
    ]);
    assert.match(await page.locator('.alert').innerText(), /adresse électronique valide/);
    assert.equal(await page.inputValue('#newsletter-email'), 'awa@exemple');
    assert.equal(await page.getAttribute('#newsletter-email', 'aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), []);

    await page.fill('#newsletter-email', 'awa@example.org');
    await Promise.all([
      page.waitForURL(/fait=envoye/),
      page.click('form[action="/newsletter"] button'),
    ]);
    assert.match(await page.locator('.notice').innerText(), /Vérifiez votre boîte/);

    const mail = await t.db
      .selectFrom('outbox')
      .select('text_body')
      .where('to_address', '=', 'awa@example.org')
      .executeTakeFirstOrThrow();
    const link = /https:\/\/griot\.test(\/newsletter\/confirmation\/\S+)/.exec(mail.text_body)![1]!;
    await page.goto(base + link);
    await Promise.all([page.waitForLoadState('load'), page.click('.newsletter-panel form button')]);
    assert.match(await page.locator('.notice').innerText(), /inscription est confirmée/);

    // A letter goes out; its unsubscribe link, opened in the browser, asks before acting.
    const editor = await browser.newContext({ viewport: viewports.desktop });
    const desk = await editor.newPage();
    await signInThroughForm(desk, { base, email: 'chef@griot.test', next: '/admin/newsletter' });
    await Promise.all([
      desk.waitForURL(/\/admin\/newsletter\/editions\/\d+/),
      desk.click('form[action="/admin/newsletter/editions"] button'),
    ]);
    assert.ok(await desk.isChecked('input[name="articles"]'), 'the day’s story is ticked');
    assert.deepEqual(await axeViolations(desk), []);
    await Promise.all([
      desk.waitForURL(/fait=envoyee/),
      desk.click('form[action$="/envoyer"] button'),
    ]);
    await newsletterJob({
      db: t.db,
      publicUrl: 'https://griot.test',
      secret: t.config.sessionSecret,
    }).run(t.clock.now());
    await desk.reload();
    assert.match(await desk.locator('.newsletter-report').innerText(), /1 courriel/);
    assert.equal(await desk.locator('.newsletter-report svg.daily-chart').count(), 1);
    assert.deepEqual(await axeViolations(desk), []);

    const letter = await t.db
      .selectFrom('outbox')
      .select(['text_body', 'headers'])
      .where('kind', '=', 'newsletter-edition')
      .executeTakeFirstOrThrow();
    assert.ok(!letter.text_body.includes('JETON'), 'each letter has its own token');
    const unsubscribe = /https:\/\/griot\.test(\/newsletter\/desabonnement\/\S+)/.exec(
      letter.text_body,
    )![1]!;
    assert.equal(
      (JSON.parse(letter.headers) as Record<string, string>)['List-Unsubscribe'],
      `<https://griot.test${unsubscribe}>`,
    );
    await page.goto(base + unsubscribe);
    await Promise.all([page.waitForLoadState('load'), page.click('.newsletter-panel form button')]);
    assert.match(await page.locator('.notice').innerText(), /ne recevrez plus/);
    const row = await t.db
      .selectFrom('newsletter_subscribers')
      .select('status')
      .where('email', '=', 'awa@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'unsubscribed');
    assert.deepEqual(errors, []);
    await context.close();
    await editor.close();
  });
});
