import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { buildApp } from '../src/app.ts';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { REPORT_WINDOW_MS, REPORTS_PER_WINDOW } from '../src/comments/comment-report.ts';
import { FLOOD_WINDOW_MS } from '../src/comments/comment.ts';
import { expireSessionsJob } from '../src/jobs/expire-sessions.ts';
import { SUBSCRIBE_PER_CLIENT, SUBSCRIBE_WINDOW_MS } from '../src/newsletter/newsletter.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildComment, buildSection } from './helpers/factories.ts';
import { Browser, formStamp, hiddenValue } from './helpers/http.ts';
import { createTestApp, testConfig, testDialects, type TestApp } from './helpers/setup.ts';

let n = 0;
let client = 0;
const nextIp = () => `198.18.40.${++client}`;
const BURST = 20;

/** How many responses came back with each status, e.g. { 303: 5, 429: 15 }. */
function tally(responses: LightMyRequestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
}

for (const dialect of testDialects()) {
  describe(`shared rate limits on ${dialect.name}`, () => {
    let t: TestApp;
    /** A second instance of the app on the same database, as behind a load balancer. */
    let other: TestApp;
    let section: Section;
    let article: ArticleRow;

    before(async () => {
      t = await createTestApp(dialect);
      const app = await buildApp({
        config: testConfig(t.dataDir),
        db: t.database.connectAgain(),
        dialect: t.dialect,
        clock: t.clock,
      });
      other = { ...t, app };
      section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
    });
    after(async () => {
      await other.app.close();
      await t.close();
    });
    beforeEach(async () => {
      article = await buildArticle(t.db, { section, title: `Le marché de Kalanga, ${++n}` });
    });

    /** Readers on one client address, each instance's browser with its own cookies. */
    function readers(ip: string): Browser[] {
      return [new Browser(t, ip), new Browser(other, ip)];
    }

    /** Opens the report forms of fresh published comments, then sends them all at once. */
    async function reportBurst(browsers: Browser[], count: number) {
      const forms: { reader: Browser; id: number; csrf: string }[] = [];
      for (let i = 0; i < count; i++) {
        const comment = await buildComment(t.db, article, { status: 'approved' });
        const reader = browsers[i % browsers.length]!;
        const page = await reader.get(`/commentaires/${comment.id}/signaler`);
        assert.equal(page.statusCode, 200);
        forms.push({ reader, id: comment.id, csrf: hiddenValue(page.body, '_csrf') });
      }
      const responses = await Promise.all(
        forms.map(({ reader, id, csrf }) =>
          reader.post(`/commentaires/${id}/signaler`, {
            _csrf: csrf,
            reason: 'spam',
            note: `Note ${id}`,
          }),
        ),
      );
      return { responses, ids: forms.map((f) => f.id) };
    }

    const reportsFrom = (ids: number[]) =>
      t.db.selectFrom('comment_reports').select('id').where('comment_id', 'in', ids).execute();

    test(`${BURST} parallel reports from one client let exactly ${REPORTS_PER_WINDOW} through, the others refused in French with the note kept`, async () => {
      const { responses, ids } = await reportBurst([new Browser(t, nextIp())], BURST);
      assert.deepEqual(tally(responses), {
        303: REPORTS_PER_WINDOW,
        429: BURST - REPORTS_PER_WINDOW,
      });
      assert.equal((await reportsFrom(ids)).length, REPORTS_PER_WINDOW);
      for (const res of responses.filter((r) => r.statusCode === 429)) {
        assert.match(res.body, /beaucoup de signalements/);
        assert.match(res.body, />Note \d+</);
        assert.equal(res.headers['retry-after'], String(REPORT_WINDOW_MS / 1000));
      }
    });

    test('reports split over two instances share one limit, and the window expires', async () => {
      const ip = nextIp();
      const first = await reportBurst(readers(ip), BURST);
      assert.deepEqual(tally(first.responses), {
        303: REPORTS_PER_WINDOW,
        429: BURST - REPORTS_PER_WINDOW,
      });
      assert.equal((await reportsFrom(first.ids)).length, REPORTS_PER_WINDOW);

      // A minute before the window ends the client is still held back, on either instance.
      t.clock.advance(REPORT_WINDOW_MS - 60_000);
      const still = await reportBurst(readers(ip), 2);
      assert.deepEqual(tally(still.responses), { 429: 2 });
      t.clock.advance(60_000);
      const next = await reportBurst(readers(ip), BURST);
      assert.deepEqual(tally(next.responses), {
        303: REPORTS_PER_WINDOW,
        429: BURST - REPORTS_PER_WINDOW,
      });
    });

    /** Opens the subscription form on each browser, then sends every address at once. */
    async function subscribeBurst(browsers: Browser[], emails: string[]) {
      const forms: { reader: Browser; email: string; csrf: string }[] = [];
      for (const [i, email] of emails.entries()) {
        const reader = browsers[i % browsers.length]!;
        const page = await reader.get('/newsletter');
        forms.push({ reader, email, csrf: hiddenValue(page.body, '_csrf') });
      }
      return Promise.all(
        forms.map(({ reader, email, csrf }) => reader.post('/newsletter', { _csrf: csrf, email })),
      );
    }

    const addresses = (prefix: string, count = BURST) =>
      Array.from({ length: count }, (_, i) => `${prefix}${++n}-${i}@example.org`);

    const subscribersLike = (prefix: string) =>
      t.db
        .selectFrom('newsletter_subscribers')
        .select('email')
        .where('email', 'like', `${prefix}%`)
        .execute();

    test(`${BURST} parallel subscriptions from one client let exactly ${SUBSCRIBE_PER_CLIENT} addresses through, the others refused with the address kept`, async () => {
      const responses = await subscribeBurst([new Browser(t, nextIp())], addresses('rafale'));
      assert.deepEqual(tally(responses), {
        303: SUBSCRIBE_PER_CLIENT,
        429: BURST - SUBSCRIBE_PER_CLIENT,
      });
      assert.equal((await subscribersLike('rafale')).length, SUBSCRIBE_PER_CLIENT);
      for (const res of responses.filter((r) => r.statusCode === 429)) {
        assert.match(res.body, /Trop de demandes/);
        assert.match(res.body, /value="rafale\d+-\d+@example\.org"/);
      }
    });

    test('subscriptions split over two instances share one limit, and the hour expires', async () => {
      const ip = nextIp();
      const first = await subscribeBurst(readers(ip), addresses('deux'));
      assert.deepEqual(tally(first), {
        303: SUBSCRIBE_PER_CLIENT,
        429: BURST - SUBSCRIBE_PER_CLIENT,
      });
      assert.equal((await subscribersLike('deux')).length, SUBSCRIBE_PER_CLIENT);

      t.clock.advance(SUBSCRIBE_WINDOW_MS - 60_000);
      assert.deepEqual(tally(await subscribeBurst(readers(ip), addresses('encore', 2))), {
        429: 2,
      });
      t.clock.advance(60_000);
      const next = await subscribeBurst(readers(ip), addresses('heure'));
      assert.deepEqual(tally(next), {
        303: SUBSCRIBE_PER_CLIENT,
        429: BURST - SUBSCRIBE_PER_CLIENT,
      });
    });

    test('asking again for an address already asked for in the window does not use up the limit', async () => {
      const reader = new Browser(t, nextIp());
      const [same] = addresses('meme', 1);
      for (let i = 0; i < SUBSCRIBE_PER_CLIENT + 2; i++)
        assert.equal((await subscribeBurst([reader], [same!]))[0]!.statusCode, 303);
      const others = await subscribeBurst([reader], addresses('autre', SUBSCRIBE_PER_CLIENT));
      assert.deepEqual(tally(others), { 303: SUBSCRIBE_PER_CLIENT - 1, 429: 1 });
    });

    test('parallel comments from one client over two instances: exactly one is stored, the others refused with their text', async () => {
      const ip = nextIp();
      const browsers = readers(ip);
      const path = `/societe/${article.slug}`;
      const stamps: string[] = [];
      for (const reader of browsers) {
        await reader.get(path);
        stamps.push(await formStamp(reader));
      }
      t.clock.advance(5000);
      const bodies = Array.from({ length: BURST }, (_, i) => `Message ${i} de la rafale.`);
      const responses = await Promise.all(
        bodies.map((body, i) =>
          browsers[i % 2]!.post(`/articles/${article.id}/commentaires`, {
            stamp: stamps[i % 2]!,
            name: 'Mariama',
            email: `lectrice${++n}@example.org`,
            body,
            website: '',
          }),
        ),
      );
      assert.deepEqual(tally(responses), { 303: 1, 429: BURST - 1 });
      for (const res of responses.filter((r) => r.statusCode === 429)) {
        assert.match(res.body, /Patientez quelques secondes/);
        assert.ok(bodies.includes(parse(res.body).querySelector('#comment-body')?.text ?? ''));
      }
      const stored = await t.db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', article.id)
        .execute();
      assert.equal(stored.length, 1);

      t.clock.advance(FLOOD_WINDOW_MS + 1000);
      const later = await browsers[1]!.post(`/articles/${article.id}/commentaires`, {
        stamp: stamps[1]!,
        name: 'Mariama',
        email: `lectrice${++n}@example.org`,
        body: 'Plus tard, sur l’autre instance.',
        website: '',
      });
      assert.equal(later.statusCode, 303);
    });

    test('counters hold only keyed hashes of clients, and the worker prunes ended windows', async () => {
      const ip = nextIp();
      await reportBurst([new Browser(t, ip)], 1);
      await subscribeBurst([new Browser(t, ip)], addresses('trace', 1));
      const rows = await t.db.selectFrom('rate_limits').selectAll().execute();
      assert.ok(rows.length >= 2);
      for (const row of rows) assert.ok(!row.key_hash.includes('198.18.'), row.key_hash);

      const job = expireSessionsJob({ db: t.db });
      const now = t.clock.now();
      await job.run(now);
      const scopes = async () =>
        (await t.db.selectFrom('rate_limits').select('scope').execute()).map((r) => r.scope);
      assert.ok((await scopes()).includes('comment-report'), 'a running window is kept');
      await job.run(new Date(now.getTime() + REPORT_WINDOW_MS));
      assert.ok(!(await scopes()).includes('comment-report'), 'the ended report window is gone');
      assert.ok((await scopes()).includes('newsletter-subscribe'), 'the hour is not over');
      await job.run(new Date(now.getTime() + SUBSCRIBE_WINDOW_MS));
      assert.deepEqual(await scopes(), []);
    });
  });
}
