import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import {
  articleMessage,
  dailyDigest,
  digestHeading,
  oneLine,
  whatsappBold,
} from '../src/whatsapp/whatsapp-message.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { Browser } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const NBSP = '\u00A0';
const options = { publicUrl: 'https://griot.test', locale: 'fr' as const };

test('a message is « KICKER — *Title* », the standfirst line and the short link, typeset', () => {
  assert.equal(
    articleMessage(
      {
        id: 12,
        kicker: 'ALERTE',
        title: "Crue : « l'eau monte » <vite> & fort 🌊",
        standfirst: 'Le fleuve\na débordé cette nuit !',
      },
      options,
    ),
    `ALERTE — *Crue${NBSP}: «${NBSP}l’eau monte${NBSP}» <vite> & fort 🌊*\n\n` +
      'Le fleuve a débordé cette nuit\u202F!\n\nhttps://griot.test/a/12',
  );
  // No kicker, no standfirst: the bold title and the link.
  assert.equal(
    articleMessage({ id: 3, kicker: ' ', title: 'Titre', standfirst: '' }, options),
    '*Titre*\n\nhttps://griot.test/a/3',
  );
});

test('an asterisk in a title cannot end WhatsApp’s bold early', () => {
  assert.equal(whatsappBold('  Le *vrai* score  '), '*Le ∗vrai∗ score*');
  assert.equal(whatsappBold('   '), '');
});

test('a long standfirst is cut at a word with « … »', () => {
  const long = 'mot '.repeat(80);
  const line = oneLine(long, 30);
  assert.ok([...line].length <= 30, line);
  assert.match(line, /^mot( mot)+…$/);
  assert.equal(oneLine('Court.', 30), 'Court.');
});

test('the digest is its heading, then each story (bold title, line, link), a blank line apart', () => {
  const heading = digestHeading({ siteName: 'Le Sahel', date: '23 novembre 2026' }, 'fr');
  assert.equal(heading, '*Le Sahel* — l’essentiel du 23 novembre 2026');
  assert.equal(
    dailyDigest(
      {
        heading,
        articles: [
          { id: 2, kicker: 'K', title: 'Deux', standfirst: 'Ligne deux.' },
          { id: 1, kicker: '', title: 'Un', standfirst: '' },
        ],
      },
      options,
    ),
    `${heading}\n\n*Deux*\nLigne deux.\nhttps://griot.test/a/2\n\n*Un*\nhttps://griot.test/a/1`,
  );
});

const BROWSER_UA =
  'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile Safari/537.36';

for (const dialect of testDialects()) {
  describe(`WhatsApp channel and short links on ${dialect.name}`, () => {
    let t: TestApp;
    let today: { id: number; slug: string }[];
    let older: number;
    let draft: number;
    const hard = 'Coup d’État : « calme » à Niamey & <script>alert(1)</script> 🇳🇪';

    before(async () => {
      // 12:00 UTC is 13:00 in Niamey, on 23 November.
      t = await createTestApp(dialect, { now: '2026-11-23T12:00:00.000Z' });
      await buildNewsroom(t.db);
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      const first = await buildArticle(t.db, {
        section,
        title: 'Le marché de Dounzé rouvre',
        kicker: 'ÉCONOMIE',
        published_at: '2026-11-23T07:00:00.000Z',
      });
      const second = await buildArticle(t.db, {
        section,
        title: hard,
        kicker: 'DIRECT',
        standfirst: 'Les militaires parlent à la télévision <b>nationale</b> & la ville attend.',
        published_at: '2026-11-23T10:30:00.000Z',
      });
      today = [second, first];
      // Published late on the 22nd in Niamey (23:30 local): yesterday's.
      older = (
        await buildArticle(t.db, {
          section,
          title: 'Hier soir',
          published_at: '2026-11-22T22:30:00.000Z',
        })
      ).id;
      draft = (
        await buildArticle(t.db, {
          section,
          title: 'Brouillon secret',
          status: 'draft',
          published_at: null,
        })
      ).id;
    });
    after(() => t.close());
    beforeEach(() => t.shortLinks.flush());

    async function channel(member: Browser, query = '') {
      const res = await member.get(`/admin/whatsapp${query}`);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      return { res, doc: parse(res.body) };
    }

    test('the page offers today’s published stories, newest first, as a digest and as messages', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const { res, doc } = await channel(author);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const digest = doc.querySelector('#wa-digest-text')!.textContent;
      const lines = digest.split('\n');
      assert.match(lines[0]!, /^\*Griot\* — l’essentiel du 23 novembre 2026$/);
      // Newest first; yesterday's story and drafts are not in it.
      const titles = [...digest.matchAll(/^\*(.+)\*$/gm)].map((m) => m[1]);
      assert.equal(titles.length, 2, digest);
      assert.ok(titles[0]!.startsWith('Coup d’État'), digest);
      assert.equal(titles[1], 'Le marché de Dounzé rouvre');
      assert.ok(!digest.includes('Hier soir') && !digest.includes('Brouillon'));
      assert.ok(digest.includes(`https://griot.test/a/${today[0]!.id}\n`));
      // Every user string is escaped in the markup and comes back whole in the text.
      assert.ok(!res.body.includes('<script>alert(1)'), 'no raw markup from a title');
      assert.ok(!res.body.includes('<b>nationale'), 'no raw markup from a standfirst');
      const message = doc.querySelector(`#wa-message-${today[0]!.id}`)!.textContent;
      assert.equal(
        message,
        `DIRECT — *Coup d’État${NBSP}: «${NBSP}calme${NBSP}» à Niamey & <script>alert(1)</script> 🇳🇪*\n\n` +
          'Les militaires parlent à la télévision <b>nationale</b> & la ville attend.\n\n' +
          `https://griot.test/a/${today[0]!.id}`,
      );
      // Readonly texts, and a « Copier » button the script shows.
      for (const area of doc.querySelectorAll('.wa-copy textarea'))
        assert.ok(area.hasAttribute('readonly'));
      const buttons = doc.querySelectorAll('button.wa-copy-button');
      assert.equal(buttons.length, 3);
      assert.match(res.body, /<script src="\/assets\/whatsapp\.[0-9a-f]{10}\.js" defer/);
      // The navigation names the page, marked current.
      const nav = doc.querySelector('nav.admin-nav a[href="/admin/whatsapp"]');
      assert.equal(nav?.getAttribute('aria-current'), 'page');
      assert.equal(nav?.text, 'Canal WhatsApp');
      assert.ok(!digest.includes(`/a/${older}`));
    });

    test('ticked stories make the digest; none ticked leaves the heading alone', async () => {
      const editor = await signIn(t, 'chef@griot.test');
      const one = today[1]!.id;
      const { doc } = await channel(editor, `?selection=1&choix=${one}`);
      const digest = doc.querySelector('#wa-digest-text')!.textContent;
      assert.ok(digest.includes(`/a/${one}`));
      assert.ok(!digest.includes(`/a/${today[0]!.id}`));
      const boxes = doc.querySelectorAll('input[name="choix"]');
      assert.deepEqual(
        boxes.map((b) => [b.getAttribute('value'), b.hasAttribute('checked')]),
        [
          [String(today[0]!.id), false],
          [String(one), true],
        ],
      );
      // The script rebuilds the digest from each box's entry.
      assert.equal(boxes[1]!.getAttribute('data-entry'), digest.split('\n\n')[1]);
      const none = await channel(editor, '?selection=1');
      assert.equal(none.doc.querySelector('#wa-digest-text')!.textContent.split('\n').length, 1);
      // A made-up or repeated id selects nothing more, and is never an error.
      const odd = await channel(editor, '?selection=1&choix=abc&choix=999999999999&choix=');
      assert.equal(odd.doc.querySelector('#wa-digest-text')!.textContent.split('\n').length, 1);
    });

    test('an earlier newsroom day gives that day’s stories, its digest and a way back', async () => {
      const editor = await signIn(t, 'chef@griot.test');
      const { doc } = await channel(editor, '?jour=2026-11-22');
      const digest = doc.querySelector('#wa-digest-text')!.textContent;
      assert.match(digest.split('\n')[0]!, /l’essentiel du 22 novembre 2026$/);
      assert.ok(digest.includes(`/a/${older}\n`) || digest.endsWith(`/a/${older}`), digest);
      assert.ok(!digest.includes(`/a/${today[0]!.id}`));
      assert.equal(doc.querySelector('#wa-digest-title')!.text, 'Résumé du 22 novembre 2026');
      // Ticking keeps the day.
      assert.equal(
        doc.querySelector('form.wa-choose input[name="jour"]')?.getAttribute('value'),
        '2026-11-22',
      );
      const links = doc.querySelectorAll('nav.wa-days a').map((a) => a.getAttribute('href'));
      assert.deepEqual(links, [
        '/admin/whatsapp?jour=2026-11-21',
        '/admin/whatsapp?jour=2026-11-23',
        '/admin/whatsapp',
      ]);
      // A day with nothing says so; a future, impossible or malformed day gives today.
      const empty = await channel(editor, '?jour=2026-11-01');
      assert.equal(empty.doc.querySelector('.wa-empty')!.text, 'Aucun article publié ce jour-là.');
      for (const jour of ['2026-11-24', '2026-02-31', '23-11-2026', '2026-11-23%00']) {
        const { doc: d } = await channel(editor, `?jour=${jour}`);
        assert.equal(d.querySelector('#wa-digest-title')!.text, 'Résumé du jour', jour);
        assert.deepEqual(
          d.querySelectorAll('nav.wa-days a').map((a) => a.getAttribute('href')),
          ['/admin/whatsapp?jour=2026-11-22'],
        );
      }
    });

    test('those who write open it; a moderator is refused and not offered it; visitors sign in', async () => {
      const visitor = await new Browser(t).get('/admin/whatsapp');
      assert.equal(visitor.statusCode, 303);
      assert.match(String(visitor.headers.location), /^\/login\?next=/);
      const moderator = await signIn(t, 'modo@griot.test');
      assert.equal((await moderator.get('/admin/whatsapp')).statusCode, 403);
      const dash = await moderator.get('/admin');
      assert.ok(!dash.body.includes('href="/admin/whatsapp"'));
      // The page changes nothing, so it answers GET only: a post finds no route.
      const author = await signIn(t, 'auteur@griot.test');
      const post = await author.post('/admin/whatsapp', { choix: '1' });
      assert.equal(post.statusCode, 404);
    });

    test('a short link redirects to the light edition, uncacheable, or to the full one with ?complet', async () => {
      const a = today[0]!;
      const res = await t.app.inject({ url: `/a/${a.id}`, headers: { 'user-agent': BROWSER_UA } });
      assert.equal(res.statusCode, 302);
      assert.equal(res.headers.location, `/lite/politique/${a.slug}`);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['x-robots-tag'], 'noindex');
      assert.equal(res.headers['set-cookie'], undefined, 'no cookie');
      const full = await t.app.inject({
        url: `/a/${a.id}?complet`,
        headers: { 'user-agent': BROWSER_UA },
      });
      assert.equal(full.headers.location, `/politique/${a.slug}`);
      const tracked = await t.app.inject({
        url: `/a/${a.id}?utm_source=x`,
        headers: { 'user-agent': BROWSER_UA },
      });
      assert.equal(tracked.headers.location, `/lite/politique/${a.slug}`);
      const lite = await t.app.inject({ url: res.headers.location as string });
      assert.equal(lite.statusCode, 200);
    });

    test('visits are counted per article and day in memory, written on flush, robots excluded', async () => {
      const a = today[1]!.id;
      const b = today[0]!.id;
      const before = await visitsOf(a);
      const visit = (id: number, headers: Record<string, string>, method: 'GET' | 'HEAD' = 'GET') =>
        t.app.inject({ method, url: `/a/${id}`, headers });
      for (let i = 0; i < 3; i++)
        assert.equal((await visit(a, { 'user-agent': BROWSER_UA })).statusCode, 302);
      await visit(b, { 'user-agent': BROWSER_UA });
      // Robots, link previews, prefetches and HEAD requests are redirected but not counted.
      await visit(a, {
        'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      });
      await visit(a, { 'user-agent': 'WhatsApp/2.23.20.0 A' });
      await visit(a, { 'user-agent': 'facebookexternalhit/1.1' });
      await visit(a, {});
      await visit(a, { 'user-agent': BROWSER_UA, 'sec-purpose': 'prefetch' });
      await visit(a, { 'user-agent': BROWSER_UA }, 'HEAD');
      // Nothing is written per visit.
      assert.equal(await visitsOf(a), before);
      await t.shortLinks.flush();
      assert.equal(await visitsOf(a), before + 3);
      const rows = await t.db
        .selectFrom('short_link_visits')
        .selectAll()
        .where('article_id', '=', a)
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.day, Number(r.visits)]),
        [['2026-11-23', before + 3]],
      );
      // The next newsroom day starts at midnight in Niamey (23:00 UTC).
      t.clock.set('2026-11-23T23:30:00.000Z');
      try {
        await visit(a, { 'user-agent': BROWSER_UA });
        await t.shortLinks.flush();
      } finally {
        t.clock.set('2026-11-23T12:00:00.000Z');
      }
      const days = await t.db
        .selectFrom('short_link_visits')
        .select(['day', 'visits'])
        .where('article_id', '=', a)
        .orderBy('day')
        .execute();
      assert.deepEqual(
        days.map((r) => [r.day, Number(r.visits)]),
        [
          ['2026-11-23', before + 3],
          ['2026-11-24', 1],
        ],
      );

      // The channel page and the article's admin page show today's counts.
      const editor = await signIn(t, 'chef@griot.test');
      const { doc } = await channel(editor);
      const meta = doc.querySelector(`#article-${a} .wa-meta`)!.text;
      assert.match(meta, new RegExp(`WhatsApp${NBSP}: ${before + 3} visites aujourd’hui`));
      const allToday = await t.db
        .selectFrom('short_link_visits')
        .select('visits')
        .where('day', '=', '2026-11-23')
        .where('article_id', 'in', [a, b])
        .execute();
      const total = allToday.reduce((n, r) => n + Number(r.visits), 0);
      assert.ok(total >= before + 4);
      assert.match(doc.querySelector('.wa-total')!.text, new RegExp(`${NBSP}: ${total}$`));
      const edit = parse((await editor.get(`/admin/articles/${a}`)).body);
      assert.match(
        edit.querySelector('a.wa-visits')!.text,
        new RegExp(`WhatsApp${NBSP}: ${before + 3} visites aujourd’hui, ${before + 3} sur 7 jours`),
      );
    });

    test('malformed, unknown and unpublished ids get the 404 page, never a redirect or a count', async () => {
      const paths = [
        '/a/abc',
        '/a/%61',
        '/a/0',
        '/a/-1',
        '/a/1.5',
        '/a/1e3',
        '/a/%20',
        '/a/99999999999',
        '/a/2147483648',
        `/a/${'9'.repeat(90)}`,
        '/a/',
        '/lite/a/abc',
        '/a/2147483647',
        `/a/${draft}`,
      ];
      for (const path of paths) {
        const res = await t.app.inject({ url: path, headers: { 'user-agent': BROWSER_UA } });
        assert.equal(res.statusCode, 404, path);
        assert.match(String(res.headers['content-type']), /^text\/html/, path);
        assert.equal(res.headers.location, undefined, path);
      }
      const rows = await t.db.selectFrom('short_link_visits').select('article_id').execute();
      await t.shortLinks.flush();
      const after = await t.db.selectFrom('short_link_visits').select('article_id').execute();
      assert.equal(after.length, rows.length);
      assert.ok(!after.some((r) => r.article_id === draft));
    });

    test('visits to an article deleted before the flush are dropped, the rest written', async () => {
      const section = await buildSection(t.db);
      const gone = await buildArticle(t.db, { section, published_at: '2026-11-23T09:00:00.000Z' });
      const kept = today[0]!.id;
      const before = await visitsOf(kept);
      await t.app.inject({ url: `/a/${gone.id}`, headers: { 'user-agent': BROWSER_UA } });
      await t.app.inject({ url: `/a/${kept}`, headers: { 'user-agent': BROWSER_UA } });
      await t.db.deleteFrom('articles').where('id', '=', gone.id).execute();
      await t.shortLinks.flush();
      assert.equal(await visitsOf(kept), before + 1);
      assert.equal(await visitsOf(gone.id), 0);
    });

    async function visitsOf(id: number): Promise<number> {
      const rows = await t.db
        .selectFrom('short_link_visits')
        .select('visits')
        .where('article_id', '=', id)
        .where('day', '=', '2026-11-23')
        .execute();
      return rows.reduce((n, r) => n + Number(r.visits), 0);
    }
  });
}
