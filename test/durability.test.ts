import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { signFormStamp } from '../src/comments/comment-token.ts';
import type { Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildArticle, buildSection, buildUser } from './helpers/factories.ts';
import {
  openSharedDatabase,
  spawnTsx,
  startServer,
  type Child,
  type ServerProcess,
  type SharedDatabase,
} from './helpers/child-process.ts';
import { testDialects } from './helpers/setup.ts';

// The adversarial suite's crash test: the real server (`griot start`) as a child process,
// comments posted over HTTP, kill -9 in the middle, a restart on the same database; then two
// moderator processes (test/helpers/approve-comments.ts) approving one batch at once, one of
// them killed mid-way.

const SECRET = 'durability-test-secret-long-enough-to-sign-things';
const POSTS = 300;
const KILL_AFTER_ACKS = 150;
const IN_FLIGHT = 12;
const BATCH = 120;
const PUBLIC_URL = 'https://griot.test';
const approver = path.resolve('test/helpers/approve-comments.ts');

type Outcome = 'acked' | number | 'failed';

/** The comment ids an approver process reported with one of these words. */
const decided = (output: string, words: string) =>
  [...output.matchAll(new RegExp(`^(?:${words}) (\\d+)$`, 'gm'))].map((m) => Number(m[1]));

for (const dialect of testDialects()) {
  describe(`durability under kill -9 on ${dialect.name}`, { timeout: 240_000 }, () => {
    let shared: SharedDatabase;
    let db: Db;
    let articleId: number;
    let moderator: { id: number; name: string };
    const children: Child[] = [];
    const env = () => ({ ...shared.env, SESSION_SECRET: SECRET, TRUST_PROXY: 'true' });

    before(async () => {
      shared = await openSharedDatabase(dialect.name);
      db = shared.connect();
      await migrateToLatest(db);
      const section = await buildSection(db, { name: 'Société', slug: 'societe' });
      articleId = (await buildArticle(db, { section, title: 'La crue du fleuve à Kalanga' })).id;
      const user = await buildUser(db, { name: 'Awa Modératrice', role: 'moderator' });
      moderator = { id: user.id, name: user.name };
    });
    after(async () => {
      for (const child of children) await child.kill9();
      await shared.close();
    });

    const startups: number[] = [];
    async function server(): Promise<ServerProcess> {
      const since = Date.now();
      const started = await startServer(env());
      startups.push(Date.now() - since);
      children.push(started);
      return started;
    }

    const bodyOf = (i: number) => `Témoignage n° ${i} : l’eau est montée jusqu’au marché.`;

    /** Posts comment i as a reader of its own would: own address, own email (per attempt). */
    async function post(url: string, i: number, attempt: number): Promise<Outcome> {
      const form = new URLSearchParams({
        name: `Lecteur ${i}`,
        email: `lecteur-${i}-${attempt}@example.org`,
        body: bodyOf(i),
        website: '',
        // A page served ten seconds ago: past the minimum fill time, well inside the lifetime.
        stamp: signFormStamp(SECRET, new Date(Date.now() - 10_000)),
      });
      try {
        const res = await fetch(`${url}/articles/${articleId}/commentaires`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: url,
            'x-forwarded-for': `10.${attempt}.${i >> 8}.${i & 255}`,
          },
          body: form.toString(),
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        return res.status === 303 ? 'acked' : res.status;
      } catch {
        return 'failed';
      }
    }

    /** Posts the given comments, IN_FLIGHT at a time, until done or until stop() says so. */
    async function postAll(
      url: string,
      ids: number[],
      attempt: number,
      stop: (outcome: Outcome) => boolean = () => false,
    ): Promise<Map<number, Outcome>> {
      const outcomes = new Map<number, Outcome>();
      let next = 0;
      let stopped = false;
      const lane = async () => {
        while (next < ids.length && !stopped) {
          const i = ids[next++]!;
          const outcome = await post(url, i, attempt);
          outcomes.set(i, outcome);
          if (stop(outcome)) stopped = true;
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
      return outcomes;
    }

    async function storedComments() {
      return db
        .selectFrom('comments')
        .select(['id', 'body', 'status', 'author_email'])
        .where('article_id', '=', articleId)
        .orderBy('id')
        .execute();
    }

    test('every comment acknowledged before a kill -9 is stored after the restart', async (t) => {
      const started = Date.now();
      const first = await server();
      let acked = 0;
      let killed: Promise<void> | undefined;
      const all = [...Array(POSTS).keys()];
      const outcomes = await postAll(first.url, all, 0, (outcome) => {
        if (outcome === 'acked' && ++acked >= KILL_AFTER_ACKS) killed ??= first.kill9();
        return killed !== undefined;
      });
      await killed;
      assert.equal(first.process.signalCode, 'SIGKILL');
      const ackedIds = [...outcomes].filter(([, o]) => o === 'acked').map(([i]) => i);
      const inDoubt = [...outcomes].filter(([, o]) => o === 'failed').map(([i]) => i);
      const refused = [...outcomes].filter(([, o]) => typeof o === 'number');
      assert.deepEqual(refused, [], 'no post refused before the kill');
      assert.ok(ackedIds.length >= KILL_AFTER_ACKS);

      // Restarted on the same database: every acknowledged comment is there, pending, intact.
      const second = await server();
      const rows = await storedComments();
      const byBody = new Map(rows.map((r) => [r.body, r]));
      const lost = ackedIds.filter((i) => byBody.get(bodyOf(i))?.status !== 'pending');
      assert.deepEqual(lost, [], 'acknowledged comments missing after the restart');
      for (const i of ackedIds)
        assert.equal(byBody.get(bodyOf(i))?.author_email, `lecteur-${i}-0@example.org`);
      const inDoubtStored = inDoubt.filter((i) => byBody.has(bodyOf(i)));

      // The rest is sent again (new address, new email): what the crash kept is a duplicate,
      // what it did not is stored now; in the end each comment is stored exactly once.
      const rest = all.filter((i) => outcomes.get(i) !== 'acked');
      const again = await postAll(second.url, rest, 1);
      for (const i of rest)
        assert.equal(again.get(i), byBody.has(bodyOf(i)) ? 409 : 'acked', `comment ${i} again`);
      const final = await storedComments();
      assert.equal(final.length, POSTS);
      assert.equal(new Set(final.map((r) => r.body)).size, POSTS);
      assert.ok(final.every((r) => r.status === 'pending'));
      await second.stop();

      t.diagnostic(
        `${dialect.name}: ${outcomes.size} posted before the kill, ${ackedIds.length} acknowledged, ` +
          `${ackedIds.length - lost.length} of them stored, lost = ${lost.length}; ` +
          `${inDoubt.length} cut off by the kill (${inDoubtStored.length} had been stored); ` +
          `${rest.length} sent again after the restart; ${final.length} stored in all; ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s, of which server starts ` +
          startups.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' and '),
      );
    });

    test('two processes approving one batch at once, one killed mid-way, queue one mail per approval', async (t) => {
      const started = Date.now();
      const batch = (await storedComments()).slice(0, BATCH).map((r) => r.id);
      assert.equal(batch.length, BATCH);
      const approverEnv = {
        ...env(),
        PUBLIC_URL,
        ACTOR_ID: String(moderator.id),
        ACTOR_NAME: moderator.name,
      };
      const [a, b] = [1, 2].map(() => spawnTsx(approver, batch.map(String), approverEnv)) as [
        Child,
        Child,
      ];
      children.push(a, b);
      await Promise.all([a.waitFor(/^ready$/m, 90_000), b.waitFor(/^ready$/m, 90_000)]);
      // Both start on the same ids at the same moment, so the decisions are contested.
      a.process.stdin?.write('go\n');
      b.process.stdin?.write('go\n');
      await a.waitFor((out) => decided(out, 'approved|already').length >= 30, 60_000);
      await a.kill9();
      assert.equal(a.process.signalCode, 'SIGKILL', 'killed before it was done');
      await b.waitFor(/^done$/m, 90_000);

      const byA = decided(a.output(), 'approved');
      const byB = decided(b.output(), 'approved');
      assert.deepEqual(
        byA.filter((id) => byB.includes(id)),
        [],
        'no comment approved by both processes',
      );
      assert.ok(byA.length + byB.length <= BATCH);

      const statuses = await db
        .selectFrom('comments')
        .select(['id', 'status'])
        .where('id', 'in', batch)
        .execute();
      assert.ok(statuses.every((c) => c.status === 'approved'));
      const events = await db
        .selectFrom('moderation_events')
        .select('comment_id')
        .where('comment_id', 'in', batch)
        .where('to_status', '=', 'approved')
        .execute();
      assert.equal(events.length, BATCH, 'one approval event per comment');
      const mails = await db
        .selectFrom('outbox')
        .select(['dedupe_key', 'kind'])
        .where('kind', '=', 'comment-approved')
        .execute();
      assert.deepEqual(
        mails.map((m) => m.dedupe_key).sort(),
        batch.map((id) => `comment-approved:${id}`).sort(),
        'exactly one approval mail per comment',
      );

      t.diagnostic(
        `${dialect.name}: ${BATCH} comments, ${byA.length} approved by the process killed mid-way, ` +
          `${byB.length} by the other (${decided(b.output(), 'already').length} found already decided), ` +
          `${BATCH - byA.length - byB.length} committed by the killed one unreported; ` +
          `${events.length} approval events, ${mails.length} mails queued; ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    });
  });
}
