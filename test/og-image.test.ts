import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { OG_BUDGET_BYTES, renderOgImage } from '../src/media/og-image.ts';
import { uploadMedia } from '../src/media/upload-media.ts';
import { buildImage } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

async function noisePhoto(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .toBuffer();
}

test('a photo of pure noise, the worst case for JPEG, still fits the budget at 1200×630', async () => {
  const og = await renderOgImage(await noisePhoto(1600, 1000));
  const meta = await sharp(og.data).metadata();
  assert.deepEqual([meta.width, meta.height, meta.format], [1200, 630, 'jpeg']);
  assert.ok(og.data.length <= OG_BUDGET_BYTES, `${og.data.length} bytes`);
  assert.ok(og.quality < 82, 'quality was stepped down');
  assert.equal(og.upscaled, false);
});

for (const dialect of testDialects()) {
  describe(`share images on ${dialect.name}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    async function fetchOg(id: number) {
      const res = await t.app.inject(`/og/${id}.jpg`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'image/jpeg');
      assert.match(res.headers['cache-control'] as string, /max-age=31536000/);
      const meta = await sharp(res.rawPayload).metadata();
      assert.deepEqual([meta.width, meta.height], [1200, 630]);
      assert.ok(res.rawPayload.length <= OG_BUDGET_BYTES, `${res.rawPayload.length} bytes`);
      return res.rawPayload;
    }

    test('a photo uploaded before share images existed gets one on first request, then the same file', async () => {
      const image = await buildImage(t.db, t.dataDir);
      const first = await fetchOg(image.id);
      assert.ok(first.equals(await fetchOg(image.id)));
      assert.deepEqual(
        await readdir(path.join(t.dataDir, 'og')).then((f) => f.includes(`${image.id}.jpg`)),
        true,
      );
    });

    test('small and portrait photos are still cut to exactly 1200×630', async () => {
      for (const size of [
        { width: 200, height: 150 },
        { width: 600, height: 1200 },
        { width: 1600, height: 300 },
      ]) {
        const image = await buildImage(t.db, t.dataDir, size);
        await fetchOg(image.id);
      }
    });

    test('concurrent first requests all get the whole image and leave no temporary file', async () => {
      const image = await buildImage(t.db, t.dataDir);
      const bodies = await Promise.all(
        Array.from({ length: 6 }, () => t.app.inject(`/og/${image.id}.jpg`)),
      );
      for (const res of bodies) {
        assert.equal(res.statusCode, 200);
        assert.ok(res.rawPayload.equals(bodies[0]!.rawPayload));
      }
      const files = await readdir(path.join(t.dataDir, 'og'));
      assert.deepEqual(
        files.filter((f) => f.endsWith('.tmp')),
        [],
      );
    });

    test('an upload writes its share image at once, from the original', async () => {
      const result = await uploadMedia(t.db, {
        bytes: await noisePhoto(2400, 1600),
        store: t.media,
        details: { alt: 'Bruit', credit: 'TEST', caption: '' },
        now: t.clock.now(),
      });
      assert.ok(result.ok);
      const files = await readdir(path.join(t.dataDir, 'og'));
      assert.ok(files.includes(`${result.media.id}.jpg`));
      await fetchOg(result.media.id);
    });

    test('an unknown media item or a malformed name is a 404', async () => {
      for (const url of [
        '/og/999999.jpg',
        '/og/0.jpg',
        '/og/abc.jpg',
        '/og/1.png',
        '/og/99999999999.jpg',
      ]) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 404, url);
      }
    });
  });
}
