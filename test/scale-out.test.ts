import assert from 'node:assert/strict';
import sharp from 'sharp';
import { after, before, describe, test } from 'node:test';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Db } from '../src/db/database.ts';
import type { Section } from '../src/sections/section.table.ts';
import {
  openSharedDatabase,
  startServer,
  type ServerProcess,
  type SharedDatabase,
} from './helpers/child-process.ts';
import {
  buildArticle,
  buildComment,
  buildSection,
  buildUser,
  TEST_PASSWORD,
} from './helpers/factories.ts';
import { csrfOf, haproxyMissing, HttpClient, startHaproxy } from './helpers/haproxy.ts';
import { freePort } from './helpers/net.ts';
import { startS3Server, type S3Server } from './helpers/s3.ts';
import { startSmtpServer } from './helpers/smtp.ts';

// Two Griot server processes on one PostgreSQL and one object store (s3rver) behind a real
// HAProxy, as a newsroom that has outgrown one machine runs them: whatever one instance does,
// the other sees and honours.

const SECRET = 'a-session-secret-shared-by-both-instances-0123456789';
const TTL_MS = 1000;

async function until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const skip = !process.env.TEST_DATABASE_URL
  ? 'several instances share one PostgreSQL: TEST_DATABASE_URL is not set'
  : haproxyMissing();

describe('two instances on one PostgreSQL behind HAProxy', { skip }, () => {
  let shared: SharedDatabase;
  let db: Db;
  let a: ServerProcess;
  let b: ServerProcess;
  let lb: Awaited<ReturnType<typeof startHaproxy>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let s3: S3Server;
  let section: Section;
  let draft: ArticleRow;
  let watched: ArticleRow;
  let editor: HttpClient;

  before(async () => {
    shared = await openSharedDatabase('postgres');
    db = shared.connect();
    await migrateToLatest(db);
    section = await buildSection(db, { name: 'Politique', slug: 'politique' });
    await buildUser(db, { email: 'redaction@griot.test', name: 'Awa Redac', role: 'editor' });
    watched = await buildArticle(db, { section, title: 'Un article au fil des commentaires' });
    draft = await buildArticle(db, {
      section,
      title: 'Un brouillon publié sur une seule instance',
      status: 'draft',
      published_at: null,
    });
    smtp = await startSmtpServer();
    s3 = await startS3Server();
    const bucket = await s3.bucket();
    const ports = [await freePort(), await freePort()];
    const publicPort = await freePort();
    const env = (port: number) => ({
      ...shared.env,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${publicPort}`,
      SESSION_SECRET: SECRET,
      SMTP_URL: smtp.url,
      CACHE_VERSION_TTL_MS: String(TTL_MS),
      ...bucket.env,
    });
    [a, b] = await Promise.all([startServer(env(ports[0]!)), startServer(env(ports[1]!))]);
    lb = await startHaproxy([a.url, b.url], publicPort);
    editor = new HttpClient(lb.url);
  });
  after(async () => {
    await lb?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await s3?.close();
    await shared?.close();
  });

  test('a session opened through the balancer works on either instance', async () => {
    await editor.login(lb.url, 'redaction@griot.test', TEST_PASSWORD);
    const servedBy = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const { res } = await editor.get(`${lb.url}/admin`);
      assert.equal(res.status, 200);
      servedBy.add(res.headers.get('x-served-by') ?? '');
    }
    assert.deepEqual([...servedBy].sort(), ['app1', 'app2']);
    for (const instance of [a, b])
      assert.equal((await editor.get(`${instance.url}/admin`)).res.status, 200);
  });

  test('an article published on A shows on B within CACHE_VERSION_TTL_MS', async () => {
    // B has the home page cached, without the draft.
    const home = await editor.get(`${b.url}/`);
    assert.doesNotMatch(home.text, /Un brouillon publié sur une seule instance/);
    const form = await editor.get(`${a.url}/admin/articles/${draft.id}`);
    const { res } = await editor.post(`${a.url}/admin/articles/${draft.id}/etat`, {
      _csrf: csrfOf(form.text),
      version: String(draft.version),
      transition: 'publish',
    });
    assert.equal(res.status, 303);
    const publishedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 50));
    const after = await editor.get(`${b.url}/`);
    assert.match(after.text, /Un brouillon publié sur une seule instance/);
    const article = await new HttpClient(lb.url).get(`${b.url}/politique/${draft.slug}`);
    assert.equal(article.res.status, 200);
    assert.ok(Date.now() - publishedAt < TTL_MS + 3000);
  });

  test('a comment approved at once on A and B: one winner, one mail', async () => {
    const comment = await buildComment(db, watched, {
      author_email: 'lectrice@example.org',
      body: 'Un commentaire que deux modérateurs valident ensemble',
    });
    const moderator = new HttpClient(lb.url);
    await buildUser(db, { email: 'modo@griot.test', name: 'Modo', role: 'moderator' });
    await moderator.login(lb.url, 'modo@griot.test', TEST_PASSWORD);
    const queue = await moderator.get(`${a.url}/admin/moderation`);
    const csrf = csrfOf(queue.text);
    const decide = (instance: ServerProcess) =>
      moderator.post(`${instance.url}/admin/moderation/decider`, {
        _csrf: csrf,
        decision: `approve:${comment.id}:pending`,
      });
    const [fromA, fromB] = await Promise.all([decide(a), decide(b)]);
    const outcomes = [fromA, fromB].map((r) => new URL(r.res.headers.get('location')!, lb.url));
    assert.deepEqual(
      outcomes.map((u) => u.searchParams.get('fait')).sort(),
      ['0', '1'],
      outcomes.join(' '),
    );
    assert.ok(outcomes.some((u) => u.searchParams.get('deja') === String(comment.id)));
    const mails = () => smtp.received.filter((m) => m.to.includes('lectrice@example.org'));
    await until('the approval mail', async () => mails().length > 0);
    // Both workers poll the outbox every few seconds: give the loser's time to send a second.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    assert.equal(mails().length, 1);
    // Approved on one, public on both.
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 50));
    for (const instance of [a, b]) {
      const page = await new HttpClient(lb.url).get(`${instance.url}/politique/${watched.slug}`);
      assert.match(page.text, /Un commentaire que deux modérateurs valident ensemble/);
    }
  });

  test('a photo uploaded through A is served by B, variants and share image included', async () => {
    const bytes = await sharp({
      create: { width: 1600, height: 1000, channels: 3, background: { r: 40, g: 90, b: 140 } },
    })
      .jpeg()
      .toBuffer();
    const library = await editor.get(`${a.url}/admin/medias`);
    const { res } = await editor.upload(
      `${a.url}/admin/medias`,
      { _csrf: csrfOf(library.text), alt: 'Le fleuve au matin', credit: 'AGENCE', caption: '' },
      { field: 'file', name: 'fleuve.jpg', type: 'image/jpeg', bytes },
    );
    assert.equal(res.status, 303, await res.text().catch(() => ''));
    const id = Number(/\/admin\/medias\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    const row = await db
      .selectFrom('media')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const reader = new HttpClient(lb.url);
    const variants = JSON.parse(row.variants) as { file: string }[];
    assert.ok(variants.length > 0);
    for (const variant of variants) {
      const fromA = await fetch(`${a.url}/media/${variant.file}`);
      const fromB = await fetch(`${b.url}/media/${variant.file}`);
      assert.equal(fromB.status, 200, variant.file);
      assert.match(fromB.headers.get('content-type') ?? '', /^image\//);
      assert.deepEqual(
        Buffer.from(await fromB.arrayBuffer()),
        Buffer.from(await fromA.arrayBuffer()),
        variant.file,
      );
    }
    // The share image, asked of B first and of both at once: built once, the same bytes.
    const [ogB, ogA] = await Promise.all([
      fetch(`${b.url}/og/${id}.jpg`),
      fetch(`${a.url}/og/${id}.jpg`),
    ]);
    assert.equal(ogB.status, 200);
    assert.deepEqual(Buffer.from(await ogB.arrayBuffer()), Buffer.from(await ogA.arrayBuffer()));
    // Through the balancer, whichever instance answers.
    for (let i = 0; i < 2; i++)
      assert.equal((await reader.get(`${lb.url}/media/${variants[0]!.file}`)).res.status, 200);
  });
});
