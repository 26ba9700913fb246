import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { REPORTS_PER_WINDOW } from '../src/comments/comment-report.ts';
import type { CommentRow } from '../src/comments/comment.table.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildComment, buildSection, buildUser } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let n = 0;
const nextIp = () => `198.18.9.${++n}`;

for (const dialect of testDialects()) {
  describe(`readers' reports on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let article: ArticleRow;
    let path: string;
    let published: CommentRow;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      await buildUser(t.db, { email: 'modo@griot.test', name: 'Awa Modo', role: 'moderator' });
      await buildUser(t.db, { email: 'plume@griot.test', name: 'Une Plume', role: 'author' });
    });
    after(() => t.close());
    beforeEach(async () => {
      article = await buildArticle(t.db, { section, title: `Le marché de Kalanga, ${++n}` });
      path = `/societe/${article.slug}`;
      published = await buildComment(t.db, article, {
        status: 'approved',
        body: `Un avis publié, numéro ${n}, qui déplaît à quelqu’un.`,
        moderated_at: '2026-11-23T11:30:00.000Z',
      });
    });

    /** A reader opens the report form and sends it. */
    async function report(
      reader: Browser,
      commentId: number,
      fields: Record<string, string> = { reason: 'abuse' },
    ) {
      const form = await reader.get(`/commentaires/${commentId}/signaler`);
      assert.equal(form.statusCode, 200);
      return reader.post(`/commentaires/${commentId}/signaler`, {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...fields,
      });
    }

    const openReports = (commentId: number) =>
      t.db
        .selectFrom('comment_reports')
        .selectAll()
        .where('comment_id', '=', commentId)
        .where('closed_at', 'is', null)
        .execute();

    test('each published comment has a tiny « Signaler » link to a form that works without script', async () => {
      const reader = new Browser(t, nextIp());
      const page = parse((await reader.get(path)).body);
      const link = page.querySelector(`#comment-${published.id} a.comment-report`);
      assert.equal(link?.getAttribute('href'), `/commentaires/${published.id}/signaler`);
      assert.equal(link?.text, 'Signaler');
      assert.equal(link?.getAttribute('rel'), 'nofollow');

      const res = await reader.get(`/commentaires/${published.id}/signaler`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.match(String(res.headers['x-robots-tag']), /noindex/);
      const form = parse(res.body).querySelector(
        `form[action="/commentaires/${published.id}/signaler"]`,
      );
      assert.ok(form);
      assert.ok(form.querySelector('input[name=_csrf]')?.getAttribute('value'));
      assert.equal(form.querySelectorAll('select[name=reason] option').length, 8);
      assert.ok(form.querySelector('textarea[name=note]'));
      assert.equal(parse(res.body).querySelectorAll('script:not([src])').length, 0);
    });

    test('a report is stored with its reason and note, the client only as a keyed hash', async () => {
      const ip = nextIp();
      const res = await report(new Browser(t, ip), published.id, {
        reason: 'hate',
        note: '  Propos   haineux envers un quartier.  ',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/commentaires/${published.id}/signaler?envoye=1`);
      const [row] = await openReports(published.id);
      assert.equal(row?.reason, 'hate');
      assert.equal(row?.note, 'Propos   haineux envers un quartier.');
      assert.ok(row?.reporter_hash && !row.reporter_hash.includes(ip));
      assert.doesNotMatch(JSON.stringify(row), /198\.18\./);
      const thanks = await new Browser(t, ip).get(String(res.headers.location));
      assert.match(parse(thanks.body).querySelector('[role=status]')?.text ?? '', /Merci/);
    });

    test('the form refuses a missing token, another site and a missing reason', async () => {
      const reader = new Browser(t, nextIp());
      await reader.get(`/commentaires/${published.id}/signaler`);
      const noToken = await reader.post(`/commentaires/${published.id}/signaler`, {
        reason: 'spam',
      });
      assert.equal(noToken.statusCode, 403);
      const form = await reader.get(`/commentaires/${published.id}/signaler`);
      const token = hiddenValue(form.body, '_csrf');
      const elsewhere = await reader.post(
        `/commentaires/${published.id}/signaler`,
        { _csrf: token, reason: 'spam' },
        { origin: 'https://evil.example' },
      );
      assert.equal(elsewhere.statusCode, 403);
      const noReason = await reader.post(`/commentaires/${published.id}/signaler`, {
        _csrf: token,
        reason: 'nimporte',
        note: 'gardé',
      });
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /Choisissez un motif/);
      assert.match(noReason.body, />gardé</);
      assert.deepEqual(await openReports(published.id), []);
    });

    test('only a published comment can be reported', async () => {
      const pending = await buildComment(t.db, article);
      const reader = new Browser(t, nextIp());
      assert.equal((await reader.get(`/commentaires/${pending.id}/signaler`)).statusCode, 404);
      assert.equal((await reader.get('/commentaires/999999/signaler')).statusCode, 404);
    });

    test('reports are rate-limited per client, and one client reports a comment once', async () => {
      const reader = new Browser(t, nextIp());
      assert.equal((await report(reader, published.id)).statusCode, 303);
      assert.equal((await report(reader, published.id)).statusCode, 303);
      assert.equal((await openReports(published.id)).length, 1);
      for (let i = 1; i < REPORTS_PER_WINDOW; i++) {
        const other = await buildComment(t.db, article, { status: 'approved' });
        assert.equal((await report(reader, other.id)).statusCode, 303);
      }
      const one = await buildComment(t.db, article, { status: 'approved' });
      const limited = await report(reader, one.id);
      assert.equal(limited.statusCode, 429);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.match(limited.body, /beaucoup de signalements/);
      // Another reader is not held back, and the window passes.
      assert.equal((await report(new Browser(t, nextIp()), one.id)).statusCode, 303);
      t.clock.advance(11 * 60_000);
      const two = await buildComment(t.db, article, { status: 'approved' });
      assert.equal((await report(reader, two.id)).statusCode, 303);
    });

    test('a reported comment comes back to the queue with its reports; keeping it closes them', async () => {
      await report(new Browser(t, nextIp()), published.id, {
        reason: 'abuse',
        note: '<b>injure</b>',
      });
      await report(new Browser(t, nextIp()), published.id, { reason: 'abuse' });
      await report(new Browser(t, nextIp()), published.id, { reason: 'off-topic' });
      const modo = await signIn(t, 'modo@griot.test');
      const queue = parse((await modo.get('/admin/moderation')).body);
      const tab = queue.querySelector('.tabs a[href="/admin/moderation/signalements"]');
      assert.ok(tab);
      assert.match(tab.text, /Signalés\s*\d+/);

      const res = await modo.get('/admin/moderation/signalements');
      assert.equal(res.statusCode, 200);
      // The reader's note is escaped.
      assert.doesNotMatch(res.body, /<b>injure<\/b>/);
      assert.match(res.body, /&lt;b&gt;injure&lt;\/b&gt;/);
      const item = parse(res.body).querySelector(`#c-${published.id}`);
      assert.ok(item);
      assert.match(item.querySelector('header .badge-report')?.text ?? '', /3 signalements/);
      const counts = item.querySelectorAll('.rule-badges .badge-report').map((b) => b.text);
      assert.deepEqual(counts, ['Injurieux ou insultant × 2', 'Hors sujet × 1']);

      const kept = await modo.post(`/admin/moderation/commentaires/${published.id}/signalements`, {
        _csrf: hiddenValue(res.body, '_csrf'),
        action: 'garder',
      });
      assert.equal(kept.statusCode, 303);
      assert.deepEqual(await openReports(published.id), []);
      const row = await t.db
        .selectFrom('comments')
        .select('status')
        .where('id', '=', published.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'approved');
      const events = await t.db
        .selectFrom('moderation_events')
        .select(['actor_name', 'reason'])
        .where('comment_id', '=', published.id)
        .execute();
      assert.deepEqual(events, [{ actor_name: 'Awa Modo', reason: '3 signalements classés' }]);
      const after = parse((await modo.get('/admin/moderation/signalements?fait=kept')).body);
      assert.equal(after.querySelector(`#c-${published.id}`), null);
    });

    test('unpublishing a reported comment takes it off the article page on every instance', async () => {
      const reader = new Browser(t, nextIp());
      // The page is cached with the comment in it.
      assert.match((await reader.get(path)).body, new RegExp(`id="comment-${published.id}"`));
      assert.match((await reader.get(path)).body, new RegExp(`id="comment-${published.id}"`));
      const versionBefore = await t.db
        .selectFrom('content_changes')
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirst();
      await report(new Browser(t, nextIp()), published.id, { reason: 'personal' });
      const modo = await signIn(t, 'modo@griot.test');
      const page = await modo.get('/admin/moderation/signalements');
      const res = await modo.post(`/admin/moderation/commentaires/${published.id}/signalements`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        action: 'depublier',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/moderation/signalements?fait=unpublished');
      const row = await t.db
        .selectFrom('comments')
        .select(['status', 'reason'])
        .where('id', '=', published.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'rejected', reason: 'Signalé par des lecteurs' });
      assert.deepEqual(await openReports(published.id), []);
      // The change log names the thread's key, which every instance and the CDN purge read.
      const changes = await t.db
        .selectFrom('content_changes')
        .select('key')
        .where('version', '>', Number(versionBefore?.v ?? 0))
        .execute();
      assert.ok(
        changes.some((c) => c.key === `comments-${article.id}`),
        JSON.stringify(changes),
      );
      assert.doesNotMatch(
        (await reader.get(path)).body,
        new RegExp(`id="comment-${published.id}"`),
      );
      // A second unpublish finds it already done.
      const again = await modo.post(`/admin/moderation/commentaires/${published.id}/signalements`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        action: 'depublier',
      });
      assert.equal(again.headers.location, '/admin/moderation/signalements?fait=already');
    });

    test('the reports page is the moderators’ and refuses forged actions', async () => {
      const author = await signIn(t, 'plume@griot.test');
      assert.equal((await author.get('/admin/moderation/signalements')).statusCode, 403);
      await report(new Browser(t, nextIp()), published.id);
      const modo = await signIn(t, 'modo@griot.test');
      const noToken = await modo.post(
        `/admin/moderation/commentaires/${published.id}/signalements`,
        {
          action: 'depublier',
        },
      );
      assert.equal(noToken.statusCode, 403);
      assert.equal((await openReports(published.id)).length, 1);
    });
  });
}
