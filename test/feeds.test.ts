import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { replaceArticleTags } from '../src/articles/article.queries.ts';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { updateSiteSettings } from '../src/settings/setting.queries.ts';
import { buildArticle, buildImage, buildSection, buildUser } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';
import { parseXml } from './helpers/xml.ts';
import { frenchSpacing } from '../src/web/typography.ts';

const TRICKY_TITLE = 'Riz : le sac < 20 000 F & les « prix » s’envolent';

for (const dialect of testDialects()) {
  describe(`feeds on ${dialect.name}`, () => {
    let t: TestApp;
    let rice: ArticleRow;
    let agency: ArticleRow;
    let authorKey: string;

    before(async () => {
      t = await createTestApp(dialect);
      const securite = await buildSection(t.db, { name: 'Sécurité', slug: 'securite' });
      const economie = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      const author = await buildUser(t.db, { name: 'Aïssata Maïga', role: 'author' });
      authorKey = `${author.id}-aissata-maiga`;
      const image = await buildImage(t.db, t.dataDir);
      rice = await buildArticle(t.db, {
        section: economie,
        title: TRICKY_TITLE,
        slug: 'riz-le-sac',
        signature: 'Aïssata Maïga',
        author_id: author.id,
        image_id: image.id,
        image_credit: 'AFI',
        image_caption: 'Au marché de Dounzé',
        published_at: '2026-11-23T10:00:00.000Z',
        updated_at: '2026-11-23T11:30:00.000Z',
      });
      await replaceArticleTags(t.db, rice.id, ['vie chère', 'riz']);
      agency = await buildArticle(t.db, {
        section: securite,
        title: 'Patrouilles renforcées autour de Dounzé',
        slug: 'patrouilles',
        signature: 'Agence Fleuve Info',
        author_id: author.id,
        published_at: '2026-11-22T09:00:00.000Z',
      });
      await buildArticle(t.db, {
        section: securite,
        title: 'Brouillon qui ne doit pas paraître',
        slug: 'brouillon',
        status: 'draft',
        author_id: author.id,
        signature: 'Aïssata Maïga',
      });
    });
    after(() => t.close());

    test('the site RSS feed is valid RSS 2.0 with every article element', async () => {
      const res = await t.app.inject('/flux/rss.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
      assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate');
      assert.ok(res.headers.etag);
      const { rss } = parseXml(res.body);
      assert.equal(rss['@version'], '2.0');
      const ch = rss.channel;
      assert.equal(ch.title, 'Griot');
      assert.equal(ch.link, 'https://griot.test/');
      assert.ok(ch.description);
      assert.equal(ch.language, 'fr');
      assert.equal(ch['atom:link']['@rel'], 'self');
      assert.equal(ch['atom:link']['@href'], 'https://griot.test/flux/rss.xml');
      assert.equal(ch.lastBuildDate, 'Mon, 23 Nov 2026 11:30:00 GMT');

      assert.deepEqual(
        ch.item.map((i: { title: string }) => i.title),
        [frenchSpacing(TRICKY_TITLE), 'Patrouilles renforcées autour de Dounzé'],
      );
      const [item, second] = ch.item;
      assert.equal(item.link, 'https://griot.test/economie/riz-le-sac');
      assert.equal(item.guid['#text'], `tag:griot.test,2026:article:${rice.id}`);
      assert.equal(item.guid['@isPermaLink'], 'false');
      assert.equal(item.pubDate, 'Mon, 23 Nov 2026 10:00:00 GMT');
      assert.equal(new Date(item.pubDate).toISOString(), '2026-11-23T10:00:00.000Z');
      assert.equal(new Date(item.pubDate).toUTCString(), item.pubDate);
      assert.equal(item['dc:creator'], 'Aïssata Maïga');
      assert.equal(second['dc:creator'], 'Agence Fleuve Info');
      assert.match(item.description, /Un chapô de deux phrases/);
      assert.deepEqual(item.category, ['Économie', 'riz', 'vie chère']);
      assert.match(item['content:encoded'], /<h2>Un premier intertitre<\/h2>/);

      const media = item['media:content'];
      assert.match(media['@url'], /^https:\/\/griot\.test\/media\/.+\.jpg$/);
      assert.equal(media['@type'], 'image/jpeg');
      assert.equal(media['@medium'], 'image');
      assert.equal(media['@width'], '1024');
      assert.equal(media['@height'], '576');
      assert.equal(media['media:credit'], 'AFI');
      assert.equal(media['media:description']['#text'], 'Au marché de Dounzé');
      assert.equal(second['media:content'], undefined);
    });

    test('titles with < and & are escaped, never raw', async () => {
      for (const url of ['/flux/rss.xml', '/flux/atom.xml']) {
        const body = (await t.app.inject(url)).body;
        assert.ok(body.includes('le sac &lt; 20 000 F &amp; les'), url);
        assert.ok(!body.includes('le sac < 20'), url);
      }
    });

    test('the site Atom feed is valid Atom 1.0 with every entry element', async () => {
      const res = await t.app.inject('/flux/atom.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
      const { feed } = parseXml(res.body);
      assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
      assert.equal(feed['@xml:lang'], 'fr');
      assert.equal(feed.id, 'https://griot.test/flux/atom.xml');
      assert.equal(feed.title, 'Griot');
      assert.equal(feed.updated, '2026-11-23T11:30:00Z');
      const self = feed.link.find((l: Record<string, string>) => l['@rel'] === 'self');
      assert.equal(self['@href'], 'https://griot.test/flux/atom.xml');
      assert.equal(feed.entry.length, 2);
      const [entry, second] = feed.entry;
      assert.equal(entry.id, `tag:griot.test,2026:article:${rice.id}`);
      assert.equal(entry.title['#text'], frenchSpacing(TRICKY_TITLE));
      assert.equal(entry.link[0]['@href'], 'https://griot.test/economie/riz-le-sac');
      assert.equal(entry.published, '2026-11-23T10:00:00Z');
      assert.equal(entry.updated, '2026-11-23T11:30:00Z');
      assert.equal(second.updated, '2026-11-22T09:00:00Z', 'updated falls back to published');
      assert.equal(entry.author.name, 'Aïssata Maïga');
      assert.equal(entry.content['@type'], 'html');
      assert.match(entry.content['#text'], /<h2>Un premier intertitre<\/h2>/);
      assert.match(entry.summary['#text'], /Un chapô/);
      assert.equal(entry['media:content']['media:credit'], 'AFI');
      const terms = entry.category.map((c: Record<string, string>) => c['@term']);
      assert.deepEqual(terms, ['economie', 'riz', 'vie chère']);
    });

    test('without full-text feeds, items carry the standfirst but no body', async () => {
      await updateSiteSettings(t.db, { feedFullText: false });
      await bumpContentVersion(t.db);
      try {
        const rss = parseXml((await t.app.inject('/flux/rss.xml')).body).rss.channel.item[0];
        assert.equal(rss['content:encoded'], undefined);
        assert.match(rss.description, /Un chapô/);
        const atom = parseXml((await t.app.inject('/flux/atom.xml')).body).feed.entry[0];
        assert.equal(atom.content, undefined);
        assert.match(atom.summary['#text'], /Un chapô/);
      } finally {
        await updateSiteSettings(t.db, { feedFullText: true });
        await bumpContentVersion(t.db);
      }
      const again = parseXml((await t.app.inject('/flux/rss.xml')).body).rss.channel.item[0];
      assert.ok(again['content:encoded'], 'the body is back once the setting is on again');
    });

    test('a section feed has only its section’s articles', async () => {
      const rss = parseXml((await t.app.inject('/flux/rubrique/securite/rss.xml')).body).rss;
      assert.equal(rss.channel.title, 'Sécurité — Griot');
      assert.equal(rss.channel.link, 'https://griot.test/securite');
      assert.deepEqual(
        rss.channel.item.map((i: { link: string }) => i.link),
        ['https://griot.test/securite/patrouilles'],
      );
      const atom = parseXml((await t.app.inject('/flux/rubrique/economie/atom.xml')).body).feed;
      assert.equal(atom.entry.length, 1);
      assert.equal(atom.id, 'https://griot.test/flux/rubrique/economie/atom.xml');
    });

    test('an author feed has the articles they signed, not agency copy on their account', async () => {
      const rss = parseXml((await t.app.inject(`/flux/auteur/${authorKey}/rss.xml`)).body).rss;
      assert.equal(rss.channel.link, `https://griot.test/auteurs/${authorKey}`);
      assert.deepEqual(
        rss.channel.item.map((i: { title: string }) => i.title),
        [frenchSpacing(TRICKY_TITLE)],
      );
      assert.equal(agency.author_id, rice.author_id);
      const atom = parseXml((await t.app.inject(`/flux/auteur/${authorKey}/atom.xml`)).body).feed;
      assert.equal(atom.entry.length, 1);
      const moved = await t.app.inject(`/flux/auteur/${rice.author_id}-ancien-nom/rss.xml`);
      assert.equal(moved.statusCode, 301);
      assert.equal(moved.headers.location, `/flux/auteur/${authorKey}/rss.xml`);
    });

    test('a tag feed has the articles with that tag, accents and spaces included', async () => {
      const res = await t.app.inject('/flux/mot-cle/vie%20ch%C3%A8re/rss.xml');
      assert.equal(res.statusCode, 200);
      const rss = parseXml(res.body).rss;
      assert.equal(rss.channel.link, 'https://griot.test/mots-cles/vie%20ch%C3%A8re');
      assert.equal(
        rss.channel['atom:link']['@href'],
        'https://griot.test/flux/mot-cle/vie%20ch%C3%A8re/rss.xml',
      );
      assert.deepEqual(
        rss.channel.item.map((i: { title: string }) => i.title),
        [frenchSpacing(TRICKY_TITLE)],
      );
      const atom = await t.app.inject('/flux/mot-cle/riz/atom.xml');
      assert.equal(parseXml(atom.body).feed.entry.length, 1);
    });

    test('a feed answers 304 to its own ETag, and a new one after a change', async () => {
      const first = await t.app.inject('/flux/rss.xml');
      const etag = first.headers.etag as string;
      const again = await t.app.inject({
        url: '/flux/rss.xml',
        headers: { 'if-none-match': etag },
      });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      // The ETag names the document: re-rendered after a change that leaves it the same, it
      // is still a 304.
      await bumpContentVersion(t.db);
      const same = await t.app.inject({
        url: '/flux/rss.xml',
        headers: { 'if-none-match': etag },
      });
      assert.equal(same.statusCode, 304);
      await updateSiteSettings(t.db, { feedFullText: false });
      await bumpContentVersion(t.db);
      try {
        const changed = await t.app.inject({
          url: '/flux/rss.xml',
          headers: { 'if-none-match': etag },
        });
        assert.equal(changed.statusCode, 200);
        assert.notEqual(changed.headers.etag, etag);
      } finally {
        await updateSiteSettings(t.db, { feedFullText: true });
        await bumpContentVersion(t.db);
      }
    });

    test('a compressed feed is the same document', async () => {
      const res = await t.app.inject({
        url: '/flux/atom.xml',
        headers: { 'accept-encoding': 'gzip' },
      });
      assert.equal(res.headers['content-encoding'], 'gzip');
      const { gunzipSync } = await import('node:zlib');
      parseXml(gunzipSync(res.rawPayload).toString('utf8'));
    });

    test('unknown sections, authors, tags and formats are 404s', async () => {
      for (const url of [
        '/flux/rubrique/inconnue/rss.xml',
        '/flux/rubrique/securite/feed.json',
        '/flux/auteur/999999-personne/atom.xml',
        '/flux/auteur/personne/rss.xml',
        '/flux/mot-cle/inconnu/rss.xml',
        '/flux/podcast.xml',
      ])
        assert.equal((await t.app.inject(url)).statusCode, 404, url);
    });

    test('section, author and tag pages announce their own feeds', async () => {
      for (const [url, rss] of [
        ['/securite', '/flux/rubrique/securite/rss.xml'],
        [`/auteurs/${authorKey}`, `/flux/auteur/${authorKey}/rss.xml`],
        ['/mots-cles/riz', '/flux/mot-cle/riz/rss.xml'],
      ] as const) {
        const doc = parse((await t.app.inject(url)).body);
        const hrefs = doc
          .querySelectorAll('link[rel="alternate"]')
          .map((l) => l.getAttribute('href'));
        assert.deepEqual(
          hrefs,
          ['/flux/rss.xml', '/flux/atom.xml', rss, rss.replace('rss.xml', 'atom.xml')],
          url,
        );
      }
    });
  });
}
