import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { raiseAlert } from '../src/alerts/raise-alert.ts';
import { listPurgeCursors } from '../src/cdn/cdn-purge.queries.ts';
import { bumpContentVersion, findContentVersion } from '../src/cache/content-version.queries.ts';
import { articleChangeKeys } from '../src/articles/article-keys.ts';
import type { ArticleRow } from '../src/articles/article.table.ts';
import type { Section } from '../src/sections/section.table.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Db } from '../src/db/database.ts';
import { decideComment } from '../src/moderation/decide-comment.ts';
import { findSiteSettings } from '../src/settings/setting.queries.ts';
import {
  openSharedDatabase,
  startServer,
  type ServerProcess,
  type SharedDatabase,
} from './helpers/child-process.ts';
import { buildArticle, buildComment, buildSection, buildUser } from './helpers/factories.ts';
import { freePort } from './helpers/net.ts';
import { testDialects } from './helpers/setup.ts';
import { startVarnish, varnishMissing, type VarnishProcess } from './helpers/varnish.ts';

// Varnish (Debian's, with varnish-modules' xkey and our deploy/varnish/griot.vcl) in front of
// two Griot server processes sharing one database: pages are served from Varnish, and a change
// made anywhere is purged by exactly its keys through CDN_PURGE_URL, by one instance's worker.

const SECRET = 'a-session-secret-shared-by-both-instances-0123456789';
const BR = { 'accept-encoding': 'br, gzip' };

async function until<T>(what: string, check: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const skip = varnishMissing();

for (const dialect of testDialects()) {
  describe(`Varnish in front of two instances on ${dialect.name}`, { skip }, () => {
    let shared: SharedDatabase;
    let db: Db;
    let a: ServerProcess;
    let b: ServerProcess;
    let varnish: VarnishProcess;
    let section: Section;
    let watched: ArticleRow;
    let other: ArticleRow;
    let moderatorId: number;
    let pending: number;

    const get = async (path: string) => {
      const res = await fetch(varnish.url + path, { headers: BR });
      return { res, text: await res.text() };
    };
    const pathOf = (article: ArticleRow) => `/${section.slug}/${article.slug}`;

    before(async () => {
      shared = await openSharedDatabase(dialect.name);
      db = shared.connect();
      await migrateToLatest(db);
      section = await buildSection(db, { name: 'Sécurité', slug: 'securite' });
      moderatorId = (await buildUser(db, { name: 'Modo', role: 'moderator' })).id;
      watched = await buildArticle(db, { section, title: 'Un article que les lecteurs suivent' });
      other = await buildArticle(db, { section, title: 'Un autre article, sans rapport' });
      pending = (await buildComment(db, watched, { body: 'Un commentaire validé pendant le test' }))
        .id;
      // Varnish first: the instances are told where to purge; its probes find them once up.
      const ports = [await freePort(), await freePort()];
      varnish = await startVarnish(ports.map((p) => `http://127.0.0.1:${p}`));
      const env = (port: number) => ({
        ...shared.env,
        PORT: String(port),
        PUBLIC_URL: varnish.url,
        SESSION_SECRET: SECRET,
        CDN_PURGE_URL: `${varnish.url}/`,
        CDN_PURGE_INTERVAL_MS: '200',
        CACHE_VERSION_TTL_MS: '200',
      });
      [a, b] = await Promise.all([startServer(env(ports[0]!)), startServer(env(ports[1]!))]);
      await until('Varnish to see a healthy instance', async () => (await get('/')).res.ok);
    });
    after(async () => {
      await varnish?.close();
      await Promise.all([a?.stop(), b?.stop()]);
      await shared?.close();
    });

    test('pages are served from Varnish, brotli kept, the keys kept from readers', async () => {
      const first = await get(pathOf(watched));
      assert.equal(first.res.status, 200);
      const second = await get(pathOf(watched));
      assert.equal(second.res.headers.get('x-cache'), 'HIT');
      assert.equal(second.res.headers.get('content-encoding'), 'br');
      assert.equal(second.text, first.text);
      assert.match(second.text, /Un article que les lecteurs suivent/);
      assert.equal(second.res.headers.get('surrogate-key'), null);
      assert.equal(second.res.headers.get('xkey'), null);
      // A hit carries the reader's request id, not the one of the request that filled it.
      const traced = await fetch(varnish.url + pathOf(watched), {
        headers: { ...BR, 'x-request-id': 'lecteur-42' },
      });
      await traced.arrayBuffer();
      assert.equal(traced.headers.get('x-cache'), 'HIT');
      assert.equal(traced.headers.get('x-request-id'), 'lecteur-42');
      await get(pathOf(other));
      assert.equal((await get(pathOf(other))).res.headers.get('x-cache'), 'HIT');
      // A reader with comments awaiting moderation goes past the cache.
      const mine = await fetch(varnish.url + pathOf(watched), {
        headers: { ...BR, cookie: 'griot_mine=anything' },
      });
      await mine.text();
      assert.notEqual(mine.headers.get('x-cache'), 'HIT');
    });

    test('an approval purges exactly the pages that show it, within a second or so', async () => {
      const before = await findContentVersion(db);
      const result = await decideComment(db, {
        commentId: pending,
        decision: 'approve',
        expected: 'pending',
        actor: { id: moderatorId, name: 'Modo' },
        reason: null,
        site: { settings: await findSiteSettings(db), publicUrl: varnish.url, secret: SECRET },
        now: new Date(),
      });
      assert.equal(result.ok, true);
      const started = Date.now();
      const fresh = await until('the approved comment through Varnish', async () => {
        const page = await get(pathOf(watched));
        return page.text.includes('Un commentaire validé pendant le test') && page;
      });
      const seconds = (Date.now() - started) / 1000;
      assert.ok(seconds < 10, `purged in ${seconds} s`);
      // The page was fetched again from an instance once; the next reader gets it from Varnish.
      assert.equal((await get(pathOf(watched))).res.headers.get('x-cache'), 'HIT');
      assert.equal(fresh.res.status, 200);
      // The other article was not purged: still the copy cached before the change.
      assert.equal((await get(pathOf(other))).res.headers.get('x-cache'), 'HIT');
      const [cursor] = await listPurgeCursors(db);
      assert.equal(cursor?.target, 'varnish');
      assert.ok(cursor!.version > before);
    });

    test('a site alert is purged in, and gone from Varnish at its end time without a purge', async () => {
      const now = new Date();
      const endsAt = new Date(now.getTime() + 4_000);
      await raiseAlert(db, { text: 'Alerte devant Varnish', linkUrl: '', endsAt, now, by: null });
      await until('the alert through Varnish', async () =>
        (await get(pathOf(other))).text.includes('Alerte devant Varnish'),
      );
      const cached = await get(pathOf(other));
      assert.equal(cached.res.headers.get('x-cache'), 'HIT');
      assert.match(cached.text, /Alerte devant Varnish/);
      await until('the alert’s end', async () => Date.now() > endsAt.getTime() + 20);
      // The first reader after the end gets the page without it: Varnish kept no copy past the
      // end (its lifetime and grace were cut to what was left of the alert), and neither did
      // the instance.
      const ended = await get(pathOf(other));
      assert.doesNotMatch(ended.text, /Alerte devant Varnish/);
      assert.equal(ended.res.status, 200);
    });

    test('with the cache down, the purge is tried again until it is back', async () => {
      await varnish.kill();
      await db
        .updateTable('articles')
        .set({ title: 'Un autre article, retitré' })
        .where('id', '=', other.id)
        .execute();
      await bumpContentVersion(db, articleChangeKeys(other.id, [section.id]));
      const version = await findContentVersion(db);
      await until('a failed purge to be recorded', async () => {
        const [cursor] = await listPurgeCursors(db);
        return cursor && cursor.attempts > 0 && cursor.last_error !== null;
      });
      await varnish.restart();
      await until('the purge cursor to catch up', async () => {
        const [cursor] = await listPurgeCursors(db);
        return cursor && cursor.version === version && cursor.attempts === 0;
      });
      await until('the new title through Varnish', async () =>
        (await get(pathOf(other))).text.includes('Un autre article, retitré'),
      );
    });
  });
}
