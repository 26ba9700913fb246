import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { decideComment } from '../src/moderation/decide-comment.ts';
import { findSiteSettings } from '../src/settings/setting.queries.ts';
import { frenchSpacingHtml } from '../src/web/typography.ts';
import { buildDefaultSlots } from './helpers/ad-factories.ts';
import { buildArticle, buildComment, buildSection, buildUser } from './helpers/factories.ts';
import { hiddenValue } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

test('French spacing reaches text and the attributes readers hear, never code or what is typed', () => {
  const html =
    '<title>Votre Pub ici !</title><meta property="og:title" content="Le taux : 45,3 %">' +
    '<p title="Vraiment ?">L&#39;équipe ; « fin »</p><img alt="Photo : archives">' +
    '<input value="Bonjour !"><textarea>Tapé ; gardé</textarea><pre>a ; b</pre>' +
    '<code>x ? y : z</code><script>var a = b ? c : d;</script><style>a > b{}</style>' +
    '<a href="https://example.org/?q=1">14:05</a><p>après ?</p>';
  assert.equal(
    frenchSpacingHtml(html),
    `<title>Votre Pub ici${NNBSP}!</title><meta property="og:title" content="Le taux${NBSP}: 45,3${NNBSP}%">` +
      `<p title="Vraiment${NNBSP}?">L’équipe${NNBSP}; «${NBSP}fin${NBSP}»</p><img alt="Photo${NBSP}: archives">` +
      '<input value="Bonjour !"><textarea>Tapé ; gardé</textarea><pre>a ; b</pre>' +
      '<code>x ? y : z</code><script>var a = b ? c : d;</script><style>a > b{}</style>' +
      `<a href="https://example.org/?q=1">14:05</a><p>après${NNBSP}?</p>`,
  );
});

test('French spacing finds verbatim elements in any case, skips self-closed ones, and copies the rest', () => {
  const untouched = '<div class="a"><a href="https://x.example/?a=1;b=2">14:05</a></div>';
  // Nothing to change: the very same string, not a copy.
  assert.equal(frenchSpacingHtml(untouched), untouched);
  assert.equal(
    frenchSpacingHtml(
      '<PRE>a ; b</PRE><p>c ; d</p><code/>e ; f<Script>g ? h : i</SCRIPT >j : k' +
        '<textarea aria-label="Votre avis ?">l ; m</textarea><p>n ; o</p><!-- p : q -->',
    ),
    `<PRE>a ; b</PRE><p>c${NNBSP}; d</p><code/>e${NNBSP}; f<Script>g ? h : i</SCRIPT >j${NBSP}: k` +
      `<textarea aria-label="Votre avis ?">l ; m</textarea><p>n${NNBSP}; o</p><!-- p : q -->`,
  );
});
for (const dialect of testDialects()) {
  describe(`French typography everywhere on ${dialect.name}`, () => {
    let t: TestApp;
    let path: string;
    let article: { id: number; title: string; slug: string };

    before(async () => {
      t = await createTestApp(dialect);
      await buildDefaultSlots(t.db);
      const section = await buildSection(t.db, { slug: 'economie', name: 'Économie' });
      article = await buildArticle(t.db, {
        section,
        title: 'Inflation : qui paiera la note ?',
        standfirst: 'Les prix ont augmenté de 45,3 % en un an ; la hausse continue.',
        // Within the news sitemap's two days of the test clock.
        published_at: '2026-11-23T10:00:00.000Z',
      });
      path = `/economie/${article.slug}`;
      await buildUser(t.db, { email: 'admin@griot.test', name: 'Adja Admin', role: 'admin' });
    });
    after(() => t.close());

    test('the house ad, the title, Open Graph and the description are typeset', async () => {
      const res = await t.app.inject(path);
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      const title = `Inflation${NBSP}: qui paiera la note${NNBSP}?`;
      assert.match(doc.querySelector('title')?.text ?? '', new RegExp(`^${title}`));
      assert.equal(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'), title);
      const description = `Les prix ont augmenté de 45,3${NNBSP}% en un an${NNBSP}; la hausse continue.`;
      assert.equal(
        doc.querySelector('meta[name="description"]')?.getAttribute('content'),
        description,
      );
      assert.equal(doc.querySelector('.standfirst')?.text, description);
      const house = parse((await t.app.inject('/')).body).querySelector('.ad-house strong');
      assert.equal(house?.text, `Votre Pub ici${NNBSP}!`);
    });

    test('the feeds and the news sitemap carry typeset titles', async () => {
      const rss = (await t.app.inject('/flux/rss.xml')).body;
      assert.ok(rss.includes(`Inflation${NBSP}: qui paiera la note${NNBSP}?`), rss.slice(0, 600));
      const news = (await t.app.inject('/sitemaps/news.xml')).body;
      assert.ok(news.includes(`la note${NNBSP}?`), news.slice(0, 600));
    });

    test('the newsroom’s pages are typeset, and what a member typed comes back byte for byte', async () => {
      const admin = await signIn(t, 'admin@griot.test');
      const list = await admin.get('/admin/utilisateurs');
      const res = await admin.post('/admin/utilisateurs', {
        _csrf: hiddenValue(list.body, '_csrf'),
        name: 'Awa ! Diallo',
        email: 'pas une adresse',
        role: 'author',
      });
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      assert.equal(
        doc.querySelector('.form-errors p')?.text,
        `L’invitation n’a pas été envoyée${NBSP}:`,
      );
      assert.equal(doc.querySelector('#user-name')?.getAttribute('value'), 'Awa ! Diallo');
    });

    test('a reader’s mail is typeset in its subject and both bodies', async () => {
      const comment = await buildComment(t.db, article, {
        author_name: 'Moussa',
        body: 'Vraiment ? Je ne savais pas : merci !',
      });
      const moderator = await buildUser(t.db, { role: 'moderator' });
      const result = await decideComment(t.db, {
        commentId: comment.id,
        decision: 'approve',
        expected: 'pending',
        actor: { id: moderator.id, name: moderator.name },
        reason: null,
        site: {
          settings: await findSiteSettings(t.db),
          publicUrl: 'https://griot.test',
          secret: 'test-secret-that-is-long-enough-for-signing-cookies',
        },
        now: new Date(),
      });
      assert.ok(result.ok);
      const mail = await t.db
        .selectFrom('outbox')
        .selectAll()
        .where('dedupe_key', '=', `comment-approved:${comment.id}`)
        .executeTakeFirstOrThrow();
      const typesetTitle = `«${NBSP}Inflation${NBSP}: qui paiera la note${NNBSP}?${NBSP}»`;
      assert.ok(mail.text_body.includes(typesetTitle), mail.text_body);
      assert.ok(mail.html_body.includes(`la note${NNBSP}?`), mail.html_body);
      assert.doesNotMatch(mail.text_body + mail.html_body + mail.subject, / [;!?]/);
      // Links still work: nothing inside a URL moved.
      assert.match(mail.text_body, /https:\/\/griot\.test\/\S+/);
    });
  });
}
