import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { addMissingVariants, missingWidths } from '../src/media/add-missing-variants.ts';
import { writeImageVariants, type ImageVariant } from '../src/media/image-variants.ts';
import { insertMedia } from '../src/media/media.queries.ts';
import type { MediaRow } from '../src/media/media.table.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const v = (format: ImageVariant['format'], width: number): ImageVariant => ({
  width,
  height: Math.round((width * 9) / 16),
  format,
  file: `p-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`,
  bytes: 1,
});
const both = (...widths: number[]) => widths.flatMap((w) => [v('jpeg', w), v('webp', w)]);

test('an image lacks the standard widths added since, when its variants are wide enough to cut them', () => {
  assert.deepEqual(missingWidths({ width: 2000, variants: both(320, 640, 1024, 1600) }), [768]);
  assert.deepEqual(missingWidths({ width: 1200, variants: both(320, 640, 1024) }), [768]);
  assert.deepEqual(missingWidths({ width: 2000, variants: both(320, 640, 768, 1024, 1600) }), []);
  // Without the original, a 640 px variant cannot make a 768 one.
  assert.deepEqual(missingWidths({ width: 800, variants: both(320, 640) }), []);
  assert.deepEqual(missingWidths({ width: 200, variants: [v('jpeg', 200), v('webp', 200)] }), []);
  assert.deepEqual(
    missingWidths({ width: 2000, variants: [...both(320, 640, 1024, 1600), v('jpeg', 768)] }),
    [768],
    'a width with one format only',
  );
});

for (const dialect of testDialects()) {
  describe(`giving library images the sizes added since their upload, on ${dialect.name}`, () => {
    let t: TestApp;
    let articlePath: string;
    let old: MediaRow;
    let narrow: MediaRow;
    let lost: MediaRow;

    /** A media item as an older version stored it: only the widths it made then. */
    async function olderItem(width: number, widths: number[], name: string) {
      const input = await sharp({
        create: {
          width,
          height: Math.round((width * 9) / 16),
          channels: 4,
          background: { r: 200, g: 80, b: 40, alpha: 0.5 },
        },
      })
        .png()
        .toBuffer();
      const file = `ancien-${name}`;
      const info = await writeImageVariants({
        input,
        store: t.media,
        baseName: file,
        only: widths,
      });
      return insertMedia(t.db, {
        file,
        mime: 'image/png',
        width: info.width,
        height: info.height,
        alt: 'Une image d’avant',
        credit: 'AGENCE TEST',
        caption: '',
        variants: JSON.stringify(info.variants),
        created_at: '2026-01-01T00:00:00.000Z',
      });
    }

    before(async () => {
      t = await createTestApp(dialect);
      await mkdir(path.join(t.dataDir, 'media'), { recursive: true });
      old = await olderItem(1600, [320, 640, 1024, 1600], 'large');
      narrow = await olderItem(800, [320, 640], 'narrow');
      lost = await olderItem(1200, [320, 640, 1024], 'lost');
      await rm(path.join(t.dataDir, 'media', `${lost.file}-1024.webp`));
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      const article = await buildArticle(t.db, { section, image_id: old.id });
      articlePath = `/politique/${article.slug}`;
    });
    after(() => t.close());

    const srcsetOf = async () => {
      const doc = parse((await t.app.inject(articlePath)).body);
      return doc.querySelector('figure.photo img')?.getAttribute('srcset') ?? '';
    };
    const variantsOf = async (id: number) => {
      const row = await t.db
        .selectFrom('media')
        .select('variants')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return JSON.parse(row.variants) as ImageVariant[];
    };

    test('an older item gets its 768 px variants, files and row, and pages list them', async () => {
      assert.doesNotMatch(await srcsetOf(), /768w/, 'the older item has no 768 px variant yet');
      const before768 = await variantsOf(narrow.id);

      assert.deepEqual(await addMissingVariants(t.db, { store: t.media }), {
        changed: 1,
        failed: 1,
      });

      const variants = await variantsOf(old.id);
      assert.deepEqual(
        variants.map((x) => `${x.format} ${x.width}`),
        ['jpeg 320', 'webp 320', 'jpeg 640', 'webp 640', 'jpeg 768', 'webp 768'].concat(
          'jpeg 1024',
          'webp 1024',
          'jpeg 1600',
          'webp 1600',
        ),
      );
      for (const x of variants.filter((y) => y.width === 768)) {
        const meta = await sharp(path.join(t.dataDir, 'media', x.file)).metadata();
        assert.deepEqual([meta.format, meta.width, meta.height], [x.format, 768, 432], x.file);
        assert.equal(x.height, 432);
        // Cut from the WebP, the transparency stays; the JPEG is flattened as on upload.
        assert.equal(meta.hasAlpha, x.format === 'webp', x.file);
      }
      assert.deepEqual(await variantsOf(narrow.id), before768, 'nothing to cut a 768 from');
      assert.equal((await variantsOf(lost.id)).length, 6, 'an unreadable item stays as it was');

      await bumpContentVersion(t.db);
      assert.match(await srcsetOf(), /-640\.jpg 640w, \S+-768\.jpg 768w, \S+-1024\.jpg 1024w/);

      assert.deepEqual(await addMissingVariants(t.db, { store: t.media }), {
        changed: 0,
        failed: 1,
      });
    });
  });
}
