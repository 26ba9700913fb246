import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { buildApp } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { addMissingVariants } from '../src/media/add-missing-variants.ts';
import { writeImageVariants, type ImageVariant } from '../src/media/image-variants.ts';
import { insertMedia } from '../src/media/media.queries.ts';
import {
  localMediaStore,
  mediaKey,
  ogKey,
  type MediaPrefix,
  type MediaStore,
} from '../src/media/media-store.ts';
import { copyMediaLibrary } from '../src/media/migrate-media.ts';
import { uploadMedia } from '../src/media/upload-media.ts';
import { spawnTsx } from './helpers/child-process.ts';
import { buildArticle, buildImage, buildSection, buildUser } from './helpers/factories.ts';
import { hiddenValue, type Browser } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { startS3Server, type S3Server, type TestBucket } from './helpers/s3.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A photo-like JPEG, different for each seed. */
async function photo(seed: number, width = 1700, height = 1000): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: seed % 256, g: 90, b: 140 },
      noise: { type: 'gaussian', mean: 100, sigma: 30 },
    },
  })
    .jpeg()
    .toBuffer();
}

async function keys(store: MediaStore, prefix: MediaPrefix): Promise<string[]> {
  const all: string[] = [];
  for await (const key of store.list(prefix)) all.push(key);
  return all.sort();
}

/** The real store, with every put counted by key, as seen by one or more instances. */
function countingStore(inner: MediaStore, puts: Map<string, number>): MediaStore {
  return {
    ...inner,
    list: (prefix) => inner.list(prefix),
    async put(key, body, type) {
      puts.set(key, (puts.get(key) ?? 0) + 1);
      await inner.put(key, body, type);
    },
  };
}

/** The real store, whose writes start failing after `okPuts` of them (a store going down). */
function failingStore(inner: MediaStore, okPuts: number): MediaStore {
  let puts = 0;
  return {
    ...inner,
    list: (prefix) => inner.list(prefix),
    async put(key, body, type) {
      if (++puts > okPuts) throw new Error('the object store went away');
      await inner.put(key, body, type);
    },
  };
}

test('MEDIA_STORE=s3 without a bucket, or a key without its secret, stops the start clearly', async () => {
  const problems = async (env: Record<string, string>) => {
    const err = await loadConfig({ DATA_DIR: '/tmp/griot-config-test', ...env }).catch((e) => e);
    assert.ok(err instanceof ConfigError, JSON.stringify(env));
    return err.message;
  };
  assert.match(await problems({ MEDIA_STORE: 's3' }), /S3_BUCKET: is required when MEDIA_STORE=s3/);
  assert.match(
    await problems({ MEDIA_STORE: 's3', S3_BUCKET: 'photos', S3_ACCESS_KEY_ID: 'AKIA' }),
    /S3_SECRET_ACCESS_KEY: is required with S3_ACCESS_KEY_ID/,
  );
  assert.match(await problems({ MEDIA_STORE: 'ftp' }), /MEDIA_STORE/);
  assert.match(await problems({ S3_ENDPOINT: 'minio:9000' }), /S3_ENDPOINT: must be an http/);
  const config = await loadConfig({
    DATA_DIR: '/tmp/griot-config-test',
    MEDIA_STORE: 's3',
    S3_BUCKET: 'photos',
    S3_ENDPOINT: 'http://minio:9000/',
    MEDIA_PUBLIC_URL: 'https://cdn.example.org/',
  });
  assert.deepEqual(config.s3, {
    bucket: 'photos',
    endpoint: 'http://minio:9000',
    region: 'us-east-1',
    accessKeyId: undefined,
    secretAccessKey: undefined,
    forcePathStyle: true,
  });
  assert.equal(config.mediaPublicUrl, 'https://cdn.example.org');
});

test('no key outside media/ and og/ reaches a store: traversal, slashes and temp files refused', async () => {
  const local = localMediaStore('/tmp/griot-keys-test');
  for (const key of [
    'media/../griot.db',
    '../griot.db',
    'media/..',
    'media/a/b.jpg',
    'media/.x.jpg.123.tmp',
    'media/',
    'og/1.jpg/..',
    'session-secret',
    'media/a\\b.jpg',
    'media/a%2Fb.jpg',
  ]) {
    await assert.rejects(local.get(key), /Invalid media key/, key);
    await assert.rejects(local.put(key, Buffer.from('x'), 'image/jpeg'), /Invalid media key/, key);
  }
});

test('a reader of the local store sees a whole file or none, never one half written', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'griot-atomic-'));
  try {
    const local = localMediaStore(root);
    const versions = [Buffer.alloc(4 << 20, 'a'), Buffer.alloc(4 << 20, 'b')];
    const key = mediaKey('m-atomic-1600.jpg');
    const seen = new Set<string>();
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 12; i++) await local.put(key, versions[i % 2]!, 'image/jpeg');
      writing = false;
    })();
    while (writing) {
      const read = await local.get(key);
      if (!read) seen.add('none');
      else if (read.body.equals(versions[0]!)) seen.add('a');
      else if (read.body.equals(versions[1]!)) seen.add('b');
      else seen.add(`partial (${read.body.length} bytes)`);
    }
    await writes;
    assert.deepEqual(
      [...seen].filter((s) => s.startsWith('partial')),
      [],
    );
    assert.deepEqual(await readdir(path.join(root, 'media')), ['m-atomic-1600.jpg']);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

for (const dialect of testDialects()) {
  describe(`media in S3-compatible storage on ${dialect.name}`, () => {
    let server: S3Server;
    let bucket: TestBucket;
    let t: TestApp;
    let store: MediaStore;
    /** Instance B: its own database handle, its own S3 client (opened from the configuration). */
    let b: FastifyInstance;
    let editor: Browser;

    before(async () => {
      server = await startS3Server();
      bucket = await server.bucket();
      store = bucket.store();
      t = await createTestApp(dialect, { config: bucket.config, media: store });
      b = await buildApp({
        config: t.config,
        db: t.database.connectAgain(),
        dialect: t.dialect,
        clock: t.clock,
      });
      await buildUser(t.db, { email: 'admin@griot.test', role: 'admin' });
      await buildUser(t.db, { email: 'redac@griot.test', role: 'editor' });
      editor = await signIn(t, 'redac@griot.test');
    });
    after(async () => {
      await b?.close();
      await t?.close();
      await server?.close();
    });

    async function postFile(
      member: Browser,
      { url, field, bytes, fields }: { url: string; field: string; bytes: Buffer; fields: object },
    ) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
      form.append(field, new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'image.png');
      const encoded = new Response(form);
      return t.app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: member.cookie,
          'content-type': encoded.headers.get('content-type')!,
          origin: 'https://griot.test',
        },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
    }

    async function uploadPhoto(bytes: Buffer) {
      const csrf = hiddenValue((await editor.get('/admin/medias')).body, '_csrf');
      const res = await postFile(editor, {
        url: '/admin/medias',
        field: 'file',
        bytes,
        fields: { _csrf: csrf, alt: 'Le fleuve', credit: 'AGENCE', caption: '' },
      });
      return res;
    }

    async function mediaRow(id: number) {
      return t.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    }

    const idFrom = (location: unknown) =>
      Number(/^\/admin\/medias\/(\d+)\?/.exec(String(location))?.[1]);

    test('a photo uploaded in the newsroom lands in the bucket, not on disk, and is served from it', async () => {
      const res = await uploadPhoto(await photo(1));
      assert.equal(res.statusCode, 303);
      const row = await mediaRow(idFrom(res.headers.location));
      const variants = JSON.parse(row.variants) as ImageVariant[];
      assert.equal(variants.length, 10, 'five widths, JPEG and WebP');
      await assert.rejects(readdir(path.join(t.dataDir, 'media')), /ENOENT/);

      for (const v of variants) {
        const stored = await store.get(mediaKey(v.file));
        assert.ok(stored, v.file);
        const served = await t.app.inject(`/media/${v.file}`);
        assert.equal(served.statusCode, 200, v.file);
        assert.ok(served.rawPayload.equals(stored.body), `${v.file}: the bucket's bytes`);
        assert.equal(served.rawPayload.length, v.bytes);
        const type = v.format === 'jpeg' ? 'image/jpeg' : 'image/webp';
        assert.equal(served.headers['content-type'], type);
        assert.equal(stored.contentType, type);
        assert.equal(served.headers['cache-control'], IMMUTABLE);
        assert.equal(served.headers['etag'], stored.etag);
        assert.ok(served.headers['last-modified']);
      }

      const file = `/media/${variants[0]!.file}`;
      const etag = String((await t.app.inject(file)).headers.etag);
      const revalidated = await t.app.inject({ url: file, headers: { 'if-none-match': etag } });
      assert.equal(revalidated.statusCode, 304);
      assert.equal(revalidated.rawPayload.length, 0);
      const head = await t.app.inject({ method: 'HEAD', url: file });
      assert.equal(head.statusCode, 200);
      assert.equal(head.headers['content-length'], String(variants[0]!.bytes));
      assert.equal(head.headers['content-type'], 'image/jpeg');
      assert.equal(head.rawPayload.length, 0);
      assert.equal((await t.app.inject('/media/m-absent-320.jpg')).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'HEAD', url: '/media/m-x.jpg' })).statusCode, 404);

      // The share image was cut at upload time, into the bucket too.
      const og = await store.get(ogKey(row.id));
      assert.ok(og, 'og image in the bucket');
      const served = await t.app.inject(`/og/${row.id}.jpg`);
      assert.equal(served.statusCode, 200);
      assert.ok(served.rawPayload.equals(og.body));
    });

    test('a photo uploaded on instance A is served by instance B, its share image too', async () => {
      const res = await uploadPhoto(await photo(2));
      const row = await mediaRow(idFrom(res.headers.location));
      for (const v of JSON.parse(row.variants) as ImageVariant[]) {
        const onA = await t.app.inject(`/media/${v.file}`);
        const onB = await b.inject(`/media/${v.file}`);
        assert.equal(onB.statusCode, 200, v.file);
        assert.ok(onB.rawPayload.equals(onA.rawPayload), v.file);
        assert.equal(onB.headers.etag, onA.headers.etag, 'one ETag whichever instance answers');
        const revalidated = await b.inject({
          url: `/media/${v.file}`,
          headers: { 'if-none-match': String(onA.headers.etag) },
        });
        assert.equal(revalidated.statusCode, 304);
      }
      const ogA = await t.app.inject(`/og/${row.id}.jpg`);
      const ogB = await b.inject(`/og/${row.id}.jpg`);
      assert.equal(ogB.statusCode, 200);
      assert.ok(ogB.rawPayload.equals(ogA.rawPayload));
    });

    test('two instances asked at once for a missing share image build it once', async () => {
      const image = await buildImage(t.db, store);
      assert.equal(await store.head(ogKey(image.id)), undefined);
      const puts = new Map<string, number>();
      const instances = await Promise.all(
        [t.db, t.database.connectAgain()].map((db) =>
          buildApp({
            config: t.config,
            db,
            dialect: t.dialect,
            clock: t.clock,
            media: countingStore(bucket.store(), puts),
          }),
        ),
      );
      try {
        const responses = await Promise.all(
          instances.flatMap((app) =>
            Array.from({ length: 4 }, () => app.inject(`/og/${image.id}.jpg`)),
          ),
        );
        for (const res of responses) {
          assert.equal(res.statusCode, 200);
          assert.ok(res.rawPayload.equals(responses[0]!.rawPayload));
        }
        assert.equal(puts.get(ogKey(image.id)), 1, 'built and stored once');
        const meta = await sharp(responses[0]!.rawPayload).metadata();
        assert.deepEqual([meta.width, meta.height], [1200, 630]);
      } finally {
        for (const app of instances) await app.close();
      }
    });

    test('a logo uploaded with the settings is stored in the bucket and shown by both instances', async () => {
      const admin = await signIn(t, 'admin@griot.test');
      const csrf = hiddenValue((await admin.get('/admin/reglages')).body, '_csrf');
      const logo = await sharp({
        create: { width: 1200, height: 300, channels: 4, background: '#1b4d3e' },
      })
        .png()
        .toBuffer();
      const res = await postFile(admin, {
        url: '/admin/reglages',
        field: 'logoFile',
        bytes: logo,
        fields: {
          _csrf: csrf,
          siteName: 'Le Veilleur',
          tagline: 'Le quotidien du fleuve',
          locale: 'fr',
          timeZone: 'Africa/Niamey',
          timeZoneOther: '',
          contactEmail: 'redaction@leveilleur.example',
          logoMediaId: '',
        },
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      // B learns of the change through the database, as any other instance would.
      const src = parse((await b.inject('/')).body)
        .querySelector('.brand img')
        ?.getAttribute('src');
      assert.match(String(src), /^\/media\/m-[0-9a-f]+-320\.jpg$/);
      assert.ok(await store.head(mediaKey(src!.slice('/media/'.length))));
      const served = await b.inject(src!);
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], 'image/jpeg');
    });

    test('media-sizes cuts the missing widths from the bucket into the bucket', async () => {
      const input = await photo(3, 1600, 900);
      const file = `ancien-${Date.now()}`;
      const info = await writeImageVariants({ input, store, baseName: file, only: [320, 1600] });
      const item = await insertMedia(t.db, {
        file,
        mime: 'image/jpeg',
        width: info.width,
        height: info.height,
        alt: 'Avant',
        credit: '',
        caption: '',
        variants: JSON.stringify(info.variants),
        created_at: '2026-01-01T00:00:00.000Z',
      });
      const report = await addMissingVariants(t.db, { store });
      assert.equal(report.failed, 0);
      assert.ok(report.changed >= 1);
      const variants = JSON.parse((await mediaRow(item.id)).variants) as ImageVariant[];
      assert.deepEqual(
        [...new Set(variants.map((v) => v.width))].sort((x, y) => x - y),
        [320, 640, 768, 1024, 1600],
      );
      for (const v of variants) {
        const res = await b.inject(`/media/${v.file}`);
        assert.equal(res.statusCode, 200, v.file);
        assert.equal((await sharp(res.rawPayload).metadata()).width, v.width);
      }
    });

    test('an upload the store fails halfway leaves no object and no row', async () => {
      const before = { media: await keys(store, 'media/'), og: await keys(store, 'og/') };
      const rows = async () => (await t.db.selectFrom('media').select('id').execute()).length;
      const rowsBefore = await rows();
      await assert.rejects(
        uploadMedia(t.db, {
          bytes: await photo(4),
          store: failingStore(bucket.store(), 6),
          details: { alt: '', credit: '', caption: '' },
          now: t.clock.now(),
        }),
        /went away/,
      );
      assert.deepEqual(await keys(store, 'media/'), before.media);
      assert.deepEqual(await keys(store, 'og/'), before.og);
      assert.equal(await rows(), rowsBefore);

      // A truncated file sent through the newsroom is refused before anything is stored.
      const truncated = (await photo(5)).subarray(0, 3000);
      const res = await uploadPhoto(truncated);
      assert.equal(res.statusCode, 422);
      assert.deepEqual(await keys(store, 'media/'), before.media);
    });

    test('paths that are not a plain media file name are refused, from the bucket or the disk', async () => {
      const [existing] = await keys(store, 'media/');
      const name = existing!.slice('media/'.length);
      // An instance on the local store, with a file beside its media folder to reach for.
      const root = path.join(t.dataDir, 'elsewhere');
      const local = localMediaStore(root);
      await local.put(mediaKey(name), (await store.get(existing!))!.body, 'image/jpeg');
      await writeFile(path.join(root, 'secret.jpg'), 'not for readers');
      const onDisk = await buildApp({
        config: t.config,
        db: t.database.connectAgain(),
        dialect: t.dialect,
        clock: t.clock,
        media: local,
      });
      assert.equal((await onDisk.inject(`/media/${name}`)).statusCode, 200);
      for (const url of [
        `/media/..%2F${name}`,
        `/media/%2e%2e%2F${name}`,
        '/media/..%2Fgriot.db',
        '/media/..%2F..%2Fetc%2Fpasswd',
        '/media/%2e%2e',
        '/media/..',
        `/media/.${name}.abc.tmp`,
        `/media/x%2F${name}`,
        `/media/${name}%00.jpg`,
        `/media/${name}/`,
        '/media/',
        '/media/%5C..%5Cgriot.db',
        '/media/..%2Fsecret.jpg',
        '/media/%2E%2E%2Fsecret.jpg',
        '/media/..%5Csecret.jpg',
      ]) {
        for (const app of [t.app, b, onDisk]) {
          // `/media/..` is resolved to `/` before routing: the home page, not a file.
          const res = await app.inject(url);
          assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
          assert.doesNotMatch(String(res.headers['content-type']), /^image\//, url);
          assert.doesNotMatch(res.body, /not for readers/, url);
        }
      }
      await onDisk.close();
    });

    test('with MEDIA_PUBLIC_URL, reader pages, feeds and sitemaps link photos on the CDN itself', async () => {
      const cdnBase = 'https://cdn.griot.test/photos';
      const cdn = await buildApp({
        config: { ...t.config, mediaPublicUrl: cdnBase },
        db: t.database.connectAgain(),
        dialect: t.dialect,
        clock: t.clock,
        media: bucket.store(),
      });
      try {
        const image = await buildImage(t.db, store);
        const section = await buildSection(t.db, { name: 'Culture', slug: 'culture-cdn' });
        const article = await buildArticle(t.db, {
          section,
          slug: 'un-festival-photographie',
          image_id: image.id,
        });
        const page = parse((await cdn.inject(`/culture-cdn/${article.slug}`)).body);
        const img = page.querySelector('figure.photo img');
        assert.ok(img, 'the article shows its photo');
        const urls = [
          img.getAttribute('src')!,
          ...img
            .getAttribute('srcset')!
            .split(', ')
            .map((c) => c.split(' ')[0]!),
          ...page
            .querySelector('figure.photo source')!
            .getAttribute('srcset')!
            .split(', ')
            .map((c) => c.split(' ')[0]!),
        ];
        assert.ok(urls.length >= 3);
        for (const url of urls) assert.ok(url.startsWith(`${cdnBase}/media/`), url);
        // The light edition's « Voir la photo » link, the home's cards, the feed and the sitemap.
        const lite = parse((await cdn.inject(`/lite/culture-cdn/${article.slug}`)).body);
        assert.ok(
          lite
            .querySelector('a.photo-on-tap')!
            .getAttribute('href')!
            .startsWith(`${cdnBase}/media/`),
        );
        const rss = (await cdn.inject('/flux/rss.xml')).body;
        assert.match(rss, new RegExp(`url="${cdnBase.replace(/[./]/g, '\\$&')}/media/[^"]+"`));
        assert.doesNotMatch(rss, /https:\/\/griot\.test\/media\//);
        const sitemap = (await cdn.inject('/sitemaps/articles-2026-11.xml')).body;
        assert.ok(sitemap.includes(`<image:loc>${cdnBase}/media/`), 'the sitemap image');
        // The site itself, without MEDIA_PUBLIC_URL, links its own /media/.
        const own = parse((await t.app.inject(`/culture-cdn/${article.slug}`)).body);
        assert.match(own.querySelector('figure.photo img')!.getAttribute('src')!, /^\/media\//);
      } finally {
        await cdn.close();
      }
    });

    test('with MEDIA_PUBLIC_URL, /media/… redirects to the same key on the CDN', async () => {
      const cdn = await buildApp({
        config: { ...t.config, mediaPublicUrl: 'https://cdn.griot.test/photos' },
        db: t.database.connectAgain(),
        dialect: t.dialect,
        clock: t.clock,
        media: bucket.store(),
      });
      try {
        const res = await cdn.inject('/media/m-abc-320.jpg');
        assert.equal(res.statusCode, 301);
        assert.equal(res.headers.location, 'https://cdn.griot.test/photos/media/m-abc-320.jpg');
        // Browsers follow the redirect only where the page's policy lets images come from.
        const csp = String((await cdn.inject('/')).headers['content-security-policy']);
        assert.match(csp, /img-src 'self' data: https:\/\/cdn\.griot\.test;/);
        assert.equal((await cdn.inject('/media/..%2Fgriot.db')).statusCode, 404);
      } finally {
        await cdn.close();
      }
    });

    test('a local library is copied to a bucket with progress, and a second run copies nothing', async () => {
      const local = localMediaStore(t.dataDir);
      const images = [await buildImage(t.db, local), await buildImage(t.db, local)];
      await local.put(ogKey(images[0]!.id), await photo(6, 1200, 630), 'image/jpeg');
      const expected = [...(await keys(local, 'media/')), ...(await keys(local, 'og/'))];
      assert.equal(expected.length, 21, 'two images of five widths in two formats, one og');
      const target = await server.bucket();
      const to = target.store();
      // One object already there (a copy interrupted earlier): kept, not copied again.
      const first = await local.get(expected[0]!);
      await to.put(expected[0]!, first!.body, first!.contentType);

      const progress: [number, number][] = [];
      const report = await copyMediaLibrary({
        from: local,
        to,
        onProgress: (done, total) => progress.push([done, total]),
      });
      assert.deepEqual(report, { copied: 20, skipped: 1, failed: 0 });
      assert.deepEqual(progress.at(0), [0, 21]);
      assert.deepEqual(progress.at(-1), [21, 21]);
      assert.equal(progress.length, 22);
      assert.deepEqual([...(await keys(to, 'media/')), ...(await keys(to, 'og/'))], expected);
      for (const key of expected) {
        const [a, z] = [await local.get(key), await to.get(key)];
        assert.ok(a!.body.equals(z!.body), key);
        assert.equal(z!.contentType, key.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
      }

      if (dialect.name !== 'sqlite') return;
      // The command itself, as an operator runs it: nothing left to copy, counts printed.
      const cli = spawnTsx('src/main.ts', ['media', 'migrate', '--to', 's3'], {
        ...target.env,
        MEDIA_STORE: 'local',
        DATA_DIR: t.dataDir,
        LOG_LEVEL: 'silent',
      });
      assert.equal(await cli.exited, 0, cli.output());
      assert.match(cli.output(), /Media files 21\/21/);
      assert.match(cli.output(), /Copied: 0, already there: 21, failed: 0/);
    });

    test('the demo seed puts its photos in the bucket; a start on a missing bucket stops clearly', async (c) => {
      if (dialect.name !== 'sqlite') return c.skip('the commands do not depend on the database');
      const target = await server.bucket();
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-seed-s3-'));
      try {
        const seed = spawnTsx('src/main.ts', ['seed'], { ...target.env, DATA_DIR: dataDir });
        assert.equal(await seed.exited, 0, seed.output());
        const stored = await keys(target.store(), 'media/');
        // 14 demo photos and the demo ad, each in 2 formats at up to 5 widths.
        assert.ok(stored.filter((k) => k.startsWith('media/demo-')).length >= 15 * 2, `${stored}`);
        await assert.rejects(readdir(path.join(dataDir, 'media')), /ENOENT/);

        const start = spawnTsx('src/main.ts', ['start'], {
          ...target.env,
          S3_BUCKET: 'griot-no-such-bucket',
          DATA_DIR: dataDir,
          PORT: '0',
        });
        assert.equal(await start.exited, 1, start.output());
        assert.match(
          start.output(),
          /The media store s3:\/\/griot-no-such-bucket cannot be written \(NoSuchBucket/,
        );
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
}
