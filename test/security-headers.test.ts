import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import type { ImageVariant } from '../src/media/image-variants.ts';
import { cspHash, pageCspFor, securityHeaders } from '../src/http/security-headers.ts';
import { inlineScripts, inlineStyles } from '../src/web/inline-code.ts';
import { buildCampaign, buildDefaultSlots } from './helpers/ad-factories.ts';
import {
  buildArticle,
  buildImage,
  buildSection,
  buildUser,
  TEST_PASSWORD,
} from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** The security headers, the CSP without its inline hashes (a shared page lists its own). */
function securityOf(res: LightMyRequestResponse): Record<string, unknown> {
  return Object.fromEntries(
    SECURITY_HEADERS.map((h) => [
      h,
      h === 'content-security-policy'
        ? [...directives(res)].map(([d, v]) => [d, unhashed(v)])
        : res.headers[h],
    ]),
  );
}

const isHash = (source: string) => /^'sha256-[\w+/]+=*'$/.test(source);
const unhashed = (sources: string[]) => sources.filter((s) => !isHash(s));
const hashesOf = (res: LightMyRequestResponse, directive: string) =>
  (directives(res).get(directive) ?? []).filter(isHash);

function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** What both sides share: the CSP apart from framing, and the plain headers. */
function assertBaseline(
  res: LightMyRequestResponse,
  label: string,
  https: boolean,
  referrer = 'strict-origin-when-cross-origin',
  ownPolicy = false,
) {
  const csp = directives(res);
  const scripts = csp.get('script-src') ?? [];
  assert.equal(scripts[0], "'self'", `${label}: script-src`);
  assert.ok(scripts.slice(1).every(isHash), `${label}: script-src ${scripts.join(' ')}`);
  // A side's policy allows every inline script; a shared page's, only those it carries.
  if (!ownPolicy)
    assert.equal(
      scripts.length,
      1 + Object.keys(inlineScripts).length,
      `${label}: the inline scripts by hash`,
    );
  assert.deepEqual(csp.get('script-src-attr'), ["'none'"], `${label}: no inline handlers`);
  assert.deepEqual(csp.get('default-src'), ["'self'"], label);
  assert.deepEqual(csp.get('img-src'), ["'self'", 'data:'], label);
  assert.deepEqual(csp.get('object-src'), ["'none'"], label);
  assert.deepEqual(csp.get('base-uri'), ["'self'"], label);
  assert.deepEqual(csp.get('form-action'), ["'self'"], label);
  assert.doesNotMatch(csp.get('style-src')!.join(' '), /unsafe/, `${label}: style-src`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', label);
  assert.equal(res.headers['referrer-policy'], referrer, label);
  assert.equal(
    res.headers['strict-transport-security'],
    https ? 'max-age=31536000' : undefined,
    `${label}: HSTS`,
  );
}

function assertReader(res: LightMyRequestResponse, label: string, https = true, ownPolicy = false) {
  assertBaseline(res, label, https, undefined, ownPolicy);
  assert.deepEqual(directives(res).get('frame-ancestors'), ["'self'"], label);
  assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', label);
}

function assertPrivate(
  res: LightMyRequestResponse,
  label: string,
  { https = true, referrer }: { https?: boolean; referrer?: string } = {},
) {
  assertBaseline(res, label, https, referrer);
  assert.deepEqual(directives(res).get('frame-ancestors'), ["'none'"], label);
  assert.equal(res.headers['x-frame-options'], 'DENY', label);
  assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin', label);
}

function csrfCookie(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === '_csrf');
}

for (const dialect of testDialects()) {
  describe(`security headers on ${dialect.name}`, () => {
    let t: TestApp;
    let articleId: number;
    let articlePath: string;
    let livePath: string;
    let mediaFile: string;
    let mediaId: number;
    let reportKey: string;

    before(async () => {
      t = await createTestApp(dialect);
      const slots = await buildDefaultSlots(t.db);
      await buildUser(t.db, { email: 'chef@griot.test', name: 'Chef', role: 'editor' });
      await buildUser(t.db, { email: 'modo@griot.test', name: 'Modo', role: 'moderator' });
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      const image = await buildImage(t.db, t.dataDir);
      mediaId = image.id;
      mediaFile = (JSON.parse(image.variants) as ImageVariant[])[0]!.file;
      const article = await buildArticle(t.db, { section, image_id: image.id, slug: 'un-titre' });
      articleId = article.id;
      articlePath = `/politique/${article.slug}`;
      const live = await buildArticle(t.db, {
        section,
        slug: 'en-direct',
        live: 1,
        live_started_at: t.clock.now().toISOString(),
      });
      livePath = `/politique/${live.slug}`;
      // A sold campaign in every slot: the article is then filled for each view.
      const campaign = await buildCampaign(t.db, { slotIds: slots.map((s) => s.id) });
      reportKey = campaign.report_key;
    });
    after(() => t.close());

    test('every kind of reader response carries the reader headers, cached pages included', async () => {
      const reader = new Browser(t, '192.0.2.77');
      const first = await t.app.inject(articlePath);
      assert.equal(first.statusCode, 200);
      const home = parse((await t.app.inject('/')).body);
      const css = home.querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
      const feed = await t.app.inject('/flux/rss.xml');

      await reader.get(articlePath);
      const stamp = await reader.get('/commentaires/tampon');
      t.clock.advance(5000);
      const posted = await reader.post(`/articles/${articleId}/commentaires`, {
        stamp: stamp.body,
        name: 'Mariama',
        email: 'mariama@example.org',
        body: 'Enfin une bonne nouvelle pour les familles.',
        website: '',
      });
      assert.equal(posted.statusCode, 303, posted.body.slice(0, 300));
      const personal = await reader.get(articlePath);
      assert.match(String(personal.headers['cache-control']), /private/);

      const cached = await t.app.inject(articlePath);
      const responses: [string, LightMyRequestResponse][] = [
        ['article, first view', first],
        ['article, from the page cache', cached],
        [
          'article, 304',
          await t.app.inject({
            url: articlePath,
            headers: { 'if-none-match': String(cached.headers.etag) },
          }),
        ],
        [
          'article, gzip',
          await t.app.inject({ url: articlePath, headers: { 'accept-encoding': 'gzip' } }),
        ],
        ['article, personal (pending comment)', personal],
        ['comment form stamp', stamp],
        ['comment sent, 303', posted],
        ['light article', await t.app.inject(`/lite${articlePath}`)],
        ['light article, cached', await t.app.inject(`/lite${articlePath}`)],
        ['light home', await t.app.inject('/lite')],
        ['home', await t.app.inject('/')],
        ['section', await t.app.inject('/politique')],
        ['search', await t.app.inject('/recherche?q=titre')],
        ['advertise page', await t.app.inject('/annoncez-chez-nous')],
        ['feed', feed],
        ['feed, cached', await t.app.inject('/flux/rss.xml')],
        [
          'feed, 304',
          await t.app.inject({
            url: '/flux/rss.xml',
            headers: { 'if-none-match': String(feed.headers.etag) },
          }),
        ],
        ['sitemap', await t.app.inject('/sitemap.xml')],
        ['news sitemap', await t.app.inject('/sitemaps/news.xml')],
        ['robots.txt', await t.app.inject('/robots.txt')],
        ['404 page', await t.app.inject('/nulle-part')],
        ['light 404 page', await t.app.inject('/lite/nulle-part')],
        ['400 page', await t.app.inject(`/articles/abc/commentaires`)],
        ['bad URL encoding', await t.app.inject('/%E0%A4%A')],
        ['light, bad URL encoding', await t.app.inject('/lite/politique/%E0%A4%A')],
        ['style sheet', await t.app.inject(css)],
        ['photo', await t.app.inject(`/media/${mediaFile}`)],
        ['missing photo', await t.app.inject('/media/absent.jpg')],
        ['share image', await t.app.inject(`/og/${mediaId}.jpg`)],
        ['health check', await t.app.inject('/healthz')],
      ];
      // Shared pages send their own policy (the side's, allowing only their inline code).
      const ownPolicy = new Set([
        'article, first view',
        'article, from the page cache',
        'article, 304',
        'article, gzip',
        'article, personal (pending comment)',
        'light article',
        'light article, cached',
        'light home',
        'home',
        'section',
        'advertise page',
      ]);
      const reference = securityOf(first);
      const side = { scripts: hashesOf(feed, 'script-src'), styles: hashesOf(feed, 'style-src') };
      for (const [label, res] of responses) {
        assert.ok(res.statusCode < 500, `${label}: ${res.statusCode}`);
        const own = ownPolicy.has(label);
        assertReader(res, `${label} (${res.statusCode})`, true, own);
        const scripts = hashesOf(res, 'script-src');
        const styles = hashesOf(res, 'style-src');
        if (own) {
          assert.ok(
            scripts.every((h) => side.scripts.includes(h)),
            label,
          );
          assert.ok(
            styles.every((h) => side.styles.includes(h)),
            label,
          );
        } else {
          assert.deepEqual(scripts, side.scripts, label);
          assert.deepEqual(styles, side.styles, label);
        }
        // Public files may be shown by other sites (feed readers, shares).
        assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', label);
        assert.deepEqual(securityOf(res), reference, `${label}: the same headers as the others`);
      }
      const statuses = Object.fromEntries(responses.map(([l, r]) => [l, r.statusCode]));
      assert.equal(statuses['article, 304'], 304);
      assert.equal(statuses['feed, 304'], 304);
      assert.equal(statuses['404 page'], 404);
      assert.equal(statuses['bad URL encoding'], 400);
      assert.equal(statuses['photo'], 200);
      assert.equal(statuses['share image'], 200);
    });

    test('newsroom, sign-in, account links and advertiser reports may never be framed', async () => {
      const editor = await signIn(t, 'chef@griot.test');
      const moderator = await signIn(t, 'modo@griot.test');
      const stranger = new Browser(t, '192.0.2.99');
      const login = await stranger.get('/login');
      const responses: [string, LightMyRequestResponse][] = [
        ['dashboard, signed out (303)', await t.app.inject('/admin')],
        ['login page', login],
        [
          'wrong password',
          await stranger.post('/login', {
            _csrf: hiddenValue(login.body, '_csrf'),
            email: 'chef@griot.test',
            password: 'pas le bon',
          }),
        ],
        ['dashboard', await editor.get('/admin')],
        ['article editor', await editor.get(`/admin/articles/${articleId}`)],
        ['encoded editor path', await editor.get(`/admin/%61rticles/${articleId}`)],
        ['media list (JSON)', await editor.get('/admin/medias.json')],
        ['moderation queue', await moderator.get('/admin/moderation')],
        ['refused page (403)', await moderator.get('/admin/utilisateurs')],
        ['dead account link', await t.app.inject(`/compte/${'x'.repeat(32)}`)],
        ['advertiser report', await t.app.inject(`/annonceurs/rapport/${reportKey}`)],
      ];
      let reference: Record<string, unknown> | undefined;
      for (const [label, res] of responses) {
        assert.ok(res.statusCode < 500, `${label}: ${res.statusCode}`);
        // Pages whose URL holds a secret keep it out of any Referer: their own policy wins.
        const secret = /account link|advertiser report/.test(label);
        assertPrivate(
          res,
          `${label} (${res.statusCode})`,
          secret ? { referrer: 'no-referrer' } : {},
        );
        const headers = securityOf(res);
        if (secret) continue;
        reference ??= headers;
        assert.deepEqual(headers, reference, `${label}: the same headers as the others`);
      }
      const status = Object.fromEntries(responses.map(([l, r]) => [l, r.statusCode]));
      assert.deepEqual(
        ['dashboard', 'article editor', 'encoded editor path', 'moderation queue'].map(
          (l) => status[l],
        ),
        [200, 200, 200, 200],
      );
      assert.equal(status['refused page (403)'], 403);
    });

    test('each inline script and style sheet a page carries is allowed by its hash, and no handler', async () => {
      const editor = await signIn(t, 'chef@griot.test');
      const article = await t.app.inject(articlePath);
      const home = await t.app.inject('/');
      const notFound = await t.app.inject('/nulle-part');
      const liveArticle = await t.app.inject(livePath);
      assert.equal(liveArticle.statusCode, 200);
      // [a response, whether it is a shared page (with a policy of its own)]
      const pages: [LightMyRequestResponse, boolean][] = [
        [article, true],
        [await t.app.inject(articlePath), true],
        [await t.app.inject(`/lite${articlePath}`), true],
        [await t.app.inject(`/lite${articlePath}`), true],
        [home, true],
        [await t.app.inject('/lite'), true],
        [await t.app.inject('/politique'), true],
        [liveArticle, true],
        [notFound, false],
        [await editor.get(`/admin/articles/${articleId}`), false],
        [await editor.get('/admin'), false],
      ];
      const seen = { scripts: 0, styles: 0 };
      for (const [res, shared] of pages) {
        const csp = directives(res);
        const doc = parse(res.body);
        const carried = { scripts: new Set<string>(), styles: new Set<string>() };
        for (const script of doc.querySelectorAll('script:not([src])')) {
          const type = script.getAttribute('type');
          if (type && type !== 'text/javascript' && type !== 'module') continue; // data blocks
          assert.ok(csp.get('script-src')!.includes(cspHash(script.rawText)), script.rawText);
          carried.scripts.add(cspHash(script.rawText));
          seen.scripts++;
        }
        for (const style of doc.querySelectorAll('style')) {
          assert.ok(csp.get('style-src')!.includes(cspHash(style.rawText)), style.rawText);
          carried.styles.add(cspHash(style.rawText));
          seen.styles++;
        }
        // A shared page allows no other inline code than its own.
        if (shared) {
          assert.deepEqual(new Set(hashesOf(res, 'script-src')), carried.scripts);
          assert.deepEqual(new Set(hashesOf(res, 'style-src')), carried.styles);
        }
        for (const el of doc.querySelectorAll('*'))
          for (const name of Object.keys(el.attributes))
            assert.doesNotMatch(name, /^on/i, `${el.tagName} ${name}`);
        assert.doesNotMatch(res.body, /javascript:/i);
      }
      // The article (share link copy, comment draft) twice, the light edition's style sheet.
      assert.ok(seen.scripts >= 4, `${seen.scripts} inline scripts`);
      assert.ok(seen.styles >= 1, `${seen.styles} inline style sheets`);
      // A live page whose coverage goes on: its two style sheets, which other pages do not allow.
      for (const sheet of [inlineStyles.live, inlineStyles.liveOn]) {
        assert.ok(hashesOf(liveArticle, 'style-src').includes(cspHash(sheet)));
        assert.ok(!hashesOf(article, 'style-src').includes(cspHash(sheet)));
      }
      // The home page runs no inline script, so it allows none; the article, its two.
      assert.deepEqual(directives(home).get('script-src'), ["'self'"]);
      assert.deepEqual(
        new Set(hashesOf(article, 'script-src')),
        new Set([cspHash(inlineScripts.shareCopy), cspHash(inlineScripts.commentDraft)]),
      );
      assert.ok(
        String(article.headers['content-security-policy']).length <
          String(notFound.headers['content-security-policy']).length * 0.75,
        "a shared page's policy is much shorter than the side's",
      );
    });

    test('under an https PUBLIC_URL the CSRF cookie is Secure, like the session cookie', async () => {
      const page = await t.app.inject('/login');
      const csrf = csrfCookie(page)!;
      assert.equal(csrf.secure, true);
      assert.equal(csrf.httpOnly, true);
      const signedIn = await t.app.inject({
        method: 'POST',
        url: '/login',
        remoteAddress: '192.0.2.50',
        headers: {
          cookie: `_csrf=${csrf.value}`,
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://griot.test',
        },
        payload: new URLSearchParams({
          _csrf: hiddenValue(page.body, '_csrf'),
          email: 'chef@griot.test',
          password: TEST_PASSWORD,
        }).toString(),
      });
      assert.equal(signedIn.statusCode, 303);
      assert.equal(signedIn.cookies.find((c) => c.name === 'griot_session')?.secure, true);
    });
  });

  describe(`security headers of an http site on ${dialect.name}`, () => {
    let t: TestApp;
    let articlePath: string;

    before(async () => {
      t = await createTestApp(dialect, {
        config: { publicUrl: 'http://griot.test', trustProxy: true },
      });
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      articlePath = `/politique/${(await buildArticle(t.db, { section })).slug}`;
    });
    after(() => t.close());

    test('no HSTS and no Secure CSRF cookie over plain http', async () => {
      // (A shared page: its own policy.)
      assertReader(await t.app.inject(articlePath), 'article', false, true);
      assertReader(await t.app.inject(articlePath), 'cached article', false, true);
      const login = await t.app.inject('/login');
      assertPrivate(login, 'login', { https: false });
      assert.equal(csrfCookie(login)?.secure, undefined);
    });

    test('a request that reached the proxy over https still gets a Secure CSRF cookie', async () => {
      const res = await t.app.inject({ url: '/login', headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(csrfCookie(res)?.secure, true);
    });
  });

  describe(`error pages' security headers on ${dialect.name}`, () => {
    test('a 500 page carries the headers of its side', async () => {
      const t = await createTestApp(dialect);
      try {
        await t.db.destroy();
        const reader = await t.app.inject('/');
        assert.equal(reader.statusCode, 500);
        assertReader(reader, 'reader 500');
        const login = await t.app.inject('/login');
        assert.equal(login.statusCode, 500);
        assertPrivate(login, 'login 500');
      } finally {
        await t.app.close();
        await t.database.close();
      }
    });
  });
}

describe("a shared page's Content-Security-Policy", () => {
  const config = { publicUrl: 'https://griot.test', mediaPublicUrl: 'https://media.griot.test/m' };
  const sheet = 'body{color:#123}';

  test("is the side's, as helmet writes it, for a page carrying every inline text", async () => {
    const side = (await securityHeaders(config, [sheet])).reader.find(
      ([name]) => name === 'content-security-policy',
    )![1];
    const every = [...Object.values(inlineScripts), ...Object.values(inlineStyles), sheet];
    assert.equal(pageCspFor(config, [sheet])(`<p>${every.join('</p><p>')}</p>`), side);
  });

  test('allows only the inline texts the page carries, and none for a page without', () => {
    const csp = pageCspFor(config, [sheet]);
    const none = csp('<p>Rien en ligne</p>');
    assert.match(none, /;script-src 'self';/);
    assert.match(none, /;style-src 'self';/);
    const one = csp(`<style>${sheet}</style><script>${inlineScripts.photoOnTap}</script>`);
    assert.ok(one.includes(`;script-src 'self' ${cspHash(inlineScripts.photoOnTap)};`), one);
    assert.ok(one.includes(`;style-src 'self' ${cspHash(sheet)};`), one);
    // The same texts carried, the same header.
    assert.equal(csp(`<style>${sheet}</style><script>${inlineScripts.photoOnTap}</script>!`), one);
  });
});
