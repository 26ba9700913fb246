import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { deleteArticle } from '../src/articles/article.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection, buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { Browser, formStamp, hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let ipCounter = 0;
const nextIp = () => `198.18.0.${++ipCounter}`;

for (const dialect of testDialects()) {
  describe(`reader comments on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let article: ArticleRow;
    let path: string;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      await buildUser(t.db, {
        email: 'modo@griot.test',
        name: 'Awa Modératrice',
        role: 'moderator',
      });
      await buildUser(t.db, { email: 'modo2@griot.test', name: 'Issa Second', role: 'moderator' });
      await buildUser(t.db, { email: 'auteur@griot.test', name: 'Un Auteur', role: 'author' });
    });
    after(() => t.close());
    beforeEach(async () => {
      article = await buildArticle(t.db, {
        section,
        title: `Les écoles rouvrent à Kalanga, épisode ${++ipCounter}`,
      });
      path = `/societe/${article.slug}`;
    });

    /**
     * Loads the article like a reader, starts writing (the form's script fetches its stamp then),
     * takes a person's time, and sends the form.
     */
    async function comment(
      reader: Browser,
      fields: Record<string, string>,
      opts: { wait?: number; url?: string } = {},
    ) {
      await reader.get(opts.url ?? path);
      const stamp = await formStamp(reader);
      t.clock.advance(opts.wait ?? 5000);
      return reader.post(`/articles/${article.id}/commentaires`, {
        stamp,
        name: 'Mariama',
        email: `mariama${ipCounter}@example.org`,
        body: 'Enfin une bonne nouvelle pour les familles.',
        website: '',
        ...fields,
      });
    }

    async function outbox() {
      return t.db.selectFrom('outbox').selectAll().orderBy('id').execute();
    }

    /** The one comment written on this test's article. */
    async function theComment() {
      return t.db
        .selectFrom('comments')
        .selectAll()
        .where('article_id', '=', article.id)
        .executeTakeFirstOrThrow();
    }

    /** A newsroom member signed in through the login form. */
    async function signIn(email = 'modo@griot.test') {
      const member = new Browser(t, nextIp());
      await member.login(email, TEST_PASSWORD);
      return member;
    }

    /** Posts a decision from the queue page, with its CSRF token. */
    async function decide(member: Browser, fields: Record<string, string | string[]>) {
      const queue = await member.get('/admin/moderation');
      return member.post('/admin/moderation/decider', {
        _csrf: hiddenValue(queue.body, '_csrf'),
        ...fields,
      });
    }

    test('the article invites comments, names the article, explains moderation and hides the email', async () => {
      const doc = parse((await new Browser(t).get(path)).body);
      const section = doc.querySelector('#commentaires');
      assert.ok(section);
      assert.match(
        doc.querySelector('#reagir-titre')?.text ?? '',
        /Réagissez à l’article «\u00A0Les écoles rouvrent à Kalanga/,
      );
      assert.match(section.text, /publiés après validation par l’équipe/);
      assert.match(section.text, /Un courriel vous confirmera/);
      for (const name of ['name', 'email', 'body', 'notify', 'website']) {
        assert.ok(doc.querySelector(`#comment-form [name="${name}"]`), name);
      }
      // A shared page carries no stamp: the form's script fetches one when the reader starts.
      assert.equal(doc.querySelector('#comment-form [name="stamp"]'), null);
      assert.match(
        doc.querySelector('label[for="comment-website"]')?.text ?? '',
        /Ne remplissez pas/,
      );
      assert.equal(doc.querySelector('.comments-link')?.getAttribute('href'), '#commentaires');
      assert.equal(doc.querySelector('.comments-link')?.text, 'Aucun commentaire');
    });

    test('a comment is acknowledged, shown as pending to its author only, and mails no one', async () => {
      const reader = new Browser(t, nextIp());
      const res = await comment(reader, { notify: '1' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${path}?commentaire=envoye#votre-commentaire`);
      const mine = await reader.get(`${path}?commentaire=envoye`);
      assert.match(mine.headers['cache-control'] as string, /private, no-store/);
      const doc = parse(mine.body);
      assert.match(
        doc.querySelector('.comment-thanks')?.text ?? '',
        /Votre commentaire a bien été pris en compte/,
      );
      assert.match(doc.querySelector('.comment-thanks')?.text ?? '', /courriel vous le confirmera/);
      const pending = doc.querySelector('.comment-pending');
      assert.match(pending?.text ?? '', /Enfin une bonne nouvelle/);
      assert.match(pending?.querySelector('.badge')?.text ?? '', /en attente de modération/);
      const link = pending?.querySelector('.comment-private a');
      assert.equal(link?.text, 'Voir votre commentaire');

      // Later visits still show it to its author, without the thanks.
      const later = parse((await reader.get(path)).body);
      assert.ok(later.querySelector('.comment-pending'));
      assert.equal(later.querySelector('.comment-thanks'), null);

      // Another reader sees nothing of it, from a shareable (cached) page.
      const other = await new Browser(t, nextIp()).get(`${path}?commentaire=envoye`);
      assert.doesNotMatch(other.body, /Enfin une bonne nouvelle/);
      assert.match(other.headers['cache-control'] as string, /public/);
      assert.doesNotMatch(other.body, /mariama\d*@example\.org/);

      assert.equal((await outbox()).length, 0, 'no email before approval');
    });

    test('the private link shows the comment’s state and refuses tampering or expiry', async () => {
      const reader = new Browser(t, nextIp());
      await comment(reader, { body: 'Je veux suivre ce dossier de près.' });
      const doc = parse((await reader.get(path)).body);
      const href = doc.querySelector('.comment-private a')?.getAttribute('href') ?? '';
      assert.match(href, /^\/commentaires\/\d+\?jeton=/);

      const anywhere = new Browser(t, nextIp()); // another device: no cookie, only the link
      const view = await anywhere.get(href);
      assert.equal(view.statusCode, 200);
      assert.match(view.headers['cache-control'] as string, /no-store/);
      assert.equal(view.headers['referrer-policy'], 'no-referrer');
      assert.match(view.body, /en attente de modération/);
      assert.match(view.body, /Je veux suivre ce dossier/);

      const id = /\/commentaires\/(\d+)/.exec(href)![1];
      assert.equal(
        (await anywhere.get(`/commentaires/${id}`)).statusCode,
        404,
        'no token, not published: nothing',
      );
      assert.equal(
        (await anywhere.get(href.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).statusCode,
        404,
      );
      assert.equal(
        (await anywhere.get(href.replace(`/commentaires/${id}`, `/commentaires/${Number(id) + 1}`)))
          .statusCode,
        404,
      );
      t.clock.advance(31 * 24 * 3600_000);
      assert.equal((await anywhere.get(href)).statusCode, 404, 'expired after 30 days');
    });

    test('invalid fields come back in French with everything typed kept', async () => {
      const reader = new Browser(t, nextIp());
      const long = 'x'.repeat(5001);
      const res = await comment(reader, {
        name: 'M',
        email: 'pas-une-adresse',
        body: long,
        notify: '1',
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.headers['cache-control'] as string, /no-store/);
      const doc = parse(res.body);
      assert.match(
        doc.querySelector('#erreur-name')?.text ?? '',
        /Indiquez votre nom, entre 2 et 80 caractères/,
      );
      assert.match(doc.querySelector('#erreur-email')?.text ?? '', /adresse e-mail valide/);
      assert.match(
        doc.querySelector('#erreur-body')?.text ?? '',
        /entre 2 et 5\u202F000 caractères \(il en compte 5\u202F001\)/,
      );
      assert.equal(doc.querySelector('#comment-name')?.getAttribute('value'), 'M');
      assert.equal(doc.querySelector('#comment-email')?.getAttribute('value'), 'pas-une-adresse');
      assert.equal(doc.querySelector('#comment-body')?.text, long);
      assert.ok(doc.querySelector('input[name="notify"]')?.hasAttribute('checked'));
      assert.ok(hiddenValue(res.body, 'stamp'), 'a fresh stamp to send again');
      const rows = await t.db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', article.id)
        .execute();
      assert.equal(rows.length, 0);
    });

    test('a form sent too fast is refused with the text kept, and accepted when sent again', async () => {
      const reader = new Browser(t, nextIp());
      const res = await comment(reader, { body: 'Réponse envoyée bien trop vite.' }, { wait: 500 });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /n’a pas pu être vérifié/);
      assert.equal(
        parse(res.body).querySelector('#comment-body')?.text,
        'Réponse envoyée bien trop vite.',
      );
      t.clock.advance(3000);
      const again = await reader.post(`/articles/${article.id}/commentaires`, {
        stamp: hiddenValue(res.body, 'stamp'),
        name: 'Mariama',
        email: 'rapide@example.org',
        body: 'Réponse envoyée bien trop vite.',
      });
      assert.equal(again.statusCode, 303);
    });

    test('flood control answers 429 and duplicate detection stores one row', async () => {
      const reader = new Browser(t, nextIp());
      assert.equal(
        (await comment(reader, { email: 'flood@example.org', body: 'Premier message.' }))
          .statusCode,
        303,
      );
      const flood = await comment(
        reader,
        { email: 'autre@example.org', body: 'Deuxième message, trop tôt.' },
        { wait: 3000 },
      );
      assert.equal(flood.statusCode, 429);
      assert.match(flood.body, /Patientez quelques secondes/);
      assert.equal(
        parse(flood.body).querySelector('#comment-body')?.text,
        'Deuxième message, trop tôt.',
      );

      const someoneElse = new Browser(t, nextIp());
      const dup = await comment(
        someoneElse,
        { email: 'copie@example.org', body: 'premier   MESSAGE' },
        { wait: 20_000 },
      );
      assert.equal(dup.statusCode, 409);
      assert.match(dup.body, /déjà été envoyé/);
      const rows = await t.db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', article.id)
        .execute();
      assert.equal(rows.length, 1);
    });

    test('a filled honeypot is kept as spam, never shown as pending', async () => {
      const bot = new Browser(t, nextIp());
      const res = await comment(bot, {
        website: 'http://spam.example',
        body: 'Achetez maintenant !',
      });
      assert.equal(res.statusCode, 303);
      const row = await theComment();
      assert.equal(row.status, 'spam');
      assert.equal(parse((await bot.get(path)).body).querySelector('.comment-pending'), null);
    });

    test('a form posted from another site is refused, with the text kept', async () => {
      const reader = new Browser(t, nextIp());
      await reader.get(path);
      const stamp = await formStamp(reader);
      t.clock.advance(5000);
      const res = await reader.post(
        `/articles/${article.id}/commentaires`,
        {
          stamp,
          name: 'Mariama',
          email: 'm@example.org',
          body: 'Texte forgé ailleurs.',
        },
        { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      );
      assert.equal(res.statusCode, 403);
      assert.equal(parse(res.body).querySelector('#comment-body')?.text, 'Texte forgé ailleurs.');
      const rows = await t.db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', article.id)
        .execute();
      assert.equal(rows.length, 0);
    });

    test('approval publishes the comment, queues exactly one email, and the permalink finds it', async () => {
      const reader = new Browser(t, nextIp());
      await comment(reader, {
        name: 'Ousmane <b>',
        email: 'ousmane@example.org',
        body: 'Merci pour cet article.\nTrès clair. Voir https://example.org/ecoles',
      });
      const row = await theComment();

      const modo = await signIn();
      const queue = await modo.get('/admin/moderation');
      assert.equal(queue.statusCode, 200);
      const q = parse(queue.body);
      assert.ok(q.querySelector(`#c-${row.id}`));
      assert.match(q.querySelector(`#c-${row.id}`)?.text ?? '', /ousmane@example\.org/);
      const res = await modo.post('/admin/moderation/decider', {
        _csrf: hiddenValue(queue.body, '_csrf'),
        decision: `approve:${row.id}:pending`,
        retour: '/admin/moderation',
      });
      assert.equal(res.statusCode, 303);
      assert.match(res.headers.location as string, /fait=1/);

      const publicPage = parse((await new Browser(t, nextIp()).get(path)).body);
      const shown = publicPage.querySelector(`#comment-${row.id}`);
      assert.ok(shown, 'public in the thread');
      assert.equal(shown.querySelector('.comment-author')?.text, 'Ousmane <b>');
      assert.match(
        shown.querySelector('.comment-body')?.innerHTML ?? '',
        /Merci pour cet article\.<br\s*\/?>Très clair/,
      );
      assert.equal(
        shown.querySelector('a[rel="nofollow ugc noopener"]')?.getAttribute('href'),
        'https://example.org/ecoles',
      );
      assert.doesNotMatch(publicPage.toString(), /ousmane@example\.org/);
      assert.equal(publicPage.querySelector('.comments-link')?.text, '1 commentaire');

      const mails = (await outbox()).filter((m) => m.ref_id === row.id);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.kind, 'comment-approved');
      assert.equal(mails[0]!.to_address, 'ousmane@example.org');
      assert.match(mails[0]!.text_body, new RegExp(`https://griot.test/commentaires/${row.id}`));
      assert.match(mails[0]!.subject, /en ligne/);

      const permalink = await new Browser(t, nextIp()).get(`/commentaires/${row.id}`);
      assert.equal(permalink.statusCode, 302);
      assert.equal(permalink.headers.location, `${path}#comment-${row.id}`);

      // Approving again (a stale form) changes nothing and sends nothing more.
      const stale = await modo.post('/admin/moderation/decider', {
        _csrf: hiddenValue(queue.body, '_csrf'),
        decision: `approve:${row.id}:pending`,
        retour: '/admin/moderation',
      });
      assert.match(stale.headers.location as string, new RegExp(`deja=${row.id}`));
      const after = await modo.get(stale.headers.location as string);
      assert.match(
        after.body,
        new RegExp(`n°${row.id} a déjà été modéré par Awa Modératrice \\(approuvé\\)`),
      );
      assert.equal((await outbox()).filter((m) => m.ref_id === row.id).length, 1);
    });

    test('two moderators approving at once: one wins, one email', async () => {
      const reader = new Browser(t, nextIp());
      await comment(reader, { email: 'course@example.org', body: 'Un commentaire très disputé.' });
      const row = await theComment();
      const a = new Browser(t, nextIp());
      const b = new Browser(t, nextIp());
      await a.login('modo@griot.test', TEST_PASSWORD);
      await b.login('modo2@griot.test', TEST_PASSWORD);
      const [qa, qb] = await Promise.all([a.get('/admin/moderation'), b.get('/admin/moderation')]);
      const [ra, rb] = await Promise.all([
        a.post('/admin/moderation/decider', {
          _csrf: hiddenValue(qa.body, '_csrf'),
          decision: `approve:${row.id}:pending`,
        }),
        b.post('/admin/moderation/decider', {
          _csrf: hiddenValue(qb.body, '_csrf'),
          decision: `approve:${row.id}:pending`,
        }),
      ]);
      const locations = [ra.headers.location, rb.headers.location] as string[];
      assert.equal(locations.filter((l) => /fait=1/.test(l)).length, 1, locations.join(' | '));
      assert.equal(locations.filter((l) => new RegExp(`deja=${row.id}`).test(l)).length, 1);
      assert.equal((await outbox()).filter((m) => m.ref_id === row.id).length, 1);
      const events = await t.db
        .selectFrom('moderation_events')
        .selectAll()
        .where('comment_id', '=', row.id)
        .execute();
      assert.equal(events.length, 1);
    });

    test('a reply is pre-moderated, shown under its parent, and notifies the opted-in parent once', async () => {
      const parentAuthor = new Browser(t, nextIp());
      await comment(parentAuthor, {
        email: 'parent@example.org',
        body: 'Qui finance ces travaux ?',
        notify: '1',
      });
      const parent = await theComment();
      const modo = await signIn();
      await decide(modo, { decision: `approve:${parent.id}:pending` });

      const replier = new Browser(t, nextIp());
      const page = parse((await replier.get(path)).body);
      const replyLink =
        page.querySelector(`#comment-${parent.id} .comment-reply`)?.getAttribute('href') ?? '';
      assert.equal(replyLink, `${path}?repondre=${parent.id}#reagir`);
      const res = await comment(
        replier,
        {
          email: 'reponse@example.org',
          body: 'La région, selon le budget voté.',
          parent: String(parent.id),
        },
        { url: replyLink.replace(/#.*/, '') },
      );
      assert.equal(res.statusCode, 303);
      const reply = await t.db
        .selectFrom('comments')
        .selectAll()
        .where('parent_id', '=', parent.id)
        .executeTakeFirstOrThrow();
      assert.equal(reply.status, 'pending');

      const queue = await modo.get('/admin/moderation');
      assert.match(
        parse(queue.body).querySelector(`#c-${reply.id} .mod-parent`)?.text ?? '',
        /Qui finance ces travaux/,
      );
      await modo.post('/admin/moderation/decider', {
        _csrf: hiddenValue(queue.body, '_csrf'),
        decision: `approve:${reply.id}:pending`,
      });

      const thread = parse((await new Browser(t, nextIp()).get(path)).body);
      assert.ok(
        thread
          .querySelector(`#comment-${parent.id}`)
          ?.parentNode?.querySelector(`.replies #comment-${reply.id}`),
      );
      const notices = (await outbox()).filter(
        (m) => m.kind === 'reply-notice' && m.ref_id === reply.id,
      );
      assert.equal(notices.length, 1);
      assert.equal(notices[0]!.to_address, 'parent@example.org');
      const unsubscribe =
        /(https:\/\/griot\.test\/commentaires\/desabonnement\?jeton=\S+)/.exec(
          notices[0]!.text_body,
        )?.[1] ?? '';
      assert.ok(JSON.parse(notices[0]!.headers)['List-Unsubscribe'].includes(unsubscribe));

      const local = unsubscribe.replace('https://griot.test', '');
      const confirm = await new Browser(t, nextIp()).get(local);
      assert.match(confirm.body, /parent@example\.org/);
      const done = await new Browser(t, nextIp()).post(
        local,
        { 'List-Unsubscribe': 'One-Click' },
        { origin: '' },
      );
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /vous ne recevrez plus/);
      const after = await t.db
        .selectFrom('comments')
        .select('notify_replies')
        .where('id', '=', parent.id)
        .executeTakeFirstOrThrow();
      assert.equal(after.notify_replies, 0);
      assert.equal(
        (await new Browser(t, nextIp()).post(local.replace(/.$/, 'x'), {})).statusCode,
        400,
      );
    });

    test('closed comments keep the thread, hide the form, and give back a late text', async () => {
      const closed = await buildArticle(t.db, {
        section,
        title: 'Article aux commentaires fermés',
        comments: 'closed',
      });
      const reader = new Browser(t, nextIp());
      const page = await reader.get(`/societe/${closed.slug}`);
      const doc = parse(page.body);
      assert.equal(doc.querySelector('#comment-form'), null);
      assert.match(doc.querySelector('#commentaires')?.text ?? '', /Les commentaires sont fermés/);
      t.clock.advance(5000);
      const res = await reader.post(`/articles/${closed.id}/commentaires`, {
        stamp: hiddenValue(page.body, 'stamp'),
        name: 'Tardif',
        email: 'tard@example.org',
        body: 'Trop tard pour ce texte ?',
      });
      assert.equal(res.statusCode, 403);
      assert.equal(
        parse(res.body).querySelector('#comment-kept')?.text,
        'Trop tard pour ce texte ?',
      );
    });

    test('deleting an article keeps its comments and their audit trail', async () => {
      const reader = new Browser(t, nextIp());
      await comment(reader, { email: 'archive@example.org', body: 'À garder pour l’histoire.' });
      const row = await theComment();
      const modo = await signIn();
      await decide(modo, {
        decision: `reject:${row.id}:pending`,
        [`reason-${row.id}`]: 'Hors sujet',
        [`note-${row.id}`]: 'aucun rapport',
      });
      await deleteArticle(t.db, article.id);
      const kept = await t.db
        .selectFrom('comments')
        .selectAll()
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      assert.equal(kept.article_id, null);
      assert.equal(kept.article_title, article.title);
      assert.equal(kept.reason, 'Hors sujet — aucun rapport');
      const events = await t.db
        .selectFrom('moderation_events')
        .selectAll()
        .where('comment_id', '=', row.id)
        .execute();
      assert.equal(events.length, 1);
      const rejected = parse((await modo.get('/admin/moderation?statut=rejected')).body);
      const item = rejected.querySelector(`#c-${row.id}`);
      assert.match(item?.text ?? '', /article supprimé/);
      assert.match(
        item?.querySelector('.mod-audit')?.text ?? '',
        /Awa Modératrice\u00A0: en attente → rejeté \(Hors sujet — aucun rapport\)/,
      );
    });

    test('the queue shows counts, the oldest pending age, filters by article, and decides in bulk', async () => {
      for (let i = 0; i < 3; i++) {
        await comment(
          new Browser(t, nextIp()),
          { email: `lot${i}-${ipCounter}@example.org`, body: `Commentaire du lot numéro ${i}.` },
          { wait: 20_000 },
        );
      }
      const mine = await t.db
        .selectFrom('comments')
        .select(['id', 'status'])
        .where('article_id', '=', article.id)
        .execute();
      assert.equal(mine.length, 3);
      const modo = await signIn();
      const queue = await modo.get(`/admin/moderation?article=${article.id}`);
      const doc = parse(queue.body);
      assert.match(doc.querySelector('.tabs a[aria-current="page"]')?.text ?? '', /En attente\s*3/);
      assert.match(
        doc.querySelector('.mod-summary')?.text ?? '',
        /Le plus ancien attend depuis \d/,
      );
      assert.equal(doc.querySelectorAll('.mod-item').length, 3);
      assert.equal(
        doc.querySelector('#filtre-article option[selected]')?.getAttribute('value'),
        String(article.id),
      );
      const res = await modo.post('/admin/moderation/decider', {
        _csrf: hiddenValue(queue.body, '_csrf'),
        bulk: 'reject',
        ids: mine.map((c) => `${c.id}:pending`),
        'bulk-reason': 'Hors sujet',
        retour: `/admin/moderation?article=${article.id}`,
      });
      assert.match(res.headers.location as string, /fait=3/);
      const after = await t.db
        .selectFrom('comments')
        .select(['status', 'reason'])
        .where('article_id', '=', article.id)
        .execute();
      assert.deepEqual(
        after.map((c) => c.status),
        ['rejected', 'rejected', 'rejected'],
      );
      assert.ok(after.every((c) => c.reason === 'Hors sujet'));
      const rejectedTab = parse(
        (await modo.get(`/admin/moderation?statut=rejected&article=${article.id}`)).body,
      );
      assert.match(
        rejectedTab.querySelector('.tabs a[aria-current="page"]')?.text ?? '',
        /Rejetés\s*3/,
      );
      assert.equal(
        (await outbox()).filter((m) => mine.some((c) => c.id === m.ref_id)).length,
        0,
        'rejection mail is off by default',
      );
    });

    test('a decision without a valid CSRF token is refused', async () => {
      await comment(new Browser(t, nextIp()), { body: 'Protégé contre les requêtes forgées.' });
      const row = await t.db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', article.id)
        .executeTakeFirstOrThrow();
      const modo = await signIn();
      const res = await modo.post('/admin/moderation/decider', {
        _csrf: 'forged',
        decision: `approve:${row.id}:pending`,
      });
      assert.equal(res.statusCode, 403);
      const still = await t.db
        .selectFrom('comments')
        .select('status')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      assert.equal(still.status, 'pending');
    });

    test('threads page after 50 top-level comments, replies staying with their parent', async () => {
      const rows = Array.from({ length: 53 }, (_, i) => ({
        article_id: article.id,
        article_title: article.title,
        parent_id: null,
        author_name: `Lecteur ${i + 1}`,
        author_email: `lecteur${i}@example.org`,
        body: `Commentaire approuvé numéro ${i + 1}`,
        body_hash: `hash-${article.id}-${i}`,
        status: 'approved' as const,
        notify_replies: 0,
        ip_hash: 'x',
        created_at: new Date(Date.UTC(2026, 10, 21, 0, i)).toISOString(),
        moderated_at: null,
        moderated_by: null,
        reason: null,
      }));
      await t.db.insertInto('comments').values(rows).execute();
      const last = await t.db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', article.id)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto('comments')
        .values({
          ...rows[0]!,
          parent_id: last.id,
          body: 'Réponse au dernier',
          body_hash: `r-${article.id}`,
        })
        .execute();
      const { bumpContentVersion } = await import('../src/cache/content-version.queries.ts');
      await bumpContentVersion(t.db);

      const first = parse((await new Browser(t, nextIp()).get(path)).body);
      assert.equal(first.querySelectorAll('.thread > li').length, 50);
      assert.equal(first.querySelector('.comments-link')?.text, '54 commentaires');
      assert.equal(
        first.querySelector('.comments .pager a')?.getAttribute('href'),
        `${path}?commentaires=2#commentaires`,
      );
      const second = parse((await new Browser(t, nextIp()).get(`${path}?commentaires=2`)).body);
      assert.equal(second.querySelectorAll('.thread > li').length, 3);
      assert.match(
        second.querySelector(`#comment-${last.id}`)?.parentNode?.text ?? '',
        /Réponse au dernier/,
      );
      const permalink = await new Browser(t, nextIp()).get(`/commentaires/${last.id}`);
      assert.equal(permalink.headers.location, `${path}?commentaires=2#comment-${last.id}`);
      assert.equal((await new Browser(t, nextIp()).get(`${path}?commentaires=9`)).statusCode, 404);
    });

    test('a site setting closes comments a number of days after publication', async () => {
      const editor = new Browser(t, nextIp());
      await buildUser(t.db, { email: `chef${ipCounter}@griot.test`, role: 'editor' });
      await editor.login(`chef${ipCounter}@griot.test`, TEST_PASSWORD);
      const queue = await editor.get('/admin/moderation');
      const res = await editor.post('/admin/moderation/reglages', {
        _csrf: hiddenValue(queue.body, '_csrf'),
        autoCloseDays: '2',
      });
      assert.equal(res.statusCode, 303);
      // The article was published on 20 November; the clock is past the 22nd.
      const doc = parse((await new Browser(t, nextIp()).get(path)).body);
      assert.equal(doc.querySelector('#comment-form'), null);
      assert.match(doc.querySelector('#commentaires')?.text ?? '', /Les commentaires sont fermés/);
      const again = await editor.post('/admin/moderation/reglages', {
        _csrf: hiddenValue(queue.body, '_csrf'),
        autoCloseDays: '0',
      });
      assert.equal(again.statusCode, 303);
      assert.ok(
        parse((await new Browser(t, nextIp()).get(path)).body).querySelector('#comment-form'),
      );
      const modo = await signIn();
      const q = await modo.get('/admin/moderation');
      assert.equal(
        (
          await modo.post('/admin/moderation/reglages', {
            _csrf: hiddenValue(q.body, '_csrf'),
            autoCloseDays: '5',
          })
        ).statusCode,
        403,
      );
    });

    test('with the setting on, a rejected author is emailed the reason', async () => {
      const editor = new Browser(t, nextIp());
      await buildUser(t.db, { email: `redac${ipCounter}@griot.test`, role: 'editor' });
      await editor.login(`redac${ipCounter}@griot.test`, TEST_PASSWORD);
      const queue = await editor.get('/admin/moderation');
      await editor.post('/admin/moderation/reglages', {
        _csrf: hiddenValue(queue.body, '_csrf'),
        autoCloseDays: '0',
        rejectionEmail: '1',
      });
      await comment(new Browser(t, nextIp()), {
        email: 'refuse@example.org',
        body: 'Un texte qui sera refusé.',
      });
      const row = await t.db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', article.id)
        .executeTakeFirstOrThrow();
      await decide(editor, {
        decision: `reject:${row.id}:pending`,
        [`reason-${row.id}`]: 'Propos injurieux ou haineux',
      });
      const mails = (await outbox()).filter((m) => m.ref_id === row.id);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.kind, 'comment-rejected');
      assert.equal(mails[0]!.to_address, 'refuse@example.org');
      assert.match(mails[0]!.text_body, /Motif\u00A0: Propos injurieux ou haineux/);
      await editor.post('/admin/moderation/reglages', {
        _csrf: hiddenValue(queue.body, '_csrf'),
        autoCloseDays: '0',
      });
    });

    test('authors have no access to the queue; moderators do', async () => {
      const author = new Browser(t, nextIp());
      await author.login('auteur@griot.test', TEST_PASSWORD);
      assert.equal((await author.get('/admin/moderation')).statusCode, 403);
      const visitor = await new Browser(t, nextIp()).get('/admin/moderation');
      assert.equal(visitor.statusCode, 303);
    });
  });
}
