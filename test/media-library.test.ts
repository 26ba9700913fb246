import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { sql } from 'kysely';
import sharp from 'sharp';
import { VARIANT_WIDTHS } from '../src/media/image-variants.ts';
import { insertMedia } from '../src/media/media.queries.ts';
import { buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let ipCounter = 0;
const nextIp = () => `198.18.4.${++ipCounter}`;

// The GPS IFD pointer tag (0x8825) as it appears in little-endian EXIF.
const GPS_POINTER = Buffer.from([0x25, 0x88]);

/** A real photo-like JPEG carrying EXIF with a source's name and GPS position. */
async function jpegWithGps(width = 2000, height = 1200): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Source Protegee' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '12/1 30/1 0/1',
        GPSLongitudeRef: 'W',
        GPSLongitude: '8/1 0/1 0/1',
      },
    })
    .toBuffer();
}

async function plainImage(format: 'png' | 'webp' | 'gif', seed: number): Promise<Buffer> {
  const image = sharp({
    create: { width: 400, height: 300, channels: 3, background: { r: seed, g: 80, b: 160 } },
  });
  return image[format]().toBuffer();
}

interface UploadOptions {
  bytes: Buffer;
  filename?: string;
  type?: string;
  fields?: Record<string, string>;
  csrf?: string | null;
}

for (const dialect of testDialects()) {
  describe(`media library on ${dialect.name}`, () => {
    let t: TestApp;
    let mediaDir: string;

    before(async () => {
      t = await createTestApp(dialect);
      mediaDir = path.join(t.dataDir, 'media');
      await buildUser(t.db, { email: 'redac@griot.test', role: 'editor' });
      await buildUser(t.db, { email: 'auteur@griot.test', role: 'author' });
      await buildUser(t.db, { email: 'modo@griot.test', role: 'moderator' });
    });
    after(() => t.close());

    async function signIn(email = 'redac@griot.test') {
      const member = new Browser(t, nextIp());
      await member.login(email, TEST_PASSWORD);
      return member;
    }

    /** Sends the upload form as a browser would: multipart, with the page's CSRF token. */
    async function upload(member: Browser, options: UploadOptions) {
      const form = new FormData();
      const csrf =
        options.csrf === undefined
          ? hiddenValue((await member.get('/admin/medias')).body, '_csrf')
          : options.csrf;
      if (csrf !== null) form.append('_csrf', csrf);
      for (const [k, v] of Object.entries(options.fields ?? {})) form.append(k, v);
      form.append(
        'file',
        new Blob([new Uint8Array(options.bytes)], { type: options.type ?? 'image/jpeg' }),
        options.filename ?? 'photo.jpg',
      );
      const encoded = new Response(form);
      return t.app.inject({
        method: 'POST',
        url: '/admin/medias',
        headers: {
          cookie: member.cookie,
          'content-type': encoded.headers.get('content-type')!,
          origin: 'https://griot.test',
        },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
    }

    /** The rows and the files on disk: what a refused upload must leave untouched. */
    async function state() {
      const rows = await t.db.selectFrom('media').select('id').execute();
      const files = await readdir(mediaDir).catch(() => [] as string[]);
      return { rows: rows.length, files: files.sort() };
    }

    async function mediaRow(id: number) {
      return t.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    }

    const idFrom = (location: unknown) =>
      Number(/^\/admin\/medias\/(\d+)\?/.exec(String(location))?.[1]);

    test('a JPEG is stored with its details and its variants at every width, all without EXIF or GPS', async () => {
      const member = await signIn();
      const input = await jpegWithGps();
      assert.ok((await sharp(input).metadata()).exif?.includes(GPS_POINTER), 'input has GPS');
      assert.ok(input.includes('Source Protegee'));

      const res = await upload(member, {
        bytes: input,
        fields: {
          credit: 'Aïcha Diallo / AFI',
          caption: 'Le marché de Kalanga au petit matin.',
          alt: 'Des étals de légumes sous des bâches',
        },
      });
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /^\/admin\/medias\/\d+\?envoye=1$/);
      const row = await mediaRow(idFrom(res.headers.location));
      assert.equal(row.credit, 'Aïcha Diallo / AFI');
      assert.equal(row.caption, 'Le marché de Kalanga au petit matin.');
      assert.equal(row.alt, 'Des étals de légumes sous des bâches');
      assert.equal(row.mime, 'image/jpeg');
      assert.deepEqual([row.width, row.height], [2000, 1200]);
      assert.match(row.file, /^m-[0-9a-f]{24}$/);

      const variants = JSON.parse(row.variants) as { file: string; format: string }[];
      assert.equal(variants.length, VARIANT_WIDTHS.length * 2);
      const files = (await readdir(mediaDir)).filter((f) => f.startsWith(row.file));
      assert.deepEqual(files.sort(), variants.map((v) => v.file).sort());
      assert.deepEqual(
        (await readdir(mediaDir)).filter((f) => f.startsWith('.')),
        [],
      );
      for (const v of variants) {
        const bytes = await readFile(path.join(mediaDir, v.file));
        const meta = await sharp(bytes).metadata();
        assert.equal(meta.format, v.format, v.file);
        assert.equal(meta.exif, undefined, `${v.file} has EXIF`);
        assert.equal(meta.xmp, undefined, `${v.file} has XMP`);
        assert.ok(!bytes.includes('Source Protegee'), v.file);
      }

      const page = parse((await member.get(String(res.headers.location))).body);
      assert.match(page.querySelector('.notice')?.text ?? '', /Image ajoutée.*EXIF, GPS/);
      const listed = page.querySelectorAll('.media-variants li').map((li) => li.text);
      assert.equal(listed.length, VARIANT_WIDTHS.length * 2);
      assert.ok(
        listed.every((l) => /\d+(,\d)? Ko$/.test(l)),
        listed.join('\n'),
      );
      assert.equal(
        page.querySelector('#media-credit')?.getAttribute('value'),
        'Aïcha Diallo / AFI',
      );
    });

    test('PNG and WebP are accepted, whatever their file names say', async () => {
      const member = await signIn('auteur@griot.test');
      for (const [format, filename] of [
        ['png', 'capture.PNG'],
        ['webp', 'image-sans-extension'],
      ] as const) {
        const res = await upload(member, {
          bytes: await plainImage(format, 10),
          filename,
          type: 'application/octet-stream',
          fields: { alt: `Une image ${format}` },
        });
        assert.equal(res.statusCode, 303, format);
        const row = await mediaRow(idFrom(res.headers.location));
        assert.equal(row.mime, `image/${format}`);
        // 400 px wide: never upscaled, so one width in two formats.
        assert.equal((JSON.parse(row.variants) as unknown[]).length, 2);
      }
    });

    test('a text file, a GIF and an SVG are refused in French and nothing is written', async () => {
      const member = await signIn();
      const cases = [
        {
          bytes: Buffer.from('Ceci est un texte, pas une photo.\n'.repeat(50)),
          filename: 'photo.jpg',
          type: 'image/jpeg',
          message: /Ce fichier n’est pas une image/,
        },
        {
          bytes: await plainImage('gif', 20),
          filename: 'anim.jpg',
          type: 'image/jpeg',
          message: /Format refusé \(GIF\).*JPEG, PNG et WebP/,
        },
        {
          bytes: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="red"/></svg>',
          ),
          filename: 'logo.png',
          type: 'image/png',
          message: /Format refusé \(SVG\)/,
        },
      ];
      for (const c of cases) {
        const before = await state();
        const res = await upload(member, { ...c, fields: { credit: 'Gardé tel quel' } });
        assert.equal(res.statusCode, 422, c.filename);
        const doc = parse(res.body);
        assert.match(doc.querySelector('#upload-error')?.text ?? '', c.message);
        assert.equal(doc.querySelector('#media-credit')?.getAttribute('value'), 'Gardé tel quel');
        assert.deepEqual(await state(), before, c.filename);
      }
    });

    test('a file over 15 MB is refused cleanly', async () => {
      const member = await signIn();
      const before = await state();
      const big = Buffer.concat([
        Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
        randomBytes(15 * 1024 * 1024 + 100),
      ]);
      const res = await upload(member, { bytes: big });
      assert.equal(res.statusCode, 413);
      assert.match(
        parse(res.body).querySelector('#upload-error')?.text ?? '',
        /Fichier trop lourd\u00A0: 15 Mo au plus/,
      );
      assert.deepEqual(await state(), before);
    });

    test('a truncated JPEG is refused and leaves no file and no row', async () => {
      const member = await signIn();
      const whole = await jpegWithGps(1800, 1000);
      const before = await state();
      const res = await upload(member, { bytes: whole.subarray(0, Math.floor(whole.length / 2)) });
      assert.equal(res.statusCode, 422);
      assert.match(parse(res.body).querySelector('#upload-error')?.text ?? '', /Image illisible/);
      assert.deepEqual(await state(), before);
    });

    test('when the row cannot be written, the variant files are removed again', async () => {
      const member = await signIn();
      // A real database refusal (not a mock): a trigger that rejects every new media row.
      if (t.dialect === 'sqlite')
        await sql`CREATE TRIGGER refuse_media BEFORE INSERT ON media BEGIN SELECT RAISE(ABORT, 'refused'); END`.execute(
          t.db,
        );
      else {
        await sql`CREATE FUNCTION refuse_media() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql`.execute(
          t.db,
        );
        await sql`CREATE TRIGGER refuse_media BEFORE INSERT ON media FOR EACH ROW EXECUTE FUNCTION refuse_media()`.execute(
          t.db,
        );
      }
      try {
        const before = await state();
        const res = await upload(member, { bytes: await jpegWithGps(1700, 900) });
        assert.equal(res.statusCode, 500);
        assert.deepEqual(await state(), before);
      } finally {
        if (t.dialect === 'sqlite') await sql`DROP TRIGGER refuse_media`.execute(t.db);
        else {
          await sql`DROP TRIGGER refuse_media ON media`.execute(t.db);
          await sql`DROP FUNCTION refuse_media()`.execute(t.db);
        }
      }
    });

    test('the same bytes uploaded twice give the same item', async () => {
      const member = await signIn();
      const bytes = await plainImage('png', 99);
      const first = await upload(member, { bytes });
      const before = await state();
      const second = await upload(member, { bytes });
      assert.equal(second.statusCode, 303);
      assert.equal(idFrom(second.headers.location), idFrom(first.headers.location));
      assert.match(String(second.headers.location), /\?deja=1$/);
      assert.deepEqual(await state(), before);
    });

    test('the library lists newest first and search finds by credit, caption, alt or file', async () => {
      const member = await signIn();
      const a = await upload(member, {
        bytes: await plainImage('webp', 201),
        fields: { credit: 'Studio Zinder', caption: 'Une rue', alt: 'Rue animée' },
      });
      const b = await upload(member, {
        bytes: await plainImage('webp', 202),
        fields: { credit: 'Moussa K.', caption: 'Pluie 100% garantie', alt: 'Un ciel gris' },
      });
      const grid = parse((await member.get('/admin/medias')).body);
      const hrefs = grid.querySelectorAll('.media-grid a').map((x) => x.getAttribute('href'));
      assert.equal(hrefs[0], `/admin/medias/${idFrom(b.headers.location)}`);
      assert.equal(hrefs[1], `/admin/medias/${idFrom(a.headers.location)}`);

      const search = async (q: string) =>
        parse((await member.get(`/admin/medias?q=${encodeURIComponent(q)}`)).body)
          .querySelectorAll('.media-grid a')
          .map((x) => Number(x.getAttribute('href')?.split('/').pop()));
      assert.deepEqual(await search('studio zinder'), [idFrom(a.headers.location)]);
      assert.deepEqual(await search('100%'), [idFrom(b.headers.location)]);
      assert.deepEqual(await search('ciel'), [idFrom(b.headers.location)]);
      assert.deepEqual(await search('introuvable'), []);
      const row = await mediaRow(idFrom(a.headers.location));
      assert.deepEqual(await search(row.file.slice(0, 10)), [row.id]);
    });

    test('an item’s alt text, credit and caption can be edited, with a CSRF token only', async () => {
      const member = await signIn();
      const res = await upload(member, { bytes: await plainImage('png', 140) });
      const id = idFrom(res.headers.location);
      const page = await member.get(`/admin/medias/${id}`);
      const changes = {
        alt: 'Un nouveau texte',
        credit: 'Nouvelle Agence',
        caption: 'Légende revue',
      };

      const forged = await member.post(`/admin/medias/${id}`, changes);
      assert.equal(forged.statusCode, 403);
      assert.equal((await mediaRow(id)).credit, '');

      const saved = await member.post(`/admin/medias/${id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        ...changes,
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `/admin/medias/${id}?enregistre=1`);
      const row = await mediaRow(id);
      assert.deepEqual(
        [row.alt, row.credit, row.caption],
        [changes.alt, changes.credit, changes.caption],
      );
      const after = parse((await member.get(String(saved.headers.location))).body);
      assert.match(after.querySelector('.notice')?.text ?? '', /Informations enregistrées/);
      assert.equal((await member.get('/admin/medias/999999')).statusCode, 404);
      assert.equal((await member.get('/admin/medias/abc')).statusCode, 404);
    });

    test('a NUL byte in an item’s details is dropped, not a server error (PostgreSQL cannot store it)', async () => {
      const member = await signIn();
      const res = await upload(member, { bytes: await plainImage('png', 150) });
      const id = idFrom(res.headers.location);
      const page = await member.get(`/admin/medias/${id}`);
      const saved = await member.post(`/admin/medias/${id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        alt: 'Texte\u0000 alternatif',
        credit: '\u0000',
        caption: 'Légende',
      });
      assert.equal(saved.statusCode, 303);
      const row = await mediaRow(id);
      assert.deepEqual([row.alt, row.credit, row.caption], ['Texte alternatif', '', 'Légende']);
    });

    test('the JSON feed gives the editor each item’s 320 px JPEG and details', async () => {
      const member = await signIn('auteur@griot.test');
      const res = await upload(member, {
        bytes: await jpegWithGps(1024, 768),
        fields: { credit: 'Fonds Tamgak', caption: 'Archives', alt: 'Une vieille photo' },
      });
      const id = idFrom(res.headers.location);
      const feed = await member.get('/admin/medias.json?q=tamgak');
      assert.equal(feed.statusCode, 200);
      assert.match(String(feed.headers['content-type']), /application\/json/);
      assert.match(String(feed.headers['cache-control']), /no-store/);
      const items = feed.json() as Record<string, unknown>[];
      assert.deepEqual(items, [
        {
          id,
          url: `/media/${(await mediaRow(id)).file}-320.jpg`,
          width: 1024,
          height: 768,
          alt: 'Une vieille photo',
          credit: 'Fonds Tamgak',
          caption: 'Archives',
        },
      ]);
      const served = await member.get(String(items[0]!.url));
      assert.equal(served.statusCode, 200);
      assert.equal((await sharp(served.rawPayload).metadata()).width, 320);
      const all = (await member.get('/admin/medias.json')).json() as { id: number }[];
      assert.equal(all[0]!.id, id);
      assert.ok(all.length > 1);
    });

    test('a moderator may not browse or upload', async () => {
      const member = await signIn('modo@griot.test');
      assert.equal((await member.get('/admin/medias')).statusCode, 403);
      assert.equal((await member.get('/admin/medias.json')).statusCode, 403);
      const before = await state();
      const res = await upload(member, { bytes: await plainImage('png', 3), csrf: 'x' });
      assert.equal(res.statusCode, 403);
      assert.deepEqual(await state(), before);
      const anonymous = await new Browser(t, nextIp()).get('/admin/medias');
      assert.match(String(anonymous.statusCode), /^30[23]$/);
    });

    test('an upload without a valid CSRF token is refused and writes nothing', async () => {
      const member = await signIn();
      await member.get('/admin/medias');
      const before = await state();
      for (const csrf of [null, 'forged-token']) {
        const res = await upload(member, { bytes: await plainImage('png', 77), csrf });
        assert.equal(res.statusCode, 403, String(csrf));
        assert.deepEqual(await state(), before);
      }
    });

    test('the grid shows 40 items a page', async () => {
      const member = await signIn();
      for (let i = 0; i < 41; i++)
        await insertMedia(t.db, {
          file: `pagination-${i}`,
          mime: 'image/jpeg',
          width: 320,
          height: 200,
          alt: `Page ${i}`,
          credit: 'PAGINATION',
          caption: '',
          variants: JSON.stringify([
            {
              width: 320,
              height: 200,
              format: 'jpeg',
              file: `pagination-${i}-320.jpg`,
              bytes: 1000,
            },
          ]),
          created_at: `2026-11-23T13:00:${String(i).padStart(2, '0')}.000Z`,
        });
      const first = parse((await member.get('/admin/medias?q=pagination')).body);
      const items = first.querySelectorAll('.media-grid li');
      assert.equal(items.length, 40);
      assert.match(items[0]!.text, /Page 40/);
      assert.match(first.querySelector('.pager')?.text ?? '', /1 \/ 2/);
      const second = parse((await member.get('/admin/medias?q=pagination&page=2')).body);
      assert.deepEqual(
        second.querySelectorAll('.media-grid li').map((li) => li.querySelector('.hint')?.text),
        ['Page 0'],
      );
    });
  });
}
