import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { updateMediaDetails } from '../src/media/media.queries.ts';
import type { MediaRow } from '../src/media/media.table.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildImage, buildSection } from './helpers/factories.ts';
import { hiddenValue } from './helpers/http.ts';
import { buildNewsroom, createArticle, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// Issue 14: the lead photo is chosen without JavaScript and without typing its library number.

for (const dialect of testDialects()) {
  describe(`choosing the lead photo without script on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let market: MediaRow;
    let river: MediaRow;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      await buildNewsroom(t.db);
      market = await buildImage(t.db, t.dataDir);
      river = await buildImage(t.db, t.dataDir);
      await updateMediaDetails(t.db, market.id, {
        alt: 'Les étals du grand marché',
        credit: 'Awa Diallo',
        caption: 'Le grand marché',
      });
      await updateMediaDetails(t.db, river.id, {
        alt: 'Le fleuve à l’aube',
        credit: 'A. Maïga',
        caption: 'Le Niger',
      });
    });
    after(() => t.close());

    const fields = (extra: Record<string, string> = {}) => ({
      kicker: '',
      title: 'Le marché rouvre',
      standfirst: 'Un chapô.',
      sectionId: String(section.id),
      tags: 'marché, Niamey',
      body: 'Un texte tapé avec soin.',
      signature: 'Awa Auteure',
      slug: '',
      imageId: '',
      imageCredit: '',
      imageCaption: '',
      imageAlt: '',
      correction: '',
      comments: 'open',
      ...extra,
    });
    const imageOf = async (id: number) =>
      (
        await t.db
          .selectFrom('articles')
          .select(['image_id', 'version'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).image_id;

    test('the editor offers the latest library photos as radio buttons with thumbnails', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const doc = parse((await author.get('/admin/articles/nouveau')).body);
      const radios = doc.querySelectorAll('.lead-photo-choices input[name="photoChoice"]');
      assert.deepEqual(
        radios.map((r) => r.getAttribute('value')),
        ['keep', String(river.id), String(market.id)],
      );
      assert.ok(radios[0]!.hasAttribute('checked'), 'no photo until one is chosen');
      const label = radios[1]!.closest('label')!;
      assert.match(label.querySelector('img')!.getAttribute('src')!, /^\/media\/test-.*\.jpg$/);
      assert.match(label.text, /Le fleuve à l’aube/);
      // Enter in a field saves: the first button of the form is a save.
      const buttons = doc.querySelectorAll('#article-form button');
      assert.equal(buttons[0]!.getAttribute('name'), undefined);
      assert.ok(buttons[0]!.classList.contains('implicit-save'), buttons[0]!.toString());
    });

    test('a chosen radio button sets the photo; « none » removes it', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const id = await createArticle(author, fields({ photoChoice: String(market.id) }));
      assert.equal(await imageOf(id), market.id);
      const page = await author.get(`/admin/articles/${id}`);
      const doc = parse(page.body);
      const keep = doc.querySelector('.lead-photo-choices input[value="keep"]')!;
      assert.ok(keep.hasAttribute('checked'));
      assert.ok(keep.closest('label')!.querySelector('img'), 'the current photo, pictured');
      const res = await author.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        ...fields({ slug: 'le-marche-rouvre', imageId: String(market.id), photoChoice: 'none' }),
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      assert.equal(await imageOf(id), null);
    });

    test('the number field still works when « keep » is checked', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const id = await createArticle(
        author,
        fields({ title: 'Par numéro', imageId: String(river.id), photoChoice: 'keep' }),
      );
      assert.equal(await imageOf(id), river.id);
    });

    test('a photo search sends the form back as typed, with the photos found, and saves nothing', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const before = await t.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const form = await author.get('/admin/articles/nouveau');
      const res = await author.post('/admin/articles', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...fields({ title: 'Pas encore <enregistré>', photoSearch: 'fleuve', findPhoto: '1' }),
      });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const doc = parse(res.body);
      assert.equal(doc.querySelector('#a-title')!.text, 'Pas encore <enregistré>');
      assert.equal(doc.querySelector('#a-body')!.text, 'Un texte tapé avec soin.');
      assert.equal(doc.querySelector('#a-tags')!.getAttribute('value'), 'marché, Niamey');
      assert.equal(doc.querySelector('#a-photoSearch')!.getAttribute('value'), 'fleuve');
      assert.deepEqual(
        doc
          .querySelectorAll('.lead-photo-choices input[name="photoChoice"]')
          .map((r) => r.getAttribute('value')),
        ['keep', String(river.id)],
      );
      assert.match(doc.querySelector('.notice')!.text, /rien n’a été enregistré/);
      const after = await t.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n));

      // Then a photo of the results, and the save.
      const saved = await author.post('/admin/articles', {
        _csrf: hiddenValue(res.body, '_csrf'),
        ...fields({ title: 'Enfin enregistré', photoChoice: String(river.id) }),
      });
      assert.equal(saved.statusCode, 303);
      const id = Number(/\/admin\/articles\/(\d+)/.exec(saved.headers.location as string)![1]);
      assert.equal(await imageOf(id), river.id);
    });

    test('a photo search on an existing article keeps its version, so the save that follows succeeds', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const id = await createArticle(author, fields({ title: 'Version gardée' }));
      const page = await author.get(`/admin/articles/${id}`);
      const version = hiddenValue(page.body, 'version');
      const searched = await author.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version,
        ...fields({ title: 'Version gardée, modifiée', slug: 'version-gardee', findPhoto: '1' }),
      });
      assert.equal(searched.statusCode, 200);
      assert.equal(hiddenValue(searched.body, 'version'), version);
      const saved = await author.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(searched.body, '_csrf'),
        version: hiddenValue(searched.body, 'version'),
        ...fields({
          title: 'Version gardée, modifiée',
          slug: 'version-gardee',
          photoChoice: String(market.id),
        }),
      });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
      assert.equal(await imageOf(id), market.id);
    });
  });
}
