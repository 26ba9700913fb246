import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { insertComment } from '../src/comments/comment.queries.ts';
import { insertOutboxMail, listMails, markMailCancelled } from '../src/mail/outbox.queries.ts';
import { NOT_WANTED_REASON } from '../src/mail/send-outbox.ts';
import { updateSiteSettings } from '../src/settings/setting.queries.ts';
import { buildImage, buildSection, buildUser } from './helpers/factories.ts';
import { hiddenValue, type Browser } from './helpers/http.ts';
import { createArticle, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// Words only the French newsroom interface uses; the test data below is written in English, so
// any of these on an English page is an untranslated label, message or stored note.
const FRENCH = new RegExp(
  `(?<!\\p{L})(${[
    'Enregistr\\p{L}*',
    'Brouillon',
    'Rubriques?',
    'Modifier',
    'Rechercher',
    'Filtrer',
    'Titre',
    'Surtitre',
    'Chapô',
    'Légende',
    'Crédit',
    'Aperçu',
    'Fermer',
    'Choisir',
    'Importer',
    'Versions de',
    'Comparer',
    'Restaurer',
    'Retour',
    'Aucune?',
    'Tentatives',
    'Destinataire',
    'Courriels?',
    'Réglages',
    'Médiathèque',
    'Commentaires',
    'Création',
    'Programmés?',
    'Publiés?',
    'Soumis',
    'Modération',
    'Texte alternatif',
    'Mots-clés',
    'Adresse',
    'Sans publicité',
    'Plus nécessaire',
    'relecture',
    'Chargement',
    'Poids',
    'État',
    'Tous',
    'Auteur',
  ].join('|')})(?!\\p{L})`,
  'u',
);

// Every text node and the labels assistive technologies read, one per line.
function visibleText(html: string): string {
  const doc = parse(html);
  // The mail preview's srcdoc is the mail itself, not the interface.
  doc.querySelectorAll('iframe').forEach((el) => el.remove());
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof TextNode) out.push(node.text);
    else if (node instanceof HTMLElement) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt'])
        if (node.getAttribute(a)) out.push(node.getAttribute(a)!);
      node.childNodes.forEach(walk);
    }
  };
  walk(doc.querySelector('body')!);
  return out.join('\n');
}

for (const dialect of testDialects()) {
  describe(`the newsroom in English on ${dialect.name}`, () => {
    let t: TestApp;
    let admin: Browser;
    let articleId: number;
    let imageId: number;
    let adminId: number;
    let cancelledMailId: number;
    let fields: Record<string, string>;
    let frenchEditor: string;

    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Economy', slug: 'economy' });
      adminId = (
        await buildUser(t.db, { email: 'admin@griot.test', name: 'Ada Admin', role: 'admin' })
      ).id;
      const image = await buildImage(t.db, t.dataDir);
      imageId = image.id;
      await t.db
        .updateTable('media')
        .set({ alt: 'Traders at the millet market', credit: 'NEWS AGENCY', caption: 'Millet' })
        .where('id', '=', imageId)
        .execute();
      admin = await signIn(t, 'admin@griot.test');
      fields = {
        kicker: 'BUDGET',
        title: 'The supplementary budget reaches parliament',
        standfirst: 'The government presents a supplementary budget.',
        sectionId: String(section.id),
        body: 'The minister presented a cautious budget.',
        signature: 'Ada Admin',
        tags: 'budget',
        comments: 'open',
        imageId: String(imageId),
        imageAlt: 'Traders at the millet market',
      };
      articleId = await createArticle(admin, fields);
      const page = await admin.get(`/admin/articles/${articleId}`);
      const saved = await admin.post(`/admin/articles/${articleId}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        ...fields,
        body: 'The minister presented a bold budget.',
      });
      assert.equal(saved.statusCode, 303);
      await insertComment(t.db, {
        article_id: articleId,
        article_title: 'The supplementary budget reaches parliament',
        parent_id: null,
        author_name: 'Reader',
        author_email: 'reader@example.org',
        body: 'A comment waiting for a moderator.',
        body_hash: 'hash-1',
        status: 'pending',
        notify_replies: 0,
        ip_hash: 'x',
        created_at: '2026-11-23T11:00:00.000Z',
        moderated_at: null,
        moderated_by: null,
        reason: null,
      });
      for (const n of [1, 2])
        await insertOutboxMail(t.db, {
          kind: 'comment-approved',
          dedupeKey: `english-${n}`,
          refId: n,
          to: `reader${n}@example.org`,
          subject: `Your comment ${n} is online`,
          text: 'Hello, your comment is online.',
          html: '<p>Hello, your comment is online.</p>',
          now: t.clock.now(),
        });
      cancelledMailId = (await listMails(t.db, { limit: 10, offset: 0 })).at(-1)!.id;
      await markMailCancelled(t.db, {
        id: cancelledMailId,
        reason: NOT_WANTED_REASON,
        now: t.clock.now(),
      });
      frenchEditor = (await admin.get(`/admin/articles/${articleId}`)).body;
      await updateSiteSettings(t.db, {
        locale: 'en',
        siteName: 'The Watchman',
        tagline: 'News every day',
      });
      // Settings are re-read when the content version moves.
      await bumpContentVersion(t.db);
    });
    after(() => t.close());

    const pages: [string, () => string, RegExp][] = [
      ['the dashboard', () => '/admin', /^Hello Ada Admin$/],
      ['the article list', () => '/admin/articles', /^Articles$/],
      ['a new article’s editor', () => '/admin/articles/nouveau', /^New article$/],
      ['an article’s editor', () => `/admin/articles/${articleId}`, /^Edit article$/],
      ['the versions list', () => `/admin/articles/${articleId}/versions`, /^Versions of “/],
      [
        'a comparison',
        () => `/admin/articles/${articleId}/versions/comparer?de=1&a=2`,
        /^Comparing versions 1 and 2$/,
      ],
      ['the moderation queue', () => '/admin/moderation', /^Comment moderation$/],
      ['the outbox', () => '/admin/courriels', /^Mail$/],
      ['the cancelled-mail tab', () => '/admin/courriels?statut=annules', /^Mail$/],
      ['a mail', () => `/admin/courriels/${cancelledMailId}`, /^Your comment \d is online$/],
      ['the media library', () => '/admin/medias', /^Media library$/],
      ['a media item', () => `/admin/medias/${imageId}`, /^Traders at the millet market$/],
      ['the sections page', () => '/admin/rubriques', /^Sections$/],
      ['the settings page', () => '/admin/reglages', /^Site settings$/],
      ['the user list', () => '/admin/utilisateurs', /^Users$/],
      ['a user’s page', () => `/admin/utilisateurs/${adminId}`, /^Ada Admin\s+Active$/],
      ['the ads overview', () => '/admin/publicite', /^Ads$/],
      ['the advertisers', () => '/admin/publicite/annonceurs', /^Advertisers$/],
      ['a new ad slot', () => '/admin/publicite/emplacements/nouveau', /^New slot$/],
      ['a new campaign', () => '/admin/publicite/campagnes/nouvelle', /^New campaign$/],
    ];

    for (const [name, url, heading] of pages)
      test(`${name} is in English, with no French label left`, async () => {
        const res = await admin.get(url());
        assert.equal(res.statusCode, 200, res.body.slice(0, 300));
        const doc = parse(res.body);
        assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'en');
        assert.match(doc.querySelector('h1')?.text.trim() ?? '', heading);
        const french = FRENCH.exec(visibleText(res.body));
        assert.equal(
          french?.[0],
          undefined,
          `French on ${url()}: « ${french?.input.slice(
            Math.max(0, french.index - 60),
            french.index + 60,
          )} »`,
        );
      });

    test('the check finds the French editor’s labels, so it would catch leftovers', () => {
      const found = new Set(
        [...visibleText(frenchEditor).matchAll(new RegExp(FRENCH, 'gu'))].map((m) => m[0]),
      );
      for (const word of ['Enregistrer', 'Brouillon', 'Rubrique', 'Chapô', 'Création'])
        assert.ok(found.has(word), word);
    });

    test('the editor script gets its messages in English', async () => {
      const res = await admin.get(`/admin/articles/${articleId}`);
      const strings = JSON.parse(parse(res.body).querySelector('#editor-strings')!.text) as Record<
        string,
        string
      >;
      assert.equal(strings.unsaved, 'Unsaved changes');
      assert.equal(strings.saved, 'Saved automatically at {time}');
    });

    test('a refused save explains itself in English', async () => {
      const page = await admin.get(`/admin/articles/${articleId}`);
      const res = await admin.post(`/admin/articles/${articleId}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        title: 'No',
      });
      assert.equal(res.statusCode, 422);
      const text = visibleText(res.body);
      assert.match(text, /The article was not saved/);
      assert.match(text, /The headline must be between 3 and 200 characters long\./);
      assert.match(text, /Choose a section\./);
      assert.equal(FRENCH.exec(text)?.[0], undefined);
    });

    test('an autosave answers with the time as English readers write it', async () => {
      const page = await admin.get(`/admin/articles/${articleId}`);
      const res = await admin.post(`/admin/articles/${articleId}/brouillon`, {
        ...fields,
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
      });
      assert.equal(res.statusCode, 200, res.body);
      // 12:00 UTC is 13:00 in Niamey.
      assert.equal((res.json() as { time: string }).time, '13:00');
    });
  });
}
