import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { ageBandEdges, bandsFromCounts, countPerDay } from '../src/admin/dashboard-charts.tsx';
import { insertComment } from '../src/comments/comment.queries.ts';
import type { User } from '../src/users/user.table.ts';
import { buildArticle, buildSection, buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let n = 0;

// The clock says 2026-11-23T12:00Z, 13:00 in Niamey (UTC+1), the newsroom's default zone.
for (const dialect of testDialects()) {
  describe(`newsroom dashboard on ${dialect.name}`, () => {
    let t: TestApp;
    let author: User;
    const a: Record<string, ArticleRow> = {};

    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      author = await buildUser(t.db, {
        email: 'awa@griot.test',
        name: 'Awa Auteure',
        role: 'author',
      });
      await buildUser(t.db, { email: 'chef@griot.test', name: 'Chef Édition', role: 'editor' });
      await buildUser(t.db, { email: 'admin@griot.test', name: 'Admin', role: 'admin' });
      await buildUser(t.db, { email: 'modo@griot.test', name: 'Modo', role: 'moderator' });
      const build = (title: string, values: Partial<ArticleRow>) =>
        buildArticle(t.db, { section, title, author_id: author.id, ...values });
      a.submitted = await build('Brouillon soumis', {
        status: 'draft',
        published_at: null,
        submitted_at: '2026-11-23T09:15:00.000Z',
      });
      a.draft = await build('Brouillon en cours', { status: 'draft', published_at: null });
      a.scheduled = await build('Article programmé', {
        status: 'scheduled',
        published_at: '2026-11-24T06:30:00.000Z',
      });
      a.today = await build('Publié ce matin', { published_at: '2026-11-23T08:00:00.000Z' });
      // 23:30 UTC on the 22nd is 00:30 on the 23rd in Niamey: today for the newsroom.
      a.justAfterMidnight = await build('Publié après minuit', {
        published_at: '2026-11-22T23:30:00.000Z',
      });
      a.yesterday = await build('Publié hier soir', { published_at: '2026-11-22T22:30:00.000Z' });
      for (const [i, note] of ['Création', 'Enregistrement', 'Publié'].entries())
        await t.db
          .insertInto('article_revisions')
          .values({
            article_id: a.today.id,
            version: i + 1,
            snapshot: '{}',
            edited_by: null,
            editor_name: 'Chef Édition',
            note,
            edited_at: `2026-11-23T0${7 + i}:00:00.000Z`,
          })
          .execute();
      for (const minutes of [90, 20])
        await insertComment(t.db, {
          article_id: a.today.id,
          article_title: a.today.title,
          parent_id: null,
          author_name: 'Lectrice',
          author_email: `lectrice${minutes}@example.org`,
          body: `Un commentaire en attente ${minutes}`,
          body_hash: `hash-${minutes}`,
          status: 'pending',
          notify_replies: 0,
          ip_hash: 'x',
          created_at: new Date(
            Date.parse('2026-11-23T12:00:00.000Z') - minutes * 60_000,
          ).toISOString(),
          moderated_at: null,
          moderated_by: null,
          reason: null,
        });
    });
    after(() => t.close());

    async function dashboard(email: string) {
      const member = new Browser(t, `192.0.2.${++n}`);
      await member.login(email, TEST_PASSWORD);
      const res = await member.get('/admin');
      assert.equal(res.statusCode, 200);
      return parse(res.body);
    }

    const linked = (doc: HTMLElement, block: string) =>
      doc
        .querySelectorAll(`#${block} a[href^="/admin/articles/"]`)
        .map((l) => l.getAttribute('href'))
        .filter((href) => !href?.endsWith('/versions'));
    const href = (row: ArticleRow) => `/admin/articles/${row.id}`;

    test('an editor sees the review queue, the schedule, today’s articles, activity and comments', async () => {
      const doc = await dashboard('chef@griot.test');
      assert.deepEqual(linked(doc, 'relecture'), [href(a.submitted!)]);
      assert.match(
        doc.querySelector('#relecture')!.text,
        /Awa Auteure.*23 novembre 2026 à 10\u00A0h\u00A015/,
      );
      assert.deepEqual(linked(doc, 'programmes'), [href(a.scheduled!)]);
      assert.match(doc.querySelector('#programmes')!.text, /24 novembre 2026 à 7\u00A0h\u00A030/);
      assert.deepEqual(linked(doc, 'publies-aujourdhui'), [
        href(a.today!),
        href(a.justAfterMidnight!),
      ]);
      const activity = doc.querySelectorAll('#activite li').map((li) => li.text);
      assert.equal(activity.length, 3);
      assert.match(activity[0]!, /Chef Édition\u00A0: Publié — Publié ce matin/);
      assert.match(activity[2]!, /Création/);
      assert.match(
        doc.querySelector('#commentaires')!.text,
        /2 en attente, le plus ancien depuis 1\u00A0h 30\u00A0min/,
      );
    });

    test('an author sees the schedule, today and activity, but neither the review queue nor comments', async () => {
      const doc = await dashboard('awa@griot.test');
      assert.equal(doc.querySelector('#relecture'), null);
      assert.equal(doc.querySelector('#commentaires'), null);
      assert.deepEqual(linked(doc, 'programmes'), [href(a.scheduled!)]);
      assert.ok(doc.querySelector('#activite'));
    });

    test('a moderator sees only the comments', async () => {
      const doc = await dashboard('modo@griot.test');
      assert.ok(doc.querySelector('#commentaires'));
      for (const block of ['relecture', 'programmes', 'publies-aujourdhui', 'activite'])
        assert.equal(doc.querySelector(`#${block}`), null, block);
    });

    test('the morning figures: articles per newsroom day over 30 days, comments waiting by age, each with its table', async () => {
      const doc = await dashboard('chef@griot.test');
      const published = doc.querySelector('#publies-par-jour')!;
      const chart = published.querySelector('svg[role="img"]')!;
      assert.equal(
        chart.querySelector('title')!.text,
        'Articles publiés par jour, 30 derniers jours',
      );
      // One bar per day with articles: the 22nd and the 23rd, newsroom time.
      assert.equal(chart.querySelectorAll('rect.chart-bar').length, 2);
      const rows = published
        .querySelectorAll('tbody tr')
        .map((tr) => [tr.querySelector('th')!.text, Number(tr.querySelector('td')!.text)]);
      assert.equal(rows.length, 30);
      assert.deepEqual(rows[0], ['25\u00A0oct.', 0]);
      assert.deepEqual(rows.slice(-2), [
        ['22\u00A0nov.', 1],
        ['23\u00A0nov.', 2],
      ]);
      assert.equal(
        published.querySelector('summary')!.text,
        'Le plus\u00A0: 2 le 23\u00A0nov.\u202F; 3 articles en 30\u00A0jours, 0,1 par jour en moyenne.',
      );
      const pending = doc.querySelector('#commentaires-par-age')!;
      assert.deepEqual(
        pending
          .querySelectorAll('tbody tr')
          .map((tr) => [tr.querySelector('th')!.text, Number(tr.querySelector('td')!.text)]),
        [
          ['moins d’1 h', 1],
          ['1 à 6 h', 1],
          ['6 à 24 h', 0],
          ['1 à 3 j', 0],
          ['plus de 3 j', 0],
        ],
      );
      assert.equal(
        pending.querySelector('summary')!.text,
        '2 commentaires en attente\u202F; le plus ancien attend depuis 1\u00A0h 30\u00A0min.',
      );
      assert.equal(pending.querySelectorAll('rect.chart-bar').length, 2);
      // Most read is its own block, from counted views only: none here, so no made-up list.
      assert.doesNotMatch(doc.querySelector('#en-chiffres')!.text, /ne les compte pas encore/);
      assert.equal(doc.querySelectorAll('#les-plus-lus li').length, 0);
      assert.match(
        doc.querySelector('#les-plus-lus')!.text,
        /Aucune lecture comptée ces dernières 24 heures/,
      );
      // Each reader of the dashboard gets the figures of their work.
      const author = await dashboard('awa@griot.test');
      assert.ok(author.querySelector('#publies-par-jour'));
      assert.equal(author.querySelector('#commentaires-par-age'), null);
      const moderator = await dashboard('modo@griot.test');
      assert.ok(moderator.querySelector('#commentaires-par-age'));
      assert.equal(moderator.querySelector('#publies-par-jour'), null);
    });

    test('age bands and days: a comment exactly 1 h old is in « 1 à 6 h », a day is the newsroom’s', () => {
      const now = new Date('2026-11-23T12:00:00.000Z');
      const edges = ageBandEdges(now);
      assert.deepEqual(
        edges.map((d) => d.toISOString()),
        [
          '2026-11-23T11:00:00.000Z',
          '2026-11-23T06:00:00.000Z',
          '2026-11-22T12:00:00.000Z',
          '2026-11-20T12:00:00.000Z',
        ],
      );
      // Written at or after each edge: 3, 5, 5, 9; 12 waiting in all.
      assert.deepEqual(bandsFromCounts([3, 5, 5, 9], 12), [3, 2, 0, 4, 3]);
      const days = countPerDay(
        ['2026-10-24T22:59:00.000Z', '2026-10-24T23:00:00.000Z', '2026-11-23T22:59:00.000Z'],
        now,
        'Africa/Niamey',
      );
      assert.equal(days.length, 30);
      assert.deepEqual(days[0], { day: '2026-10-25', count: 1 });
      assert.deepEqual(days.at(-1), { day: '2026-11-23', count: 1 });
    });

    test('an admin sees every block; an empty review queue says so', async () => {
      const admin = new Browser(t, `192.0.2.${++n}`);
      await admin.login('admin@griot.test', TEST_PASSWORD);
      const page = await admin.get(`/admin/articles/${a.submitted!.id}`);
      const res = await admin.post(`/admin/articles/${a.submitted!.id}/etat`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        transition: 'publish',
      });
      assert.equal(res.statusCode, 303);
      const doc = parse((await admin.get('/admin')).body);
      assert.deepEqual(linked(doc, 'relecture'), []);
      assert.match(doc.querySelector('#relecture')!.text, /Aucun brouillon soumis/);
      assert.equal(linked(doc, 'publies-aujourdhui')[0], href(a.submitted!), 'just published');
      assert.match(
        doc.querySelectorAll('#activite li')[0]!.text,
        /Admin\u00A0: Publié — Brouillon soumis/,
      );
      assert.ok(doc.querySelector('#commentaires'));
    });
  });
}
