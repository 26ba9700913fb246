import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { renderDemoPhotoSvg } from '../src/media/demo-photo.ts';
import {
  VARIANT_WIDTHS,
  pickVariant,
  srcset,
  writeImageVariants,
} from '../src/media/image-variants.ts';
import type { ImageInfo } from '../src/media/image-variants.ts';
import { localMediaStore, type MediaStore } from '../src/media/media-store.ts';
import type { PhotoTheme } from '../src/seed/articles/types.ts';

const THEMES: PhotoTheme[] = [
  'landscape',
  'city',
  'market',
  'assembly',
  'convoy',
  'river',
  'school',
  'field',
  'stadium',
  'night',
];

let dir = '';
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'griot-media-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A local media store in a fresh directory inside the suite's temp dir, and its media folder. */
async function emptyStore(name: string): Promise<{ store: MediaStore; out: string }> {
  const root = await mkdtemp(path.join(dir, `${name}-`));
  await mkdir(path.join(root, 'media'));
  return { store: localMediaStore(root), out: path.join(root, 'media') };
}

test('every theme renders an SVG that rasterises to a 1600×900 JPEG', async () => {
  for (const theme of THEMES) {
    const svg = renderDemoPhotoSvg({ theme, seed: 42, width: 1600, height: 900 });
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1600" height="900"/);
    assert.doesNotMatch(svg, /<text|NaN|undefined/, theme);
    assert.ok(svg.length < 60_000, `${theme} SVG is ${svg.length} bytes`);
    const jpeg = await sharp(Buffer.from(svg)).jpeg().toBuffer();
    const meta = await sharp(jpeg).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1600, 900], theme);
    // A broken scene tends to come out as one flat colour; a real picture has some contrast.
    const { channels } = await sharp(jpeg).stats();
    assert.ok(
      channels.every((c) => c.stdev > 8),
      `${theme} looks flat`,
    );
  }
});

test('the same seed gives the same SVG, another seed a different one', () => {
  for (const theme of THEMES) {
    const a = renderDemoPhotoSvg({ theme, seed: 7, width: 1280, height: 720 });
    const b = renderDemoPhotoSvg({ theme, seed: 7, width: 1280, height: 720 });
    const c = renderDemoPhotoSvg({ theme, seed: 8, width: 1280, height: 720 });
    assert.equal(a, b, theme);
    assert.notEqual(a, c, theme);
  }
});

test('SVGs stay under 60 KB and free of NaN across many seeds and shapes', () => {
  for (const theme of THEMES) {
    for (let seed = 1; seed <= 25; seed++) {
      for (const [width, height] of [
        [1600, 900],
        [800, 800],
      ] as const) {
        const svg = renderDemoPhotoSvg({ theme, seed, width, height });
        assert.ok(svg.length < 60_000, `${theme} #${seed} is ${svg.length} bytes`);
        assert.doesNotMatch(svg, /NaN|undefined|Infinity/, `${theme} #${seed}`);
      }
    }
  }
});

test('writeImageVariants writes every width in JPEG and WebP', async () => {
  const { store, out } = await emptyStore('full');
  const svg = renderDemoPhotoSvg({ theme: 'river', seed: 3, width: 1600, height: 900 });
  const input = await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
  const info = await writeImageVariants({ input, store, baseName: 'photo' });

  assert.deepEqual([info.width, info.height], [1600, 900]);
  assert.equal(info.variants.length, VARIANT_WIDTHS.length * 2);
  for (const width of VARIANT_WIDTHS) {
    for (const [format, ext] of [
      ['jpeg', 'jpg'],
      ['webp', 'webp'],
    ] as const) {
      const v = info.variants.find((x) => x.format === format && x.width === width);
      assert.ok(v, `${format} ${width}`);
      assert.equal(v.file, `photo-${width}.${ext}`);
      assert.equal(v.height, Math.round((width * 9) / 16));
      assert.ok(v.bytes > 0);
      const bytes = await readFile(path.join(out, v.file));
      assert.equal(bytes.length, v.bytes);
      const meta = await sharp(bytes).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], [format, v.width, v.height]);
    }
  }
  // Only the final files remain: no temporary files left behind.
  assert.equal((await readdir(out)).length, VARIANT_WIDTHS.length * 2);
});

/** Whether an EXIF block's first IFD points to a GPS IFD (tag 0x8825). */
function hasGpsIfd(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const ifd0 = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  for (let i = 0; i < u16(ifd0); i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

test('EXIF and GPS metadata are stripped from every variant', async () => {
  const { store, out } = await emptyStore('exif');
  const input = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: { r: 160, g: 120, b: 80 } },
  })
    .withExif({
      IFD0: { Make: 'Griot Test Camera', Artist: 'Someone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '13/1 30/1 0/1', GPSLongitudeRef: 'E' },
    })
    .jpeg()
    .toBuffer();
  const source = await sharp(input).metadata();
  assert.ok(source.exif && hasGpsIfd(source.exif), 'the fixture really carries GPS EXIF');

  const info = await writeImageVariants({ input, store, baseName: 'geo' });
  assert.equal(info.variants.length, VARIANT_WIDTHS.filter((w) => w <= 1200).length * 2);
  for (const v of info.variants) {
    const meta = await sharp(path.join(out, v.file)).metadata();
    assert.equal(meta.exif, undefined, v.file);
    assert.equal(meta.xmp, undefined, v.file);
    assert.equal(meta.iptc, undefined, v.file);
  }
});

test('EXIF orientation is applied before the metadata goes', async () => {
  const { store } = await emptyStore('rotate');
  // Stored 800×400 landscape, tagged "rotate 90° clockwise": it is really a 400×800 portrait.
  const input = await sharp({
    create: { width: 800, height: 400, channels: 3, background: '#808080' },
  })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
  const info = await writeImageVariants({ input, store, baseName: 'turned' });
  assert.deepEqual([info.width, info.height], [400, 800]);
  assert.deepEqual(
    info.variants.map((v) => [v.format, v.width, v.height]),
    [
      ['jpeg', 320, 640],
      ['webp', 320, 640],
    ],
  );
});

test('a small image gets only the smallest variant, never upscaled', async () => {
  const { store, out } = await emptyStore('small');
  const input = await sharp({
    create: { width: 500, height: 300, channels: 3, background: '#335577' },
  })
    .png()
    .toBuffer();
  const info = await writeImageVariants({ input, store, baseName: 'small' });
  assert.deepEqual(
    info.variants.map((v) => v.file),
    ['small-320.jpg', 'small-320.webp'],
  );
  assert.ok(info.variants.every((v) => v.width === 320 && v.height === 192));
  assert.deepEqual((await readdir(out)).sort(), ['small-320.jpg', 'small-320.webp']);

  // Smaller than the smallest width: the file keeps the 320 name but the original size.
  const tiny = await sharp({
    create: { width: 200, height: 100, channels: 4, background: '#0000' },
  })
    .png()
    .toBuffer();
  const tinyInfo = await writeImageVariants({ input: tiny, store, baseName: 'tiny' });
  assert.deepEqual(
    tinyInfo.variants.map((v) => [v.file, v.width, v.height]),
    [
      ['tiny-320.jpg', 200, 100],
      ['tiny-320.webp', 200, 100],
    ],
  );
});

test('a corrupt buffer rejects and leaves no files behind', async () => {
  const { store, out } = await emptyStore('corrupt');
  const good = await sharp({
    create: { width: 900, height: 600, channels: 3, background: '#aa7744' },
  })
    .jpeg()
    .toBuffer();
  const inputs = [
    Buffer.from('definitely not an image'),
    Buffer.concat([good.subarray(0, 200), Buffer.alloc(400, 0x55)]),
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect'),
  ];
  for (const input of inputs) {
    await assert.rejects(writeImageVariants({ input, store, baseName: 'broken' }));
  }
  assert.deepEqual(await readdir(out), []);
});

test('a store that cannot write rejects without leaving stray files', async () => {
  const { out } = await emptyStore('missing');
  // The store's folder cannot be created: a file stands where it should be.
  await writeFile(path.join(out, 'nope'), '');
  const input = await sharp({
    create: { width: 700, height: 400, channels: 3, background: '#123456' },
  })
    .jpeg()
    .toBuffer();
  const store = localMediaStore(path.join(out, 'nope'));
  await assert.rejects(writeImageVariants({ input, store, baseName: 'x' }));
  assert.deepEqual(await readdir(out), ['nope']);
});

test('pickVariant and srcset choose and list variants by format and width', () => {
  const v = (format: 'jpeg' | 'webp', width: number) => ({
    format,
    width,
    height: width / 2,
    file: `p-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`,
    bytes: 1,
  });
  const info: ImageInfo = {
    width: 1600,
    height: 800,
    // Deliberately out of order: the helpers must not rely on the stored order.
    variants: [v('jpeg', 1024), v('webp', 640), v('jpeg', 320), v('jpeg', 640), v('webp', 320)],
  };
  assert.equal(pickVariant(info, 'jpeg', 500).file, 'p-640.jpg');
  assert.equal(pickVariant(info, 'jpeg', 640).file, 'p-640.jpg');
  assert.equal(pickVariant(info, 'jpeg', 2000).file, 'p-1024.jpg');
  assert.equal(pickVariant(info, 'webp', 0).file, 'p-320.webp');
  assert.throws(() => pickVariant({ ...info, variants: [] }, 'jpeg', 1));
  assert.equal(
    srcset(info, 'jpeg', (f) => `/media/${f}`),
    '/media/p-320.jpg 320w, /media/p-640.jpg 640w, /media/p-1024.jpg 1024w',
  );
  assert.equal(
    srcset(info, 'webp', (f) => f),
    'p-320.webp 320w, p-640.webp 640w',
  );
});
