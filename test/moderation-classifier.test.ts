import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { buildApp } from '../src/app.ts';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { classifierJob } from '../src/moderation/classifier/classifier-job.ts';
import {
  claimTrainingLease,
  countDecidedComments,
  releaseTrainingLease,
} from '../src/moderation/classifier/classifier.queries.ts';
import { generateCorpus } from '../src/seed/comment-corpus.ts';
import { insertCommentHistory, type HistoryComment } from '../src/seed/demo-moderation.ts';
import { buildArticle, buildComment, buildSection, buildUser } from './helpers/factories.ts';
import { hiddenValue } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const SPAM =
  'Gagnez 50 000 FCFA par semaine depuis chez vous ! Inscription gratuite sur https://gains-rapides.biz';
const GOOD =
  'Merci pour cet article. Le prix du riz a encore augmenté de 40 francs au marché de Zinder, comment font les familles ?';

for (const dialect of testDialects()) {
  describe(`moderation classifier on ${dialect.name}`, () => {
    let t: TestApp;
    let article: ArticleRow;
    let moderator: { id: number; name: string };
    let seedOffset = 0;

    /** Decided comments from the corpus, as a moderator decided them an hour after each. */
    async function decide(count: number, seed: number) {
      const now = t.clock.now().getTime();
      const history: HistoryComment[] = generateCorpus({ seed, count }).map((comment, i) => ({
        comment,
        createdAt: new Date(now - (count - i + seedOffset) * 60_000 - 3_600_000),
        decided: {
          status: comment.unwanted ? 'rejected' : 'approved',
          at: new Date(now - (count - i + seedOffset) * 60_000),
          by: moderator,
        },
        article: { id: article.id, title: article.title },
      }));
      seedOffset += count;
      await insertCommentHistory(t.db, history);
    }

    const models = () =>
      t.db.selectFrom('moderation_models').selectAll().orderBy('version').execute();

    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      article = await buildArticle(t.db, { section, title: 'Le prix du riz au marché' });
      moderator = await buildUser(t.db, {
        email: 'modo@griot.test',
        name: 'Awa Modo',
        role: 'moderator',
      });
      await buildUser(t.db, { email: 'auteur@griot.test', name: 'Un Auteur', role: 'author' });
    });
    after(() => t.close());

    test('below 200 decisions of each class no model is trained and the queue says why', async () => {
      await decide(300, 11);
      // The rules' automatic approvals of habitués (no actor) are not decisions to learn from.
      const counted = await countDecidedComments(t.db);
      const auto = await buildComment(t.db, article, { status: 'approved', body: 'Habitué.' });
      await t.db
        .insertInto('moderation_events')
        .values({
          comment_id: auto.id,
          actor_id: null,
          actor_name: 'Règles automatiques (habitué)',
          from_status: 'pending',
          to_status: 'approved',
          reason: null,
          at: t.clock.now().toISOString(),
        })
        .execute();
      assert.deepEqual(await countDecidedComments(t.db), counted);
      assert.equal(await classifierJob({ db: t.db }).run(t.clock.now()), 0);
      assert.equal((await models()).length, 0);
      const modo = await signIn(t, 'modo@griot.test');
      const page = await modo.get('/admin/moderation');
      assert.match(page.body, /Tri automatique inactif/);
      assert.doesNotMatch(page.body, /mod-score/);
    });

    test('the worker trains on the decisions once each class has 200, measured on held-out ones', async () => {
      await decide(900, 12);
      // Another instance holds the lease: this one trains nothing.
      t.clock.advance(61_000);
      const held = await claimTrainingLease(t.db, {
        now: t.clock.now(),
        leaseMs: 60_000,
        intervalMs: 0,
        checkMs: 0,
      });
      assert.ok(held);
      assert.equal(await classifierJob({ db: t.db }).run(t.clock.now()), 0);
      assert.equal((await models()).length, 0);
      await releaseTrainingLease(t.db, held, { now: t.clock.now(), trainedAt: undefined });
      // Decisions are counted at most once a minute across instances.
      assert.equal(await classifierJob({ db: t.db }).run(t.clock.now()), 0);
      t.clock.advance(61_000);
      assert.ok((await classifierJob({ db: t.db }).run(t.clock.now())) >= 1);
      const [model] = await models();
      assert.ok(model);
      assert.equal(model.version, 1);
      assert.equal(model.acceptable_examples + model.unwanted_examples, 1200);
      assert.ok(model.unwanted_examples >= 200 && model.acceptable_examples >= 200);
      assert.ok(model.held_out >= 200, `held out ${model.held_out}`);
      assert.ok(model.precision > 0.85, `precision ${model.precision}`);
      assert.ok(model.recall > 0.85, `recall ${model.recall}`);
      // Nothing new since: the next run trains nothing.
      t.clock.advance(11 * 60_000);
      await classifierJob({ db: t.db }).run(t.clock.now());
      assert.equal((await models()).length, 1);
    });

    test('another instance scores the queue with the stored model: band, share and reasons', async () => {
      const spam = await buildComment(t.db, article, {
        body: SPAM,
        created_at: '2026-11-23T11:10:00.000Z',
      });
      const good = await buildComment(t.db, article, {
        body: GOOD,
        created_at: '2026-11-23T11:20:00.000Z',
      });
      const other = await buildApp({
        config: t.config,
        db: t.db,
        dialect: t.dialect,
        clock: t.clock,
      });
      try {
        const modo = await signIn({ ...t, app: other }, 'modo@griot.test');
        const html = (await modo.get('/admin/moderation')).body;
        const doc = parse(html);
        const spamScore = doc.querySelector(`#c-${spam.id} .mod-score`);
        const goodScore = doc.querySelector(`#c-${good.id} .mod-score`);
        assert.ok(spamScore && goodScore, 'both items show a score');
        assert.match(spamScore.text, /Probablement indésirable/);
        assert.match(spamScore.text, /lien vers gains-rapides\.biz/);
        assert.match(goodScore.text, /Probablement acceptable/);
        assert.match(goodScore.text, /vers acceptable\s:\s\S+/);
        assert.ok(Number(spamScore.getAttribute('data-score')) >= 0.9);
        assert.ok(Number(goodScore.getAttribute('data-score')) <= 0.1);
        assert.equal(hiddenValue(html, 'bande-version'), '1');
        const rows = await t.db.selectFrom('comment_scores').selectAll().execute();
        assert.equal(rows.length, 2);
        assert.equal(JSON.parse(rows.find((r) => r.comment_id === spam.id)!.reasons).length, 5);
      } finally {
        await other.close();
      }
    });

    test('the queue sorts by score either way', async () => {
      const modo = await signIn(t, 'modo@griot.test');
      const first = async (tri: string) =>
        parse((await modo.get(`/admin/moderation?tri=${tri}`)).body)
          .querySelector('.mod-item .comment-body')!
          .text.trim();
      assert.match(await first('indesirable'), /gains-rapides/);
      assert.match(await first('acceptable'), /prix du riz/);
      const arrival = parse((await modo.get('/admin/moderation')).body);
      assert.match(arrival.querySelector('.mod-item .comment-body')!.text, /gains-rapides/);
    });

    test('ticking the ≥ 90 % unwanted band decides those comments and no other', async () => {
      const extra = await buildComment(t.db, article, {
        body: 'Prêt rapide sans garantie entre particuliers, réponse en 24 h : www.pret-express.top',
        created_at: '2026-11-23T11:30:00.000Z',
      });
      const modo = await signIn(t, 'modo@griot.test');
      const page = await modo.get('/admin/moderation?tri=indesirable');
      assert.match(page.body, /Tous les indésirables à 90\s% ou plus \(2\)/);
      const res = await modo.post('/admin/moderation/decider', {
        _csrf: hiddenValue(page.body, '_csrf'),
        retour: '/admin/moderation',
        bulk: 'spam',
        bande: 'unwanted',
        'bande-version': hiddenValue(page.body, 'bande-version'),
        'bande-avant': hiddenValue(page.body, 'bande-avant'),
      });
      assert.equal(res.statusCode, 303);
      assert.match(res.headers.location as string, /fait=2/);
      const statuses = await t.db
        .selectFrom('comments')
        .select(['body', 'status'])
        .where('status', 'in', ['pending', 'spam'])
        .where('body_hash', 'not like', 'corpus-%')
        .execute();
      assert.equal(statuses.find((c) => c.body === GOOD)?.status, 'pending');
      assert.equal(statuses.find((c) => c.body === SPAM)?.status, 'spam');
      assert.equal(statuses.find((c) => c.body === extra.body)?.status, 'spam');
      // Agreeing with the score is no correction.
      const scores = await t.db.selectFrom('comment_scores').select('corrected_to').execute();
      assert.ok(scores.every((s) => s.corrected_to === null));
    });

    test('a decision against the score is recorded as a correction and the next training weighs it', async () => {
      const good = await t.db
        .selectFrom('comments')
        .select('id')
        .where('body', '=', GOOD)
        .executeTakeFirstOrThrow();
      const modo = await signIn(t, 'modo@griot.test');
      const page = await modo.get('/admin/moderation');
      await modo.post('/admin/moderation/decider', {
        _csrf: hiddenValue(page.body, '_csrf'),
        retour: '/admin/moderation',
        decision: `reject:${good.id}:pending`,
      });
      const score = await t.db
        .selectFrom('comment_scores')
        .selectAll()
        .where('comment_id', '=', good.id)
        .executeTakeFirstOrThrow();
      assert.equal(score.corrected_to, 'rejected');
      assert.equal(score.corrected_at, t.clock.now().toISOString());
      // 50 more decisions and ten minutes later, the worker trains model 2 with the correction.
      await decide(60, 13);
      t.clock.advance(11 * 60_000);
      await classifierJob({ db: t.db }).run(t.clock.now());
      const all = await models();
      assert.equal(all.length, 2);
      assert.equal(all[1]!.corrections, 1);
      assert.equal(all[1]!.acceptable_examples + all[1]!.unwanted_examples, 1200 + 3 + 60);
      // The app picks the new version up on its next page.
      await buildComment(t.db, article, { body: SPAM, created_at: '2026-11-23T11:40:00.000Z' });
      const again = await modo.get('/admin/moderation');
      assert.equal(hiddenValue(again.body, 'bande-version'), '2');
    });

    test('the desk’s page shows the classifier’s figures and the two charts, for moderators only', async () => {
      const modo = await signIn(t, 'modo@griot.test');
      const res = await modo.get('/admin/moderation/statistiques');
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.match(doc.querySelector('#tri-automatique')!.text, /Actif\s:\smodèle n°\s2/);
      assert.match(doc.querySelector('#precision')!.text, /précision \d+(,\d)?\s%/);
      assert.match(doc.querySelector('#rappel')!.text, /rappel \d+(,\d)?\s%/);
      assert.ok(doc.querySelector('#attente-file svg.daily-chart'));
      assert.ok(doc.querySelector('#decisions-moderateurs svg.daily-chart'));
      const header = doc.querySelectorAll('#decisions-moderateurs thead th').map((th) => th.text);
      assert.ok(header.includes('Awa Modo'));
      // Every decision of the tests (corpus, band, correction) counted over the two days they span.
      const totals = doc
        .querySelectorAll('#decisions-moderateurs tbody tr')
        .map((tr) => Number(tr.querySelectorAll('td').at(-1)!.text));
      assert.equal(totals.length, 14);
      assert.equal(
        totals.reduce((a, b) => a + b, 0),
        Number(
          (
            await t.db
              .selectFrom('moderation_events')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              // Moderators' decisions: the habitué approved by the rules (first test) is not one.
              .where('actor_id', 'is not', null)
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
      const author = await signIn(t, 'auteur@griot.test');
      assert.equal((await author.get('/admin/moderation/statistiques')).statusCode, 403);
    });
  });
}
