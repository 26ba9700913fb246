import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { Browser, formStamp, hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let ipCounter = 0;
const nextIp = () => `198.18.1.${++ipCounter}`;

for (const dialect of testDialects()) {
  describe(`comments from the light edition on ${dialect.name}`, () => {
    let t: TestApp;
    let article: ArticleRow;
    const path = '/politique/un-debat';

    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      article = await buildArticle(t.db, { section, slug: 'un-debat' });
    });
    after(() => t.close());

    /** Loads a page like a reader, waits like a person, and sends its comment form where it says. */
    async function comment(reader: Browser, pageUrl: string, fields: Record<string, string>) {
      const page = await reader.get(pageUrl);
      const action = parse(page.body).querySelector('form#comment-form')?.getAttribute('action');
      assert.ok(action, `${pageUrl}: a comment form`);
      // What the form's script does when the reader starts writing (see comment-stamp.test.ts).
      const stamp = await formStamp(reader);
      t.clock.advance(5000);
      return reader.post(action.split('#')[0]!, {
        stamp,
        name: 'Mariama',
        email: `mariama${ipCounter}@example.org`,
        body: 'Un commentaire envoyé depuis l’édition légère.',
        website: '',
        ...fields,
      });
    }

    function assertLight(body: string, what: string) {
      const doc = parse(body);
      assert.equal(doc.querySelectorAll('link[rel="stylesheet"]').length, 0, `${what}: stylesheet`);
      for (const el of doc.querySelectorAll('a[href^="/"], form[action^="/"]')) {
        const url = el.getAttribute('href') ?? el.getAttribute('action')!;
        assert.ok(
          url.startsWith('/lite') || /^\/(media|flux)\//.test(url) || url.includes('complet=1'),
          `${what}: ${url} leaves the light edition`,
        );
      }
      return doc;
    }

    test('a comment sent from a light article lands back on the light article, thanked and shown pending', async () => {
      const reader = new Browser(t, nextIp());
      const res = await comment(reader, `/lite${path}`, {});
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/lite${path}?commentaire=envoye#votre-commentaire`);

      const back = await reader.get(String(res.headers.location).split('#')[0]!);
      assert.equal(back.statusCode, 200);
      const doc = assertLight(back.body, 'after sending');
      assert.match(doc.querySelector('.comment-thanks')?.text ?? '', /Merci/);
      assert.match(
        doc.querySelector('#votre-commentaire')?.text ?? '',
        /Un commentaire envoyé depuis l’édition légère\./,
      );
      // The private link, filled per reader into the cached light page, stays light too.
      const link = doc.querySelector('.comment-private a')?.getAttribute('href') ?? '';
      assert.match(link, /^\/lite\/commentaires\/\d+\?jeton=/);
      const own = await reader.get(link);
      assert.equal(own.statusCode, 200);
      assert.match(own.body, /en attente de modération/);
    });

    test('a form error on a light article comes back in the light edition with the text kept', async () => {
      const reader = new Browser(t, nextIp());
      const res = await comment(reader, `/lite${path}`, {
        email: 'pas-une-adresse',
        body: 'Mon texte, que je ne veux pas perdre.',
      });
      assert.equal(res.statusCode, 422);
      const doc = assertLight(res.body, 'the form error');
      assert.match(doc.querySelector('#erreur-email')?.text ?? '', /adresse e-mail valide/);
      assert.equal(
        doc.querySelector('#comment-body')?.text,
        'Mon texte, que je ne veux pas perdre.',
      );
      assert.equal(doc.querySelector('form#comment-form')?.getAttribute('action'), `/lite${path}`);

      // Sent again, corrected, from the error page: still the light edition.
      t.clock.advance(5000);
      const again = await reader.post(`/lite/articles/${article.id}/commentaires`, {
        stamp: hiddenValue(res.body, 'stamp'),
        name: 'Mariama',
        email: 'mariama@example.org',
        body: 'Mon texte, que je ne veux pas perdre.',
        website: '',
      });
      assert.equal(again.statusCode, 303);
      assert.equal(again.headers.location, `/lite${path}?commentaire=envoye#votre-commentaire`);
    });

    test('a comment sent from the full edition stays in the full edition', async () => {
      const reader = new Browser(t, nextIp());
      const res = await comment(reader, path, { body: 'Et celui-ci depuis l’édition complète.' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${path}?commentaire=envoye#votre-commentaire`);
      const error = await comment(reader, path, { body: '' });
      assert.equal(error.statusCode, 422);
      assert.match(error.body, /<header class="masthead">/, "the full edition's shell");
    });
  });
}
