// Benchmark: comment submissions per second through the real app (SQLite; PostgreSQL too when
// BENCH_DATABASE_URL is set), next to GET /healthz on the same app with the same load generator
// and connections, in alternating rounds; then the moderation queue's latency with 100,000
// pending comments, with the plans and timings of the queries behind it. Prints, never asserts.
//   npm run bench:comments [-- --seconds 8 --connections 16 --pending 100000 --samples 30]
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { Kysely, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { buildApp } from '../src/app.ts';
import { bodyHash, normalizeBody } from '../src/comments/comment.ts';
import type { NewCommentRow } from '../src/comments/comment.table.ts';
import {
  countCommentsByStatus,
  findEmailHistories,
  findOldestPendingAt,
  listCommentedArticles,
  listQueue,
} from '../src/comments/comment-queue.queries.ts';
import { hasDuplicateComment, hasRecentComment } from '../src/comments/comment.queries.ts';
import { loadConfig } from '../src/config.ts';
import { connect, type DialectName } from '../src/db/connect.ts';
import type { Database, Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { listModerationEvents } from '../src/moderation/moderation-event.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection, buildUser, TEST_PASSWORD } from '../test/helpers/factories.ts';
import { hiddenValue } from '../test/helpers/http.ts';
import { freePort } from '../test/helpers/net.ts';
import { loadGenerator, loadVaried, type RequestTemplate, type VariedLoadResult } from './load.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '16' },
    pending: { type: 'string', default: '100000' },
    samples: { type: 'string', default: '30' },
  },
});
const seconds = Math.min(60, Math.max(2, Number(values.seconds))); // per target, over all rounds
const connections = Math.min(128, Math.max(1, Number(values.connections)));
const pendingCount = Math.min(500_000, Math.max(1000, Number(values.pending)));
const samples = Math.min(200, Math.max(5, Number(values.samples)));
const rounds = 2;
const SLOW_MS = 50;

const started = performance.now();
const root = await mkdtemp(path.join(os.tmpdir(), 'griot-bench-comments-'));
const cleanups: (() => Promise<unknown>)[] = [];
process.once('SIGINT', () => {
  rmSync(root, { recursive: true, force: true });
  process.exit(130);
});

const log = (line: string) => process.stderr.write(line + '\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------
// Databases and the app

interface BenchDatabase {
  db: Db;
  dialect: DialectName;
  dataDir: string;
  file?: string;
}

async function openSqlite(name: string): Promise<BenchDatabase> {
  const dataDir = path.join(root, name);
  await mkdir(dataDir);
  const { db } = connect({ dataDir });
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  return { db, dialect: 'sqlite', dataDir, file: path.join(dataDir, 'griot.db') };
}

// A schema of its own, dropped at the end, as test/helpers/setup.ts does for the tests.
async function openPostgres(url: string): Promise<BenchDatabase> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  });
  const dataDir = path.join(root, 'postgres');
  await mkdir(dataDir);
  const { db } = connect({ databaseUrl: url, dataDir, schema });
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  return { db, dialect: 'postgres', dataDir };
}

/** Where the app counts, on its side, how it answered comment submissions. */
interface SubmitCounter {
  received: number;
  answered: number;
  byStatus: Record<number, number>;
}

/** The real app over that database, on a loopback port, with the real clock. */
async function startApp(
  database: BenchDatabase,
  { trustProxy }: { trustProxy: boolean },
): Promise<{ app: FastifyInstance; origin: string; submits: SubmitCounter }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = await loadConfig({
    DATA_DIR: database.dataDir,
    PORT: String(port),
    PUBLIC_URL: origin,
    LOG_LEVEL: 'silent',
    TRUST_PROXY: trustProxy ? '1' : '0',
  });
  const app = await buildApp({ config, db: database.db, dialect: database.dialect });
  const submits: SubmitCounter = { received: 0, answered: 0, byStatus: {} };
  const isSubmit = (method: string, url: string | undefined) =>
    method === 'POST' && url === '/articles/:id/commentaires';
  app.addHook('onRequest', async (request) => {
    if (isSubmit(request.method, request.routeOptions.url)) submits.received++;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (isSubmit(request.method, request.routeOptions.url)) {
      submits.answered++;
      submits.byStatus[reply.statusCode] = (submits.byStatus[reply.statusCode] ?? 0) + 1;
    }
    return payload;
  });
  await app.listen({ port, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  return { app, origin, submits };
}

// ---------------------------------------------------------------------------------------------
// Part 1: submissions per second

interface SubmitResult {
  engine: DialectName;
  healthz: VariedLoadResult;
  submit: VariedLoadResult;
  accepted: number;
  pendingRows: number;
  refused: Record<string, number>;
  wrkNon303: Record<string, number>;
  cutOff: number;
}

function combine(list: VariedLoadResult[]): VariedLoadResult {
  const statuses: Record<string, number> = {};
  for (const r of list)
    for (const [code, count] of Object.entries(r.statuses))
      statuses[code] = (statuses[code] ?? 0) + count;
  return {
    rps: list.reduce((s, r) => s + r.rps, 0) / list.length,
    p50Ms: list.reduce((s, r) => s + r.p50Ms, 0) / list.length,
    p99Ms: Math.max(...list.map((r) => r.p99Ms)),
    requests: list.reduce((s, r) => s + r.requests, 0),
    errors: list.reduce((s, r) => s + r.errors, 0),
    statuses,
  };
}

async function benchSubmissions(database: BenchDatabase): Promise<SubmitResult> {
  const { app, origin, submits } = await startApp(database, { trustProxy: true });
  const section = await buildSection(database.db, { name: 'Société', slug: 'societe' });
  const article = await buildArticle(database.db, {
    section,
    title: 'Les écoles rouvrent à Kalanga après trois mois de grève',
    published_at: new Date(Date.now() - 86_400_000).toISOString(),
  });
  // One stamp, as the form's script fetches it; after 2.1 s any submission carrying it is past
  // the minimum fill time.
  const page = await fetch(`${origin}/commentaires/tampon`);
  const stamp = await page.text();
  if (page.status !== 200 || !stamp) throw new Error(`no comment form stamp (${page.status})`);
  await sleep(2100);

  // Every request: another client address, another email, another text.
  const form = new URLSearchParams({
    stamp,
    name: 'Lectrice {n}',
    email: 'lectrice{n}@example.org',
    body:
      'Réaction n° {n}. Merci pour cet article : les écoles de Kalanga méritent mieux que des ' +
      'promesses. Des enseignants payés à l’heure, des salles rénovées et des parents écoutés, ' +
      'voilà ce que nous attendons. J’espère que la rédaction suivra ce dossier dans les mois ' +
      'qui viennent.',
    website: '',
  });
  const submit: RequestTemplate = {
    method: 'POST',
    path: `/articles/${article.id}/commentaires`,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: origin,
      'X-Forwarded-For': '{ip}',
    },
    body: form.toString().replaceAll('%7Bn%7D', '{n}'),
  };
  const healthz: RequestTemplate = { path: '/healthz' };

  // Request numbers never repeat across runs: 1,000,000 apart.
  let run = 0;
  let wrkSawSubmits = 0;
  const go = async (template: RequestTemplate, s: number) => {
    const result = await loadVaried(origin, template, {
      seconds: s,
      connections,
      first: ++run * 1_000_000,
    });
    if (template === submit) wrkSawSubmits += result.requests;
    return result;
  };
  log(`  ${database.dialect}: warming up (1 s each)…`);
  await go(healthz, 1);
  await go(submit, 1);
  const samplesOf: Record<'healthz' | 'submit', VariedLoadResult[]> = { healthz: [], submit: [] };
  for (let round = 0; round < rounds; round++) {
    log(`  ${database.dialect}: round ${round + 1}/${rounds}, ${seconds / rounds} s per target…`);
    samplesOf.healthz.push(await go(healthz, seconds / rounds));
    samplesOf.submit.push(await go(submit, seconds / rounds));
  }

  // Requests cut off when wrk stopped may still be running on the server: let them finish.
  for (let i = 0; i < 50 && submits.answered < submits.received; i++) await sleep(100);
  const pendingRows = Number(
    (
      await database.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow()
    ).n,
  );
  const h = combine(samplesOf.healthz);
  const s = combine(samplesOf.submit);
  const wrkNon303: Record<string, number> = {};
  for (const [code, count] of Object.entries(s.statuses))
    if (code !== '303') wrkNon303[`wrk saw ${code}`] = count;
  for (const [code, count] of Object.entries(h.statuses))
    if (code !== '200') wrkNon303[`wrk saw ${code} on /healthz`] = count;
  const refused: Record<string, number> = {};
  for (const [code, count] of Object.entries(submits.byStatus))
    if (code !== '303') refused[`server answered ${code}`] = count;
  const accepted = submits.byStatus[303] ?? 0;
  await app.close();
  return {
    engine: database.dialect,
    healthz: h,
    submit: s,
    accepted,
    pendingRows,
    refused,
    wrkNon303,
    cutOff: submits.answered - wrkSawSubmits,
  };
}

// ---------------------------------------------------------------------------------------------
// Part 2: the moderation queue over 100,000 pending comments

// A small seeded generator, so every run inserts the same comments.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Mariama', 'Issa', 'Awa', 'Moussa', 'Fatoumata', 'Ibrahim', 'Aïssata', 'Oumar', 'Kadiatou',
  'Seydou', 'Aminata', 'Boubacar', 'Hawa', 'Abdoulaye', 'Ramatou', 'Souleymane', 'Salimata',
  'Adama', 'Djénéba', 'Lassina',
]; // prettier-ignore
const LAST_NAMES = [
  'Traoré', 'Diallo', 'Coulibaly', 'Keïta', 'Sangaré', 'Touré', 'Konaté', 'Cissé', 'Maïga',
  'Ouédraogo', 'Sawadogo', 'Diarra', 'Kaboré', 'Bamba', 'Sidibé', 'Dembélé',
]; // prettier-ignore
const WORDS = (
  'le la les un une des du de et mais donc car or ni que qui quoi dont où nous vous ils elles ' +
  'école marché route pluie récolte santé hôpital mairie quartier village ville région pays ' +
  'gouvernement ministre maire enseignants parents élèves familles jeunes femmes commerçants ' +
  'prix eau électricité coupure chantier pont transport taxi moto bus promesse budget impôt ' +
  'vraiment toujours jamais encore enfin aussi bien mal trop peu beaucoup depuis pendant avant ' +
  'attendre payer construire réparer ouvrir fermer écouter comprendre demander voter suivre ' +
  'article journaliste rédaction enquête dossier chiffres témoignage réalité question réponse ' +
  'important difficile nécessaire juste injuste urgent cher gratuit nouveau ancien même autre'
).split(' ');

async function benchQueue(): Promise<QueueResult> {
  const database = await openSqlite('queue');
  const { db } = database;
  const rng = mulberry32(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const now = Date.now();
  const DAY = 86_400_000;

  log(`  seeding 4 sections, 200 articles and a moderator…`);
  const sections: Section[] = [];
  for (const [name, slug] of [
    ['Société', 'societe'],
    ['Politique', 'politique'],
    ['Économie', 'economie'],
    ['Culture', 'culture'],
  ] as const)
    sections.push(await buildSection(db, { name, slug }));
  const articles: ArticleRow[] = [];
  for (let i = 0; i < 200; i++)
    articles.push(
      await buildArticle(db, {
        section: sections[i % sections.length]!,
        published_at: new Date(now - (200 - i) * 0.3 * DAY).toISOString(),
      }),
    );
  const moderator = await buildUser(db, {
    email: 'moderatrice@griot.test',
    name: 'Awa Modératrice',
    role: 'moderator',
  });

  // 40,000 readers; a few write a lot (up to several hundred comments), most once or twice.
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const people = Array.from({ length: 40_000 }, (_, k) => {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    return {
      name: `${first} ${last}`,
      email: `${ascii(first)}.${ascii(last)}${k}@${pick(['example.org', 'example.net', 'mail.example.com'])}`,
      ipHash: randomBytes(24).toString('base64url'),
    };
  });
  const person = () => people[Math.floor(people.length * rng() ** 2)]!;
  const article = () => articles[Math.floor(articles.length * rng() ** 1.5)]!;
  const seen = new Set<string>();
  const text = () => {
    const target = 100 + Math.floor(rng() * 500);
    let body = '';
    while (body.length < target) {
      const words = Array.from({ length: 6 + Math.floor(rng() * 14) }, () => pick(WORDS));
      const sentence = words.join(' ');
      body += (body ? (rng() < 0.15 ? '\n\n' : ' ') : '') + sentence[0]!.toUpperCase();
      body += sentence.slice(1) + pick(['.', '.', '.', ' !', ' ?']);
    }
    return body.length > 600 ? body.slice(0, 599).trimEnd() + '.' : body;
  };
  const comment = (
    status: NewCommentRow['status'],
    createdAt: number,
    a = article(),
    parentId: number | null = null,
  ): NewCommentRow => {
    const who = person();
    let body: string;
    let hash: string;
    do {
      body = normalizeBody(text());
      hash = bodyHash(body);
    } while (seen.has(`${a.id}:${hash}`));
    seen.add(`${a.id}:${hash}`);
    const decided = status !== 'pending';
    const moderatedAt = Math.min(now - 60_000, createdAt + 600_000 + rng() * 1.5 * DAY);
    return {
      article_id: a.id,
      article_title: a.title,
      parent_id: parentId,
      author_name: who.name,
      author_email: who.email,
      body,
      body_hash: hash,
      status,
      notify_replies: rng() < 0.2 ? 1 : 0,
      ip_hash: who.ipHash,
      created_at: new Date(createdAt).toISOString(),
      moderated_at: decided ? new Date(moderatedAt).toISOString() : null,
      moderated_by: decided ? moderator.id : null,
      reason:
        status === 'rejected'
          ? pick(['Hors sujet', 'Propos injurieux', 'Attaque personnelle'])
          : status === 'spam'
            ? 'Lien publicitaire'
            : null,
    };
  };

  // Decided comments first (older), then approved replies to them, then the pending queue,
  // 15 % of which answer an approved comment of the same article.
  const decidedCount = Math.round(pendingCount * 0.2);
  const replyCount = Math.round(decidedCount * 0.1);
  const total = decidedCount + replyCount + pendingCount;
  const t0 = performance.now();
  let inserted = 0;
  let shown = -1;
  const progress = () => {
    const pct = Math.floor((inserted / total) * 100);
    const line = `  inserting comments: ${fmt(inserted)} / ${fmt(total)} (${pct} %), ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${inserted === total ? '\n' : ''}`);
    else if (Math.floor(pct / 20) !== shown) {
      shown = Math.floor(pct / 20);
      log(line);
    }
  };
  // 1,000 rows per statement, 10 statements per transaction.
  const insertAll = async (count: number, make: (i: number) => NewCommentRow) => {
    for (let i = 0; i < count; i += 10_000) {
      await db.transaction().execute(async (trx) => {
        for (let j = i; j < Math.min(count, i + 10_000); j += 1000) {
          const rows = Array.from({ length: Math.min(1000, count - j) }, (_, k) => make(j + k));
          await trx.insertInto('comments').values(rows).execute();
          inserted += rows.length;
          progress();
        }
      });
    }
  };
  progress();
  const statusOf = (i: number) =>
    i % 20 === 0 ? 'spam' : i % 20 < 4 ? 'rejected' : ('approved' as const);
  await insertAll(decidedCount, (i) =>
    comment(statusOf(i), now - 60 * DAY + (i / decidedCount) * 40 * DAY),
  );
  const approved = await db
    .selectFrom('comments')
    .select(['id', 'article_id'])
    .where('status', '=', 'approved')
    .where('parent_id', 'is', null)
    .execute();
  const approvedByArticle = new Map<number, number[]>();
  for (const r of approved) {
    const list = approvedByArticle.get(r.article_id!) ?? [];
    list.push(r.id);
    approvedByArticle.set(r.article_id!, list);
  }
  const reply = (status: NewCommentRow['status'], createdAt: number): NewCommentRow => {
    const a = article();
    const parents = approvedByArticle.get(a.id);
    return comment(status, createdAt, a, parents ? pick(parents) : null);
  };
  await insertAll(replyCount, (i) =>
    reply('approved', now - 20 * DAY + (i / replyCount) * 5 * DAY),
  );
  await insertAll(pendingCount, () => {
    const createdAt = now - 14 * DAY + rng() * (14 * DAY - 60_000);
    return rng() < 0.15 ? reply('pending', createdAt) : comment('pending', createdAt);
  });
  // Every decision leaves its line in the audit log, as the real moderation does.
  await sql`insert into moderation_events (comment_id, actor_id, actor_name, from_status, to_status, reason, at)
    select id, moderated_by, ${moderator.name}, 'pending', status, reason, moderated_at
    from comments where status <> 'pending'`.execute(db);
  const insertSeconds = (performance.now() - t0) / 1000;
  const counts = await countCommentsByStatus(db);
  const hot = await db
    .selectFrom('comments')
    .select(['article_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'pending')
    .groupBy('article_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const hotArticle = hot.article_id!;
  const topEmail = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('author_email')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();

  // The real app, and a moderator signed in through the real login form.
  const { origin } = await startApp(database, { trustProxy: false });
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const loginPage = await fetch(`${origin}/login`);
  keep(loginPage);
  const csrf = hiddenValue(await loginPage.text(), '_csrf');
  const login = await fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({
      _csrf: csrf,
      email: 'moderatrice@griot.test',
      password: TEST_PASSWORD,
    }).toString(),
  });
  if (login.status !== 303) throw new Error(`login failed: ${login.status}`);
  keep(login);

  const pages: PageTiming[] = [];
  const deepPage = Math.min(1000, Math.ceil(counts.pending / 50));
  for (const [label, url, expected] of [
    ['pending, first page', '/admin/moderation', 50],
    [`pending, page ${deepPage}`, `/admin/moderation?page=${deepPage}`, 50],
    [`pending, one article (${fmt(hot.n)})`, `/admin/moderation?article=${hotArticle}`, 50],
    ['approved, first page', '/admin/moderation?statut=approved', 50],
  ] as const) {
    log(`  timing GET ${url}…`);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < samples + 3; i++) {
      const t = performance.now();
      const res = await fetch(origin + url, { headers: { cookie: cookie() }, redirect: 'manual' });
      const html = await res.text();
      const ms = performance.now() - t;
      const items = html.split('class="mod-item"').length - 1;
      if (res.status !== 200 || items !== expected)
        throw new Error(`GET ${url}: ${res.status}, ${items} items (expected ${expected})`);
      if (i >= 3) times.push(ms);
      bytes = html.length;
    }
    pages.push({ label, url, ...stats(times), bytes });
  }

  // The same queries, as the app's own functions build them, run directly on the same file.
  log('  timing the queries and reading their plans…');
  const raw = new SqliteDatabase(database.file!, { readonly: true });
  let last: CompiledQuery | undefined;
  const spy = new Kysely<Database>({
    dialect: new SqliteDialect({ database: raw }),
    log: (event) => {
      last = event.query;
    },
  });
  const firstPage = await listQueue(db, { status: 'pending', limit: 50, offset: 0 });
  const approvedPage = await listQueue(db, { status: 'approved', limit: 50, offset: 0 });
  const since = new Date(Date.now() - 15_000);
  const queryDefs: [string, (d: Db) => Promise<unknown>][] = [
    ['countCommentsByStatus()', (d) => countCommentsByStatus(d)],
    ['countCommentsByStatus(article)', (d) => countCommentsByStatus(d, hotArticle)],
    ['findOldestPendingAt()', (d) => findOldestPendingAt(d)],
    ['listCommentedArticles()', (d) => listCommentedArticles(d)],
    [
      'listQueue(pending, page 1)',
      (d) => listQueue(d, { status: 'pending', limit: 50, offset: 0 }),
    ],
    [
      `listQueue(pending, p. ${deepPage}, offset ${fmt((deepPage - 1) * 50)})`,
      (d) => listQueue(d, { status: 'pending', limit: 50, offset: (deepPage - 1) * 50 }),
    ],
    [
      'listQueue(pending, article)',
      (d) => listQueue(d, { status: 'pending', articleId: hotArticle, limit: 50, offset: 0 }),
    ],
    [
      'listQueue(approved, page 1)',
      (d) => listQueue(d, { status: 'approved', limit: 50, offset: 0 }),
    ],
    [
      'findEmailHistories(page 1)',
      (d) =>
        findEmailHistories(
          d,
          firstPage.map((i) => i.authorEmail),
        ),
    ],
    [
      'listModerationEvents(approved page 1)',
      (d) =>
        listModerationEvents(
          d,
          approvedPage.map((i) => i.id),
        ),
    ],
    [
      'hasRecentComment() (flood control)',
      (d) => hasRecentComment(d, { ipHash: 'x', email: people[0]!.email, since }),
    ],
    ['hasDuplicateComment()', (d) => hasDuplicateComment(d, hotArticle, 'x')],
  ];
  const queries: QueryTiming[] = [];
  for (const [label, run] of queryDefs) {
    last = undefined;
    await run(spy);
    const compiled = last as CompiledQuery | undefined;
    if (!compiled) throw new Error(`${label}: no query captured`);
    const params = compiled.parameters as unknown[];
    const stmt = raw.prepare(compiled.sql);
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t = performance.now();
      stmt.all(...params);
      if (i > 0) times.push(performance.now() - t);
    }
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...params) as {
      id: number;
      parent: number;
      detail: string;
    }[];
    const depth = new Map<number, number>([[0, -1]]);
    const lines = plan.map((p) => {
      const d = (depth.get(p.parent) ?? -1) + 1;
      depth.set(p.id, d);
      return `${'  '.repeat(d)}${p.detail}`;
    });
    queries.push({ label, sql: compiled.sql, ms: stats(times).p50, plan: lines });
  }
  await spy.destroy();
  return {
    counts,
    articles: articles.length,
    insertSeconds,
    pages,
    queries,
    topEmailCount: Number(topEmail.n),
  };
}

interface PageTiming {
  label: string;
  url: string;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
}
interface QueryTiming {
  label: string;
  sql: string;
  ms: number;
  plan: string[];
}
interface QueueResult {
  counts: Record<string, number>;
  articles: number;
  insertSeconds: number;
  pages: PageTiming[];
  queries: QueryTiming[];
  topEmailCount: number;
}

function stats(times: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

// A plan line that reads every row of comments (or a temporary sort), worth a look.
function planWarnings(plan: string[]): string[] {
  const out: string[] = [];
  for (const line of plan.map((l) => l.trim())) {
    if (/^SCAN (comments|c|p)\b/.test(line))
      out.push(/COVERING INDEX/.test(line) ? `full index scan (${line})` : `full scan (${line})`);
    if (/TEMP B-TREE/.test(line)) out.push(`sort (${line})`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Run and report

try {
  const generator = await loadGenerator();
  log(`1. Comment submissions (${generator}, ${connections} connections)…`);
  const submitResults = [await benchSubmissions(await openSqlite('submit'))];
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) submitResults.push(await benchSubmissions(await openPostgres(pgUrl)));
  log(`2. Moderation queue with ${fmt(pendingCount)} pending comments…`);
  const queue = await benchQueue();

  const out = console.log;
  out(
    `\nbench/comments — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${generator}, loopback`,
  );
  out(
    `\n1. Comment submissions through the real app: one article, every request from another client` +
      `\n   (X-Forwarded-For, trustProxy on) with another email and text, past the 2 s fill time.` +
      `\n   ${connections} connections, ${rounds} alternating rounds of ${seconds / rounds} s per target after 1 s warm-ups.\n`,
  );
  out(
    'engine'.padEnd(10) +
      'target'.padEnd(36) +
      'req/s'.padStart(9) +
      'p50 ms'.padStart(9) +
      'p99 ms'.padStart(9) +
      'vs /healthz'.padStart(13),
  );
  for (const r of submitResults) {
    for (const [name, x] of [
      ['GET /healthz (baseline)', r.healthz],
      ['POST /articles/:id/commentaires', r.submit],
    ] as const)
      out(
        r.engine.padEnd(10) +
          name.padEnd(36) +
          fmt(x.rps).padStart(9) +
          x.p50Ms.toFixed(2).padStart(9) +
          x.p99Ms.toFixed(2).padStart(9) +
          `${((x.rps / r.healthz.rps) * 100).toFixed(1)} %`.padStart(13),
      );
    const ok = r.pendingRows === r.accepted;
    out(
      `${''.padEnd(10)}server answered 303 to ${fmt(r.accepted)} submissions (warm-up included; ` +
        `${fmt(r.cutOff)} of them after wrk stopped), pending rows: ${fmt(r.pendingRows)} ${ok ? '✓ equal' : '✗ DIFFERENT'}`,
    );
    const problems = { ...r.refused, ...r.wrkNon303 };
    if (r.submit.errors + r.healthz.errors)
      problems['socket errors'] = r.submit.errors + r.healthz.errors;
    out(
      `${''.padEnd(10)}errors (any answer but 303/200): ${
        Object.keys(problems).length
          ? Object.entries(problems)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')
          : 'none'
      }`,
    );
  }

  const c = queue.counts;
  out(
    `\n2. Moderation queue on SQLite: ${fmt(c.pending ?? 0)} pending, ${fmt(c.approved ?? 0)} approved, ` +
      `${fmt(c.rejected ?? 0)} rejected, ${fmt(c.spam ?? 0)} spam comments over ${queue.articles} articles` +
      `\n   (inserted in ${queue.insertSeconds.toFixed(1)} s; busiest address: ${fmt(queue.topEmailCount)} comments).` +
      ` GET over loopback as a signed-in moderator,\n   ${samples} sequential requests each after 3 warm-ups, whole page read.\n`,
  );
  out(
    'page'.padEnd(34) +
      'url'.padEnd(40) +
      'p50 ms'.padStart(8) +
      'p95 ms'.padStart(8) +
      'max ms'.padStart(8) +
      'KiB'.padStart(6),
  );
  for (const p of queue.pages)
    out(
      p.label.padEnd(34) +
        p.url.padEnd(40) +
        p.p50.toFixed(1).padStart(8) +
        p.p95.toFixed(1).padStart(8) +
        p.max.toFixed(1).padStart(8) +
        String(Math.round(p.bytes / 1024)).padStart(6) +
        (p.p50 > SLOW_MS ? `  ⚠ p50 > ${SLOW_MS} ms` : ''),
    );

  out(
    `\n   The queries behind those pages, built by the app's own functions and run with better-sqlite3` +
      `\n   on the same file (median of 7 runs):\n`,
  );
  out('query'.padEnd(44) + 'ms'.padStart(8) + '  plan warnings');
  for (const q of queue.queries) {
    const warnings = planWarnings(q.plan);
    out(
      q.label.padEnd(44) +
        q.ms.toFixed(2).padStart(8) +
        '  ' +
        (warnings.length ? warnings.join('; ') : 'index searches only'),
    );
  }
  for (const q of queue.queries.filter(
    (q) => q.label.startsWith('listQueue') || planWarnings(q.plan).length,
  )) {
    out(`\nEXPLAIN QUERY PLAN — ${q.label}:\n  ${q.sql}`);
    for (const line of q.plan) out(`    ${line}`);
  }

  const slowPages = queue.pages.filter((p) => p.p50 > SLOW_MS);
  const slowQueries = queue.queries.filter((q) => q.ms > SLOW_MS / 5);
  out('\nSummary');
  for (const r of submitResults)
    out(
      `  ${r.engine}: ${fmt(r.submit.rps)} comment submissions/s (p99 ${r.submit.p99Ms.toFixed(1)} ms), ` +
        `${((r.submit.rps / r.healthz.rps) * 100).toFixed(1)} % of GET /healthz on the same app`,
    );
  out(
    slowPages.length
      ? `  moderation pages with p50 > ${SLOW_MS} ms: ${slowPages.map((p) => `${p.url} (${p.p50.toFixed(0)} ms)`).join(', ')}`
      : `  every moderation page answers with p50 ≤ ${SLOW_MS} ms`,
  );
  if (slowQueries.length)
    out(
      `  queries over ${SLOW_MS / 5} ms: ${slowQueries.map((q) => `${q.label} ${q.ms.toFixed(1)} ms`).join(', ')}`,
    );
  out(`  total run: ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  await rm(root, { recursive: true, force: true });
}
