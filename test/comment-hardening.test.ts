import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { FORM_STAMP_TTL_MS } from '../src/comments/comment.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { Browser, formStamp, hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let n = 0;
const nextIp = () => `198.19.${Math.floor(++n / 250)}.${(n % 250) + 1}`;

for (const dialect of testDialects()) {
  describe(`comment submission under abuse on ${dialect.name}`, () => {
    let t: TestApp;
    let article: ArticleRow;
    let path: string;

    before(async () => {
      t = await createTestApp(dialect);
      await buildSection(t.db, { name: 'Société', slug: 'societe' });
    });
    after(() => t.close());
    beforeEach(async () => {
      const section = await t.db
        .selectFrom('sections')
        .selectAll()
        .where('slug', '=', 'societe')
        .executeTakeFirstOrThrow();
      article = await buildArticle(t.db, { section, title: `Le marché de Kalanga ${++n}` });
      path = `/societe/${article.slug}`;
    });

    /** A stamp as the form's script fetches it when a reader starts writing on the article. */
    async function servedStamp(): Promise<string> {
      const reader = new Browser(t, nextIp());
      await reader.get(path);
      const stamp = await formStamp(reader);
      assert.ok(stamp);
      return stamp;
    }

    function post(reader: Browser, fields: Record<string, string | string[]>) {
      return reader.post(`/articles/${article.id}/commentaires`, {
        name: 'Mariama',
        email: `lectrice${++n}@example.org`,
        body: 'Un texte ordinaire.',
        website: '',
        ...fields,
      });
    }

    async function storedCount(): Promise<number> {
      const rows = await t.db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', article.id)
        .execute();
      return rows.length;
    }

    async function burst(fields: (i: number) => { ip: string; email: string }) {
      const stamp = await servedStamp();
      t.clock.advance(5000);
      const bodies = Array.from({ length: 30 }, (_, i) => `Message numéro ${i} de la rafale.`);
      const responses = await Promise.all(
        bodies.map((body, i) => {
          const { ip, email } = fields(i);
          return post(new Browser(t, ip), { stamp, email, body });
        }),
      );
      const accepted = responses.filter((r) => r.statusCode === 303).length;
      const refused = responses.filter((r) => r.statusCode === 429);
      assert.equal(accepted, 1, responses.map((r) => r.statusCode).join(','));
      assert.equal(refused.length, 29);
      for (const res of refused) {
        assert.match(res.body, /Patientez quelques secondes/);
        const typed = parse(res.body).querySelector('#comment-body')?.text ?? '';
        assert.ok(bodies.includes(typed), `text kept: ${typed}`);
        assert.equal(res.headers['retry-after'], '15');
      }
      const keptTexts = refused.map((r) => parse(r.body).querySelector('#comment-body')?.text);
      assert.equal(new Set(keptTexts).size, 29, 'each refused reader gets their own text back');
      assert.equal(await storedCount(), 1);
    }

    test('30 parallel posts with one email from 30 addresses: exactly one is accepted', async () => {
      const email = `rafale${++n}@example.org`;
      await burst(() => ({ ip: nextIp(), email }));
    });

    test('30 parallel posts from one client with 30 emails: exactly one is accepted', async () => {
      const ip = nextIp();
      await burst((i) => ({ ip, email: `lecteur${i}-${++n}@example.org` }));
    });

    test('after the flood window the same reader may post again', async () => {
      const reader = new Browser(t, nextIp());
      const email = `patient${++n}@example.org`;
      const stamp = await servedStamp();
      t.clock.advance(5000);
      assert.equal((await post(reader, { stamp, email, body: 'Premier.' })).statusCode, 303);
      t.clock.advance(16_000);
      assert.equal(
        (await post(reader, { stamp, email, body: 'Second, plus tard.' })).statusCode,
        303,
      );
    });

    test('a form stamp expires after its lifetime, in French, with every field kept', async () => {
      const stamp = await servedStamp();
      t.clock.advance(FORM_STAMP_TTL_MS - 60_000);
      const reader = new Browser(t, nextIp());
      assert.equal(
        (await post(reader, { stamp, body: 'Encore dans les temps.' })).statusCode,
        303,
        'a stamp inside its lifetime is accepted',
      );

      t.clock.advance(61_000);
      const late = new Browser(t, nextIp());
      const text = 'Écrit il y a longtemps,\nsur deux lignes.';
      const res = await post(late, {
        stamp,
        name: 'Ousmane Tardif',
        email: 'tard@example.org',
        body: text,
        notify: '1',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Ce formulaire a expiré/);
      assert.match(res.body, /votre texte est conservé/);
      const doc = parse(res.body);
      assert.equal(doc.querySelector('#comment-body')?.text, text);
      assert.equal(doc.querySelector('#comment-name')?.getAttribute('value'), 'Ousmane Tardif');
      assert.equal(doc.querySelector('#comment-email')?.getAttribute('value'), 'tard@example.org');
      assert.ok(doc.querySelector('input[name="notify"]')?.hasAttribute('checked'));
      assert.equal(await storedCount(), 1);

      // The page that comes back carries a fresh stamp: sending again works.
      t.clock.advance(5000);
      const again = await post(late, {
        stamp: hiddenValue(res.body, 'stamp'),
        email: 'tard@example.org',
        body: text,
      });
      assert.equal(again.statusCode, 303);
    });

    test('one stamp replayed from 20 addresses hours later is refused every time', async () => {
      const stamp = await servedStamp();
      t.clock.advance(FORM_STAMP_TTL_MS + 23_000);
      for (let i = 0; i < 20; i++) {
        const res = await post(new Browser(t, nextIp()), { stamp, body: `Rejeu ${i}.` });
        assert.equal(res.statusCode, 422);
      }
      assert.equal(await storedCount(), 0);
    });

    test('an overlong comment comes back whole, with the length error', async () => {
      const stamp = await servedStamp();
      t.clock.advance(5000);
      const text = `${'Un très long texte. '.repeat(2250)}FIN`; // 45,003 characters
      const res = await post(new Browser(t, nextIp()), { stamp, body: `${text}\n` });
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      assert.match(doc.querySelector('#erreur-body')?.text ?? '', /il en compte 45\u202F003/);
      assert.match(res.body, /votre texte est conservé/);
      const kept = doc.querySelector('#comment-body')?.text ?? '';
      assert.equal(kept.length, 45_004);
      assert.equal(kept, `${text}\n`);
      assert.equal(await storedCount(), 0);
    });

    test('malformed ids in comment addresses are 404 pages, not errors', async () => {
      const reader = new Browser(t, nextIp());
      const stamp = await servedStamp();
      for (const id of ['abc', '0', '-1', '1.5', '99999999999', '%00']) {
        const bad = await reader.post(`/articles/${id}/commentaires`, { stamp, name: 'Mariama' });
        assert.equal(bad.statusCode, 404, `POST /articles/${id}/commentaires`);
        assert.match(bad.headers['content-type'] as string, /text\/html/);
        assert.match(bad.body, /Page introuvable/);
        const page = await reader.get(`/commentaires/${id}`);
        assert.equal(page.statusCode, 404, `GET /commentaires/${id}`);
        assert.match(page.headers['content-type'] as string, /text\/html/);
      }
    });

    test('repeated or absurd fields are a French 400 page, never a 500', async () => {
      const reader = new Browser(t, nextIp());
      const stamp = await servedStamp();
      t.clock.advance(5000);
      const cases: Record<string, string | string[]>[] = [
        { name: ['Mariama', 'Awa'] },
        { body: ['un', 'deux'] },
        { email: ['a@example.org', 'b@example.org'] },
        { stamp: [stamp, stamp] },
        { website: ['', 'x'] },
        { notify: ['1', '1'] },
        { parent: 'abc' },
        { parent: '0' },
        { parent: '99999999999' },
        { parent: ['1', '2'] },
      ];
      for (const fields of cases) {
        const res = await post(reader, { stamp, ...fields });
        assert.equal(res.statusCode, 400, JSON.stringify(fields));
        assert.match(res.body, /Demande invalide/);
      }
      const comment = await reader.get('/commentaires/1?jeton=a&jeton=b');
      assert.equal(comment.statusCode, 400);
      for (const method of ['GET', 'POST'] as const) {
        const res = await t.app.inject({
          method,
          url: '/commentaires/desabonnement?jeton=a&jeton=b',
        });
        assert.equal(res.statusCode, 400, method);
        assert.match(res.body, /Demande invalide/);
      }
      // A JSON body is not a form a reader sends; it must not crash the route either.
      const json = await t.app.inject({
        method: 'POST',
        url: `/articles/${article.id}/commentaires`,
        headers: { 'content-type': 'application/json', origin: 'https://griot.test' },
        payload: JSON.stringify({ name: { $gt: '' }, body: 42 }),
      });
      assert.equal(json.statusCode, 400);
      assert.equal(await storedCount(), 0);
    });
  });
}
