/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { classifierJob } from '../../src/moderation/classifier/classifier-job.ts';
import { generateCorpus } from '../../src/seed/comment-corpus.ts';
import { insertCommentHistory } from '../../src/seed/demo-moderation.ts';
import { buildArticle, buildComment, buildSection, buildUser } from '../helpers/factories.ts';
import {
  axeViolations,
  freeBase,
  launchBrowser,
  serveForBrowser,
  signInThroughForm,
  viewports,
} from '../helpers/browser.ts';
import { createTestApp, testDialects, type TestApp } from '../helpers/setup.ts';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

describe('the classifier in the moderation queue, in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const spamBodies = [
    'Gagnez 50 000 FCFA par semaine depuis chez vous ! Inscription gratuite sur https://gains-rapides.biz',
    'Prêt rapide sans garantie entre particuliers, réponse en 24 h : www.pret-express.top',
  ];
  const good =
    'Merci pour cet article. Le prix du riz a encore augmenté de 40 francs au marché de Zinder, comment font les familles ?';

  before(async () => {
    base = await freeBase();
    t = await createTestApp(sqlite, { now: new Date().toISOString(), config: { publicUrl: base } });
    const section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
    const article = await buildArticle(t.db, { section, title: 'Le prix du riz au marché' });
    const modo = await buildUser(t.db, {
      email: 'modo@griot.test',
      name: 'Awa Modo',
      role: 'moderator',
    });
    const now = t.clock.now().getTime();
    await insertCommentHistory(
      t.db,
      generateCorpus({ seed: 21, count: 900 }).map((comment, i) => ({
        comment,
        createdAt: new Date(now - (900 - i) * 600_000 - 1_800_000),
        decided: {
          status: comment.unwanted ? 'rejected' : 'approved',
          at: new Date(now - (900 - i) * 600_000),
          by: modo,
        },
        article: { id: article.id, title: article.title },
      })),
    );
    await classifierJob({ db: t.db }).run(t.clock.now());
    const at = new Date(now - 60_000).toISOString();
    for (const body of [...spamBodies, good])
      await buildComment(t.db, article, { body, created_at: at });
    await serveForBrowser(t, base);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(viewport: { width: number; height: number }): Promise<Page> {
    const page = await (await browser.newContext({ viewport })).newPage();
    await signInThroughForm(page, { base, email: 'modo@griot.test', next: '/admin/moderation' });
    return page;
  }

  test('on a phone and a desktop the scored queue and the desk’s page fit and pass axe', async () => {
    for (const viewport of [viewports.phone, viewports.desktop]) {
      const page = await signedIn(viewport);
      for (const path of ['/admin/moderation?tri=indesirable', '/admin/moderation/statistiques']) {
        await page.goto(base + path);
        assert.deepEqual(await axeViolations(page), [], `${path} at ${viewport.width}px`);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        assert.ok(overflow <= 0, `${path} overflows by ${overflow}px at ${viewport.width}px`);
      }
      await page.context().close();
    }
  });

  test('sorted most unwanted first, ticking the 90 % band and « Spam » refuses the spam and keeps the good comment', async () => {
    const page = await signedIn(viewports.desktop);
    await page.goto(`${base}/admin/moderation?tri=indesirable`);
    const first = await page
      .locator('.mod-item')
      .first()
      .locator('.mod-score strong')
      .textContent();
    assert.equal(first, 'Probablement indésirable');
    assert.match(
      (await page.locator('.mod-item').last().locator('.mod-score').textContent()) ?? '',
      /Probablement acceptable/,
    );
    await page.check('input[name="bande"][value="unwanted"]');
    await Promise.all([page.waitForURL(/fait=2/), page.click('.mod-bulk button[value="spam"]')]);
    const left = await page.locator('.mod-item .comment-body').allTextContents();
    assert.deepEqual(
      // French typography puts a narrow no-break space before « ? »: compare the words.
      left.map((s) => s.replace(/\s+/g, ' ').trim()),
      [good],
    );
    const spam = await t.db
      .selectFrom('comments')
      .select('body')
      .where('status', '=', 'spam')
      .execute();
    assert.deepEqual(spam.map((s) => s.body).sort(), [...spamBodies].sort());
    await page.context().close();
  });
});
