import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Db } from '../src/db/database.ts';
import {
  ImportInterrupted,
  importWordPress,
  type ImportOptions,
} from '../src/wordpress/import-wordpress.ts';
import { formatReport } from '../src/wordpress/import-report.ts';
import { WxrError } from '../src/wordpress/wxr.ts';
import { buildUser } from './helpers/factories.ts';
import { hiddenValue } from './helpers/http.ts';
import { signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

const FIXTURES = path.resolve('test/fixtures/wordpress');
const EXPORT = path.join(FIXTURES, 'export.xml');
const TABLES = [
  'users',
  'sections',
  'articles',
  'article_tags',
  'article_coauthors',
  'comments',
  'media',
  'redirects',
  'wordpress_imports',
  'content_changes',
  'outbox',
] as const;

/** A copy of wp-content/uploads with the export's files (one is missing on purpose). */
async function makeUploads(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'griot-wp-uploads-'));
  for (const month of ['2024/05', '2024/06', '2024/07'])
    await mkdir(path.join(dir, month), { recursive: true });
  const image = (r: number, g: number, b: number, width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r, g, b } } });
  await image(200, 120, 40, 1200, 675).jpeg().toFile(path.join(dir, '2024/05/marche-central.jpg'));
  await image(40, 120, 200, 800, 450).png().toFile(path.join(dir, '2024/06/sacs-arachide.png'));
  await writeFile(path.join(dir, '2024/07/rapport.pdf'), '%PDF-1.4 pas une image');
  return dir;
}

async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

for (const dialect of testDialects()) {
  describe(`griot import-wordpress (${dialect.name})`, () => {
    let t: TestApp;
    let uploads: string;
    const run = (extra: Partial<ImportOptions> = {}) =>
      importWordPress({
        db: t.db,
        store: t.media,
        clock: t.clock,
        file: EXPORT,
        uploadsDir: uploads,
        ...extra,
      });
    const get = (url: string) => t.app.inject({ method: 'GET', url });

    before(async () => {
      t = await createTestApp(dialect);
      uploads = await makeUploads();
    });
    after(async () => {
      await t.close();
      await rm(uploads, { recursive: true, force: true });
    });

    test('a dry run reports what would come across and writes nothing', async () => {
      const before = await countRows(t.db);
      const report = await run({ dryRun: true });
      assert.deepEqual(await countRows(t.db), before);
      assert.equal(report.dryRun, true);
      assert.deepEqual(report.counts.posts, { added: 7, existing: 0, skipped: 1 });
      assert.deepEqual(report.counts.comments, { added: 5, existing: 0, skipped: 2 });
      assert.deepEqual(report.counts.attachments, { added: 2, existing: 0, skipped: 3 });
      assert.deepEqual(report.counts.authors, { added: 2, existing: 0, skipped: 0 });
      assert.deepEqual(report.counts.sections, { added: 3, existing: 0, skipped: 0 });
      assert.match(formatReport(report), /Dry run: nothing was written/);
    });

    test('the import brings authors, sections, media, posts and comments across, with a report', async () => {
      const report = await run();
      assert.deepEqual(report.counts.posts, { added: 7, existing: 0, skipped: 1 });
      assert.deepEqual(report.counts.comments, { added: 5, existing: 0, skipped: 2 });
      assert.deepEqual(report.counts.attachments, { added: 2, existing: 0, skipped: 3 });
      assert.deepEqual(report.counts.authors, { added: 2, existing: 0, skipped: 0 });
      assert.deepEqual(report.counts.sections, { added: 3, existing: 0, skipped: 0 });
      assert.ok(report.counts.redirects.added >= 30, `${report.counts.redirects.added} redirects`);
      for (const reason of [
        'page skipped: Griot has no static pages yet',
        'attachment file missing from --uploads',
        'attachment not a JPEG, PNG or WebP image',
        'attachment without a file path inside --uploads',
        'post with status « trash » skipped',
        'comment « trash » skipped',
        'pingback skipped',
        'unknown shortcode kept as text: [contact-form-7]',
        'featured image left out (not an imported attachment)',
      ])
        assert.ok(report.notes[reason], `noted: ${reason}\n${formatReport(report)}`);

      // Authors: accounts without a password, disabled until an admin invites them.
      const users = await t.db
        .selectFrom('users')
        .select(['email', 'name', 'byline', 'role', 'password_hash', 'disabled_at'])
        .orderBy('email')
        .execute();
      assert.deepEqual(
        users.map((u) => [u.email, u.name, u.role, u.password_hash, !!u.disabled_at]),
        [
          ['aissa@echo.example', 'Aïssa Maïga', 'author', '', true],
          ['oumar.traore@echo.example', 'Oumar Traoré', 'author', '', true],
        ],
      );

      const articles = await t.db
        .selectFrom('articles')
        .innerJoin('sections', 'sections.id', 'articles.section_id')
        .select([
          'articles.id',
          'articles.slug',
          'articles.status',
          'articles.published_at',
          'articles.updated_at',
          'articles.standfirst',
          'articles.image_id',
          'articles.image_caption',
          'articles.image_credit',
          'articles.image_alt',
          'articles.body',
          'articles.comments',
          'sections.slug as section',
        ])
        .orderBy('articles.id')
        .execute();
      assert.deepEqual(
        articles.map((a) => [a.section, a.slug, a.status]),
        [
          ['politique', 'conseil-municipal-budget', 'published'],
          ['economie', 'cours-arachide', 'published'],
          ['societe', 'rentree-scolaire-calendrier', 'scheduled'],
          ['societe', 'brouillon-enquete-sur-l-eau-potable', 'draft'],
          ['societe', 'saison-des-pluies', 'draft'],
          ['politique', 'note-privee', 'draft'],
          ['societe', 'alslam', 'published'],
        ],
      );
      const [budget, arachide] = articles;
      assert.equal(budget!.published_at, '2024-05-12T08:30:00.000Z');
      assert.equal(budget!.updated_at, '2024-05-13T10:00:00.000Z');
      assert.equal(arachide!.updated_at, null, 'a change within the hour is no « mis à jour »');
      assert.deepEqual([budget!.comments, arachide!.comments], ['open', 'closed']);
      assert.equal(
        budget!.standfirst,
        'Les élus ont voté lundi un budget tourné vers les inondations.',
      );
      assert.ok(budget!.image_id);
      assert.equal(budget!.image_caption, 'Le marché central au petit matin');
      assert.equal(budget!.image_credit, 'Awa Diallo');
      assert.equal(budget!.image_alt, 'Les étals du marché central');
      assert.match(
        budget!.body,
        new RegExp(
          `!\\[Le marché central, principal poste de recettes\\]\\(media:${budget!.image_id} "Awa Diallo"\\)`,
        ),
      );
      assert.match(budget!.body, /^### Les priorités$/m);
      assert.match(budget!.body, /^- curage des caniveaux ;$/m);
      assert.match(budget!.body, /^> « Nous voulons des quartiers sans inondation »/m);
      assert.match(arachide!.body, /^<https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ>$/m);
      assert.match(arachide!.body, /^\\\[contact-form-7 id="5" title="Contact"\\\]$/m);
      assert.doesNotMatch(arachide!.body, /wp:|<script|onerror|javascript:/);

      const tags = await t.db
        .selectFrom('article_tags')
        .select(['article_id', 'tag'])
        .orderBy('article_id')
        .orderBy('tag')
        .execute();
      assert.deepEqual(
        tags.map((r) => [r.article_id, r.tag]),
        [
          [budget!.id, 'élections'],
          [arachide!.id, 'politique'],
          [arachide!.id, 'مالي'],
        ],
      );

      const comments = await t.db
        .selectFrom('comments')
        .select(['id', 'parent_id', 'status', 'author_name', 'author_email', 'created_at'])
        .orderBy('id')
        .execute();
      assert.deepEqual(
        comments.map((c) => [c.author_name, c.status]),
        [
          ['Fatouma', 'approved'],
          ['Ibrahim', 'approved'],
          ['Fatouma', 'approved'],
          ['Anonyme pressé', 'pending'],
          ['Promo', 'spam'],
        ],
      );
      // Our threads are two levels deep: the reply to a reply hangs under the first comment.
      assert.equal(comments[1]!.parent_id, comments[0]!.id);
      assert.equal(comments[2]!.parent_id, comments[0]!.id);
      assert.equal(comments[0]!.created_at, '2024-05-12T09:00:00.000Z');
      assert.equal(comments[0]!.author_email, 'fatouma.secret@lecteurs.example');
      const mails = await t.db.selectFrom('outbox').select('id').execute();
      assert.equal(mails.length, 0, 'importing approved comments mails no one');
      const media = await t.db.selectFrom('media').select(['alt', 'caption']).execute();
      assert.equal(media.length, 2);
    });

    test('reader pages, search, feeds and sitemaps show the imported articles', async () => {
      const page = await get('/politique/conseil-municipal-budget');
      assert.equal(page.statusCode, 200);
      const html = page.body;
      assert.match(html, /Le conseil municipal adopte le budget de l’hivernage/);
      assert.match(html, /Aïssa Maïga/);
      assert.match(html, /Enfin une bonne nouvelle pour notre quartier/);
      assert.match(html, /Les engins sont déjà là depuis ce matin/);
      assert.doesNotMatch(html, /fatouma\.secret|lecteurs\.example/, 'no commenter email shown');
      assert.doesNotMatch(html, /en attente de modération\.|montres pas chères/);
      assert.match(html, /<img[^>]+srcset=/, 'the lead photo and the inline one are shown');
      assert.doesNotMatch(html, />null</, 'an empty « Les plus lus » leaves no « null »');

      const gutenberg = await get('/economie/cours-arachide');
      assert.equal(gutenberg.statusCode, 200);
      assert.match(gutenberg.body, /Ce que disent les producteurs/);
      assert.match(gutenberg.body, /YouTube/);
      assert.doesNotMatch(gutenberg.body, /alert\(|onerror=|javascript:/);
      assert.doesNotMatch(gutenberg.body, /wp:paragraph/);

      const arabic = await get('/societe/alslam');
      assert.equal(arabic.statusCode, 200);
      assert.match(arabic.body, /السلام عليكم/);
      for (const hidden of [
        '/societe/saison-des-pluies',
        '/politique/note-privee',
        '/societe/rentree-scolaire-calendrier',
      ])
        assert.equal((await get(hidden)).statusCode, 404, `${hidden} is not public`);

      const search = await get(`/recherche?q=${encodeURIComponent('hivernage')}`);
      assert.equal(search.statusCode, 200);
      assert.match(search.body, /conseil-municipal-budget/);
      const search2 = await get(`/recherche?q=${encodeURIComponent('arachide')}`);
      assert.match(search2.body, /cours-arachide/);

      const rss = await get('/flux/rss.xml');
      assert.equal(rss.statusCode, 200);
      assert.match(rss.body, /conseil-municipal-budget/);
      assert.match(rss.body, /cours-arachide/);
      assert.doesNotMatch(rss.body, /saison-des-pluies|note-privee|rentree-scolaire/);
      const section = await get('/economie');
      assert.match(section.body, /cours-arachide/);
      const tag = await get(`/mots-cles/${encodeURIComponent('élections')}`);
      assert.equal(tag.statusCode, 200);
      assert.match(tag.body, /conseil-municipal-budget/);

      const index = await get('/sitemap.xml');
      assert.match(index.body, /articles-2024-05\.xml/);
      const may = await get('/sitemaps/articles-2024-05.xml');
      assert.equal(may.statusCode, 200);
      assert.match(may.body, /\/politique\/conseil-municipal-budget/);
    });

    test('old WordPress addresses answer a 301 to the new ones', async () => {
      const cases: [string, string][] = [
        ['/?p=101', '/politique/conseil-municipal-budget'],
        ['/2024/05/12/conseil-municipal-budget/', '/politique/conseil-municipal-budget'],
        ['/2024/05/conseil-municipal-budget/', '/politique/conseil-municipal-budget'],
        ['/conseil-municipal-budget/', '/politique/conseil-municipal-budget'],
        ['/2024/05/12/Conseil-Municipal-Budget', '/politique/conseil-municipal-budget'],
        ['/?p=102&utm_source=facebook', '/economie/cours-arachide'],
        ['/2024/07/01/%d8%a7%d9%84%d8%b3%d9%84%d8%a7%d9%85/', '/societe/alslam'],
        ['/category/economie/', '/economie'],
        ['/?cat=6', '/societe'],
        ['/tag/elections/', `/mots-cles/${encodeURIComponent('élections')}`],
        ['/tag/%d9%85%d8%a7%d9%84%d9%8a/', `/mots-cles/${encodeURIComponent('مالي')}`],
        ['/feed/', '/flux/rss.xml'],
      ];
      for (const [from, to] of cases) {
        const res = await get(from);
        assert.equal(res.statusCode, 301, `${from} → ${res.statusCode}`);
        assert.equal(res.headers.location, to, from);
        assert.equal(res.headers['cache-control'], 'public, max-age=86400');
      }
      const attachment = await get('/?attachment_id=202');
      assert.equal(attachment.statusCode, 301);
      assert.match(String(attachment.headers.location), /^\/media\/m-[0-9a-f]+-\d+\.jpg$/);
      const attachmentPage = await get('/2024/05/12/conseil-municipal-budget/marche-central/');
      assert.equal(attachmentPage.statusCode, 301);
      assert.match(String(attachmentPage.headers.location), /^\/media\//);

      // Our own routes come first; unknown addresses and ids stay what they were.
      assert.equal((await get('/politique')).statusCode, 200);
      assert.equal((await get('/2024/05/12/inconnu/')).statusCode, 404);
      const home = await get('/?p=999999');
      assert.equal(home.statusCode, 200);
      const plain = await get('/');
      assert.equal(home.headers.etag, plain.headers.etag, 'the same cached home page');
      assert.equal((await get('/?p=1%00')).statusCode, 200);
      // A draft or a bin post has no public address to send anyone to.
      assert.equal((await get('/?p=105')).statusCode, 200);
      assert.equal((await get('/?p=107')).statusCode, 200);
    });

    test('an imported author cannot sign in until an admin enables the account and invites them', async () => {
      const aissa = await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'aissa@echo.example')
        .executeTakeFirstOrThrow();
      await buildUser(t.db, { email: 'admin@echo.example', name: 'Admin', role: 'admin' });
      const admin = await signIn(t, 'admin@echo.example');
      const url = `/admin/utilisateurs/${aissa.id}`;
      const csrf = async () => hiddenValue((await admin.get(url)).body, '_csrf');
      const refused = await admin.post(`${url}/lien`, { _csrf: await csrf() });
      assert.equal(refused.statusCode, 409, 'no link to a disabled account');
      assert.equal((await admin.post(`${url}/reactiver`, { _csrf: await csrf() })).statusCode, 303);
      assert.equal((await admin.post(`${url}/lien`, { _csrf: await csrf() })).statusCode, 303);
      const mails = await t.db.selectFrom('outbox').select(['kind', 'to_address']).execute();
      assert.deepEqual(mails, [{ kind: 'account-invitation', to_address: 'aissa@echo.example' }]);
      // Put back as the import left it, so the next test sees the import's rows only.
      await t.db.deleteFrom('outbox').execute();
      await t.db.deleteFrom('account_links').execute();
      await t.db.deleteFrom('sessions').execute();
      await t.db.deleteFrom('login_attempts').execute();
      await t.db.deleteFrom('users').where('email', '=', 'admin@echo.example').execute();
      await t.db
        .updateTable('users')
        .set({ disabled_at: '2026-11-23T12:00:00.000Z' })
        .where('id', '=', aissa.id)
        .execute();
    });

    test('a second run changes nothing', async () => {
      const before = await countRows(t.db);
      const report = await run();
      assert.deepEqual(await countRows(t.db), before);
      assert.deepEqual(report.counts.posts, { added: 0, existing: 7, skipped: 1 });
      assert.deepEqual(report.counts.comments, { added: 0, existing: 5, skipped: 0 });
      assert.deepEqual(report.counts.attachments, { added: 0, existing: 2, skipped: 3 });
      assert.deepEqual(report.counts.authors, { added: 0, existing: 2, skipped: 0 });
      assert.equal(report.counts.redirects.added, 0);
    });

    test('XML bombs, unknown entities and malformed files are refused before anything is written', async () => {
      const before = await countRows(t.db);
      for (const [file, message] of [
        ['entity-bomb.xml', /declares entities/],
        ['unknown-entity.xml', /undefined entity/],
        ['malformed.xml', /Not a readable WordPress export/],
      ] as const) {
        const started = process.memoryUsage().rss;
        await assert.rejects(run({ file: path.join(FIXTURES, file) }), (err: unknown) => {
          assert.ok(err instanceof WxrError, String(err));
          assert.match(err.message, message);
          return true;
        });
        assert.ok(process.memoryUsage().rss - started < 50 * 1024 * 1024, `${file}: memory`);
      }
      assert.deepEqual(await countRows(t.db), before);
    });
  });

  describe(`an interrupted WordPress import (${dialect.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(() => t.close());

    test('resumes where it stopped, with nothing twice', async () => {
      const options = {
        db: t.db,
        store: t.media,
        clock: t.clock,
        file: EXPORT,
        batchSize: 2,
      };
      await assert.rejects(importWordPress({ ...options, stopAfterBatches: 1 }), ImportInterrupted);
      const articles = () => t.db.selectFrom('articles').select(['slug']).execute();
      assert.equal((await articles()).length, 2, 'the first batch was committed');
      const report = await importWordPress(options);
      assert.deepEqual(report.counts.posts, { added: 5, existing: 2, skipped: 1 });
      const slugs = (await articles()).map((a) => a.slug);
      assert.equal(slugs.length, 7);
      assert.equal(new Set(slugs).size, 7);
      const comments = await t.db.selectFrom('comments').select('id').execute();
      assert.equal(comments.length, 5);
      // The search index was rebuilt after the resumed run, the first batch's articles included.
      const search = await t.app.inject({ url: '/recherche?q=hivernage' });
      assert.match(search.body, /conseil-municipal-budget/);
      const pending = await t.db
        .selectFrom('wordpress_imports')
        .select('kind')
        .where('kind', '=', 'pending')
        .execute();
      assert.equal(pending.length, 0);
    });
  });
}

describe('the import-wordpress command (SQLite)', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-wp-cli-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  const griot = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.resolve('src/main.ts'), 'import-wordpress', ...args],
        {
          env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  test('--dry-run prints the report and writes nothing; the real run then imports; a bomb is refused', async () => {
    const dry = await griot([EXPORT, '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /Dry run: nothing was written/);
    assert.match(dry.stdout, /posts\s+7\s+0\s+1/);
    assert.match(dry.stdout, /attachment not imported: no --uploads folder given: 5/);
    assert.match(dry.stderr, /Posts \(dry run\) 8\/8/, 'the progress bar reached the end');

    const real = await griot([EXPORT]);
    assert.equal(real.code, 0, real.stderr);
    assert.match(real.stdout, /WordPress import finished/);
    assert.match(real.stdout, /posts\s+7\s+0\s+1/, 'the dry run had written nothing');
    assert.match(real.stdout, /comments\s+5\s+0\s+2/);

    const bomb = await griot([path.join(FIXTURES, 'entity-bomb.xml')]);
    assert.equal(bomb.code, 1);
    assert.match(bomb.stderr, /Refused: the export declares entities[\s\S]*Nothing was imported/);
    const missing = await griot([path.join(FIXTURES, 'absent.xml')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No such file/);
  });
});
