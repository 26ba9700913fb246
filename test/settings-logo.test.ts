import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { findSiteSettings, updateSiteSettings } from '../src/settings/setting.queries.ts';
import { buildArticle, buildImage, buildSection, buildUser } from './helpers/factories.ts';
import { hiddenValue, type Browser } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const valid = {
  siteName: 'Le Veilleur',
  tagline: 'Le quotidien du fleuve',
  locale: 'fr',
  timeZone: 'Africa/Niamey',
  timeZoneOther: '',
  contactEmail: 'redaction@leveilleur.example',
};

/** A wide logo with a transparent background, as newsrooms usually have them. */
async function logoPng(seed: number): Promise<Buffer> {
  return sharp({
    create: { width: 1200, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([
      {
        input: {
          create: { width: 1000, height: 200, channels: 4, background: { r: seed, g: 30, b: 30 } },
        },
        top: 50,
        left: 100,
      },
    ])
    .png()
    .toBuffer();
}

for (const dialect of testDialects()) {
  describe(`site logo on ${dialect.name}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      await buildArticle(t.db, { section, title: 'Le fleuve monte encore' });
      await buildUser(t.db, { email: 'admin@griot.test', role: 'admin' });
      await buildUser(t.db, { email: 'editeur@griot.test', role: 'editor' });
    });
    after(() => t.close());
    // Each test starts from the text masthead, as readers would see it.
    beforeEach(async () => {
      await updateSiteSettings(t.db, {
        siteName: valid.siteName,
        tagline: valid.tagline,
        logoMediaId: null,
      });
      await bumpContentVersion(t.db);
    });

    /** Sends the settings form as a browser does once it holds a file input: multipart. */
    async function postMultipart(
      member: Browser,
      fields: Record<string, string>,
      file?: { bytes: Buffer; type?: string; filename?: string },
    ) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append(
        'logoFile',
        new Blob([new Uint8Array(file?.bytes ?? Buffer.alloc(0))], {
          type: file?.type ?? 'application/octet-stream',
        }),
        file?.filename ?? '',
      );
      const encoded = new Response(form);
      return t.app.inject({
        method: 'POST',
        url: '/admin/reglages',
        headers: {
          cookie: member.cookie,
          'content-type': encoded.headers.get('content-type')!,
          origin: 'https://griot.test',
        },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
    }

    async function csrf(member: Browser, url = '/admin/reglages') {
      return hiddenValue((await member.get(url)).body, '_csrf');
    }

    /** The library's rows and files: what a refused logo must leave untouched. */
    async function library() {
      const rows = await t.db.selectFrom('media').select('id').execute();
      const files = await readdir(path.join(t.dataDir, 'media')).catch(() => [] as string[]);
      return { rows: rows.length, files: files.sort() };
    }

    const masthead = async (url = '/') =>
      parse((await t.app.inject(url)).body).querySelector('.brand');

    test('a library image picked as logo replaces the name in the masthead', async () => {
      const image = await buildImage(t.db, t.dataDir, { width: 1200, height: 300 });
      const admin = await signIn(t, 'admin@griot.test');
      // Cache the reader pages with the text masthead first.
      assert.equal((await masthead())?.text, 'Le Veilleur');
      const form = parse((await admin.get('/admin/reglages')).body);
      assert.ok(form.querySelector(`input[name="logoMediaId"][value="${image.id}"]`));
      assert.ok(form.querySelector('input[name="logoMediaId"][value=""][checked]'));
      assert.equal(
        form.querySelector('form.admin-form')?.getAttribute('enctype'),
        'multipart/form-data',
      );

      const res = await postMultipart(admin, {
        _csrf: await csrf(admin),
        ...valid,
        logoMediaId: String(image.id),
      });
      assert.equal(res.statusCode, 303);
      assert.equal((await findSiteSettings(t.db)).logoMediaId, image.id);

      for (const url of ['/', '/politique']) {
        const brand = await masthead(url);
        const img = brand?.querySelector('img');
        assert.ok(img, url);
        assert.equal(img.getAttribute('alt'), 'Le Veilleur');
        // 1200 × 300 fits the masthead's 400 × 80 box at 320 × 80.
        assert.equal(img.getAttribute('width'), '320');
        assert.equal(img.getAttribute('height'), '80');
        assert.equal(img.getAttribute('src'), `/media/${image.file}-320.jpg`);
        assert.match(img.getAttribute('srcset') ?? '', /-320\.jpg 320w, .*-640\.jpg 640w/);
        assert.match(
          brand?.querySelector('source[type="image/webp"]')?.getAttribute('srcset') ?? '',
          /-320\.webp 320w/,
        );
        assert.equal(brand?.text.trim(), '');
      }
      const again = parse((await admin.get('/admin/reglages')).body);
      assert.ok(again.querySelector(`input[name="logoMediaId"][value="${image.id}"][checked]`));
    });

    test('an unknown media id is refused in French and what was typed is kept', async () => {
      const admin = await signIn(t, 'admin@griot.test');
      const before = await findSiteSettings(t.db);
      const res = await postMultipart(admin, {
        _csrf: await csrf(admin),
        ...valid,
        siteName: 'Un nom tapé',
        contactEmail: 'ecrit@leveilleur.example',
        logoMediaId: '987654',
      });
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      assert.match(
        doc.querySelector('.form-errors')?.text ?? '',
        /L’image choisie comme logo n’existe pas \(ou plus\) dans la médiathèque/,
      );
      assert.match(doc.querySelector('#erreur-logo')?.text ?? '', /n’existe pas/);
      assert.equal(doc.querySelector('#site-name')?.getAttribute('value'), 'Un nom tapé');
      assert.equal(
        doc.querySelector('#contact-email')?.getAttribute('value'),
        'ecrit@leveilleur.example',
      );
      assert.deepEqual(await findSiteSettings(t.db), before);
      assert.equal((await masthead())?.text, 'Le Veilleur');
    });

    test('choosing no logo brings the name back as text', async () => {
      const image = await buildImage(t.db, t.dataDir, { width: 600, height: 600 });
      const admin = await signIn(t, 'admin@griot.test');
      let res = await postMultipart(admin, {
        _csrf: await csrf(admin),
        ...valid,
        logoMediaId: String(image.id),
      });
      assert.equal(res.statusCode, 303);
      assert.ok((await masthead())?.querySelector('img'));

      res = await postMultipart(admin, { _csrf: await csrf(admin), ...valid, logoMediaId: '' });
      assert.equal(res.statusCode, 303);
      assert.equal((await findSiteSettings(t.db)).logoMediaId, null);
      const brand = await masthead();
      assert.equal(brand?.querySelector('img'), null);
      assert.equal(brand?.text, 'Le Veilleur');
    });

    test('a logo uploaded on the spot joins the library and shows in the masthead', async () => {
      const admin = await signIn(t, 'admin@griot.test');
      const before = await library();
      const res = await postMultipart(
        admin,
        { _csrf: await csrf(admin), ...valid, logoMediaId: '' },
        { bytes: await logoPng(40), type: 'image/png', filename: 'logo.png' },
      );
      assert.equal(res.statusCode, 303);
      const { logoMediaId } = await findSiteSettings(t.db);
      assert.ok(logoMediaId);
      const row = await t.db
        .selectFrom('media')
        .selectAll()
        .where('id', '=', logoMediaId)
        .executeTakeFirstOrThrow();
      assert.equal(row.mime, 'image/png');
      assert.equal(row.alt, 'Logo — Le Veilleur');
      assert.equal((await library()).rows, before.rows + 1);
      const img = (await masthead())?.querySelector('img');
      assert.equal(img?.getAttribute('src'), `/media/${row.file}-320.jpg`);
      assert.equal(img?.getAttribute('alt'), 'Le Veilleur');
      const file = await t.app.inject(img?.getAttribute('src') ?? '');
      assert.equal(file.statusCode, 200);
    });

    test('a file that is no image is refused in French and nothing is stored', async () => {
      const admin = await signIn(t, 'admin@griot.test');
      const before = { settings: await findSiteSettings(t.db), library: await library() };
      const res = await postMultipart(
        admin,
        { _csrf: await csrf(admin), ...valid, siteName: 'Nom gardé' },
        {
          bytes: Buffer.from('pas une image\n'.repeat(40)),
          type: 'image/png',
          filename: 'logo.png',
        },
      );
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      assert.match(doc.querySelector('.form-errors')?.text ?? '', /Ce fichier n’est pas une image/);
      assert.match(doc.querySelector('#erreur-logo-fichier')?.text ?? '', /pas une image/);
      assert.equal(doc.querySelector('#site-name')?.getAttribute('value'), 'Nom gardé');
      assert.deepEqual(
        { settings: await findSiteSettings(t.db), library: await library() },
        before,
      );
    });

    test('a good logo file sent with a wrong field is not stored, and the admin is told', async () => {
      const admin = await signIn(t, 'admin@griot.test');
      const before = { settings: await findSiteSettings(t.db), library: await library() };
      const res = await postMultipart(
        admin,
        { _csrf: await csrf(admin), ...valid, timeZoneOther: 'Afrique/Niamey' },
        { bytes: await logoPng(41), type: 'image/png', filename: 'logo.png' },
      );
      assert.equal(res.statusCode, 422);
      const errors = parse(res.body).querySelector('.form-errors')?.text ?? '';
      assert.match(errors, /Ce fuseau horaire est inconnu/);
      assert.match(errors, /Le fichier du logo n’a pas été enregistré/);
      assert.deepEqual(
        { settings: await findSiteSettings(t.db), library: await library() },
        before,
      );
    });

    test('an editor cannot set or upload a logo', async () => {
      const image = await buildImage(t.db, t.dataDir, { width: 800, height: 200 });
      const editor = await signIn(t, 'editeur@griot.test');
      const token = await csrf(editor, '/admin');
      const before = { settings: await findSiteSettings(t.db), library: await library() };
      const picked = await postMultipart(editor, {
        _csrf: token,
        ...valid,
        logoMediaId: String(image.id),
      });
      assert.equal(picked.statusCode, 403);
      const uploaded = await postMultipart(
        editor,
        { _csrf: token, ...valid },
        { bytes: await logoPng(42), type: 'image/png', filename: 'logo.png' },
      );
      assert.equal(uploaded.statusCode, 403);
      assert.deepEqual(
        { settings: await findSiteSettings(t.db), library: await library() },
        before,
      );
      assert.equal((await masthead())?.querySelector('img'), null);
    });
  });
}
