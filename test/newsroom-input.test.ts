import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { ArticleRow } from '../src/articles/article.table.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection, buildUser } from './helpers/factories.ts';
import { hiddenValue, type Browser } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

/**
 * Hostile paths and bodies in the newsroom (issue 11, items 5 and 6): the role a route declares
 * holds whatever way its path is spelt, and input that does not fit a route's schema is a 404
 * (a path) or a 400 (a body) page in French, never a 500 and never the page it guards.
 */

const DRAFT_TITLE = 'Brouillon confidentiel de la rédaction';

// Every way of writing an article route's path that a URL-prefix check could miss.
function spellings(rest: string): string[] {
  return [
    `/admin/articles${rest}`,
    `/admin/%61rticles${rest}`,
    `/admin/%2561rticles${rest}`,
    `/admin/art%69cles${rest}`,
    `/%61dmin/articles${rest}`,
    `/admin//articles${rest}`,
    `//admin/articles${rest}`,
    `/ADMIN/articles${rest}`,
    `/admin/ARTICLES${rest}`,
    `/admin/articles${rest}/`,
    `/admin%2Farticles${rest}`,
    `/admin%2farticles${rest}`,
    `/admin/./articles${rest}`,
    `/admin/x/../articles${rest}`,
    `/lite/admin/%61rticles${rest}`,
    `/admin/articles${rest}?x=1`,
    `/admin/articles${rest};x`,
  ];
}

const refused = (res: LightMyRequestResponse, what: string) => {
  assert.ok([403, 404].includes(res.statusCode), `${what}: ${res.statusCode}`);
  assert.doesNotMatch(res.body, new RegExp(DRAFT_TITLE), `${what} shows the draft`);
};

const multipart = (boundary: string, parts: string[]): string =>
  parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('') + `--${boundary}--\r\n`;
const textPart = (name: string, value: string) =>
  `Content-Disposition: form-data; name="${name}"\r\n\r\n${value}`;

for (const dialect of testDialects()) {
  describe(`newsroom input on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let draft: ArticleRow;
    let modo: Browser;
    let admin: Browser;
    let jpeg: Buffer;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      const author = await buildUser(t.db, { email: 'auteur@griot.test', role: 'author' });
      await buildUser(t.db, { email: 'modo@griot.test', role: 'moderator' });
      await buildUser(t.db, { email: 'admin@griot.test', role: 'admin' });
      draft = await buildArticle(t.db, {
        section,
        title: DRAFT_TITLE,
        author_id: author.id,
        status: 'draft',
        published_at: null,
      });
      modo = await signIn(t, 'modo@griot.test');
      admin = await signIn(t, 'admin@griot.test');
      jpeg = await sharp({
        create: { width: 64, height: 48, channels: 3, background: { r: 9, g: 9, b: 9 } },
      })
        .jpeg()
        .toBuffer();
    });
    after(() => t.close());

    const csrf = async (member: Browser) => hiddenValue((await member.get('/admin')).body, '_csrf');

    test('a moderator gets no article page however its path is spelt', async () => {
      const rests = [
        '',
        '/nouveau',
        `/${draft.id}`,
        `/${draft.id}/versions`,
        `/${draft.id}/versions/comparer?de=1&a=1`,
      ];
      let tried = 0;
      for (const rest of rests)
        for (const url of spellings(rest)) {
          refused(await modo.get(url), `GET ${url}`);
          tried++;
        }
      // HEAD routes are made from the GET ones, and take their policy.
      for (const rest of rests) {
        const head = await t.app.inject({
          method: 'HEAD',
          url: `/admin/articles${rest}`,
          headers: { cookie: modo.cookie },
        });
        assert.equal(head.statusCode, 403, `HEAD /admin/articles${rest}`);
      }
      assert.ok(tried >= 80, `${tried} requests`);
    });

    test('a moderator changes no article however the path of a form is spelt', async () => {
      const token = await csrf(modo);
      const fields = {
        _csrf: token,
        version: String(draft.version),
        title: 'Réécrit par la modération',
        sectionId: String(section.id),
        body: 'Texte',
        transition: 'submit',
      };
      for (const rest of ['', `/${draft.id}`, `/${draft.id}/etat`, `/${draft.id}/brouillon`])
        for (const url of spellings(rest)) refused(await modo.post(url, fields), `POST ${url}`);
      const row = await t.db
        .selectFrom('articles')
        .select(['title', 'version'])
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.title, DRAFT_TITLE);
      assert.equal(row.version, draft.version);
      const count = await t.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 1);
    });

    test('a malformed id in a newsroom path is a French 404 page, never a 500', async () => {
      const bases = [
        '/admin/articles',
        '/admin/articles/{}/versions',
        '/admin/utilisateurs',
        '/admin/rubriques',
        '/admin/courriels',
        '/admin/medias',
        '/admin/publicite/emplacements',
        '/admin/publicite/annonceurs',
        '/admin/publicite/campagnes',
        '/admin/publicite/campagnes/{}/rapport',
      ];
      const ids = ['abc', '0', '-1', '1.5', '1e3', '%20%31', '99999999999', '0x10', '٣'];
      for (const base of bases)
        for (const id of ids) {
          const url = base.includes('{}') ? base.replace('{}', id) : `${base}/${id}`;
          const res = await admin.get(url);
          assert.equal(res.statusCode, 404, `GET ${url}: ${res.statusCode}`);
          assert.match(res.body, /Page introuvable|introuvable/i, url);
        }
    });

    test('a malformed form body is a French 400 page, never a 500', async () => {
      const token = await csrf(admin);
      const cases: [string, Record<string, string | string[]>][] = [
        ['/admin/articles', { title: ['un', 'deux'] }],
        [`/admin/articles/${draft.id}`, { sectionId: 'abc', title: 'x' }],
        [`/admin/articles/${draft.id}/etat`, { transition: 'teleport' }],
        ['/admin/moderation/decider', { decision: 'approve:abc:pending' }],
        ['/admin/moderation/decider', { bulk: 'approve', ids: ['1:pending', 'x:y'] }],
        ['/admin/moderation/decider', { decision: 'approve:1:pending', 'note-1': ['a', 'b'] }],
        ['/admin/rubriques', { name: ['a', 'b'] }],
        ['/admin/utilisateurs', { email: ['a@b.c', 'd@e.f'], name: 'x', role: 'author' }],
        ['/admin/publicite/annonceurs', { name: ['a', 'b'] }],
      ];
      for (const [url, fields] of cases) {
        const res = await admin.post(url, { _csrf: token, ...fields });
        assert.equal(
          res.statusCode,
          400,
          `POST ${url} ${JSON.stringify(fields)}: ${res.statusCode}`,
        );
        assert.match(res.body, /Demande invalide/, url);
      }
      // JSON bodies of every shape but the form's, with the token in a header.
      const wrongField: Record<string, string> = {
        '/admin/rubriques': '{"name":5}',
        [`/admin/articles/${draft.id}`]: '{"title":{"a":1}}',
        '/admin/moderation/decider': '{"decision":["approve:1:pending"]}',
      };
      for (const [url, field] of Object.entries(wrongField))
        for (const payload of ['[1,2,3]', 'null', '5', '"texte"', field]) {
          const res = await t.app.inject({
            method: 'POST',
            url,
            headers: {
              cookie: admin.cookie,
              'content-type': 'application/json',
              'x-csrf-token': token,
            },
            payload,
          });
          assert.equal(res.statusCode, 400, `POST ${url} ${payload}: ${res.statusCode}`);
        }
    });

    test('a malformed multipart body to the media library or the settings is a 400 or 413 page', async () => {
      const token = await csrf(admin);
      const b = 'griotBoundary42';
      const type = `multipart/form-data; boundary=${b}`;
      const filePart = (name: string, bytes: Buffer) =>
        `Content-Disposition: form-data; name="${name}"; filename="x.jpg"\r\nContent-Type: image/jpeg\r\n\r\n${bytes.toString('latin1')}`;
      const form = (parts: string[]) => Buffer.from(multipart(b, parts), 'latin1');
      // Each route's own fields, well formed, to which each case adds its fault.
      const routes = [
        { url: '/admin/medias', file: 'file', text: 'credit', fields: [textPart('_csrf', token)] },
        {
          url: '/admin/reglages',
          file: 'logoFile',
          text: 'siteName',
          fields: [
            textPart('_csrf', token),
            textPart('siteName', 'Griot'),
            textPart('locale', 'fr'),
            textPart('timeZone', 'Africa/Niamey'),
          ],
        },
      ];
      for (const route of routes) {
        const cases: { what: string; type: string; payload: string | Buffer; status: number[] }[] =
          [
            { what: 'no boundary', type: 'multipart/form-data', payload: 'abc', status: [400] },
            {
              what: 'a truncated body',
              type,
              payload: form([...route.fields, filePart(route.file, jpeg)]).subarray(0, 200),
              status: [400],
            },
            { what: 'a body without its boundary', type, payload: 'nothing here', status: [400] },
            { what: 'a wrong content type', type: 'text/plain', payload: 'x=1', status: [400] },
            // Fastify's own answer to a type no parser reads: 415, on the same French page.
            {
              what: 'an unknown content type',
              type: 'application/x-griot',
              payload: 'x',
              status: [415],
            },
            {
              what: 'a text field repeated',
              type,
              payload: form([
                ...route.fields,
                textPart(route.text, 'a'),
                textPart(route.text, 'b'),
              ]),
              status: [400],
            },
            {
              what: 'a file where a text field goes',
              type,
              payload: form([...route.fields, filePart(route.text, jpeg)]),
              status: [400],
            },
            {
              what: 'two files',
              type,
              payload: form([
                ...route.fields,
                filePart(route.file, jpeg),
                filePart(route.file, jpeg),
              ]),
              status: [400, 413],
            },
            {
              what: 'a file too large',
              type,
              payload: form([
                ...route.fields,
                filePart(route.file, Buffer.alloc(16 * 1024 * 1024, 1)),
              ]),
              status: [413],
            },
          ];
        for (const c of cases) {
          const res = await t.app.inject({
            method: 'POST',
            url: route.url,
            // The token in a header too, so a body that cannot carry it reaches its parsing.
            headers: { cookie: admin.cookie, 'content-type': c.type, 'x-csrf-token': token },
            payload: c.payload,
          });
          assert.ok(
            c.status.includes(res.statusCode),
            `POST ${route.url} with ${c.what}: ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
          assert.match(res.body, /<html lang="fr"/, `${route.url} ${c.what}`);
        }
      }
      // The site is still as it was, and still answers.
      const settings = await admin.get('/admin/reglages');
      assert.equal(settings.statusCode, 200);
      assert.equal(hiddenValue(settings.body, 'siteName') || 'Griot', 'Griot');
    });
  });
}
