import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { buildArticle, buildImage, buildSection } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// Issue 14, bug 3: the « Photo d'illustration » box was saved and never shown to readers.

for (const dialect of testDialects()) {
  describe(`an illustration photo on ${dialect.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      const image = await buildImage(t.db, t.dataDir);
      const photo = { image_id: image.id, image_credit: 'AGENCE TEST' };
      await buildArticle(t.db, {
        section,
        slug: 'illustration',
        ...photo,
        image_caption: 'Un marché de Dounzé',
        image_alt: 'Des étals de fruits',
        image_is_illustration: 1,
      });
      await buildArticle(t.db, {
        section,
        slug: 'illustration-deja-dite',
        ...photo,
        image_caption: 'Image d’illustration',
        image_alt: 'Des étals',
        image_is_illustration: 1,
      });
      await buildArticle(t.db, {
        section,
        slug: 'photo-du-jour',
        ...photo,
        image_caption: 'Le marché mardi',
        image_alt: 'Le marché',
        image_is_illustration: 0,
      });
    });
    after(() => t.close());

    const figure = async (path: string) => {
      const doc = parse((await t.app.inject(path)).body);
      return {
        caption: doc.querySelector('figure.photo figcaption')?.text ?? '',
        alt: doc.querySelector('figure.photo img')?.getAttribute('alt') ?? '',
        lite: doc.querySelector('figure.photo a.photo-on-tap')?.getAttribute('data-alt') ?? '',
      };
    };

    test('readers are told in the caption and the text alternative, once', async () => {
      const shown = await figure('/economie/illustration');
      assert.match(
        shown.caption,
        /^Photo d’illustration\. Un marché de Dounzé — Crédit photo\u00A0: AGENCE TEST$/,
      );
      assert.equal(shown.alt, 'Des étals de fruits (photo d’illustration)');
      const lite = await figure('/lite/economie/illustration');
      assert.match(lite.caption, /^Photo d’illustration\. Un marché de Dounzé/);
      assert.equal(lite.lite, 'Des étals de fruits (photo d’illustration)');
      // A caption that says it already is not repeated; a photo of the event says nothing.
      const said = await figure('/economie/illustration-deja-dite');
      assert.match(said.caption, /^Image d’illustration — /);
      assert.doesNotMatch(said.caption, /Photo d’illustration/);
      const event = await figure('/economie/photo-du-jour');
      assert.match(event.caption, /^Le marché mardi — /);
      assert.equal(event.alt, 'Le marché');
    });
  });
}
