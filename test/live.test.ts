import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { renderMarkdown } from '../src/articles/markdown.ts';
import { insertLiveEntry } from '../src/live/live.queries.ts';
import { LIVE_OLDER_ENTRIES, LIVE_PAGE_ENTRIES } from '../src/live/live.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildImage, buildSection } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createOtherInstance, createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const NOW = '2026-12-03T09:00:00.000Z';

interface LiveJsonLd {
  '@type': string;
  coverageStartTime?: string;
  coverageEndTime?: string;
  liveBlogUpdate?: {
    '@type': string;
    headline: string;
    articleBody?: string;
    datePublished: string;
    url: string;
  }[];
}

function jsonLd(html: string): LiveJsonLd {
  const text = parse(html).querySelector('script[type="application/ld+json"]')?.text ?? '{}';
  return JSON.parse(text) as LiveJsonLd;
}

const texts = (html: string, selector: string) =>
  parse(html)
    .querySelectorAll(selector)
    .map((e) => e.text.replace(/\s+/g, ' ').trim());

for (const dialect of testDialects()) {
  describe(`live coverage on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let chef: Browser;
    let auteur: Browser;

    before(async () => {
      t = await createTestApp(dialect, { now: NOW });
      await buildNewsroom(t.db);
      section = await buildSection(t.db, { slug: 'politique', name: 'Politique' });
      chef = await signIn(t, 'chef@griot.test');
      auteur = await signIn(t, 'auteur@griot.test');
    });
    after(() => t.close());

    const token = async (member: Browser, id: number) =>
      hiddenValue((await member.get(`/admin/articles/${id}/direct`)).body, '_csrf');
    const setState = async (member: Browser, id: number, etat: string) => {
      const form = await member.get(`/admin/articles/${id}`);
      return member.post(`/admin/articles/${id}/direct/etat`, {
        _csrf: hiddenValue(form.body, '_csrf'),
        etat,
      });
    };
    const post = async (member: Browser, id: number, body: string, pinned = false) =>
      member.post(`/admin/articles/${id}/direct`, {
        _csrf: await token(member, id),
        body,
        ...(pinned ? { pinned: '1' } : {}),
      });
    const entryAction = async (member: Browser, id: number, entree: number, action: string) =>
      member.post(`/admin/articles/${id}/direct/entree`, {
        _csrf: await token(member, id),
        entree: String(entree),
        action,
      });
    const entryIds = (html: string, selector = 'li.live-entry') =>
      parse(html)
        .querySelectorAll(selector)
        .map((li) => Number(li.id.replace('entree-', '')));
    const lastChangeKeys = async () => {
      const rows = await t.db
        .selectFrom('content_changes')
        .select('key')
        .where('version', '=', (eb) =>
          eb.selectFrom('content_changes').select((e) => e.fn.max('version').as('v')),
        )
        .execute();
      return rows.map((r) => r.key).sort();
    };
    const liveArticle = async (slug: string) => {
      const a = await buildArticle(t.db, { section, slug, title: `Direct ${slug}` });
      assert.equal((await setState(chef, a.id, 'ouvrir')).statusCode, 303);
      return a;
    };

    test('an editor makes an article live from the editor and posts entries: readers see them pinned first, then newest first, each with its link', async () => {
      const a = await buildArticle(t.db, { section, slug: 'soiree-electorale', title: 'Soirée' });
      const reader = new Browser(t);
      const plain = await reader.get('/politique/soiree-electorale');
      assert.equal(parse(plain.body).querySelector('section.live'), null);
      assert.equal(jsonLd(plain.body)['@type'], 'NewsArticle');

      const editor = await chef.get(`/admin/articles/${a.id}`);
      assert.match(editor.body, /Faire de cet article un direct/);
      const started = await setState(chef, a.id, 'ouvrir');
      assert.equal(started.statusCode, 303);
      assert.equal(started.headers.location, `/admin/articles/${a.id}/direct?fait=ouvert`);
      assert.deepEqual(await lastChangeKeys(), [
        `article-${a.id}`,
        'home',
        'lists',
        `section-${section.id}`,
      ]);

      t.clock.set('2026-12-03T20:05:00.000Z');
      const first = await post(chef, a.id, 'Les bureaux de vote **ferment** à Niamey.');
      assert.equal(first.statusCode, 303);
      assert.equal(first.headers.location, `/admin/articles/${a.id}/direct?fait=publiee`);
      assert.deepEqual(await lastChangeKeys(), [`article-${a.id}`, 'feeds']);
      t.clock.set('2026-12-03T20:30:00.000Z');
      assert.equal(
        (await post(chef, a.id, 'Participation : 48 % selon la commission.', true)).statusCode,
        303,
      );
      t.clock.set('2026-12-03T21:10:00.000Z');
      assert.equal((await post(auteur, a.id, 'Premiers résultats à Zinder.')).statusCode, 303);

      const page = await reader.get('/politique/soiree-electorale');
      assert.equal(page.statusCode, 200);
      const doc = parse(page.body);
      assert.equal(doc.querySelector('.live-label')?.text.trim(), 'En direct');
      assert.deepEqual(texts(page.body, '.live-pinned .live-entry-body'), [
        'Participation : 48 % selon la commission.',
      ]);
      assert.deepEqual(texts(page.body, '.live-feed .live-entry-body'), [
        'Premiers résultats à Zinder.',
        'Les bureaux de vote ferment à Niamey.',
      ]);
      const ids = entryIds(page.body, '.live-feed li.live-entry');
      const newest = doc.querySelector(`#entree-${ids[0]}`)!;
      assert.equal(newest.querySelector('time')?.text, '22\u00A0h\u00A010');
      assert.match(newest.text, /Par Awa Auteure/);
      assert.equal(
        newest.querySelector('.live-entry-meta a')?.getAttribute('href'),
        `#entree-${ids[0]}`,
      );
      assert.equal(
        doc.querySelector(`#entree-${ids[1]}`)?.querySelector('strong')?.text,
        'ferment',
      );
      // The page polls from its newest entry, and the « Actualiser » link reloads it.
      const live = doc.querySelector('section.live')!;
      assert.equal(live.getAttribute('data-live-poll'), `/direct/${a.id}/depuis/`);
      assert.equal(live.getAttribute('data-live-last'), String(Math.max(...entryIds(page.body))));
      assert.equal(live.querySelector('.live-refresh a')?.getAttribute('href'), `/direct/${a.id}`);
      assert.ok(doc.querySelector(`script[src^="/assets/live."]`));

      const ld = jsonLd(page.body);
      assert.equal(ld['@type'], 'LiveBlogPosting');
      assert.equal(ld.coverageStartTime, '2026-12-03T10:00:00+01:00');
      assert.equal(ld.coverageEndTime, undefined);
      assert.equal(ld.liveBlogUpdate?.length, 3);
      assert.deepEqual(ld.liveBlogUpdate![0], {
        '@type': 'BlogPosting',
        headline: 'Premiers résultats à Zinder.',
        datePublished: '2026-12-03T22:10:00+01:00',
        url: `https://griot.test/politique/soiree-electorale#entree-${ids[0]}`,
      });

      // The « Actualiser » link lands on the coverage of a freshly loaded page.
      const refresh = await reader.get(`/direct/${a.id}`);
      assert.equal(refresh.statusCode, 302);
      assert.equal(refresh.headers.location, '/politique/soiree-electorale#direct');
      assert.equal(refresh.headers['cache-control'], 'no-store');
      t.clock.set(NOW);
    });

    test('the home and section lists show « En direct » on live articles until their coverage ends', async () => {
      const a = await liveArticle('badge-direct');
      const reader = new Browser(t);
      const badge = (html: string) =>
        parse(html)
          .querySelectorAll('article')
          .some(
            (card) =>
              card.querySelector('.story-title a')?.getAttribute('href') ===
                '/politique/badge-direct' && card.querySelector('.live-badge') !== null,
          );
      assert.ok(badge((await reader.get('/')).body));
      assert.ok(badge((await reader.get('/politique')).body));
      assert.equal((await setState(chef, a.id, 'terminer')).statusCode, 303);
      assert.ok(!badge((await reader.get('/')).body));
      assert.ok(!badge((await reader.get('/politique')).body));
    });

    test('ending the coverage shows « Terminé » with its end time, stops the polling and refuses new entries until it is reopened', async () => {
      const a = await liveArticle('finale-coupe');
      await post(chef, a.id, 'Coup d’envoi de la finale.');
      t.clock.set('2026-12-03T11:45:00.000Z');
      assert.equal((await setState(chef, a.id, 'terminer')).statusCode, 303);
      t.clock.set(NOW);
      const reader = new Browser(t);
      const page = await reader.get('/politique/finale-coupe');
      const doc = parse(page.body);
      assert.equal(doc.querySelector('.live-label')?.text.trim(), 'Terminé');
      assert.match(
        doc.querySelector('.live-status')!.text,
        /Direct terminé le 3 décembre 2026 à 12\u00A0h\u00A045/,
      );
      assert.equal(doc.querySelector('[data-live-poll]'), null);
      assert.equal(doc.querySelector('.live-refresh'), null);
      assert.equal(doc.querySelector('script[src^="/assets/live."]'), null);
      assert.equal(jsonLd(page.body).coverageEndTime, '2026-12-03T12:45:00+01:00');

      const refused = await post(chef, a.id, 'Trop tard.');
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /Le direct est terminé/);
      assert.equal((await setState(chef, a.id, 'rouvrir')).statusCode, 303);
      assert.equal((await post(chef, a.id, 'Prolongations !')).statusCode, 303);
      const again = parse((await reader.get('/politique/finale-coupe')).body);
      assert.equal(again.querySelector('.live-label')?.text.trim(), 'En direct');
    });

    test('two editors posting at the same moment both get their entry, in order of arrival', async () => {
      const a = await liveArticle('deux-plumes');
      const [tokA, tokB] = [await token(chef, a.id), await token(auteur, a.id)];
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? auteur : chef).post(`/admin/articles/${a.id}/direct`, {
            _csrf: i % 2 ? tokB : tokA,
            body: `Entrée simultanée ${i}`,
          }),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode),
        [303, 303, 303, 303, 303, 303],
      );
      // The page shows the newest LIVE_PAGE_ENTRIES; the others are one link away.
      const reader = new Browser(t);
      const page = (await reader.get('/politique/deux-plumes')).body;
      const older = parse(page).querySelector('.live-older a')!.getAttribute('href')!;
      const rest = (await reader.get(older)).body;
      const shown = [
        ...texts(page, '.live-feed .live-entry-body'),
        ...texts(rest, '.live-feed .live-entry-body'),
      ];
      assert.equal(shown.length, 6);
      assert.deepEqual(
        [...shown].sort(),
        Array.from({ length: 6 }, (_, i) => `Entrée simultanée ${i}`),
      );
      const ids = [...entryIds(page), ...entryIds(rest)];
      assert.deepEqual(
        ids,
        [...ids].sort((x, y) => y - x),
      );
    });

    test('who may do what: moderators cannot post, authors change only their own entries, the desk any; no token, no post', async () => {
      const a = await liveArticle('droits-direct');
      assert.equal((await post(auteur, a.id, 'Entrée de l’auteure.')).statusCode, 303);
      assert.equal((await post(chef, a.id, 'Entrée du chef.')).statusCode, 303);
      const rows = await t.db
        .selectFrom('live_entries')
        .select(['id', 'body'])
        .where('article_id', '=', a.id)
        .orderBy('id')
        .execute();
      const [own, chefs] = rows;

      const modo = await signIn(t, 'modo@griot.test');
      const modoToken = hiddenValue((await modo.get('/admin')).body, '_csrf');
      const denied = await modo.post(`/admin/articles/${a.id}/direct`, {
        _csrf: modoToken,
        body: 'Non.',
      });
      assert.equal(denied.statusCode, 403);
      assert.equal((await modo.get(`/admin/articles/${a.id}/direct`)).statusCode, 403);

      // An author may not pin, edit or delete a colleague's entry, nor end the coverage.
      const tried = await entryAction(auteur, a.id, chefs!.id, 'supprimer');
      assert.equal(tried.statusCode, 403);
      assert.match(tried.body, /vos propres entrées/);
      assert.equal((await setState(auteur, a.id, 'terminer')).statusCode, 403);
      // …but may change their own, and the desk may change anyone's.
      assert.equal((await entryAction(auteur, a.id, own!.id, 'epingler')).statusCode, 303);
      assert.equal((await entryAction(chef, a.id, own!.id, 'desepingler')).statusCode, 303);
      const edited = await auteur.post(`/admin/articles/${a.id}/direct/entree`, {
        _csrf: await token(auteur, a.id),
        entree: String(own!.id),
        action: 'modifier',
        body: 'Entrée de l’auteure, corrigée.',
      });
      assert.equal(edited.statusCode, 303);
      assert.equal((await entryAction(chef, a.id, chefs!.id, 'supprimer')).statusCode, 303);

      const page = await new Browser(t).get('/politique/droits-direct');
      assert.deepEqual(texts(page.body, '.live-entry-body'), ['Entrée de l’auteure, corrigée.']);
      assert.match(page.body, /modifiée/);
      const kept = await t.db
        .selectFrom('live_entries')
        .select('deleted_at')
        .where('id', '=', chefs!.id)
        .executeTakeFirstOrThrow();
      assert.ok(kept.deleted_at, 'deleted softly');

      // A visitor is sent to log in; a post without a token is refused.
      const visitor = new Browser(t);
      const anon = await visitor.get(`/admin/articles/${a.id}/direct`);
      assert.equal(anon.statusCode, 303);
      assert.match(String(anon.headers.location), /^\/login\?next=/);
      const noToken = await chef.post(`/admin/articles/${a.id}/direct`, { body: 'Sans jeton' });
      assert.equal(noToken.statusCode, 403);
      const empty = await post(chef, a.id, '   ');
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Écrivez le texte de l’entrée/);
    });

    test('the poll fragment holds the entries after the one given, is cached until the next entry, and refuses ids of its own', async () => {
      const a = await liveArticle('fragment-direct');
      await post(chef, a.id, 'Première entrée.');
      const reader = new Browser(t);
      const [first] = entryIds((await reader.get('/politique/fragment-direct')).body);

      const none = await reader.get(`/direct/${a.id}/depuis/${first}`);
      assert.equal(none.statusCode, 200);
      assert.match(String(none.headers['content-type']), /^text\/html/);
      assert.match(String(none.headers['surrogate-key']), new RegExp(`\\barticle-${a.id}\\b`));
      assert.equal(none.headers['cdn-cache-control'], 'max-age=10, stale-while-revalidate=10');
      const list = parse(none.body).querySelector('ol.live-fragment')!;
      assert.equal(list.getAttribute('data-live-last'), String(first));
      assert.equal(list.getAttribute('data-live-state'), 'on');
      assert.equal(list.querySelectorAll('li').length, 0);
      // Kept in the page cache: the next poll is answered from it, and revalidates to a 304.
      assert.ok(t.cache.get(`text:/direct/${a.id}/depuis/${first}`));
      const etag = String(none.headers.etag);
      assert.equal(
        (await reader.get(`/direct/${a.id}/depuis/${first}`, { 'if-none-match': etag })).statusCode,
        304,
      );

      // The entry drops the cached fragment (the article's key): the same poll now has it.
      await post(auteur, a.id, 'Deuxième entrée, avec un [lien](https://example.org).', true);
      const news = await reader.get(`/direct/${a.id}/depuis/${first}`);
      assert.notEqual(news.headers.etag, etag);
      const items = parse(news.body).querySelectorAll('ol.live-fragment > li.live-entry');
      assert.equal(items.length, 1);
      const second = Number(items[0]!.id.replace('entree-', ''));
      assert.ok(second > first!);
      assert.equal(items[0]!.getAttribute('data-pinned'), '1');
      assert.match(items[0]!.text, /Deuxième entrée/);
      assert.match(items[0]!.text, /Par Awa Auteure/);
      assert.equal(
        parse(news.body).querySelector('ol')!.getAttribute('data-live-last'),
        String(second),
      );
      const all = parse((await reader.get(`/direct/${a.id}/depuis/0`)).body);
      assert.deepEqual(
        all.querySelectorAll('li.live-entry').map((li) => Number(li.id.replace('entree-', ''))),
        [second, first],
      );

      // Made-up ids make no cache entry; nor do articles that are not live.
      assert.equal((await reader.get(`/direct/${a.id}/depuis/99999`)).statusCode, 404);
      assert.equal(t.cache.get(`text:/direct/${a.id}/depuis/99999`), undefined);
      assert.equal((await reader.get(`/direct/${a.id}/depuis/abc`)).statusCode, 404);
      const other = await buildArticle(t.db, { section, slug: 'pas-en-direct' });
      assert.equal((await reader.get(`/direct/${other.id}/depuis/0`)).statusCode, 404);
      assert.equal((await reader.get(`/direct/${other.id}`)).statusCode, 404);
      const draft = await buildArticle(t.db, {
        section,
        slug: 'brouillon-direct',
        status: 'draft',
        published_at: null,
      });
      assert.equal((await setState(chef, draft.id, 'ouvrir')).statusCode, 303);
      assert.equal((await reader.get(`/direct/${draft.id}/depuis/0`)).statusCode, 404);

      // Its end reaches open pages through the fragment.
      assert.equal((await setState(chef, a.id, 'terminer')).statusCode, 303);
      const ended = parse((await reader.get(`/direct/${a.id}/depuis/${second}`)).body);
      assert.equal(ended.querySelector('ol')!.getAttribute('data-live-state'), 'ended');
      assert.equal(ended.querySelector('ol')!.getAttribute('data-live-ended-label'), 'Terminé');
    });

    // Entries straight into the table (many of them, one a minute), as posting does.
    const insertEntries = async (articleId: number, n: number, pinnedAt: number[] = []) => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++) {
        const body = `Entrée numéro ${i + 1} du direct de la soirée. Suite du texte, longue et détaillée.`;
        ids.push(
          await insertLiveEntry(t.db, {
            articleId,
            authorId: null,
            body,
            bodyHtml: renderMarkdown(body, 'fr'),
            pinned: pinnedAt.includes(i),
            at: new Date(Date.UTC(2026, 11, 3, 9, i)),
          }),
        );
      }
      return ids;
    };

    test('a long coverage shows « L’essentiel » and its newest entries; « Entrées précédentes » pages through the others, each once, cached by the article’s key', async () => {
      const a = await liveArticle('long-direct');
      const total = LIVE_PAGE_ENTRIES + LIVE_OLDER_ENTRIES + 4;
      // The very first entry pinned: it stays on the article page, however old.
      const ids = await insertEntries(a.id, total, [0]);
      const unpinned = ids.slice(1).reverse();
      const reader = new Browser(t);
      const page = await reader.get('/politique/long-direct');
      const doc = parse(page.body);
      assert.deepEqual(entryIds(page.body, '.live-pinned li.live-entry'), [ids[0]]);
      const shown = unpinned.slice(0, LIVE_PAGE_ENTRIES);
      assert.deepEqual(entryIds(page.body, '.live-feed li.live-entry'), shown);
      // Polling goes on from the newest entry.
      assert.equal(
        doc.querySelector('section.live')!.getAttribute('data-live-last'),
        String(ids.at(-1)),
      );
      const link = doc.querySelector('.live-older a')!;
      assert.equal(link.text, 'Entrées précédentes');
      assert.equal(link.getAttribute('href'), `/direct/${a.id}/avant/${shown.at(-1)}`);
      // The JSON-LD lists the newest entries, by their headline only.
      const updates = jsonLd(page.body).liveBlogUpdate!;
      assert.deepEqual(
        updates.map((u) => u.url.replace(/.*#entree-/, '')),
        shown.map(String),
      );
      for (const u of updates) {
        assert.match(u.headline, /^Entrée numéro \d+ du direct de la soirée\.$/);
        assert.equal(u.articleBody, undefined);
      }

      // Page after page, every other entry once, newest first, until the oldest.
      const seen: number[] = [...shown];
      let next: string | undefined = link.getAttribute('href');
      const first = next!;
      let pages = 0;
      while (next) {
        const res = await reader.get(next);
        assert.equal(res.statusCode, 200, next);
        const older = parse(res.body);
        assert.equal(
          older.querySelector('meta[name="robots"]')?.getAttribute('content'),
          'noindex, follow',
        );
        assert.equal(older.querySelector('h1')?.text, 'Entrées précédentes');
        assert.equal(
          older.querySelector('.live-older-of a')?.getAttribute('href'),
          '/politique/long-direct#direct',
        );
        assert.equal(older.querySelectorAll('.live-pinned').length, 0);
        // Each entry with its date, as the page may hold another day's entries.
        assert.match(older.querySelector('li.live-entry time')!.text, /^3 décembre 2026 à /);
        const onPage = entryIds(res.body);
        assert.ok(onPage.length <= LIVE_OLDER_ENTRIES);
        assert.ok(onPage.every((id) => id < Number(next!.split('/').pop())));
        seen.push(...onPage);
        next = older.querySelector('.live-older a')?.getAttribute('href');
        pages++;
      }
      assert.equal(pages, 2);
      assert.deepEqual(seen, unpinned);

      // Cached like the article page: by its key, revalidated to a 304, and a CDN may keep it.
      const res = await reader.get(first);
      assert.match(String(res.headers['surrogate-key']), new RegExp(`\\barticle-${a.id}\\b`));
      assert.match(String(res.headers['cdn-cache-control']), /max-age=60/);
      assert.ok(t.cache.get(first));
      const etag = String(res.headers.etag);
      assert.equal((await reader.get(first, { 'if-none-match': etag })).statusCode, 304);
      // An entry edited, or deleted, changes the older pages that show it.
      const target = Number(first.split('/').pop()) - 1;
      const edited = await chef.post(`/admin/articles/${a.id}/direct/entree`, {
        _csrf: await token(chef, a.id),
        entree: String(target),
        action: 'modifier',
        body: 'Entrée corrigée après coup.',
      });
      assert.equal(edited.statusCode, 303);
      assert.deepEqual(await lastChangeKeys(), [`article-${a.id}`, 'feeds']);
      const after = await reader.get(first, { 'if-none-match': etag });
      assert.equal(after.statusCode, 200);
      assert.match(after.body, /Entrée corrigée après coup\./);
      assert.equal((await entryAction(chef, a.id, target, 'supprimer')).statusCode, 303);
      const gone = await reader.get(first);
      assert.doesNotMatch(gone.body, /Entrée corrigée après coup/);
      assert.ok(!entryIds(gone.body).includes(target));
    });

    test('the older entries’ pages refuse ids of their own, other articles’ entries and articles that are not live', async () => {
      const a = await liveArticle('avant-ids');
      const ids = await insertEntries(a.id, LIVE_PAGE_ENTRIES + 2);
      const b = await liveArticle('avant-autre');
      const [elsewhere] = await insertEntries(b.id, 1);
      const reader = new Browser(t);
      for (const bad of ['99999', 'abc', '0', '-1', String(elsewhere)]) {
        const path = `/direct/${a.id}/avant/${bad}`;
        assert.equal((await reader.get(path)).statusCode, 404, bad);
        assert.equal(t.cache.get(path), undefined);
      }
      // The oldest entry is a real one: a page saying there is nothing before it.
      const oldest = await reader.get(`/direct/${a.id}/avant/${ids[0]}`);
      assert.equal(oldest.statusCode, 200);
      assert.match(oldest.body, /Aucune entrée plus ancienne/);
      assert.equal(parse(oldest.body).querySelector('.live-older'), null);
      // Nor a page for an article once it is no longer live, nor a draft's.
      assert.equal((await setState(chef, b.id, 'arreter')).statusCode, 303);
      assert.equal((await reader.get(`/direct/${b.id}/avant/${elsewhere}`)).statusCode, 404);
      const plain = await buildArticle(t.db, { section, slug: 'avant-ordinaire' });
      assert.equal((await reader.get(`/direct/${plain.id}/avant/${ids[0]}`)).statusCode, 404);
    });

    test('a pinned entry among the newest counts as one of them: the page shows it in « L’essentiel », and the older pages begin after it', async () => {
      const a = await liveArticle('avant-epingle');
      // Oldest first: 0 1 2 … ; the second newest pinned.
      const n = LIVE_PAGE_ENTRIES + 3;
      const ids = await insertEntries(a.id, n, [n - 2]);
      const reader = new Browser(t);
      const page = await reader.get('/politique/avant-epingle');
      const newest = [...ids].reverse().slice(0, LIVE_PAGE_ENTRIES);
      assert.deepEqual(entryIds(page.body, '.live-pinned li.live-entry'), [ids[n - 2]]);
      assert.deepEqual(
        entryIds(page.body, '.live-feed li.live-entry'),
        newest.filter((id) => id !== ids[n - 2]),
      );
      const href = parse(page.body).querySelector('.live-older a')!.getAttribute('href')!;
      assert.equal(href, `/direct/${a.id}/avant/${newest.at(-1)}`);
      const older = await reader.get(href);
      assert.deepEqual(entryIds(older.body), [...ids].reverse().slice(LIVE_PAGE_ENTRIES));
      // Unpinned, it goes back to its place in the feed, on the article page here.
      assert.equal((await entryAction(chef, a.id, ids[n - 2]!, 'desepingler')).statusCode, 303);
      const again = await reader.get('/politique/avant-epingle');
      assert.equal(parse(again.body).querySelector('.live-pinned'), null);
      assert.deepEqual(entryIds(again.body, '.live-feed li.live-entry'), newest);
    });

    test('another instance on the same database drops its older entries’ pages when an entry changes', async () => {
      const a = await liveArticle('avant-instances');
      const ids = await insertEntries(a.id, LIVE_PAGE_ENTRIES + 2);
      const path = `/direct/${a.id}/avant/${ids[2]}`;
      const instance = await createOtherInstance(t, { now: NOW });
      const { app: other, cache } = instance;
      try {
        for (const url of [path, `/lite${path}`]) {
          assert.equal((await other.inject(url)).statusCode, 200, url);
          assert.match((await other.inject(url)).body, /Entrée numéro 1 du direct/);
        }
        await cache.snapshot();
        assert.ok(cache.get(path) && cache.get(`lite:${path}`));
        // Edited through the first instance.
        const edited = await chef.post(`/admin/articles/${a.id}/direct/entree`, {
          _csrf: await token(chef, a.id),
          entree: String(ids[0]),
          action: 'modifier',
          body: 'La toute première entrée, corrigée.',
        });
        assert.equal(edited.statusCode, 303);
        await cache.snapshot();
        assert.equal(cache.get(path), undefined);
        assert.equal(cache.get(`lite:${path}`), undefined);
        assert.match((await other.inject(path)).body, /La toute première entrée, corrigée\./);
      } finally {
        await instance.close();
      }
    });

    test('the light edition pages through older entries too, without script', async () => {
      const a = await liveArticle('avant-leger');
      await insertEntries(a.id, LIVE_PAGE_ENTRIES + 3);
      const reader = new Browser(t);
      const lite = parse((await reader.get('/lite/politique/avant-leger')).body);
      assert.equal(lite.querySelectorAll('.live-feed li.live-entry').length, LIVE_PAGE_ENTRIES);
      const href = lite.querySelector('.live-older a')!.getAttribute('href')!;
      assert.match(href, new RegExp(`^/lite/direct/${a.id}/avant/\\d+$`));
      const older = await reader.get(href);
      assert.equal(older.statusCode, 200);
      const doc = parse(older.body);
      assert.equal(doc.querySelectorAll('li.live-entry').length, 3);
      assert.equal(doc.querySelector('script[src]'), null);
      assert.equal(
        doc.querySelector('.live-back a')?.getAttribute('href'),
        '/lite/politique/avant-leger#direct',
      );
      // Its own cache entry, apart from the full edition's.
      assert.ok(t.cache.get(`lite:${href.slice('/lite'.length)}`));
      const full = await reader.get(href.slice('/lite'.length));
      assert.notEqual(full.headers.etag, older.headers.etag);
    });

    test('the light edition shows the coverage with an « Actualiser » link and nothing that polls', async () => {
      const a = await liveArticle('direct-leger');
      await post(chef, a.id, 'Une entrée légère.', true);
      await post(chef, a.id, 'Une autre.');
      const reader = new Browser(t);
      const lite = await reader.get('/lite/politique/direct-leger');
      assert.equal(lite.statusCode, 200);
      const doc = parse(lite.body);
      assert.equal(doc.querySelectorAll('li.live-entry').length, 2);
      assert.equal(doc.querySelector('[data-live-poll]'), null);
      assert.equal(doc.querySelector('script[src]'), null);
      assert.doesNotMatch(lite.body, /depuis/);
      assert.equal(
        doc.querySelector('.live-refresh a')?.getAttribute('href'),
        `/lite/direct/${a.id}`,
      );
      const refresh = await reader.get(`/lite/direct/${a.id}`);
      assert.equal(refresh.statusCode, 302);
      assert.equal(refresh.headers.location, '/lite/politique/direct-leger#direct');
    });

    test('feeds carry a live article once, updated with its newest entries, each linking to its anchor', async () => {
      const a = await liveArticle('direct-flux');
      t.clock.set('2026-12-03T10:15:00.000Z');
      await post(
        chef,
        a.id,
        'Le cortège arrive place de la Concertation. Des milliers de personnes le suivent.',
      );
      t.clock.set(NOW);
      const page = (await new Browser(t).get('/politique/direct-flux')).body;
      const [id] = entryIds(page);
      // An entry of more than one sentence: its headline is the first; the whole text is on the
      // page only (the JSON-LD stays short).
      const [update] = jsonLd(page).liveBlogUpdate!;
      assert.equal(update!.headline, 'Le cortège arrive place de la Concertation.');
      assert.equal(update!.articleBody, undefined);
      const atom = (await new Browser(t).get('/flux/atom.xml')).body;
      const entry = atom
        .split('<entry>')
        .find((e) => e.includes('/politique/direct-flux</id>') || e.includes('direct-flux"'));
      assert.ok(entry, 'the live article is in the feed');
      assert.match(entry, /<updated>2026-12-03T10:15:00Z<\/updated>/);
      assert.match(entry, /En direct — Le cortège arrive place de la Concertation\./);
      assert.ok(entry.includes(`/politique/direct-flux#entree-${id}`));
      const rss = (await new Browser(t).get('/flux/rss.xml')).body;
      assert.ok(rss.includes(`/politique/direct-flux#entree-${id}`));
      assert.equal(rss.split('/politique/direct-flux</link>').length, 2, 'one item');
    });

    test('an entry shows a photo of the library and an entry’s text is escaped like an article’s', async () => {
      const a = await liveArticle('direct-photo');
      const photo = await buildImage(t.db, t.dataDir, { width: 800, height: 600 });
      await post(
        chef,
        a.id,
        `La foule devant la commission.\n\n![Devant la commission](media:${photo.id} "A. Maïga")`,
      );
      await post(chef, a.id, '<script>alert(1)</script> <img src=x onerror=alert(2)>');
      const page = await new Browser(t).get('/politique/direct-photo');
      const doc = parse(page.body);
      assert.ok(doc.querySelector('.live-entry picture img'), 'the photo');
      assert.match(doc.querySelector('.live-entry figcaption')!.text, /A\. Maïga/);
      assert.doesNotMatch(page.body, /<script>alert\(1\)/);
      assert.doesNotMatch(page.body, /<img src=x/);
      assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    });
  });
}
