import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { randomInt } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { insertComment } from '../src/comments/comment.queries.ts';
import { insertAccountLink } from '../src/users/user.queries.ts';
import { authorKey } from '../src/authors/author.ts';
import { sessionIdFromToken } from '../src/users/session.ts';
import { buildCampaign, buildDefaultSlots } from './helpers/ad-factories.ts';
import { buildArticle, buildImage, buildSection, buildUser } from './helpers/factories.ts';
import {
  createFuzzer,
  FORM_FIELDS,
  QUERY_KEYS,
  type FuzzPools,
  type FuzzRequest,
  type FuzzRoute,
} from './helpers/fuzz-requests.ts';
import { hiddenValue } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { seeded } from './helpers/random.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// Bounded for CI: FUZZ_COUNT scales a run (PostgreSQL gets a third), FUZZ_SEED replays one.
const COUNT = Number(process.env.FUZZ_COUNT) || 3000;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : randomInt(2 ** 31);
const ANSWER_DEADLINE_MS = 10_000;
const HEAP_GROWTH_LIMIT = 64 * 1024 * 1024;

interface Failure {
  index: number;
  request: FuzzRequest;
  /** The route that answered, as Fastify matched it (an encoded path may match another one). */
  route: string;
  status: number | 'no answer' | 'threw';
  error: { kind: string; detail: string };
}

for (const dialect of testDialects()) {
  describe(`fuzzed requests on ${dialect.name}`, () => {
    let t: TestApp;
    let routes: FuzzRoute[];
    let pools: FuzzPools;
    // The query keys and form fields each route's schemas declare, by URL pattern.
    const declared = new Map<string, { query: Set<string>; body: Set<string> }>();
    // The error behind the current request's 5xx and the route that met it, seen by an onError
    // hook (requests run one by one).
    const seen = new Map<'last', { error: unknown; route: string }>();

    /** Sends a request, counts its status, and records it among the failures if it failed. */
    const check = async (
      request: FuzzRequest,
      index: number,
      statuses: Map<number, number>,
      failures: Failure[],
    ): Promise<void> => {
      seen.clear();
      const outcome = await send(t.app, request);
      const caught = seen.get('last');
      if (typeof outcome === 'number') statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      if (typeof outcome === 'number' && outcome < 500) return;
      failures.push({
        index,
        request,
        // (As the onError hook names it: the method, then the URL pattern.)
        route: caught?.route ?? `${request.method} ${request.route.split(' ').at(-1)} (generated)`,
        status: typeof outcome === 'number' ? outcome : outcome.kind,
        error: describeError(typeof outcome === 'number' ? caught?.error : outcome.error),
      });
    };

    before(async () => {
      const found = new Map<string, Set<string>>();
      // Routes are enumerated from Fastify itself, so a new route is fuzzed without anyone listing it.
      const onInit = (message: unknown) => {
        const { fastify } = message as { fastify: FastifyInstance };
        fastify.addHook('onRoute', (route: RouteOptions) => {
          const methods = found.get(route.url) ?? new Set();
          for (const m of [route.method].flat()) methods.add(m);
          found.set(route.url, methods);
          const fields = declared.get(route.url) ?? { query: new Set(), body: new Set() };
          for (const key of schemaKeys(route.schema?.querystring)) fields.query.add(key);
          for (const key of schemaKeys(route.schema?.body)) fields.body.add(key);
          declared.set(route.url, fields);
        });
        fastify.addHook('onError', async (request, _reply, error) => {
          seen.set('last', {
            error,
            route: `${request.method} ${request.routeOptions.url ?? '(none)'}`,
          });
        });
      };
      diagnostics.subscribe('fastify.initialization', onInit);
      try {
        t = await createTestApp(dialect);
      } finally {
        diagnostics.unsubscribe('fastify.initialization', onInit);
      }
      routes = [...found].map(([url, methods]) => ({ url, methods: [...methods] }));
      pools = await seedContent(t);
    });
    after(() => t?.close());

    test('no request gets a 5xx, the app stays up and its memory bounded', async () => {
      const count = dialect.name === 'sqlite' ? COUNT : Math.ceil(COUNT / 3);
      console.log(
        `fuzz on ${dialect.name}: seed ${SEED}, ${count} requests over ${routes.length} routes` +
          ` (replay: FUZZ_SEED=${SEED} node --import tsx --test test/fuzz.test.ts)`,
      );
      const next = createFuzzer(seeded(SEED), routes, pools);
      const gc = exposeGc();
      const failures: Failure[] = [];
      const statuses = new Map<number, number>();
      const started = Date.now();
      let heapStart = 0;
      for (let index = 0; index < count; index++) {
        // The baseline is taken once caches and lazy modules have warmed up.
        if (index === Math.min(200, count - 1)) heapStart = heapAfterGc(gc);
        // Fuzzed requests sign members out (POST /logout with a good token…): sign them back in.
        if (index % 50 === 0) await keepSignedIn(t, pools);
        await check(next(), index, statuses, failures);
      }
      const elapsed = Date.now() - started;
      const heapEnd = heapAfterGc(gc);
      console.log(
        `fuzz on ${dialect.name}: ${count} requests in ${elapsed} ms, statuses ` +
          `${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}, ` +
          `heap ${mb(heapStart)} → ${mb(heapEnd)} MB after GC`,
      );

      // Everything wrong is told at once: each 5xx, a dead app, a leak.
      const problems = failures.length ? [report(failures)] : [];
      const health = await t.app.inject('/healthz');
      if (health.statusCode !== 200) problems.push(`/healthz answers ${health.statusCode}`);
      if (heapEnd - heapStart > HEAP_GROWTH_LIMIT)
        problems.push(`heap grew from ${mb(heapStart)} to ${mb(heapEnd)} MB`);
      assert.ok(problems.length === 0, `seed ${SEED}: ${problems.join('\n\n')}`);
    });

    // What random requests find by luck, swept: every field a route reads and its path's
    // parameters, set to a number no integer column holds, fields alone and all together (so a
    // 400 from one field hides no other).
    test('every field of every route, given an id out of range, answers below 500', async () => {
      const failures: Failure[] = [];
      const statuses = new Map<number, number>();
      let index = 0;
      for (const request of sweepRequests(routes, declared, pools)) {
        if (index % 50 === 0) await keepSignedIn(t, pools);
        await check(request(), index++, statuses, failures);
      }
      console.log(
        `sweep on ${dialect.name}: ${index} requests over ${routes.length} routes, statuses ` +
          JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b))),
      );
      assert.ok(failures.length === 0, report(failures));
    });
  });
}

/** Values no integer column holds: 2³¹ and a number beyond JavaScript's exact integers. */
const OUT_OF_RANGE = ['2147483648', '99999999999999999999'];

/**
 * The sweep's requests, each made when sent (a signed-out member is signed in again between
 * them): for each route and method, every field it declares or the fuzzer knows, set to each
 * value out of range all together, then one by one; and its path's parameters out of range.
 */
function* sweepRequests(
  routes: FuzzRoute[],
  declared: Map<string, { query: Set<string>; body: Set<string> }>,
  pools: FuzzPools,
): Generator<() => FuzzRequest> {
  for (const route of routes) {
    const fields = declared.get(route.url)!;
    for (const method of route.methods.filter((m) => m === 'GET' || m === 'POST')) {
      const get = method === 'GET';
      const names = [
        ...new Set([...(get ? fields.query : fields.body), ...(get ? QUERY_KEYS : FORM_FIELDS)]),
      ];
      // Together with each value; one by one with 2³¹ (the other adds little per field).
      const sets = OUT_OF_RANGE.map((value) => ({ value, names, inPath: false }));
      sets.push(...names.map((n) => ({ value: OUT_OF_RANGE[0]!, names: [n], inPath: false })));
      if (/[:*]/.test(route.url))
        sets.push(...OUT_OF_RANGE.map((value) => ({ value, names: [], inPath: true })));
      for (const { value, names: set, inPath } of sets)
        yield () => {
          const session = pools.sessions[0]!;
          const form = new URLSearchParams(set.map((n) => [n, value]));
          if (!get) form.append('_csrf', session.csrf);
          const path = route.url.replace(/:(\w+)|\*/g, (_, name?: string) =>
            inPath
              ? value
              : encodeURIComponent((pools.params[name ?? '*'] ?? pools.params.id!)[0]!),
          );
          return {
            route: `${method} ${route.url}`,
            method,
            url: get ? `${path}?${form}` : path,
            headers: {
              cookie: session.cookie,
              ...(!get && { 'content-type': 'application/x-www-form-urlencoded' }),
            },
            payload: get ? undefined : form.toString(),
            remoteAddress: '198.51.100.200',
          };
        };
    }
  }
}

/** The keys a route's zod schema declares, through optional, catch, default and pipe wrappers. */
function schemaKeys(schema: unknown): string[] {
  const s = schema as
    { shape?: Record<string, unknown>; _zod?: { def?: Record<string, unknown> } } | undefined;
  if (!s || typeof s !== 'object') return [];
  if (s.shape && typeof s.shape === 'object') return Object.keys(s.shape);
  const def = s._zod?.def;
  return def ? schemaKeys(def.innerType ?? def.in ?? def.schema) : [];
}

async function send(
  app: FastifyInstance,
  request: FuzzRequest,
): Promise<number | { kind: 'no answer' | 'threw'; error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<{ kind: 'no answer'; error: unknown }>((resolve) => {
    timer = setTimeout(
      () => resolve({ kind: 'no answer', error: `no answer in ${ANSWER_DEADLINE_MS} ms` }),
      ANSWER_DEADLINE_MS,
    );
  });
  try {
    const answer = app
      .inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        payload: request.payload,
        remoteAddress: request.remoteAddress,
      })
      .then((res) => res.statusCode);
    return await Promise.race([answer, deadline]);
  } catch (error) {
    return { kind: 'threw', error };
  } finally {
    clearTimeout(timer);
  }
}

/** Content for every kind of page, two signed-in members, and the values routes expect. */
async function seedContent(t: TestApp): Promise<FuzzPools> {
  const { db } = t;
  await buildUser(db, { email: 'admin@griot.test', name: 'Adèle Admin', role: 'admin' });
  const editor = await buildUser(db, {
    email: 'chef@griot.test',
    name: 'Chef Édition',
    role: 'editor',
  });
  const moderator = await buildUser(db, { email: 'modo@griot.test', role: 'moderator' });
  const invited = await buildUser(db, { email: 'invite@griot.test', role: 'author' });
  const sections = [
    await buildSection(db, { name: 'Politique', slug: 'politique' }),
    await buildSection(db, { name: 'Santé', slug: 'sante' }),
  ];
  const image = await buildImage(db, t.dataDir, { width: 800, height: 450 });
  const articles = [];
  for (let i = 0; i < 4; i++)
    articles.push(
      await buildArticle(db, {
        section: sections[i % 2]!,
        author_id: i === 0 ? editor.id : null,
        signature: i === 0 ? editor.name : 'Agence Fleuve Info',
        image_id: i < 2 ? image.id : null,
      }),
    );
  const draft = await buildArticle(db, { section: sections[0]!, status: 'draft' });
  await db
    .insertInto('article_tags')
    .values([
      { article_id: articles[0]!.id, tag: 'santé publique' },
      { article_id: articles[1]!.id, tag: 'élections' },
    ])
    .execute();
  const comment = await insertComment(db, {
    article_id: articles[0]!.id,
    article_title: articles[0]!.title,
    parent_id: null,
    author_name: 'Lectrice',
    author_email: 'lectrice@example.test',
    body: 'Un commentaire approuvé.',
    body_hash: 'h1',
    status: 'approved',
    notify_replies: 1,
    ip_hash: 'ip',
    created_at: '2026-11-22T10:00:00.000Z',
    moderated_at: '2026-11-22T11:00:00.000Z',
    moderated_by: moderator.id,
    reason: null,
  });
  await insertComment(db, {
    ...comment,
    id: undefined,
    parent_id: comment.id,
    status: 'pending',
    body_hash: 'h2',
    moderated_at: null,
    moderated_by: null,
  });
  const slots = await buildDefaultSlots(db);
  const campaign = await buildCampaign(db, { slotIds: slots.map((s) => s.id) });
  const linkToken = 'fuzz-account-link-token-0123456789';
  await insertAccountLink(db, {
    token_hash: sessionIdFromToken(linkToken),
    user_id: invited.id,
    purpose: 'invitation',
    created_by: null,
    created_at: '2026-11-23T00:00:00.000Z',
    expires_at: '2026-12-23T00:00:00.000Z',
  });
  const variants = JSON.parse(image.variants) as { file: string }[];

  const sessions = MEMBERS.map(() => ({ cookie: '', csrf: '' }));
  await keepSignedIn(t, { sessions, params: {} });
  const ids = ['1', '2', '3', '4', '5', String(articles[3]!.id), String(draft.id)];
  return {
    sessions,
    params: {
      id: ids,
      version: ['1', '2'],
      section: [...sections.map((s) => s.slug), 'admin', 'recherche', 'flux'],
      slug: [...articles, draft].map((a) => a.slug).concat(sections.map((s) => s.slug)),
      key: [authorKey(editor), `${editor.id}-ancien-nom`, campaign.report_key],
      tag: ['santé publique', 'Élections', 'santé%20publique'],
      file: ['rss.xml', 'atom.xml', 'articles-2026-11.xml', 'news.xml', 'pages.xml'],
      token: [t.ads.clickPath(campaign.id, slots[0]!.id).split('/').pop()!, linkToken],
      name: [`${image.id}.jpg`, '1.jpg'],
      '*': variants.map((v) => v.file),
    },
  };
}

const MEMBERS = ['admin@griot.test', 'modo@griot.test'];

async function keepSignedIn(t: TestApp, pools: FuzzPools): Promise<void> {
  for (const [i, email] of MEMBERS.entries()) {
    const session = pools.sessions[i]!;
    const check = await t.app.inject({ url: '/admin', headers: { cookie: session.cookie } });
    if (check.statusCode === 200) continue;
    // A member the fuzzer disabled, or locked out, stays signed out.
    const member = await signIn(t, email).catch(() => undefined);
    if (!member) continue;
    const form = await member.get('/admin/moderation');
    Object.assign(session, { cookie: member.cookie, csrf: hiddenValue(form.body, '_csrf') });
  }
}

function exposeGc(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

// What kind of error (its class and where our code met it), and its details.
function describeError(error: unknown): { kind: string; detail: string } {
  if (error === undefined) return { kind: '(no error reached the error handler)', detail: '' };
  if (!(error instanceof Error)) return { kind: String(error).slice(0, 300), detail: '' };
  const issues = (error as { issues?: { path: PropertyKey[]; code: string }[] }).issues;
  const message = issues
    ? issues.map((i) => `${i.path.map(String).join('.')}: ${i.code}`).join(', ')
    : error.message.replace(/\s+/g, ' ').slice(0, 300);
  const where = error.stack
    ?.split('\n')
    .find((l) => l.includes('/src/'))
    ?.trim()
    .replace(/^at /, '');
  return where
    ? { kind: `${error.name} at ${where}`, detail: message }
    : { kind: `${error.name}: ${message}`, detail: '' };
}

// Every failure at once, grouped by route and error, with the requests that replay each.
function report(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const key = `${f.route.split(' ')[1]} → ${f.status} ${f.error.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [`${failures.length} failing requests, ${groups.size} kinds:`];
  for (const [key, group] of groups) {
    lines.push(`\n× ${group.length}  ${key}`);
    for (const f of group.slice(0, 3)) {
      const { method, url, headers, payload } = f.request;
      lines.push(
        `   #${f.index} ${method} ${url.slice(0, 200)}` +
          (f.error.detail ? ` (${f.error.detail})` : '') +
          ` headers=${JSON.stringify(headers).slice(0, 300)}` +
          (payload === undefined ? '' : ` body=${JSON.stringify(payload.slice(0, 300))}`),
      );
    }
  }
  return lines.join('\n');
}
