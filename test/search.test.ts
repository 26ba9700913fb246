import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { reindexArticles } from '../src/search/reindex.ts';
import { deleteAllRelated } from '../src/search/related.queries.ts';
import { deleteAllSearchDocuments } from '../src/search/search.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { buildNewsroom, createArticle, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const ABSURD = [
  '"',
  '*',
  'AND(',
  'NEAR',
  'NEAR(attaque gendarmes)',
  '-',
  '- attaque',
  'attaque*',
  '"attaque',
  'attaque OR',
  "' OR 1=1 --",
  '🦁🔥',
  'le la les de',
  '?!…«»',
  'a'.repeat(5_000),
  'attaque '.repeat(600),
  '\u0000',
  '%',
  'col:attaque',
  '^attaque',
];

for (const dialect of testDialects()) {
  describe(`search on ${dialect.name}`, () => {
    let t: TestApp;
    let securite: Section;
    let societe: Section;
    let politique: Section;
    const a: Record<string, ArticleRow> = {};
    let n = 0;
    const at = () => new Date(Date.UTC(2026, 10, 10, 8) + ++n * 3_600_000).toISOString();

    before(async () => {
      t = await createTestApp(dialect);
      securite = await buildSection(t.db, { name: 'Sécurité', slug: 'securite' });
      societe = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      politique = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      await buildNewsroom(t.db);
      a.attack = await buildArticle(t.db, {
        section: securite,
        kicker: 'TILLABÉRI',
        title: 'Sécurité : nouvelle attaque contre un poste avancé près de Tillabéri',
        standfirst: 'Des hommes armés ont visé le poste avant l’aube.',
        body: 'Le poste a été visé avant l’aube. Les renforts sont arrivés dans la matinée.',
        published_at: at(),
      });
      a.patrols = await buildArticle(t.db, {
        section: securite,
        kicker: 'RIPOSTE',
        title: 'Les gendarmes renforcent leurs patrouilles sur la route nationale',
        standfirst: 'Une réponse aux incidents des dernières semaines.',
        body: 'Après les attaques répétées contre les convois, les gendarmes escortent désormais les camions de marchandises jusqu’à la frontière.',
        published_at: at(),
      });
      a.schools = await buildArticle(t.db, {
        section: societe,
        kicker: 'RENTRÉE',
        title: 'Rentrée scolaire : les écoles rouvrent leurs portes à Niamey',
        standfirst: 'Les élèves retrouvent leurs classes.',
        body: 'Dans chaque école du quartier, les maîtres accueillent les élèves dès sept heures.',
        published_at: at(),
      });
      a.campaign = await buildArticle(t.db, {
        section: politique,
        kicker: 'SCRUTIN',
        title: 'Campagne électorale : les candidats sillonnent les régions',
        standfirst: 'Les meetings se succèdent avant le vote.',
        body: 'Les gendarmes assurent la sécurité des meetings, sans incident signalé.',
        published_at: at(),
      });
      a.rainTitle = await buildArticle(t.db, {
        section: societe,
        kicker: 'MÉTÉO',
        title: 'Hivernage : les premières pluies attendues la semaine prochaine',
        standfirst: 'Les agriculteurs préparent les semis.',
        body: 'Les services de la météorologie annoncent des orages.',
        published_at: at(),
      });
      a.rainBody = await buildArticle(t.db, {
        section: societe,
        kicker: 'AGRICULTURE',
        title: 'Les coopératives de semences se préparent',
        standfirst: 'Les stocks sont reconstitués.',
        body: 'Avant l’hivernage, les coopératives distribuent les semences aux familles.',
        published_at: at(),
      });
      for (let i = 1; i <= 12; i++)
        await buildArticle(t.db, {
          section: societe,
          kicker: 'COMMERCE',
          title: `Au marché de Katako, chronique numéro ${i}`,
          standfirst: 'Les prix du jour.',
          body: 'Les commerçants du marché affichent leurs prix.',
          published_at: at(),
        });
      await buildArticle(t.db, {
        section: securite,
        title: 'Un brouillon sur le trafic clandestin',
        status: 'draft',
        published_at: null,
      });
      await buildArticle(t.db, {
        section: securite,
        title: 'Un article programmé sur le trafic clandestin',
        status: 'scheduled',
        published_at: '2026-12-01T08:00:00.000Z',
      });
    });
    after(() => t.close());

    async function search(q: string, extra = '') {
      const res = await t.app.inject(`/recherche?q=${encodeURIComponent(q)}${extra}`);
      assert.equal(res.statusCode, 200, `${q}: ${res.body.slice(0, 300)}`);
      const doc = parse(res.body);
      const links = doc
        .querySelectorAll('.search-results .story-title a')
        .map((l) => l.getAttribute('href')!.split('/').pop()!);
      return { res, doc, links };
    }

    const cases: [string, string[], string[]][] = [
      ['attaques', ['attack', 'patrols'], ['schools']],
      ['attaque', ['attack', 'patrols'], []],
      ['securite', ['attack', 'campaign'], ['schools']],
      ['SÉCURITÉ', ['attack', 'campaign'], []],
      ['ecole', ['schools'], ['attack']],
      ['écoles', ['schools'], []],
      ['gendarme', ['patrols', 'campaign'], ['attack']],
      ['électorale', ['campaign'], []],
      ['electoral', ['campaign'], []],
      ['gendarmes convois', ['patrols'], ['campaign']],
      ['tillaberi', ['attack'], []],
    ];
    for (const [q, found, notFound] of cases)
      test(`« ${q} » finds ${found.join(', ')}${notFound.length ? ` and not ${notFound.join(', ')}` : ''}`, async () => {
        const { links } = await search(q);
        for (const key of found)
          assert.ok(links.includes(a[key]!.slug), `${q} → ${key}: ${links.join(' ')}`);
        for (const key of notFound) assert.ok(!links.includes(a[key]!.slug), `${q} ↛ ${key}`);
      });

    test('a title hit ranks above a body-only hit, even an older one', async () => {
      const { links } = await search('hivernage');
      assert.deepEqual(links, [a.rainTitle!.slug, a.rainBody!.slug]);
    });

    test('the section filter keeps only that section, and the select shows it chosen', async () => {
      const { links, doc } = await search('gendarmes', '&rubrique=securite');
      assert.deepEqual(links, [a.patrols!.slug]);
      assert.equal(
        doc.querySelector('#recherche-rubrique option[selected]')?.getAttribute('value'),
        'securite',
      );
      assert.match(
        doc.querySelector('.search-count')!.text,
        /1 article trouvé dans la rubrique Sécurité/,
      );
    });

    test('results come 10 a page with the total and a link to the next page', async () => {
      const first = await search('marchés');
      assert.equal(first.links.length, 10);
      assert.match(first.doc.querySelector('.search-count')!.text, /12 articles trouvés/);
      const next = first.doc.querySelector('.pager a[rel=next]')!.getAttribute('href')!;
      assert.equal(next, '/recherche?q=march%C3%A9s&page=2');
      const second = await search('marchés', '&page=2');
      assert.equal(second.links.length, 2);
      assert.equal(new Set([...first.links, ...second.links]).size, 12);
      assert.equal(second.doc.querySelector('#recherche-q')?.getAttribute('value'), 'marchés');
    });

    test('matched words are marked in the title and the excerpt, in their original spelling', async () => {
      const { doc } = await search('attaques');
      const patrols = doc
        .querySelectorAll('.search-result')
        .find((r) => r.querySelector('a')?.getAttribute('href')?.endsWith(a.patrols!.slug))!;
      assert.deepEqual(
        patrols.querySelectorAll('.search-excerpt mark').map((m) => m.text),
        ['attaques'],
      );
      const attack = doc
        .querySelectorAll('.search-result')
        .find((r) => r.querySelector('a')?.getAttribute('href')?.endsWith(a.attack!.slug))!;
      assert.deepEqual(
        attack.querySelectorAll('.story-title mark').map((m) => m.text),
        ['attaque'],
      );
      const accents = await search('securite');
      assert.ok(accents.doc.querySelectorAll('mark').some((m) => m.text === 'Sécurité'));
    });

    test('result pages are not indexed by robots and are cached a minute, for everyone', async () => {
      const { res, doc } = await search('attaque');
      assert.equal(res.headers['cache-control'], 'public, max-age=60');
      assert.equal(doc.querySelector('meta[name=robots]')?.getAttribute('content'), 'noindex');
      assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'fr');
    });

    test('markup in the query is shown as text, never run', async () => {
      const { res, doc } = await search('<script>alert(1)</script> attaque');
      assert.ok(!res.body.includes('<script>alert(1)'));
      assert.equal(
        doc.querySelector('#recherche-q')?.getAttribute('value'),
        '<script>alert(1)</script> attaque',
      );
    });

    test('an empty, stopword-only or too long query gets help and the latest articles', async () => {
      const empty = await search('');
      assert.match(empty.doc.querySelector('.search-message')!.text, /Que cherchez-vous/);
      assert.ok(empty.doc.querySelectorAll('.search-help .story-title a').length > 0);
      const stop = await search('le la les');
      assert.match(stop.doc.querySelector('.search-message')!.text, /aucun mot/);
      const long = await search('sécurité '.repeat(100));
      assert.match(long.doc.querySelector('.search-message')!.text, /trop longue/);
      const none = await search('zygomatique');
      assert.match(none.doc.querySelector('.search-message')!.text, /Aucun article ne contient/);
      assert.match(none.doc.querySelector('.search-help')!.text, /Vérifiez l’orthographe/);
    });

    test('queries that would break full-text syntax get a page, never an error', async () => {
      for (const q of ABSURD) {
        const { doc } = await search(q);
        assert.ok(doc.querySelector('.search-help') || doc.querySelector('.search-results'), q);
      }
      const res = await t.app.inject('/recherche?q=a&q=b&page=-3&rubrique[]=x');
      assert.equal(res.statusCode, 200);
    });

    test('drafts and scheduled articles are never found', async () => {
      const { links } = await search('clandestin');
      assert.deepEqual(links, []);
    });

    describe('kept up to date by the newsroom', () => {
      let editor: Browser;
      const fields = (extra: Record<string, string>) => ({
        kicker: 'FLEUVE',
        standfirst: 'Le niveau monte.',
        sectionId: String(societe.id),
        body: 'Les pirogues restent à quai.',
        signature: 'Rédaction',
        tags: 'fleuve',
        comments: 'open',
        ...extra,
      });
      async function act(id: number, transition: string) {
        const page = await editor.get(`/admin/articles/${id}`);
        const res = await editor.post(`/admin/articles/${id}/etat`, {
          _csrf: hiddenValue(page.body, '_csrf'),
          version: hiddenValue(page.body, 'version'),
          transition,
          // Unpublishing asks for confirmation first; this is the confirmed request.
          confirme: '1',
        });
        assert.equal(res.statusCode, 303);
      }

      before(async () => {
        editor = await signIn(t, 'chef@griot.test');
      });

      test('an edit replaces the old words, and unpublishing removes the article', async () => {
        const id = await createArticle(
          editor,
          fields({ title: 'La crue du fleuve inquiète les riverains' }),
        );
        assert.deepEqual((await search('crue')).links, [], 'a draft is not found');
        await act(id, 'publish');
        assert.equal((await search('crue')).links.length, 1);

        const page = await editor.get(`/admin/articles/${id}`);
        const saved = await editor.post(`/admin/articles/${id}`, {
          _csrf: hiddenValue(page.body, '_csrf'),
          version: hiddenValue(page.body, 'version'),
          ...fields({ title: 'La décrue du fleuve rassure les riverains' }),
        });
        assert.equal(saved.statusCode, 303);
        assert.deepEqual((await search('crue')).links, []);
        assert.equal((await search('décrue')).links.length, 1);

        await act(id, 'unpublish');
        assert.deepEqual((await search('décrue')).links, []);
      });

      test('reindex rebuilds the index and related articles from nothing', async () => {
        await deleteAllSearchDocuments(t.db, dialect.name);
        await deleteAllRelated(t.db);
        assert.deepEqual((await search('attaques')).links, []);
        const steps: string[] = [];
        const count = await reindexArticles(t.db, {
          batchSize: 5,
          onProgress: (step, done, total) => steps.push(`${step} ${done}/${total}`),
        });
        assert.equal(count, 18);
        assert.ok(steps.includes('index 18/18') && steps.includes('related 18/18'));
        assert.deepEqual(
          (await search('attaques')).links.sort(),
          [a.attack!.slug, a.patrols!.slug].sort(),
        );
        const related = await t.db.selectFrom('article_related').select('article_id').execute();
        assert.ok(related.length > 0);
      });
    });

    describe('« À lire aussi »', () => {
      async function relatedOf(article: ArticleRow) {
        const res = await new Browser(t).get(
          `/${article.section_id === securite.id ? 'securite' : article.section_id === politique.id ? 'politique' : 'societe'}/${article.slug}`,
        );
        assert.equal(res.statusCode, 200);
        return parse(res.body)
          .querySelectorAll('.related a.related-title')
          .map((l) => l.getAttribute('href')!.split('/').pop()!);
      }

      test('is computed on publish, closest by text first, shown newest first', async () => {
        const latest = await buildArticle(t.db, {
          section: securite,
          kicker: 'TILLABÉRI',
          title: 'Tillabéri : une nouvelle attaque repoussée par les gendarmes',
          standfirst:
            'Les patrouilles renforcées ont repoussé les assaillants près du poste avancé.',
          body: 'Le poste avancé a été attaqué avant l’aube ; les gendarmes en patrouille ont riposté.',
          published_at: at(),
        });
        const rows = await t.db
          .selectFrom('article_related')
          .select(['related_id', 'position'])
          .where('article_id', '=', latest.id)
          .orderBy('position')
          .execute();
        const ids = rows.map((r) => r.related_id);
        assert.equal(ids[0], a.attack!.id, 'the closest first');
        assert.ok(ids.includes(a.patrols!.id));
        assert.ok(!ids.includes(a.schools!.id), 'a story about schools is not related');
        const shown = await relatedOf(latest);
        assert.deepEqual(shown.slice(0, 2), [a.patrols!.slug, a.attack!.slug], 'newest first');
      });

      test('is stored, not computed per view, and an unpublished article leaves it at once', async () => {
        const source = await t.db
          .selectFrom('articles')
          .selectAll()
          .where('title', 'like', 'Tillabéri : une nouvelle%')
          .executeTakeFirstOrThrow();
        const before = await relatedOf(source);
        // A close article published later does not enter the stored list until the next compute.
        await buildArticle(t.db, {
          section: securite,
          title: 'Tillabéri : encore une attaque repoussée par les gendarmes du poste avancé',
          published_at: at(),
        });
        assert.deepEqual(await relatedOf(source), before);

        const editor = await signIn(t, 'chef@griot.test');
        const page = await editor.get(`/admin/articles/${a.attack!.id}`);
        const res = await editor.post(`/admin/articles/${a.attack!.id}/etat`, {
          _csrf: hiddenValue(page.body, '_csrf'),
          version: hiddenValue(page.body, 'version'),
          transition: 'unpublish',
          // Unpublishing asks for confirmation first; this is the confirmed request.
          confirme: '1',
        });
        assert.equal(res.statusCode, 303);
        const after = await relatedOf(source);
        assert.ok(before.includes(a.attack!.slug));
        assert.ok(!after.includes(a.attack!.slug));
      });
    });
  });
}
