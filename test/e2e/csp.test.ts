/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { buildUser } from '../helpers/factories.ts';
import { PHONE_UA, signInThroughForm, viewports } from '../helpers/browser.ts';
import { latestArticlePath, startDemoSite, type DemoSite } from '../helpers/demo-site.ts';

declare global {
  interface Window {
    reportViolation(text: string): void;
  }
}

/**
 * A browser context that records every Content-Security-Policy violation (the page's own
 * `securitypolicyviolation` events, reported through a DevTools binding the CSP cannot block),
 * every console error and every uncaught script error, on every page it opens.
 */
async function watchedContext(
  site: DemoSite,
  options: Parameters<DemoSite['browser']['newContext']>[0],
) {
  const context = await site.browser.newContext(options);
  const problems: string[] = [];
  await context.exposeBinding('reportViolation', (_source, text: string) => problems.push(text));
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.reportViolation(
          `CSP ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI}`,
        ),
      true,
    );
  });
  context.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  context.on('weberror', (e) => problems.push(`script error: ${e.error().message}`));
  return { context, problems };
}

/** Opens a page and checks it came with the policy under test. */
async function visit(page: Page, url: string): Promise<void> {
  const res = await page.goto(url);
  assert.ok(res && res.status() < 400, `${url}: ${res?.status()}`);
  assert.match((await res.allHeaders())['content-security-policy'] ?? '', /script-src 'self'/);
}

async function signIn(context: BrowserContext, base: string, email: string, next: string) {
  const page = await context.newPage();
  await signInThroughForm(page, { base, email, next });
  return page;
}

describe('the Content-Security-Policy in Chromium', () => {
  let site: DemoSite;
  let base: string;
  let articlePath: string;
  let articleId: number;

  before(async () => {
    site = await startDemoSite();
    base = site.base;
    articlePath = await latestArticlePath(site.t.db, { withPhoto: true });
    const slug = articlePath.split('/').pop()!;
    articleId = (
      await site.t.db
        .selectFrom('articles')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).id;
    await buildUser(site.t.db, { email: 'chef@griot.test', name: 'Chef', role: 'editor' });
    await buildUser(site.t.db, { email: 'modo@griot.test', name: 'Modo', role: 'moderator' });
  });
  after(() => site?.close());

  test('the watcher sees a violation when there is one', async () => {
    const { context, problems } = await watchedContext(site, { viewport: viewports.desktop });
    const page = await context.newPage();
    await visit(page, `${base}/`);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "1"';
      document.body.append(script);
      return document.body.dataset.injected === '1';
    });
    assert.equal(ran, false, 'an injected inline script does not run');
    await page.waitForFunction(() => true);
    assert.ok(
      problems.some((p) => p.startsWith('CSP script-src-elem blocked inline')),
      problems.join('\n'),
    );
    await context.close();
  });

  test('reader pages: home, article with its share copy and comment form, light edition', async () => {
    const { context, problems } = await watchedContext(site, {
      viewport: viewports.phone,
      userAgent: PHONE_UA,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    await visit(page, `${base}/`);
    await visit(page, `${base}/${articlePath.split('/')[1]}`);

    await visit(page, base + articlePath);
    // A blocked inline script shows here at once, rather than as a feature that never answers.
    assert.deepEqual(problems, [], 'article page');
    // « Copier le lien »: the inline script copies the link when the box opens.
    await page.click('.share-copy summary');
    const output = page.locator('.share-copy output');
    await page.waitForFunction(
      () => document.querySelector('.share-copy output')?.textContent !== '',
      null,
      { timeout: 5000 },
    );
    assert.equal(await output.textContent(), await output.getAttribute('data-done'));
    assert.match(
      await page.evaluate(() => navigator.clipboard.readText()),
      new RegExp(`${articlePath}$`),
    );

    // The comment form: the inline draft script keeps the text, the form is sent.
    await page.fill('#comment-name', 'Aminata Diallo');
    await page.fill('#comment-email', 'aminata@example.org');
    await page.fill('#comment-body', 'Merci pour cet article très clair.');
    const draft = await page.evaluate(
      (id) => localStorage.getItem(`griot-draft:${id}`),
      String(articleId),
    );
    assert.match(draft ?? '', /Merci pour cet article/, 'the draft script ran');
    // The same script fetched the form's stamp when the reader started (connect-src allows it).
    await page.waitForSelector('#comment-form input[name="stamp"]', { state: 'attached' });
    site.t.clock.advance(5000);
    await Promise.all([
      page.waitForURL(/commentaire=envoye/),
      page.click('#comment-form button[type="submit"]'),
    ]);
    assert.ok(await page.isVisible('.comment-thanks'));

    await visit(page, `${base}/lite${articlePath}`);
    // The light edition's inline style sheet applies (allowed by its hash).
    const maxWidth = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
    assert.equal(maxWidth, '672px');
    await visit(page, `${base}/lite`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the newsroom: dashboard, article editor with toolbar and preview, moderation queue', async () => {
    const editor = await watchedContext(site, { viewport: viewports.desktop });
    const page = await signIn(
      editor.context,
      base,
      'chef@griot.test',
      `/admin/articles/${articleId}`,
    );
    const body = page.locator('#a-body');
    await body.fill('Premier paragraphe.');
    await body.press('Control+End');
    await body.press('Enter');
    await body.press('Enter');
    await page.click('.md-toolbar button[data-md="h2"]');
    await body.pressSequentially('Intertitre');
    await page.locator('.article-preview h2', { hasText: 'Intertitre' }).waitFor();
    await page.click('.picker-open');
    await page.locator('.picker-results button').first().waitFor();
    await visit(page, `${base}/admin`);
    await visit(page, `${base}/admin/articles`);
    assert.deepEqual(editor.problems, []);
    await editor.context.close();

    const moderator = await watchedContext(site, { viewport: viewports.desktop });
    const queue = await signIn(moderator.context, base, 'modo@griot.test', '/admin/moderation');
    assert.ok(await queue.locator('.mod-list').isVisible());
    await queue.keyboard.press('?');
    assert.ok(await queue.isVisible('#shortcuts'), 'the queue’s script runs');
    await queue.keyboard.press('Escape');
    assert.deepEqual(moderator.problems, []);
    await moderator.context.close();
  });
});
