/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { ArticleRow } from '../../src/articles/article.table.ts';
import type { CommentRow } from '../../src/comments/comment.table.ts';
import {
  axeViolations,
  freeBase,
  launchBrowser,
  serveForBrowser,
  signInThroughForm,
  viewports,
} from '../helpers/browser.ts';
import { buildArticle, buildComment, buildSection, buildUser } from '../helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

describe('reporting a comment in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let article: ArticleRow;
  let path: string;
  let target: CommentRow;

  before(async () => {
    base = await freeBase();
    t = await createTestApp(sqlite, { now: new Date().toISOString(), config: { publicUrl: base } });
    const section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
    article = await buildArticle(t.db, { section, title: 'Le marché central rouvre ses portes' });
    path = `/societe/${article.slug}`;
    target = await buildComment(t.db, article, {
      status: 'approved',
      author_name: 'Provocateur',
      body: 'Un commentaire qui blesse les commerçants du marché.',
      moderated_at: new Date().toISOString(),
    });
    await buildUser(t.db, { email: 'modo@griot.test', name: 'Awa Modératrice', role: 'moderator' });
    await buildUser(t.db, { email: 'chef@griot.test', name: 'Chef Édition', role: 'editor' });
    await serveForBrowser(t, base);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a light-edition reader without JavaScript reports a comment from the phone', async () => {
    const reader = await browser.newContext({
      viewport: viewports.phone,
      javaScriptEnabled: false,
    });
    const page = await reader.newPage();
    await page.goto(`${base}/lite${path}`);
    const link = page.locator(`#comment-${target.id} a.comment-report`);
    assert.equal(await link.textContent(), 'Signaler');
    const box = await link.boundingBox();
    assert.ok(box && box.height >= 24, `the link is a tap target (${box?.height} px)`);
    await Promise.all([page.waitForURL(/\/signaler$/), link.click()]);
    assert.match(new URL(page.url()).pathname, /^\/lite\/commentaires\/\d+\/signaler$/);
    assert.match((await page.textContent('blockquote')) ?? '', /blesse les commerçants/);
    // The browser asks for a reason before sending (the server checks it too).
    assert.equal(await page.getAttribute('#motif', 'required'), '');
    await page.fill('#precisions', 'Insulte les commerçants.');
    await page.selectOption('#motif', 'abuse');
    await Promise.all([
      page.waitForURL(/envoye=1/),
      page.click('form[action$="/signaler"] button[type="submit"]'),
    ]);
    assert.match(new URL(page.url()).pathname, /^\/lite\//);
    assert.match((await page.textContent('[role="status"]')) ?? '', /Merci/);
    await reader.close();
  });

  test('the report form passes axe on a phone', async () => {
    const reader = await browser.newContext({ viewport: viewports.phone });
    const page = await reader.newPage();
    await page.goto(`${base}/commentaires/${target.id}/signaler`);
    assert.deepEqual(await axeViolations(page), [], 'report form accessibility');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'no sideways scrolling at 360 px');
    await reader.close();
  });

  test('a moderator finds it under « Signalés », unpublishes it, and the article no longer shows it', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const modo = await context.newPage();
    await signInThroughForm(modo, { base, email: 'modo@griot.test', next: '/admin/moderation' });
    const tab = modo.locator('.tabs a[href="/admin/moderation/signalements"]');
    assert.match((await tab.textContent()) ?? '', /Signalés\s*1/);
    assert.deepEqual(await axeViolations(modo), [], 'queue accessibility');
    await Promise.all([modo.waitForURL(/signalements$/), tab.click()]);
    const item = modo.locator(`#c-${target.id}`);
    assert.match((await item.textContent()) ?? '', /Injurieux ou insultant × 1/);
    assert.match((await item.textContent()) ?? '', /Insulte les commerçants/);
    assert.deepEqual(await axeViolations(modo), [], 'reports page accessibility');
    await Promise.all([
      modo.waitForURL(/fait=unpublished/),
      item.locator('button[value="depublier"]').click(),
    ]);
    assert.match((await modo.textContent('[role="status"]')) ?? '', /Commentaire dépublié/);
    const reader = await browser.newPage();
    await reader.goto(`${base}${path}`);
    assert.equal(await reader.locator(`#comment-${target.id}`).count(), 0);
    await reader.close();
    await context.close();
  });

  test('an editor edits the rules on a page that passes axe', async () => {
    const context = await browser.newContext({ viewport: viewports.phone });
    const page = await context.newPage();
    await signInThroughForm(page, {
      base,
      email: 'chef@griot.test',
      next: '/admin/moderation/regles',
    });
    await page.fill('#regles-bannedWords', 'ordure\narnaque*');
    await page.check('input[name="autoApproveRegulars"]');
    await Promise.all([
      page.waitForURL(/fait=1/),
      page.click('form.mod-rules button[type="submit"]'),
    ]);
    assert.equal(await page.inputValue('#regles-bannedWords'), 'ordure\narnaque*');
    assert.ok(await page.isChecked('input[name="autoApproveRegulars"]'));
    assert.deepEqual(await axeViolations(page), [], 'rules page accessibility');
    await context.close();
  });
});
