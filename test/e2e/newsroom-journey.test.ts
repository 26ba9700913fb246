/// <reference lib="dom" />
import { slugify } from '../../src/articles/slug.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { publishScheduledJob } from '../../src/jobs/publish-scheduled.ts';
import { isoInZone } from '../../src/web/dates.ts';
import { buildImage, buildSection, buildUser } from '../helpers/factories.ts';
import {
  launchBrowser,
  viewports,
  serveForBrowser,
  signInThroughForm,
} from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

describe('the newsroom journey in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let imageId: number;

  before(async () => {
    t = await createTestApp(sqlite, { now: new Date().toISOString() });
    await buildSection(t.db, { name: 'Sécurité', slug: 'securite' });
    imageId = (await buildImage(t.db, t.dataDir)).id;
    await buildUser(t.db, { email: 'auteur@griot.test', name: 'Awa Auteure', role: 'author' });
    await buildUser(t.db, { email: 'chef@griot.test', name: 'Chef Édition', role: 'editor' });
    base = await serveForBrowser(t);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(email: string, viewport: { width: number; height: number }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signInThroughForm(page, { base, email: email, next: '/admin/articles' });
    return { context, page };
  }

  test('an author writes and submits, an editor schedules, the worker publishes, readers see it', async () => {
    const author = await signedIn('auteur@griot.test', viewports.phone);
    const a = author.page;
    await a.goto(`${base}/admin/articles/nouveau`);
    await a.fill('#a-kicker', 'PATROUILLES');
    // Issue 14, bug 1: the script cut a long title's slug mid-word at 80 characters. It now
    // shows the server's slug, cut at a word.
    const long =
      'Le gouvernement de transition du Tamaré rompt subitement sa coopération militaire avec ses voisins';
    await a.fill('#a-title', long);
    await a.waitForFunction(
      (expected) =>
        (document.querySelector('[name="slug"]') as HTMLInputElement).value === expected,
      slugify(long),
      { timeout: 10_000 },
    );
    const cut = slugify(long);
    assert.ok(
      cut.length <= 80 && slugify(long, 1000).startsWith(`${cut}-`),
      `${cut}: cut at a word`,
    );
    await a.fill('#a-title', 'Les patrouilles de nuit reprennent à Dounzé');
    await a.waitForFunction(
      () =>
        (document.querySelector('[name="slug"]') as HTMLInputElement).value ===
        'les-patrouilles-de-nuit-reprennent-a-dounze',
      undefined,
      { timeout: 10_000 },
    );
    await a.fill(
      '#a-standfirst',
      'La police annonce le retour des patrouilles nocturnes dans six quartiers.',
    );
    await a.selectOption('#a-section', { label: 'Sécurité' });
    await a.fill(
      '#a-body',
      'Les patrouilles reprennent.\n\n## Six quartiers concernés\n\nLe dispositif sera évalué.',
    );
    await a.evaluate((id) => {
      (document.querySelector('[name="imageId"]') as HTMLInputElement).value = String(id);
    }, imageId);
    await a.fill('#a-imageCredit', 'AFI');
    await a.fill('#a-imageCaption', "Image d'illustration");
    await a.fill('#a-imageAlt', 'Une rue de Dounzé la nuit');
    await Promise.all([
      a.waitForURL(/enregistre=1/),
      a.click('#article-form button[value="save"]'),
    ]);
    const widths = await a.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    assert.ok(widths[0]! <= widths[1]!, `the editor fits a phone: ${widths.join(' > ')}`);
    await Promise.all([a.waitForURL(/etat=1/), a.click('button[value="submit"]')]);
    assert.match((await a.textContent('.meta')) ?? '', /En relecture/);

    const editor = await signedIn('chef@griot.test', viewports.desktop);
    const e = editor.page;
    await e.goto(`${base}/admin/articles?etat=submitted`);
    await Promise.all([
      e.waitForURL(/\/admin\/articles\/\d+/),
      e.click('text=Les patrouilles de nuit reprennent à Dounzé'),
    ]);
    const inTwoMinutes = isoInZone(
      new Date(t.clock.now().getTime() + 2 * 60_000).toISOString(),
      'Africa/Niamey',
    ).slice(0, 16);
    await e.fill('#a-at', inTwoMinutes);
    await Promise.all([e.waitForURL(/etat=1/), e.click('button[value="schedule"]')]);
    assert.match((await e.textContent('.meta')) ?? '', /Programmé/);

    const reader = await browser.newContext({ viewport: viewports.phone });
    const r = await reader.newPage();
    await r.goto(`${base}/securite`);
    assert.doesNotMatch(
      (await r.textContent('main')) ?? '',
      /patrouilles de nuit/,
      'not before its time',
    );

    t.clock.advance(3 * 60_000);
    assert.equal(await publishScheduledJob({ db: t.db, cache: t.cache }).run(t.clock.now()), 1);

    await r.goto(base + '/');
    assert.match(
      (await r.textContent('main')) ?? '',
      /Les patrouilles de nuit reprennent à Dounzé/,
    );
    await r.goto(`${base}/securite`);
    const srcset = await r.getAttribute('.rows img', 'srcset');
    assert.match(srcset ?? '', /320w.*640w.*1024w.*1600w/);
    await Promise.all([
      r.waitForURL(/\/securite\/les-patrouilles/),
      r.click('text=Les patrouilles de nuit reprennent à Dounzé'),
    ]);
    assert.match(
      (await r.textContent('figure.photo figcaption')) ?? '',
      /Image d’illustration — Crédit photo\u00A0: AFI/,
    );
    assert.match((await r.textContent('.body h2')) ?? '', /Six quartiers concernés/);
    await author.context.close();
    await editor.context.close();
    await reader.close();
  });
});
