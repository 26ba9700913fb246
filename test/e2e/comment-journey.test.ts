/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { commentMailStillWanted } from '../../src/comments/comment-mails.tsx';
import { FLOOD_WINDOW_MS } from '../../src/comments/comment.ts';
import { createSmtpMailer } from '../../src/mail/mailer.ts';
import { sendOutboxJob } from '../../src/mail/send-outbox.ts';
import type { ArticleRow } from '../../src/articles/article.table.ts';
import { buildArticle, buildImage, buildSection, buildUser } from '../helpers/factories.ts';
import {
  axeViolations,
  freeBase,
  launchBrowser,
  serveForBrowser,
  signInThroughForm,
  viewports,
} from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';
import { startSmtpServer } from '../helpers/smtp.ts';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

describe('the comment journey in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let article: ArticleRow;
  let path: string;

  before(async () => {
    base = await freeBase();
    smtp = await startSmtpServer();
    t = await createTestApp(sqlite, {
      now: new Date().toISOString(),
      config: { publicUrl: base, smtpUrl: smtp.url },
    });
    const section = await buildSection(t.db, { name: 'Sécurité', slug: 'securite' });
    const image = await buildImage(t.db, t.dataDir);
    article = await buildArticle(t.db, {
      section,
      title: 'Les patrouilles reprennent sur le fleuve Oualé',
      image_id: image.id,
    });
    path = `/securite/${article.slug}`;
    await buildUser(t.db, { email: 'modo@griot.test', name: 'Awa Modératrice', role: 'moderator' });
    await serveForBrowser(t, base);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.close();
  });

  test('a reader comments, a moderator approves by keyboard, the reader is emailed a working link', async () => {
    const reader = await browser.newContext({ viewport: viewports.phone });
    const page = await reader.newPage();
    const stampRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/commentaires/tampon')) stampRequests.push(r.url());
    });
    await page.goto(base + path);
    assert.match((await page.textContent('#reagir-titre')) ?? '', /Réagissez à l’article/);
    assert.deepEqual(await axeViolations(page), [], 'article page accessibility');

    await page.fill('#comment-name', 'Aminata Diallo');
    await page.fill('#comment-email', 'aminata@example.org');
    await page.fill(
      '#comment-body',
      'Bonne nouvelle pour les piroguiers.\nEspérons que cela dure.',
    );
    await page.check('input[name="notify"]');
    // The form's script fetched its stamp when the reader started writing, once.
    await page.waitForSelector('#comment-form input[name="stamp"]', { state: 'attached' });
    assert.equal(stampRequests.length, 1, stampRequests.join(', '));
    t.clock.advance(5000); // the time a person takes to write
    await Promise.all([
      page.waitForURL(/commentaire=envoye/),
      page.click('#comment-form button[type="submit"]'),
    ]);
    assert.match((await page.textContent('.comment-thanks')) ?? '', /bien été pris en compte/);
    assert.match(
      (await page.textContent('.comment-pending .badge')) ?? '',
      /en attente de modération/,
    );
    assert.ok(await page.isVisible('.comment-private a'));
    assert.equal(smtp.received.length, 0, 'no email before approval');

    const newsroom = await browser.newContext({ viewport: viewports.desktop });
    const modo = await newsroom.newPage();
    await signInThroughForm(modo, { base, email: 'modo@griot.test', next: '/admin/moderation' });
    assert.match((await modo.textContent('.mod-list')) ?? '', /Bonne nouvelle pour les piroguiers/);
    assert.deepEqual(await axeViolations(modo), [], 'queue accessibility');
    await modo.keyboard.press('?');
    assert.ok(await modo.isVisible('#shortcuts'));
    await modo.keyboard.press('Escape');
    await modo.focus('.mod-item');
    await Promise.all([modo.waitForURL(/fait=1/), modo.keyboard.press('a')]);
    assert.match((await modo.textContent('.notice')) ?? '', /1 commentaire modéré/);

    const stranger = await browser.newContext({ viewport: viewports.desktop });
    const other = await stranger.newPage();
    await other.goto(base + path);
    assert.match((await other.textContent('.thread')) ?? '', /Bonne nouvelle pour les piroguiers/);
    assert.equal(await other.locator('.comment-pending').count(), 0);

    const job = sendOutboxJob({
      db: t.db,
      dialect: t.dialect,
      mailer: createSmtpMailer({ smtpUrl: smtp.url, from: 'redaction@griot.test' }),
      log: t.app.log,
      stillWanted: commentMailStillWanted(t.db),
    });
    assert.equal(await job.run(t.clock.now()), 1);
    assert.equal(await job.run(t.clock.now()), 0, 'sent once');
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!;
    assert.deepEqual(mail.to, ['aminata@example.org']);
    const decoded = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = new RegExp(`${base}/commentaires/\\d+`).exec(decoded)?.[0];
    assert.ok(link, 'the mail links to the comment');

    await page.goto(link);
    const id = /\/commentaires\/(\d+)/.exec(link)![1];
    assert.equal(new URL(page.url()).hash, `#comment-${id}`);
    assert.match((await page.textContent(`#comment-${id}`)) ?? '', /Espérons que cela dure/);
    const shown = await page.evaluate((sel) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    }, `#comment-${id}`);
    assert.ok(shown, 'the page opens at the comment');
    await reader.close();
    await newsroom.close();
    await stranger.close();
  });
  test('without JavaScript, a light-edition reader confirms once and the comment goes', async () => {
    const reader = await browser.newContext({
      viewport: viewports.phone,
      javaScriptEnabled: false,
    });
    const page = await reader.newPage();
    // Every browser here comes from 127.0.0.1: past the flood window of the comment before.
    t.clock.advance(FLOOD_WINDOW_MS);
    await page.goto(`${base}/lite${path}`);
    await page.fill('#comment-name', 'Boubacar Sans Script');
    await page.fill('#comment-email', 'boubacar@example.org');
    const text = 'Lu sur un vieux téléphone.\nMerci pour la version légère.';
    await page.fill('#comment-body', text);
    await page.check('input[name="notify"]');
    t.clock.advance(5000);
    const [confirm] = await Promise.all([
      page.waitForNavigation(),
      page.click('#comment-form button[type="submit"]'),
    ]);
    assert.equal(confirm?.status(), 422);
    assert.match((await page.textContent('#reagir .alert')) ?? '', /Vérification anti-robot/);
    // The page given back has the article's address, not the form's endpoint, and focus is on
    // what went wrong.
    assert.equal(new URL(page.url()).pathname, `/lite${path}`);
    assert.ok(
      await page.evaluate(() => document.activeElement?.matches('#reagir .alert') ?? false),
      'focus moves to the error summary',
    );
    assert.equal(await page.inputValue('#comment-name'), 'Boubacar Sans Script');
    assert.equal(await page.inputValue('#comment-email'), 'boubacar@example.org');
    assert.equal(await page.inputValue('#comment-body'), text);
    assert.ok(await page.isChecked('input[name="notify"]'));
    assert.equal(
      await page.locator('#comment-form input[name="stamp"]').count(),
      1,
      'the page given back carries a stamp',
    );

    t.clock.advance(5000); // reading it over
    await Promise.all([
      page.waitForURL(/commentaire=envoye/),
      page.click('#comment-form button[type="submit"]'),
    ]);
    assert.match((await page.textContent('.comment-thanks')) ?? '', /bien été pris en compte/);
    const row = await t.db
      .selectFrom('comments')
      .selectAll()
      .where('author_email', '=', 'boubacar@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(row.body, text);
    assert.equal(row.status, 'pending');
    await reader.close();
  });

  test('a refused comment comes back at the article’s address with focus on the error', async () => {
    const reader = await browser.newContext({ viewport: viewports.phone });
    const page = await reader.newPage();
    await page.goto(base + path);
    await page.fill('#comment-name', 'Awa');
    await page.fill('#comment-email', 'awa@localhost');
    await page.fill('#comment-body', 'Un avis que je ne veux pas perdre.');
    await page.waitForSelector('#comment-form input[name="stamp"]', { state: 'attached' });
    t.clock.advance(FLOOD_WINDOW_MS + 5000);
    const [back] = await Promise.all([
      page.waitForNavigation(),
      page.click('#comment-form button[type="submit"]'),
    ]);
    assert.equal(back?.status(), 422);
    assert.equal(new URL(page.url()).pathname, path);
    assert.ok(
      await page.evaluate(() => document.activeElement?.matches('#reagir .alert') ?? false),
      'focus moves to the error summary',
    );
    assert.equal(await page.inputValue('#comment-body'), 'Un avis que je ne veux pas perdre.');
    // Reloading the address shows the article, not an error page.
    const reloaded = await browser.newPage();
    const res = await reloaded.goto(page.url());
    assert.equal(res?.status(), 200);
    await reloaded.close();
    await reader.close();
  });

  test('the queue shows only what works: no select-all or shortcuts without JavaScript, and shortcuts can be turned off', async () => {
    const comment = await t.db
      .insertInto('comments')
      .values({
        article_id: article.id,
        article_title: article.title,
        parent_id: null,
        author_name: 'Lecteur patient',
        author_email: 'patient@example.org',
        body: 'Un commentaire qui attend son tour.',
        body_hash: 'patient',
        status: 'pending',
        notify_replies: 0,
        ip_hash: 'x',
        created_at: new Date().toISOString(),
        moderated_at: null,
        moderated_by: null,
        reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const login = (page: Page) =>
      signInThroughForm(page, { base, email: 'modo@griot.test', next: '/admin/moderation' });

    const plain = await browser.newContext({
      viewport: viewports.desktop,
      javaScriptEnabled: false,
    });
    const noJs = await plain.newPage();
    await login(noJs);
    assert.ok(
      (await noJs.isVisible(`#c-${comment.id}`)) || (await noJs.locator('.mod-item').count()) > 0,
    );
    assert.equal(await noJs.isVisible('#select-all'), false, 'no select-all without JavaScript');
    assert.equal(await noJs.isVisible('#shortcuts-hint'), false, 'no shortcut hint');
    assert.equal(await noJs.isVisible('#shortcuts-switch'), false, 'no shortcut switch');
    await plain.close();

    const newsroom = await browser.newContext({ viewport: viewports.desktop });
    const modo = await newsroom.newPage();
    await login(modo);
    assert.ok(await modo.isVisible('#select-all'));
    assert.ok(await modo.isVisible('#shortcuts-hint'));
    // Outside the queue (the filter's button), a key is not a decision.
    const waiting = await modo.locator('.mod-item').count();
    await modo.focus('.mod-filter button');
    await modo.keyboard.press('a');
    assert.equal(await modo.locator('.mod-item').count(), waiting, 'nothing was approved');
    assert.doesNotMatch(modo.url(), /fait=/);
    // Outside the queue (the navigation), keys do nothing either.
    await modo.focus('nav a');
    await modo.keyboard.press('?');
    assert.equal(await modo.isVisible('#shortcuts'), false, 'shortcuts act only in the queue');
    // Turned off, they stay off on the next visit.
    await modo.uncheck('#shortcuts-switch input');
    assert.equal(await modo.isVisible('#shortcuts-hint'), false);
    await modo.reload();
    assert.equal(await modo.isChecked('#shortcuts-switch input'), false);
    await modo.focus('.mod-item');
    await modo.keyboard.press('a');
    await modo.keyboard.press('?');
    assert.equal(await modo.isVisible('#shortcuts'), false);
    const still = await t.db
      .selectFrom('comments')
      .select('status')
      .where('id', '=', comment.id)
      .executeTakeFirstOrThrow();
    assert.equal(still.status, 'pending', 'no key decided anything');
    // On again, they work.
    await modo.check('#shortcuts-switch input');
    await modo.focus('.mod-item');
    await modo.keyboard.press('?');
    assert.ok(await modo.isVisible('#shortcuts'));
    await newsroom.close();
  });
});
