import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildImage, buildSection } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const NOW = '2026-12-03T09:00:00.000Z';

interface LiveJsonLd {
  '@type': string;
  coverageStartTime?: string;
  coverageEndTime?: string;
  liveBlogUpdate?: {
    '@type': string;
    headline: string;
    articleBody: string;
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
      const page = (await new Browser(t).get('/politique/deux-plumes')).body;
      const shown = texts(page, '.live-feed .live-entry-body');
      assert.equal(shown.length, 6);
      assert.deepEqual(
        [...shown].sort(),
        Array.from({ length: 6 }, (_, i) => `Entrée simultanée ${i}`),
      );
      const ids = entryIds(page);
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
      // An entry of more than one sentence: its headline is the first, its body the whole.
      const [update] = jsonLd(page).liveBlogUpdate!;
      assert.equal(update!.headline, 'Le cortège arrive place de la Concertation.');
      assert.equal(
        update!.articleBody,
        'Le cortège arrive place de la Concertation. Des milliers de personnes le suivent.',
      );
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
