import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../src/app.ts';
import { fixedClock } from '../src/clock.ts';
import { insertComment } from '../src/comments/comment.queries.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { insertOutboxMail } from '../src/mail/outbox.queries.ts';
import { insertEdition } from '../src/newsletter/edition.queries.ts';
import { can, type Action } from '../src/users/policy.ts';
import type { Role } from '../src/users/user.table.ts';
import { buildAdvertiser, buildCampaign, buildDefaultSlots } from './helpers/ad-factories.ts';
import {
  buildArticle,
  buildImage,
  buildSection,
  buildUser,
  TEST_PASSWORD,
} from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { testConfig, testDialects, type TestApp, type TestDatabase } from './helpers/setup.ts';

/**
 * The route census (issue 11): every route the app registers, listed by Fastify itself as it is
 * registered, so a new route is covered without anyone remembering it. Every state-changing route
 * refuses a request without a CSRF token and a cross-site one; every newsroom route declares a
 * policy, sends visitors without a session to the login page and refuses, with a 403, each role
 * its policy refuses. Path params are filled with real rows, so a 403 is never a 404 in disguise.
 */

const ROLES: Role[] = ['admin', 'editor', 'author', 'moderator'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PUBLIC_URL = 'https://griot.test';

interface CensusRoute {
  method: string;
  url: string;
  policy: Action | 'signed-in' | undefined;
}

function methodsOf(route: RouteOptions): string[] {
  return ([] as string[]).concat(route.method);
}

const form = 'application/x-www-form-urlencoded';
type Headers = Record<string, string>;

/**
 * State-changing routes protected by a capability in their address instead of a CSRF token, by
 * design, with the reason. The census checks that without the capability they change nothing.
 */
const CAPABILITY_ROUTES: Record<string, string> = {
  'POST /commentaires/desabonnement':
    'one-click unsubscribe (RFC 8058): mail providers post it from elsewhere; the signed ?jeton= is its protection',
  'POST /newsletter/desabonnement/:token':
    'one-click unsubscribe from the newsletter (RFC 8058): mail clients post it from elsewhere, without cookie or token; the signed subscriber token in the path is its protection',
};

/**
 * Where the reader's comment form posts (by id, and at the article's own address): it carries no
 * token by design, since it sits in cached pages; a same-origin check and a signed stamp guard it.
 */
const COMMENT_FORM_ROUTES = ['/articles/:id/commentaires', '/:section/:slug'];

for (const dialect of testDialects()) {
  describe(`route census on ${dialect.name}`, () => {
    const routes: CensusRoute[] = [];
    let app: TestApp['app'];
    let database: TestDatabase;
    const members = {} as Record<Role, Browser>;
    let visitor: Browser;
    let fill: (url: string) => string;
    let requests = 0;

    before(async () => {
      database = await dialect.open();
      const { db } = database;
      await migrateToLatest(db);
      app = await buildApp({
        config: testConfig(database.dataDir),
        db,
        dialect: database.dialect,
        clock: fixedClock('2026-11-23T12:00:00.000Z'),
        onRoute: (route) => {
          for (const method of methodsOf(route))
            if (method !== 'HEAD')
              routes.push({
                method,
                url: route.url,
                policy: (route.config as { policy?: CensusRoute['policy'] } | undefined)?.policy,
              });
        },
      });
      await app.ready();
      const t = { app } as TestApp;

      // Real rows for every kind of id a path names.
      const section = await buildSection(db, { name: 'Politique', slug: 'politique' });
      const author = await buildUser(db, { email: 'plume@griot.test', role: 'author' });
      const colleague = await buildUser(db, { email: 'collegue@griot.test', role: 'author' });
      const draft = await buildArticle(db, {
        section,
        author_id: author.id,
        status: 'draft',
        published_at: null,
      });
      const published = await buildArticle(db, { section, author_id: author.id });
      const comment = await insertComment(db, {
        article_id: published.id,
        article_title: published.title,
        parent_id: null,
        author_name: 'Lecteur',
        author_email: 'lecteur@example.org',
        body: 'Un avis.',
        body_hash: 'census',
        status: 'pending',
        notify_replies: 0,
        ip_hash: 'x',
        created_at: '2026-11-23T11:00:00.000Z',
        moderated_at: null,
        moderated_by: null,
        reason: null,
      });
      await insertOutboxMail(db, {
        kind: 'census',
        dedupeKey: 'census:1',
        refId: null,
        to: 'lecteur@example.org',
        subject: 'Un courriel',
        text: 'Texte',
        html: '<p>Texte</p>',
        now: new Date('2026-11-23T11:00:00.000Z'),
      });
      const mail = await db.selectFrom('outbox').select('id').executeTakeFirstOrThrow();
      const media = await buildImage(db, database.dataDir, { width: 400, height: 300 });
      const [slot] = await buildDefaultSlots(db);
      const advertiser = await buildAdvertiser(db);
      const campaign = await buildCampaign(db, { advertiser_id: advertiser.id });
      const edition = await insertEdition(db, {
        kind: 'special',
        subject: 'Une lettre',
        intro: '',
        articleIds: [published.id],
        by: null,
        now: new Date('2026-11-23T11:00:00.000Z'),
      });

      // A path param's value, by the segment before it; an unknown one fails the census.
      const rowFor: Record<string, (url: string) => string | number> = {
        articles: (url) => (url.startsWith('/admin') ? draft.id : published.id),
        versions: () => 1,
        utilisateurs: () => colleague.id,
        rubriques: () => section.id,
        courriels: () => mail.id,
        medias: () => media.id,
        emplacements: () => slot!.id,
        annonceurs: () => advertiser.id,
        campagnes: () => campaign.id,
        commentaires: () => comment.id,
        rapport: () => campaign.report_key,
        compte: () => 'jeton-inconnu',
        click: () => campaign.id,
        og: () => media.id,
        editions: () => edition.id,
        // Newsletter links: a token that is not one (the capability is missing).
        confirmation: () => 'jeton-inconnu',
        desabonnement: () => 'jeton-inconnu',
        archives: () => edition.id,
        // An article's own address (`/:section/:slug`), where its comment form posts.
        '': () => section.slug,
        ':section': () => published.slug,
      };
      fill = (url) => {
        const parts = url.split('/');
        return parts
          .map((part, i) => {
            if (part === '*') return 'x';
            if (!part.startsWith(':')) return part;
            const [name, suffix = ''] = part.slice(1).split(/(?=\.)/);
            const value = rowFor[parts[i - 1] ?? '']?.(url);
            if (value === undefined) throw new Error(`no row fills :${name} in ${url}`);
            return `${value}${suffix}`;
          })
          .join('/');
      };

      let n = 0;
      for (const role of ROLES) {
        await buildUser(db, { email: `${role}@griot.test`, role });
        members[role] = new Browser(t, `192.0.2.${++n}`);
        await members[role].login(`${role}@griot.test`, TEST_PASSWORD);
      }
      visitor = new Browser(t, '198.51.100.7');
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    // A page every member may open, whose sign-out form carries a CSRF token.
    const tokenOf = async (member: Browser) =>
      hiddenValue((await member.get('/admin')).body, '_csrf');
    const loginToken = async (who: Browser) => hiddenValue((await who.get('/login')).body, '_csrf');

    const send = async (
      who: Browser | null,
      method: string,
      url: string,
      { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
    ): Promise<LightMyRequestResponse> => {
      requests++;
      const payload = new URLSearchParams(token ? { _csrf: token, x: '1' } : { x: '1' });
      return app.inject({
        method: method as 'POST',
        url,
        remoteAddress: '192.0.2.200',
        headers: {
          ...(who ? { cookie: who.cookie } : {}),
          ...(method === 'GET' ? {} : { 'content-type': form }),
          ...headers,
        },
        ...(method === 'GET' ? {} : { payload: payload.toString() }),
      });
    };

    const sameOrigin = { origin: PUBLIC_URL, 'sec-fetch-site': 'same-origin' };
    const label = (r: CensusRoute) => `${r.method} ${r.url}`;
    const newsroom = () => routes.filter((r) => r.policy !== undefined);
    const writes = () => routes.filter((r) => WRITES.has(r.method));
    const capability = (r: CensusRoute) => label(r) in CAPABILITY_ROUTES;
    // A capability route without its capability: a 4xx that is not a success in disguise.
    const refusedWithoutCapability = (res: LightMyRequestResponse) =>
      res.statusCode >= 400 && res.statusCode < 500;

    test('Fastify lists the routes, and every newsroom route declares a policy', () => {
      assert.ok(routes.length > 60, `${routes.length} routes`);
      // An exception that no longer names a route is dropped, not kept as a blank cheque.
      for (const name of Object.keys(CAPABILITY_ROUTES))
        assert.ok(
          routes.some((r) => label(r) === name),
          `${name} is not a route any more`,
        );
      const undeclared = routes.filter((r) => r.url.startsWith('/admin') && !r.policy);
      assert.deepEqual(undeclared.map(label), [], 'newsroom routes without a policy');
      assert.ok(newsroom().length > 40, `${newsroom().length} newsroom routes`);
      // A newsroom route outside /admin would escape the newsroom's reviews: keep them together.
      assert.deepEqual(
        newsroom()
          .filter((r) => !r.url.startsWith('/admin'))
          .map(label),
        [],
      );
    });

    test('every state-changing route refuses a request without a CSRF token', async () => {
      const admin = members.admin;
      const failures: string[] = [];
      for (const r of writes()) {
        const url = fill(r.url);
        // No token, and no Origin or Sec-Fetch-Site either: what a form from elsewhere sends
        // when the browser says nothing (the comment form, tokenless, refuses it as cross-site).
        const res = await send(admin, r.method, url);
        if (capability(r)) {
          if (!refusedWithoutCapability(res)) failures.push(`${label(r)}: ${res.statusCode}`);
          continue;
        }
        if (res.statusCode !== 403) failures.push(`${label(r)}: ${res.statusCode}`);
        // And with this site's own headers but still no token: only the comment form, which
        // has no token by design (cached pages), may accept it.
        const same = await send(admin, r.method, url, { headers: sameOrigin });
        if (same.statusCode !== 403 && !COMMENT_FORM_ROUTES.includes(r.url))
          failures.push(`${label(r)} (same-origin): ${same.statusCode}`);
      }
      assert.deepEqual(failures, [], 'state-changing routes without CSRF protection');
    });

    test('every state-changing route refuses a cross-site request', async () => {
      const admin = members.admin;
      // The attacker's own token (from their own visit), with the member's cookies riding along.
      const attacker = new Browser({ app } as TestApp, '203.0.113.9');
      const forged = await loginToken(attacker);
      const failures: string[] = [];
      for (const r of writes()) {
        const url = fill(r.url);
        for (const headers of [
          { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } as Headers,
          { origin: 'https://evil.example' },
          { referer: 'https://evil.example/page' },
        ]) {
          const res = await send(admin, r.method, url, { token: forged, headers });
          if (capability(r) ? !refusedWithoutCapability(res) : res.statusCode !== 403)
            failures.push(`${label(r)} ${JSON.stringify(headers)}: ${res.statusCode}`);
        }
      }
      assert.deepEqual(failures, [], 'state-changing routes that accept a cross-site request');
    });

    test('every newsroom route refuses a cross-site request even when it carries a good token', async () => {
      const admin = members.admin;
      const token = await tokenOf(admin);
      const failures: string[] = [];
      for (const r of newsroom().filter((x) => WRITES.has(x.method))) {
        const url = fill(r.url);
        for (const headers of [
          { 'sec-fetch-site': 'cross-site' } as Headers,
          { 'sec-fetch-site': 'same-site' },
          { origin: 'https://evil.example' },
        ]) {
          const res = await send(admin, r.method, url, { token, headers });
          if (res.statusCode !== 403)
            failures.push(`${label(r)} ${JSON.stringify(headers)}: ${res.statusCode}`);
        }
      }
      assert.deepEqual(failures, []);
    });

    test('every newsroom route sends a visitor without a session to the login page', async () => {
      const token = await loginToken(visitor);
      const failures: string[] = [];
      for (const r of newsroom()) {
        const url = fill(r.url);
        const res = await send(visitor, r.method, url, { token, headers: sameOrigin });
        const location = String(res.headers.location ?? '');
        if (res.statusCode !== 303 || !location.startsWith('/login?next='))
          failures.push(`${label(r)}: ${res.statusCode} ${location}`);
      }
      assert.deepEqual(failures, []);
    });

    test('every newsroom route refuses, with a 403, each role its policy refuses', async () => {
      const failures: string[] = [];
      let refusals = 0;
      for (const role of ROLES) {
        const member = members[role];
        const token = await tokenOf(member);
        for (const r of newsroom()) {
          const policy = r.policy!;
          if (policy === 'signed-in' || can({ role }, policy)) continue;
          refusals++;
          const res = await send(member, r.method, fill(r.url), { token, headers: sameOrigin });
          if (res.statusCode !== 403 || !/Accès refusé/.test(res.body))
            failures.push(`${role} ${label(r)}: ${res.statusCode}`);
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(refusals > 80, `${refusals} refusals checked`);
    });

    test('every newsroom page opens for each role its policy allows', async () => {
      const failures: string[] = [];
      for (const role of ROLES)
        for (const r of newsroom().filter((x) => x.method === 'GET')) {
          if (r.policy !== 'signed-in' && !can({ role }, r.policy!)) continue;
          const res = await send(members[role], 'GET', fill(r.url));
          if (res.statusCode !== 200 && res.statusCode !== 303)
            failures.push(`${role} ${label(r)}: ${res.statusCode}`);
        }
      assert.deepEqual(failures, []);
    });

    test('the census counts', (t) => {
      t.diagnostic(
        `${routes.length} routes, ${writes().length} state-changing, ${newsroom().length} newsroom; ${requests} requests`,
      );
    });
  });
}
