import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { findModerationSettings } from '../src/moderation/moderation-settings.queries.ts';
import { AUTO_APPROVER } from '../src/moderation/rules/screen-new-comment.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildComment, buildSection, buildUser } from './helpers/factories.ts';
import { Browser, formStamp, hiddenValue } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let n = 0;
const nextIp = () => `198.18.7.${++n}`;

for (const dialect of testDialects()) {
  describe(`moderation rules at submission on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let article: ArticleRow;
    let path: string;
    let editor: Browser;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      await buildUser(t.db, { email: 'chef@griot.test', name: 'Chef Édition', role: 'editor' });
      await buildUser(t.db, { email: 'modo@griot.test', name: 'Awa Modo', role: 'moderator' });
      editor = await signIn(t, 'chef@griot.test');
    });
    after(() => t.close());
    beforeEach(async () => {
      article = await buildArticle(t.db, { section, title: `La rentrée à Kalanga, ${++n}` });
      path = `/societe/${article.slug}`;
    });

    async function comment(fields: Record<string, string>, reader = new Browser(t, nextIp())) {
      await reader.get(path);
      const stamp = await formStamp(reader);
      // Past the flood window, for comments sent with one address.
      t.clock.advance(16_000);
      const res = await reader.post(`/articles/${article.id}/commentaires`, {
        stamp,
        name: 'Mariama',
        email: `mariama${++n}@example.org`,
        // Each text its own: the same text on another article is the repeated-text rule's.
        body: `Enfin une bonne nouvelle pour les familles de Kalanga, numéro ${n}.`,
        website: '',
        ...fields,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      return t.db
        .selectFrom('comments')
        .selectAll()
        .where('article_id', '=', article.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
    }

    async function labels(commentId: number) {
      const rows = await t.db
        .selectFrom('comment_rule_verdicts')
        .select(['label', 'verdict'])
        .where('comment_id', '=', commentId)
        .orderBy('position')
        .execute();
      return rows.map((r) => `${r.label}:${r.verdict}`);
    }

    async function saveRules(member: Browser, fields: Record<string, string>) {
      const page = await member.get('/admin/moderation/regles');
      return member.post('/admin/moderation/regles', {
        _csrf: hiddenValue(page.body, '_csrf'),
        maxLinks: '2',
        regularAfter: '5',
        capsPercent: '70',
        rejectedPercent: '60',
        ...fields,
      });
    }

    test('a plain comment waits, unlabelled', async () => {
      const c = await comment({});
      assert.equal(c.status, 'pending');
      assert.deepEqual(await labels(c.id), []);
    });

    test('the newsroom edits the rules in the admin; the next comment meets them', async () => {
      const res = await saveRules(editor, {
        bannedWords: 'ordure\ncasino en ligne',
        suspectWords: 'vendu*',
        blockedDomains: 'Arnaque.example',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/moderation/regles?fait=1');
      const saved = await findModerationSettings(t.db);
      assert.deepEqual(saved.bannedWords, ['ordure', 'casino en ligne']);
      assert.deepEqual(saved.blockedDomains, ['arnaque.example']);
      const page = parse((await editor.get('/admin/moderation/regles?fait=1')).body);
      assert.match(page.querySelector('[role=status]')?.text ?? '', /Règles enregistrées/);
      assert.equal(page.querySelector('#regles-bannedWords')?.text, 'ordure\ncasino en ligne');

      const spam = await comment({ body: 'Ce ministre est une ORDURE, tout le monde le sait.' });
      assert.equal(spam.status, 'spam');
      assert.match(spam.reason ?? '', /Mot interdit : « ordure »/);
      assert.deepEqual(await labels(spam.id), ['banned-words:spam']);

      const link = await comment({ body: 'Gagnez gros sur https://www.bonus.arnaque.example/go' });
      assert.equal(link.status, 'spam');
      assert.deepEqual(await labels(link.id), ['blocked-domain:spam']);

      const flagged = await comment({ body: 'Encore des vendus qui décident pour nous tous.' });
      assert.equal(flagged.status, 'pending');
      assert.deepEqual(await labels(flagged.id), ['suspect-words:flag']);
    });

    test('the rules’ form checks its numbers, its CSRF token and who may use it', async () => {
      const bad = await saveRules(editor, { maxLinks: '-1', capsPercent: '300' });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /un nombre entier de 0 à 50/);
      assert.match(bad.body, /un nombre entier de 1 à 100/);
      const noToken = await editor.post('/admin/moderation/regles', { maxLinks: '9' });
      assert.equal(noToken.statusCode, 403);
      assert.notEqual((await findModerationSettings(t.db)).maxLinks, 9);
      // Like the queue's own settings: editors and admins, not moderators.
      const modo = await signIn(t, 'modo@griot.test');
      assert.equal((await modo.get('/admin/moderation/regles')).statusCode, 403);
      const queue = await modo.get('/admin/moderation');
      assert.doesNotMatch(queue.body, /href="\/admin\/moderation\/regles"/);
      assert.match(
        (await editor.get('/admin/moderation')).body,
        /href="\/admin\/moderation\/regles"/,
      );
    });

    test('links, capitals, another language and the same text elsewhere flag', async () => {
      const links = await comment({
        body: 'Voir https://a.example/1 et https://b.example/2 et https://c.example/3 aussi.',
      });
      assert.deepEqual(await labels(links.id), ['too-many-links:flag']);
      const caps = await comment({ body: 'ARRÊTEZ DE NOUS MENTIR SUR LES ÉCOLES DE KALANGA !' });
      assert.deepEqual(await labels(caps.id), ['all-caps:flag']);
      const english = await comment({
        body: 'This is a great article and I think the mayor is right about it.',
      });
      assert.deepEqual(await labels(english.id), ['other-language:flag']);

      const paste = 'Rejoignez notre groupe pour discuter de la vie du quartier chaque semaine.';
      const first = await comment({ body: paste });
      assert.deepEqual(await labels(first.id), []);
      article = await buildArticle(t.db, { section, title: `Un autre article ${++n}` });
      path = `/societe/${article.slug}`;
      const again = await comment({ body: `${paste.toUpperCase().toLowerCase()}  ` });
      assert.deepEqual(await labels(again.id), ['repeated-text:flag']);
    });

    test('an address mostly refused is flagged', async () => {
      const email = `souvent${++n}@example.org`;
      for (const status of ['rejected', 'rejected', 'spam', 'approved'] as const)
        await buildComment(t.db, article, { author_email: email, status });
      const c = await comment({ email });
      assert.deepEqual(await labels(c.id), ['rejected-history:flag']);
    });

    test('the queue shows each item’s rule badges, filters by rule, and spam is restored from its tab', async () => {
      await saveRules(editor, { bannedWords: 'ordure', suspectWords: 'vendu*' });
      const spam = await comment({ body: 'Quelle ordure ce projet de loi sur les écoles.' });
      const flagged = await comment({ body: 'Le maire est un vendu, tout simplement.' });
      const modo = await signIn(t, 'modo@griot.test');

      const spamTab = parse((await modo.get('/admin/moderation?statut=spam')).body);
      const item = spamTab.querySelector(`#c-${spam.id}`);
      assert.ok(item, 'the spammed comment is in the spam tab');
      assert.match(item.querySelector('.rule-spam')?.text ?? '', /Mot interdit.*«\s*ordure\s*»/);

      const filtered = parse(
        (await modo.get(`/admin/moderation?regle=suspect-words&article=${article.id}`)).body,
      );
      const ids = filtered.querySelectorAll('.mod-item').map((a) => a.id);
      assert.deepEqual(ids, [`c-${flagged.id}`]);
      assert.equal(
        filtered.querySelector('#filtre-regle option[selected]')?.getAttribute('value'),
        'suspect-words',
      );
      // The count of the filtered tab, and its links keep the filter.
      assert.match(filtered.querySelector('.tabs a[aria-current=page]')?.text ?? '', /1/);
      assert.ok(filtered.querySelector('.tabs a[href*="regle=suspect-words"]'));
      // An unknown label is no filter, never an error.
      assert.equal((await modo.get('/admin/moderation?regle=%3Cscript%3E')).statusCode, 200);

      const restore = await modo.post('/admin/moderation/decider', {
        _csrf: hiddenValue(spamTab.toString(), '_csrf'),
        decision: `approve:${spam.id}:spam`,
      });
      assert.equal(restore.statusCode, 303);
      const row = await t.db
        .selectFrom('comments')
        .select('status')
        .where('id', '=', spam.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'approved');
    });

    test('a banned word with markup shows escaped in the queue', async () => {
      await saveRules(editor, { bannedWords: '<img src=x onerror=alert(1)>' });
      const c = await comment({ body: 'Voici <img src=x onerror=alert(1)> pour vous.' });
      assert.equal(c.status, 'spam');
      const modo = await signIn(t, 'modo@griot.test');
      const html = (await modo.get('/admin/moderation?statut=spam&regle=banned-words')).body;
      assert.doesNotMatch(html, /<img src=x/);
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
      await saveRules(editor, { bannedWords: '' });
    });

    test('a habitué is labelled but waits, unless the newsroom turns automatic approval on', async () => {
      await saveRules(editor, {});
      assert.equal((await findModerationSettings(t.db)).autoApproveRegulars, false);
      const email = `habitue${++n}@example.org`;
      for (let i = 0; i < 5; i++)
        await buildComment(t.db, article, { author_email: email, status: 'approved' });
      const waiting = await comment({ email, body: 'Toujours aussi juste, merci à la rédaction.' });
      assert.equal(waiting.status, 'pending');
      assert.deepEqual(await labels(waiting.id), ['regular:trusted']);

      // Turned on: approved at once, with its audit event, its mail, and the page shows it.
      const reader = new Browser(t, nextIp());
      assert.doesNotMatch((await reader.get(path)).body, /Bravo pour ce suivi/);
      assert.equal((await saveRules(editor, { autoApproveRegulars: '1' })).statusCode, 303);
      const approved = await comment(
        { email, body: 'Bravo pour ce suivi des écoles de Kalanga.' },
        reader,
      );
      assert.equal(approved.status, 'approved');
      assert.equal(approved.moderated_by, null);
      const events = await t.db
        .selectFrom('moderation_events')
        .selectAll()
        .where('comment_id', '=', approved.id)
        .execute();
      assert.equal(events.length, 1);
      assert.equal(events[0]!.actor_name, AUTO_APPROVER);
      assert.equal(events[0]!.to_status, 'approved');
      const mails = await t.db
        .selectFrom('outbox')
        .select('kind')
        .where('dedupe_key', '=', `comment-approved:${approved.id}`)
        .execute();
      assert.deepEqual(mails, [{ kind: 'comment-approved' }]);
      const page = parse((await new Browser(t, nextIp()).get(path)).body);
      assert.match(
        page.querySelector(`#comment-${approved.id}`)?.text ?? '',
        /Bravo pour ce suivi/,
      );

      // A habitué who writes a suspect word still waits.
      await saveRules(editor, { autoApproveRegulars: '1', suspectWords: 'vendu*' });
      const held = await comment({ email, body: 'Ces vendus ne changeront jamais rien ici.' });
      assert.equal(held.status, 'pending');
      assert.deepEqual(await labels(held.id), ['suspect-words:flag', 'regular:trusted']);
      await saveRules(editor, {});
    });
  });
}
