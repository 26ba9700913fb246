/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ArticleRow } from '../../src/articles/article.table.ts';
import type { Section } from '../../src/sections/section.table.ts';
import {
  launchBrowser,
  viewports,
  serveForBrowser,
  signInThroughForm,
} from '../helpers/browser.ts';
import {
  GOOGLE_DOCS_HTML,
  WHATSAPP_TEXT,
  WORD_HTML,
  WEB_PAGE_HTML,
} from '../helpers/clipboard-samples.ts';
import { buildArticle, buildSection, buildUser } from '../helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;
// Screenshots for a person to look at, when asked for: SCREENSHOTS=/tmp/shots npm test …
const shots = process.env.SCREENSHOTS;

/** Dispatches a real paste event, its clipboard holding these types, at the body's cursor. */
async function paste(page: Page, data: Record<string, string>) {
  const before = await page.inputValue('#a-body');
  await page.evaluate((items) => {
    const body = document.querySelector('#a-body') as HTMLTextAreaElement;
    body.focus();
    const clipboardData = new DataTransfer();
    for (const [type, value] of Object.entries(items)) clipboardData.setData(type, value);
    const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
    body.dispatchEvent(event);
  }, data);
  // The text arrives from the server: wait until the body changed.
  await page.waitForFunction(
    (old) => (document.querySelector('#a-body') as HTMLTextAreaElement).value !== old,
    before,
    { timeout: 20_000 },
  );
  return page.inputValue('#a-body');
}

/** Puts the body's cursor at its end. */
const toEnd = (page: Page) =>
  page.evaluate(() => {
    const body = document.querySelector('#a-body') as HTMLTextAreaElement;
    body.setSelectionRange(body.value.length, body.value.length);
  });

describe('pasting into the article body in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let section: Section;
  let article: ArticleRow;

  before(async () => {
    t = await createTestApp(sqlite, { now: new Date().toISOString() });
    section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
    const editor = await buildUser(t.db, {
      email: 'chef@griot.test',
      name: 'Chef Édition',
      role: 'editor',
    });
    article = await buildArticle(t.db, {
      section,
      title: 'Le lycée de Dounfa fête ses bacheliers',
      body: 'Texte provisoire.',
      status: 'draft',
      published_at: null,
      author_id: editor.id,
    });
    base = await serveForBrowser(t);
    browser = await launchBrowser();
    if (shots) mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('Google Docs, WhatsApp and Word pasted in a row keep paragraphs, subheadings, bold, italics and links on the site, nothing else', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const page = await context.newPage();
    await signInThroughForm(page, {
      base,
      email: 'chef@griot.test',
      next: `/admin/articles/${article.id}`,
    });
    // The draft's text is selected: what is pasted replaces it.
    await page.evaluate(() => (document.querySelector('#a-body') as HTMLTextAreaElement).select());

    const docs = await paste(page, {
      'text/html': GOOGLE_DOCS_HTML,
      'text/plain': 'Le lycée de Dounfa a battu son record au baccalauréat.\n\nUne équipe soudée',
    });
    assert.match(docs, /^Le lycée de Dounfa a battu son record au baccalauréat\.\n\n## Une équipe/);
    assert.doesNotMatch(docs, /Texte provisoire|style|span|docs-internal/);

    await toEnd(page);
    const whatsapp = await paste(page, { 'text/plain': WHATSAPP_TEXT });
    assert.ok(
      whatsapp.startsWith(`${docs}\n\nBonjour la rédaction, voici mon papier\n\n**Incendie`),
      'a blank line separates the pastes',
    );

    // Undo takes a paste back whole, as the browser's own paste would.
    await page.keyboard.press('Control+z');
    assert.equal(await page.inputValue('#a-body'), docs);
    await toEnd(page);
    await paste(page, { 'text/plain': WHATSAPP_TEXT });

    // Pasted into the middle of the text, before the Google Docs subheading.
    await page.evaluate(() => {
      const body = document.querySelector('#a-body') as HTMLTextAreaElement;
      const at = body.value.indexOf('## Une équipe soudée');
      body.setSelectionRange(at, at);
    });
    const word = await paste(page, { 'text/html': WORD_HTML, 'text/plain': 'Le pont' });
    assert.match(word, /baccalauréat\.\n\n## Le pont de Kalanga rouvre\n\n/);
    assert.match(word, /La maire parle d’un « soulagement »\.\n\n## Une équipe soudée/);

    await toEnd(page);
    await paste(page, { 'text/html': WEB_PAGE_HTML, 'text/plain': 'Le festival' });
    // The paste is an edit like typing: the live preview follows it.
    await page.locator('.article-preview h2', { hasText: 'Le festival de Kalanga' }).waitFor();
    if (shots) {
      await page.screenshot({ path: `${shots}/paste-editor-1280.png`, fullPage: true });
      await page.setViewportSize(viewports.phone);
      await page.screenshot({ path: `${shots}/paste-editor-360.png`, fullPage: true });
    }

    // The draft saves itself every 5 s: a save clicked while one is on its way would carry the
    // version before it (a 409). Wait until the form holds the version the last autosave made.
    const value = await page.inputValue('#a-body');
    for (const deadline = Date.now() + 20_000; ;) {
      const row = await t.db
        .selectFrom('articles')
        .select(['body', 'version'])
        .where('id', '=', article.id)
        .executeTakeFirstOrThrow();
      const version = await page.inputValue('#article-form input[name="version"]');
      if (row.body === value && version === String(row.version)) break;
      assert.ok(Date.now() < deadline, 'the draft saved itself');
      await page.waitForTimeout(100);
    }
    await Promise.all([
      page.waitForURL(/enregistre=1/),
      page.click('#article-form button[type="submit"]'),
    ]);
    await Promise.all([page.waitForURL(/etat=1/), page.click('button[value="publish"]')]);

    const reader = await browser.newContext({ viewport: viewports.phone });
    const r = await reader.newPage();
    await r.goto(`${base}/${section.slug}/${article.slug}`);
    // Playwright runs these in the page (no helper functions: tsx's names do not exist there).
    const texts = (selector: string) =>
      r.$$eval(`#texte ${selector}`, (els) =>
        els.map((el) => el.textContent!.replace(/\s+/g, ' ')),
      );
    const body = {
      tags: await r.$$eval('#texte *', (els) => [...new Set(els.map((el) => el.localName))]),
      attributes: await r.$$eval('#texte *', (els) => [
        ...new Set(els.flatMap((el) => el.getAttributeNames())),
      ]),
      paragraphs: (await texts('p')).length,
      subheadings: await texts('h2'),
      bold: await texts('strong'),
      italic: await texts('em'),
      links: await r.$$eval('#texte a', (els) =>
        els.map((a) => [a.textContent, (a as HTMLAnchorElement).href]),
      ),
      items: await texts('li'),
      text: (await r.textContent('#texte')) ?? '',
    };
    if (shots) {
      await r.screenshot({ path: `${shots}/paste-article-360.png`, fullPage: true });
      await r.setViewportSize(viewports.desktop);
      await r.screenshot({ path: `${shots}/paste-article-1280.png`, fullPage: true });
    }
    const allowed = new Set(['p', 'h2', 'strong', 'em', 'a', 'ul', 'li']);
    for (const tag of body.tags) assert.ok(allowed.has(tag) || tag.includes('-'), `<${tag}>`);
    assert.deepEqual(
      body.attributes.filter((a) => !['href', 'rel'].includes(a)),
      [],
      'no style, class or id comes through',
    );
    assert.deepEqual(body.subheadings, [
      'Le pont de Kalanga rouvre',
      'Un chantier attendu',
      'Une équipe soudée',
      'La suite à l’université',
      'Le festival de Kalanga change de date',
    ]);
    assert.deepEqual(body.bold, [
      'rouvre lundi',
      'le travail',
      'Neuf élèves sur dix',
      'Incendie au marché de Dounfa',
      'Les organisateurs',
    ]);
    assert.deepEqual(body.italic, ['mairie', 'répétiteurs', '4 heures du matin', 'enfin']);
    assert.deepEqual(body.links, [
      ['en ligne', 'https://exemple.org/kalanga/budget_2027.pdf'],
      ['la liste des résultats', 'https://exemple.org/resultats'],
      [
        'https://exemple.org/photos/marche_dounfa_2026',
        'https://exemple.org/photos/marche_dounfa_2026',
      ],
      ['le site du festival', 'https://exemple.org/festival?utm_source=copie'],
    ]);
    assert.deepEqual(body.items, [
      'deux voies pour les voitures',
      'une piste pour les vélos',
      'trois boutiques détruites',
      'une dizaine endommagées',
    ]);
    // One paragraph per paragraph of each source: 3 (Docs), 3 (Word), 6 (WhatsApp: one a line),
    // 8 (the web page: its <br>-separated lines, and a paragraph per table row).
    assert.equal(body.paragraphs, 20);
    assert.doesNotMatch(body.text, /Vérifier la date|Partager|dataLayer|display:none|AD1/);
    await context.close();
    await reader.close();
  });
});
