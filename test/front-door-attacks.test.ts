import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { commentsKey } from '../src/comments/comment-keys.ts';
import { buildCampaign, buildDefaultSlots } from './helpers/ad-factories.ts';
import { PHONE_UA, serveForBrowser } from './helpers/browser.ts';
import { buildArticle, buildComment, buildSection } from './helpers/factories.ts';
import { bodyText, httpRequest, pageHeaders, type RawResponse } from './helpers/net.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

/**
 * The front door (src/http/front-door.ts) attacked as the route census, the fuzz and the XSS
 * suites attack the routes: those use app.inject, which never reaches it. Every reader page a
 * crawl of the site finds is checked (a new kind of page is covered once something links to it),
 * under other spellings of its address, a burst of parallel requests while the content changes,
 * and slow, broken and hostile clients.
 */

const READER = { 'user-agent': PHONE_UA, 'accept-encoding': 'br, gzip' };
const MAX_PAGES = 150;
// A GET's body that reads as a request: answered as one, it would mean a desynchronised parser.
const SMUGGLED = 'GET /connexion HTTP/1.1\r\nX: y';

// The path goes out as written: another spelling of an address stays that spelling.
const get = (base: string, path: string, headers: Record<string, string> = {}, agent?: Agent) =>
  httpRequest(base, { path, headers: { ...READER, ...headers }, agent });

/** The same-origin paths a page links to (no media, no assets, no fragments). */
function linksOf(html: string): string[] {
  const paths = new Set<string>();
  for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
    const path = href!.replace(/&amp;/g, '&').replace(/#.*$/, '');
    if (!path.startsWith('/') || path.startsWith('//')) continue;
    if (/^\/(media|assets|admin|redaction)\b/.test(path)) continue;
    paths.add(path);
  }
  return [...paths];
}

/** A raw HTTP/1.1 exchange on one socket: sends `chunks` (with `gapMs` between), reads to close. */
function rawExchange(
  port: number,
  chunks: (string | Buffer)[],
  { gapMs = 0, endAfter = false }: { gapMs?: number; endAfter?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (c: Buffer) => received.push(c));
    socket.on('error', reject);
    // Read as bytes, so that Content-Length counts what it says.
    socket.on('close', () => resolve(Buffer.concat(received).toString('latin1')));
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer in 10 s')));
    void (async () => {
      for (const chunk of chunks) {
        socket.write(chunk);
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      }
      if (endAfter) socket.end();
    })();
  });
}

/** Splits what a socket received into responses: status and body length (Content-Length). */
function responsesIn(raw: string): { status: number; length: number }[] {
  const out: { status: number; length: number }[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const head = rest.slice(0, end);
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
    out.push({ status: Number(head.slice(9, 12)), length });
    rest = rest.slice(end + 4 + length);
  }
  return out;
}

for (const dialect of testDialects()) {
  describe(`the front door under attack on ${dialect.name}`, () => {
    let t: TestApp;
    let base: string;
    let port: number;
    let articles: ArticleRow[];
    // Every page the crawl found that the front door then served, with the route's response.
    const served = new Map<string, RawResponse>();

    before(async () => {
      // The change log is trusted for a minute: the front door serves only within that.
      t = await createTestApp(dialect, { config: { cacheVersionTtlMs: 60_000 } });
      const securite = await buildSection(t.db, { slug: 'securite', name: 'Sécurité' });
      const politique = await buildSection(t.db, { slug: 'politique', name: 'Politique' });
      articles = [];
      for (let i = 0; i < 6; i++) {
        const article = await buildArticle(t.db, {
          section: i % 2 ? politique : securite,
          title: `Article numéro ${i} de la journée <b>&amp; « guillemets »</b>`,
          kicker: 'TENSION',
        });
        articles.push(article);
        for (let c = 0; c < 3; c++) await buildComment(t.db, article, { status: 'approved' });
      }
      // A section with a second page, at `?page=2`: an address with a query the front door
      // serves (see sendCachedPage's `query`).
      // (Their addresses start with article-, as the burst's count of views expects.)
      for (let i = 0; i < 20; i++)
        await buildArticle(t.db, { section: securite, title: `Article de la rubrique ${i}` });
      // One campaign in every slot: the same creative on every view, so pages compare.
      const slots = await buildDefaultSlots(t.db);
      await buildCampaign(t.db, {
        slotIds: slots.map((s) => s.id),
        ends_at: '2027-01-01T00:00:00.000Z',
      });
      await bumpContentVersion(t.db);
      base = await serveForBrowser(t);
      port = Number(new URL(base).port);
    });
    after(() => t.close());

    test('every page a crawl finds is served again as its route served it', async (context) => {
      const queue = ['/'];
      const seen = new Set(queue);
      let fetched = 0;
      while (queue.length && fetched < MAX_PAGES) {
        const path = queue.shift()!;
        fetched++;
        const first = await get(base, path);
        if (first.status !== 200) continue;
        const type = String(first.headers['content-type']);
        if (type.startsWith('text/html'))
          for (const link of linksOf(bodyText(first)))
            if (!seen.has(link)) {
              seen.add(link);
              queue.push(link);
            }
        const before = t.app.frontDoor.served();
        const again = await get(base, path);
        // (Pages with a query, private pages and feeds are the routes' own.)
        if (t.app.frontDoor.served() === before) continue;
        served.set(path, first);
        assert.equal(again.status, 200, path);
        assert.deepEqual(pageHeaders(again.headers), pageHeaders(first.headers), path);
        assert.ok(again.body.equals(first.body), `${path}: the same bytes`);
        assert.notEqual(again.headers['x-request-id'], first.headers['x-request-id']);
        // Shared: nothing personal, nothing that sets state in the reader's browser.
        assert.equal(again.headers['set-cookie'], undefined, path);
        assert.match(String(again.headers['cache-control']), /public/, path);
      }
      const kinds = [...served.keys()];
      // The crawl reached each kind of cached reader page, and the front door served it.
      assert.ok(kinds.includes('/'), 'the home page');
      assert.ok(kinds.includes('/securite'), 'a section page');
      assert.ok(kinds.includes('/securite?page=2'), "a section's second page");
      assert.ok(
        kinds.some((p) => /^\/securite\/article-/.test(p)),
        `an article: ${kinds.join(' ')}`,
      );
      assert.ok(
        kinds.some((p) => p.startsWith('/lite/')),
        'a light-edition page',
      );
      assert.ok(served.size >= 10, `${served.size} pages served by the front door`);
      context.diagnostic(`${fetched} pages read, ${served.size} served again at the front door`);
    });

    test('other spellings of a served address go to the routes, and are answered the same way twice', async () => {
      assert.ok(served.size > 0, 'the crawl ran first');
      for (const path of served.keys()) {
        const letter = path.search(/[a-z]/);
        const spellings = [
          path.slice(0, letter) +
            `%${path.charCodeAt(letter).toString(16)}` +
            path.slice(letter + 1),
          `${path}%09`,
          `${path}%20`,
          `${path}%0A`,
          path.endsWith('/') ? path.slice(0, -1) || '/x' : `${path}/`,
          `/${path}`,
          path.toUpperCase(),
          `${path}/.`,
          `/.${path}`,
          `${path};jsessionid=1`,
          `${path}?`,
          path.replace(/\//g, '%2F'),
          `${path}%00`,
          `${path}%`,
        ];
        // (A spelling that is itself an address the crawl found is that address.)
        for (const spelling of spellings.filter((s) => !served.has(s))) {
          const before = t.app.frontDoor.served();
          const real = await get(base, spelling).catch((e: Error) => {
            throw new Error(`${spelling}: ${e.message}`);
          });
          assert.equal(t.app.frontDoor.served(), before, `${spelling} never served as ${path}`);
          // The route's answer: a page, a redirect or a refusal, never a failure.
          assert.ok([200, 301, 308, 400, 404].includes(real.status), `${spelling}: ${real.status}`);
          // Asked again (perhaps at the front door now, if the route served it shared), the same.
          const again = await get(base, spelling);
          assert.equal(again.status, real.status, spelling);
          assert.deepEqual(pageHeaders(again.headers), pageHeaders(real.headers), spelling);
          if (real.status === 200) assert.ok(again.body.equals(real.body), spelling);
        }
      }
    });

    test('a burst of parallel requests while comments are approved: whole pages, every view counted', async () => {
      const paths = [...served.keys()];
      const articlePaths = paths.filter((p) => /\/article-/.test(p));
      assert.ok(articlePaths.length > 0);
      await t.views.flush();
      const viewsBefore = await countViews(t);
      const agent = new Agent({ keepAlive: true, maxSockets: 40 });
      const comments = await Promise.all(
        articles.map((a) => buildComment(t.db, a, { status: 'pending' })),
      );
      const asked: Promise<{ path: string; response: RawResponse; etag: string | undefined }>[] =
        [];
      const encodings = ['br, gzip', 'gzip', 'identity', 'br'];
      let approved = 0;
      for (let i = 0; i < 600; i++) {
        const path = paths[(i * 7) % paths.length]!;
        const etag = i % 5 === 0 ? served.get(path)!.headers.etag : undefined;
        const headers: Record<string, string> = { 'accept-encoding': encodings[i % 4]! };
        if (etag) headers['if-none-match'] = etag;
        asked.push(get(base, path, headers, agent).then((response) => ({ path, response, etag })));
        // Every 100 requests a comment is approved and this instance reads the log.
        if (i % 100 === 50 && approved < comments.length) {
          const comment = comments[approved++]!;
          await t.db
            .updateTable('comments')
            .set({ status: 'approved' })
            .where('id', '=', comment.id)
            .execute();
          await bumpContentVersion(t.db, [commentsKey(comment.article_id!)]);
          t.clock.advance(61_000);
        }
      }
      const answers = await Promise.all(asked);
      agent.destroy();
      let views = 0;
      for (const { path, response, etag } of answers) {
        if (articlePaths.includes(path)) views++;
        assert.ok(
          response.status === 200 || response.status === 304,
          `${path}: ${response.status}`,
        );
        assert.equal(response.headers['set-cookie'], undefined);
        if (response.status === 304) {
          assert.equal(response.headers.etag, etag);
          assert.equal(response.body.length, 0);
          continue;
        }
        assert.equal(Number(response.headers['content-length']), response.body.length, path);
        const html = bodyText(response);
        if (String(response.headers['content-type']).startsWith('text/html'))
          assert.match(html, /<\/html>\s*$/, `${path}: a whole page`);
        // Never a reader's address, never a raw tag from a title.
        assert.doesNotMatch(html, /lecteur\d+@example\.org/);
        assert.doesNotMatch(html, /<b>&amp;/);
      }
      // The approved comments show once the log is read.
      t.clock.advance(61_000);
      const last = comments[approved - 1]!;
      const page = articles.find((a) => a.id === last.article_id)!;
      const path = articlePaths.find((p) => p.endsWith(page.slug));
      assert.ok(path, `the crawl found ${page.slug}`);
      assert.match(bodyText(await get(base, path)), new RegExp(last.author_name));
      await t.views.flush();
      assert.equal(await countViews(t), viewsBefore + views + 1);
    });

    test('slow, pipelined and broken clients: each answered or cut, the others served', async () => {
      const path = [...served.keys()].find((p) => /\/article-/.test(p))!;
      const request = (extra = '') =>
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: identity\r\n${extra}\r\n`;
      const length = Number(
        (await get(base, path, { 'accept-encoding': 'identity' })).headers['content-length'],
      );

      // Headers dribbled a few bytes at a time: answered once whole.
      const whole = request('Connection: close\r\n');
      const dribbled = whole.match(/[^]{1,7}/g)!;
      const slow = rawExchange(port, dribbled, { gapMs: 5 });
      // Three requests in one write, then a GET with a body, on one socket: answered in order,
      // the body not taken for a request.
      const pipelined = rawExchange(port, [
        request() +
          request() +
          request(`Content-Length: ${SMUGGLED.length}\r\n`) +
          SMUGGLED +
          request('Connection: close\r\n'),
      ]);
      // A client that never reads what it asked for (a hundred pages).
      const stalled = net.connect(port, '127.0.0.1');
      stalled.on('error', () => {});
      stalled.pause();
      stalled.write(request().repeat(100));
      // Clients that leave as soon as they have asked, or halfway through their request.
      const leaving = Array.from(
        { length: 50 },
        (_, i) =>
          new Promise<void>((resolve) => {
            const s = net.connect(port, '127.0.0.1', () => {
              s.end(i % 2 ? request() : request().slice(0, 20 + i));
              s.destroy();
              resolve();
            });
            s.on('error', () => resolve());
          }),
      );
      // Garbage, a truncated request line, a header too large to read.
      const garbage = rawExchange(port, [Buffer.from([0, 1, 2, 0xff, 13, 10, 13, 10])]);
      const truncated = rawExchange(port, ['GET /securite HTT'], { endAfter: true });
      const huge = rawExchange(port, [request(`X-Filler: ${'a'.repeat(20_000)}\r\n`)]);

      // Meanwhile, readers are served.
      for (let i = 0; i < 20; i++) assert.equal((await get(base, path)).status, 200);

      const slowAnswer = responsesIn(await slow);
      assert.deepEqual(slowAnswer, [{ status: 200, length }]);
      const answers = responsesIn(await pipelined);
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200, 200],
      );
      assert.deepEqual(
        answers.map((a) => a.length),
        [length, length, length, length],
      );
      await Promise.all(leaving);
      // Refused requests are answered in both languages and the connection closed.
      assert.match(await garbage, /^HTTP\/1\.1 400 [^]*Connection: close[^]*Requ\S+te invalide/);
      assert.match(await truncated, /^(HTTP\/1\.1 400 [^]*Connection: close|$)/);
      assert.match(await huge, /^HTTP\/1\.1 431 [^]*Connection: close[^]*En-t\S+tes/);
      stalled.destroy();
      assert.equal((await get(base, path)).status, 200);
    });
  });
}

async function countViews(t: TestApp): Promise<number> {
  const rows = await t.db.selectFrom('article_views').select('views').execute();
  return rows.reduce((sum, r) => sum + Number(r.views), 0);
}
