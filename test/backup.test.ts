import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pipeline } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { createGunzip } from 'node:zlib';
import sharp from 'sharp';
import tar from 'tar-stream';
import { articlePath } from '../src/articles/article.ts';
import { createBackup } from '../src/backup/create-backup.ts';
import { restoreBackup } from '../src/backup/restore-backup.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { connect } from '../src/db/connect.ts';
import { localMediaStore } from '../src/media/media-store.ts';
import { uploadMedia } from '../src/media/upload-media.ts';
import type { ImageVariant } from '../src/media/image-variants.ts';
import { buildArticle, buildComment, buildSection, TEST_PASSWORD } from './helpers/factories.ts';
import { buildNewsroom } from './helpers/newsroom.ts';
import {
  openSharedDatabase,
  spawnTsx,
  startServer,
  type Child,
  type ServerProcess,
} from './helpers/child-process.ts';

const main = path.resolve('src/main.ts');
const PUBLIC_URL = 'https://journal.test';

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `griot-${prefix}-`));
}

/** A photo-like JPEG (noise, so its variants weigh what real photos do). */
function photo(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 1800,
      height: 1000,
      channels: 3,
      background: { r: seed, g: 100, b: 80 },
      noise: { type: 'gaussian', mean: 110 + seed, sigma: 30 },
    },
  })
    .jpeg()
    .toBuffer();
}

/** Signs in through the real login form of a running server: one session row written. */
async function logInOnce(url: string): Promise<void> {
  const form = await fetch(`${url}/login`);
  const cookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie,
      origin: PUBLIC_URL,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: csrf, email: 'chef@griot.test', password: TEST_PASSWORD }),
  });
  await res.arrayBuffer();
  assert.equal(res.status, 303, 'signed in');
}

/** A command's exit code; killed (and so failing) if it runs past the deadline. */
async function exitCode(child: Child, ms = 120_000): Promise<number | string | null> {
  const timer = setTimeout(() => child.process.kill('SIGKILL'), ms);
  try {
    return await child.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** What a reader gets at a path: status, type and the exact bytes. */
async function grab(url: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(url);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: Buffer.from(await res.arrayBuffer()),
  };
}

describe('backup and restore of a live SQLite site', () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  after(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  test('a backup taken while the site serves and writes restores to the same pages', async (t) => {
    const site = await openSharedDatabase('sqlite');
    cleanup.push(() => site.close());
    const dataDir = site.env.DATA_DIR!;
    const db = site.connect();
    await migrateToLatest(db);
    // Accounts first, so `start` finds a publication and seeds no demo content.
    await buildNewsroom(db);
    // A long read (a report, a slow page) holds its snapshot: no checkpoint can move what is
    // written after it into griot.db, so the whole site below lives in the WAL file, as recent
    // writes do on any live site. A copy of griot.db alone would hold no article.
    const reader = new SqliteDatabase(path.join(dataDir, 'griot.db'));
    reader.exec('begin');
    reader.prepare('select count(*) from users').get();
    const section = await buildSection(db, { name: 'Politique' });
    const photos = [];
    for (const seed of [10, 60]) {
      const uploaded = await uploadMedia(db, {
        bytes: await photo(seed),
        store: localMediaStore(dataDir),
        details: { alt: `Photo ${seed}`, credit: 'AGENCE TEST', caption: 'Sur le marché' },
        now: new Date(),
      });
      assert.ok(uploaded.ok);
      photos.push(uploaded.media);
    }
    const articles = [];
    for (const [i, media] of [photos[0], photos[1], undefined].entries())
      articles.push(
        await buildArticle(db, {
          section,
          title: `Le conseil municipal vote le budget, épisode ${i + 1}`,
          image_id: media?.id ?? null,
        }),
      );
    for (const body of ['Enfin une décision claire.', 'Et les quartiers nord ?'])
      await buildComment(db, articles[0]!, { body, status: 'approved' });

    const server = await startServer({ ...site.env, PUBLIC_URL });
    cleanup.push(() => server.stop());
    const variant = (JSON.parse(photos[0]!.variants) as ImageVariant[]).find(
      (v) => v.width === 640 && v.format === 'webp',
    )!;
    const paths = [
      '/',
      `/${section.slug}`,
      articlePath({ slug: articles[0]!.slug, section }),
      articlePath({ slug: articles[1]!.slug, section }),
      `/media/${variant.file}`,
      `/og/${photos[0]!.id}.jpg`,
    ];

    // Writers while the backup runs: the server signing members in (a session row each), and
    // another connection committing batches of rows, each batch one transaction.
    const BATCH = 200;
    const { id: userId } = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'chef@griot.test')
      .executeTakeFirstOrThrow();
    const writer = new SqliteDatabase(path.join(dataDir, 'griot.db'));
    writer.pragma('busy_timeout = 5000');
    const insert = writer.prepare(
      'insert into sessions (id, user_id, created_at, expires_at) values (?, ?, ?, ?)',
    );
    const writeBatch = writer.transaction((batch: number) => {
      for (let i = 0; i < BATCH; i++)
        insert.run(
          `batch-${batch}-${i}-${randomBytes(24).toString('hex')}`,
          userId,
          new Date().toISOString(),
          '2099-01-01T00:00:00.000Z',
        );
    });
    let batches = 0;
    let writing = true;
    const batchWriter = (async () => {
      while (writing) {
        writeBatch(batches++);
        // Paced, as a busy site's writes are: the machine is shared with other test files.
        await delay(10);
      }
    })();
    let logins = 0;
    const loginWriter = (async () => {
      while (writing) {
        await logInOnce(server.url);
        logins++;
      }
    })();
    // Both writers under way before the backup starts (polled, with a deadline).
    let writerFailure: unknown;
    for (const w of [batchWriter, loginWriter]) w.catch((err: unknown) => (writerFailure = err));
    const deadline = Date.now() + 60_000;
    while (batches < 20 || logins < 2) {
      if (writerFailure) throw writerFailure;
      assert.ok(Date.now() < deadline, `writers stuck: ${batches} batches, ${logins} sign-ins`);
      await delay(10);
    }
    const committedBefore = batches;

    const archive = path.join(await tempDir('archive'), 'site.tar.gz');
    cleanup.push(() => rm(path.dirname(archive), { recursive: true, force: true }));
    const walBytes = (await stat(path.join(dataDir, 'griot.db-wal'))).size;
    const backup = spawnTsx(main, ['backup', '--out', archive], site.env);
    const code = await exitCode(backup);
    writing = false;
    await Promise.all([batchWriter, loginWriter]);
    writer.close();
    reader.exec('commit');
    reader.close();
    assert.equal(code, 0, backup.output());
    assert.match(backup.output(), /Database \d+\/\d+/, 'database progress on stderr');
    assert.match(backup.output(), /Media \d+\/\d+/);
    assert.match(backup.output(), /Backup written: .*site\.tar\.gz/);
    assert.ok(batches > committedBefore, 'batches were committed while the backup ran');
    t.diagnostic(
      `WAL at start ${(walBytes / 2 ** 20).toFixed(1)} MB; while the backup ran: ` +
        `${batches - committedBefore} batches of ${BATCH} rows, ${logins} sign-ins in all; ` +
        `archive ${Math.round((await stat(archive)).size / 1024)} KB`,
    );
    assert.deepEqual(
      (await readdir(path.dirname(archive))).filter((n) => n !== 'site.tar.gz'),
      [],
      'no temporary file left beside the archive',
    );

    const original = await Promise.all(paths.map((p) => grab(server.url + p)));
    await server.stop();

    const restoredDir = await tempDir('restored');
    cleanup.push(() => rm(restoredDir, { recursive: true, force: true }));
    const restore = spawnTsx(main, ['restore', archive], {
      DATA_DIR: restoredDir,
      DATABASE_URL: '',
    });
    assert.equal(await exitCode(restore), 0, restore.output());
    assert.match(restore.output(), /Restore \d+\/\d+/, 'restore progress on stderr');
    assert.match(restore.output(), /Restored the backup of .* media files/);

    // The copy holds every batch committed before it began, and each batch whole or not at all.
    const copy = new SqliteDatabase(path.join(restoredDir, 'griot.db'), { readonly: true });
    const ids = copy.prepare("select id from sessions where id like 'batch-%'").pluck().all();
    assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
    copy.close();
    const perBatch = new Map<number, number>();
    for (const id of ids as string[]) {
      const batch = Number(id.split('-')[1]);
      perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
    }
    for (const [batch, rows] of perBatch) assert.equal(rows, BATCH, `batch ${batch} is whole`);
    for (let b = 0; b < committedBefore; b++) assert.ok(perBatch.has(b), `batch ${b} is there`);

    const again: ServerProcess = await startServer({
      DATA_DIR: restoredDir,
      DATABASE_URL: '',
      PUBLIC_URL,
    });
    cleanup.push(() => again.stop());
    for (const [i, p] of paths.entries()) {
      const restored = await grab(again.url + p);
      assert.equal(restored.status, 200, p);
      assert.equal(restored.status, original[i]!.status, p);
      assert.equal(restored.type, original[i]!.type, p);
      assert.ok(restored.body.equals(original[i]!.body), `${p} is byte for byte the same`);
    }
    assert.match(original[2]!.body.toString(), /Enfin une décision claire/);
  });
});

/** A small real site in a data directory: a migrated database and two media files. */
async function smallSite(): Promise<string> {
  const dataDir = await tempDir('small');
  const { db } = connect({ dataDir });
  await migrateToLatest(db);
  await buildNewsroom(db);
  await db.destroy();
  await writeFile(
    path.join(dataDir, 'session-secret'),
    `${randomBytes(48).toString('base64url')}\n`,
  );
  await mkdir(path.join(dataDir, 'media'));
  await writeFile(path.join(dataDir, 'media', 'm-0123456789abcdef01234567-320.jpg'), 'jpeg');
  await writeFile(path.join(dataDir, 'media', '.m-0123.tmp'), 'a write in progress');
  await mkdir(path.join(dataDir, 'og'));
  await writeFile(path.join(dataDir, 'og', '1.jpg'), 'share image');
  return dataDir;
}

interface RawEntry {
  name: string;
  data?: Buffer;
  type?: 'file' | 'symlink' | 'link' | 'directory';
  linkname?: string;
}

/** Reads an archive's entries (gzip or not). */
async function readEntries(file: string): Promise<RawEntry[]> {
  const extract = tar.extract();
  const input = createReadStream(file);
  (file.endsWith('.gz') ? input.pipe(createGunzip()) : input).pipe(extract);
  const entries: RawEntry[] = [];
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    entries.push({ name: entry.header.name, data: Buffer.concat(chunks) });
  }
  return entries;
}

/** Writes entries as a plain tar archive, as an attacker would craft one. */
async function writeEntries(file: string, entries: RawEntry[]): Promise<void> {
  const pack = tar.pack();
  const written = pipeline(pack, createWriteStream(file));
  for (const e of entries) {
    await new Promise<void>((resolve, reject) =>
      e.type && e.type !== 'file'
        ? pack.entry({ name: e.name, type: e.type, linkname: e.linkname ?? '' }, (err) =>
            err ? reject(err) : resolve(),
          )
        : pack.entry({ name: e.name }, e.data ?? Buffer.alloc(0), (err) =>
            err ? reject(err) : resolve(),
          ),
    );
  }
  pack.finalize();
  await written;
}

/** The entries of an archive with its manifest rewritten to list them as they are. */
function withManifest(entries: RawEntry[]): RawEntry[] {
  const manifestEntry = entries.find((e) => e.name === 'manifest.json')!;
  const manifest = JSON.parse(manifestEntry.data!.toString()) as {
    files: { name: string; size: number; sha256: string }[];
  };
  manifest.files = entries
    .filter((e) => e.name !== 'manifest.json' && (!e.type || e.type === 'file'))
    .map((e) => ({
      name: e.name,
      size: e.data!.length,
      sha256: createHash('sha256').update(e.data!).digest('hex'),
    }));
  return [
    ...entries.filter((e) => e !== manifestEntry),
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) },
  ];
}

/** Everything under a folder, as relative paths (files and links, not following links). */
async function listTree(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true });
  return found.map(String).sort();
}

describe('restore refuses what it must', () => {
  let site: string;
  let good: RawEntry[];
  const dirs: string[] = [];
  before(async () => {
    site = await smallSite();
    const archive = path.join(site, '..', `${path.basename(site)}.tar`);
    await createBackup({ dataDir: site, out: archive, mediaStore: 'local' });
    good = await readEntries(archive);
    await rm(archive);
  });
  after(async () => {
    for (const dir of [site, ...dirs]) await rm(dir, { recursive: true, force: true });
  });

  async function emptyTarget(): Promise<string> {
    const parent = await tempDir('target');
    dirs.push(parent);
    const dataDir = path.join(parent, 'data');
    await mkdir(dataDir);
    return dataDir;
  }

  /** Restores crafted entries into an empty data directory; returns the error and the dir. */
  async function restoreCrafted(entries: RawEntry[]): Promise<{ error: Error; dataDir: string }> {
    const dataDir = await emptyTarget();
    const file = path.join(path.dirname(dataDir), 'crafted.tar');
    await writeEntries(file, entries);
    const error = await restoreBackup({ file, dataDir, force: false }).then(
      () => assert.fail('the crafted archive was restored'),
      (err: Error) => err,
    );
    assert.deepEqual(await listTree(dataDir), [], 'nothing written into the data directory');
    return { error, dataDir };
  }

  test('the archive holds the database, the secret, the media and the manifest, no temp file', () => {
    assert.deepEqual(
      good.map((e) => e.name),
      [
        'griot.db',
        'session-secret',
        'media/m-0123456789abcdef01234567-320.jpg',
        'og/1.jpg',
        'manifest.json',
      ],
    );
    const manifest = JSON.parse(good.at(-1)!.data!.toString()) as Record<string, unknown>;
    assert.equal(manifest.format, 'griot-backup');
    assert.equal(manifest.griotVersion, '0.1.0');
    assert.match(String(manifest.schema), /^\d{4}_\d\d_\d\d_\d{4}_/);
  });

  test('an entry climbing out with .. is refused and nothing lands outside', async () => {
    for (const name of ['../escaped.txt', 'media/../../escaped.txt', 'og/../../../escaped.txt']) {
      const { error, dataDir } = await restoreCrafted(
        withManifest([...good, { name, data: Buffer.from('pwned') }]),
      );
      assert.match(error.message, /^Refused: .*unsafe or unknown name/);
      assert.match(error.message, new RegExp(JSON.stringify(name).replace(/[.*]/g, '\\$&')));
      for (const up of ['..', '../..', '../../..'])
        await assert.rejects(stat(path.join(dataDir, up, 'escaped.txt')), { code: 'ENOENT' });
    }
  });

  test('an absolute entry name is refused', async () => {
    const target = path.join(os.tmpdir(), `griot-absolute-${randomBytes(4).toString('hex')}`);
    const { error } = await restoreCrafted(
      withManifest([{ name: target, data: Buffer.from('pwned') }, ...good]),
    );
    assert.match(error.message, /unsafe or unknown name/);
    await assert.rejects(stat(target), { code: 'ENOENT' });
  });

  test('symbolic links, hard links and folders are refused', async () => {
    for (const type of ['symlink', 'link'] as const) {
      const { error } = await restoreCrafted(
        withManifest([{ name: 'media/m-evil-320.jpg', type, linkname: '/etc/passwd' }, ...good]),
      );
      assert.match(error.message, new RegExp(`Refused: it holds a ${type} entry`));
    }
    const { error } = await restoreCrafted(
      withManifest([{ name: 'media/sub', type: 'directory' }, ...good]),
    );
    assert.match(error.message, /a directory entry/);
  });

  test('a file that does not match its checksum stops the restore before anything is placed', async () => {
    const tampered = good.map((e) =>
      e.name.startsWith('media/') ? { ...e, data: Buffer.from('JPEG') } : e,
    );
    const { error } = await restoreCrafted(tampered);
    assert.match(
      error.message,
      /media\/m-0123456789abcdef01234567-320\.jpg does not match its manifest checksum/,
    );
  });

  test('an archive without its manifest, or with an unlisted file, is refused', async () => {
    const bare = await restoreCrafted(good.filter((e) => e.name !== 'manifest.json'));
    assert.match(bare.error.message, /no manifest\.json/);
    const manifest = good.find((e) => e.name === 'manifest.json')!;
    const extra = await restoreCrafted([
      ...good.filter((e) => e !== manifest),
      { name: 'media/m-extra-320.jpg', data: Buffer.from('x') },
      manifest,
    ]);
    assert.match(extra.error.message, /media\/m-extra-320\.jpg, which its manifest does not list/);
  });

  test('a data directory that already holds a database or media is refused, unless forced', async () => {
    const archive = path.join(path.dirname(site), `${path.basename(site)}-again.tar.gz`);
    dirs.push(archive);
    await createBackup({ dataDir: site, out: archive, mediaStore: 'local' });

    const withDatabase = await emptyTarget();
    await cp(path.join(site, 'griot.db'), path.join(withDatabase, 'griot.db'));
    const before = await readFile(path.join(withDatabase, 'griot.db'));
    await assert.rejects(restoreBackup({ file: archive, dataDir: withDatabase, force: false }), {
      message: /already holds griot\.db: .*--force/,
    });
    assert.ok(before.equals(await readFile(path.join(withDatabase, 'griot.db'))), 'left alone');

    const withMedia = await emptyTarget();
    await mkdir(path.join(withMedia, 'media'));
    await writeFile(path.join(withMedia, 'media', 'm-mine-320.jpg'), 'mine');
    await assert.rejects(restoreBackup({ file: archive, dataDir: withMedia, force: false }), {
      message: /already holds media\//,
    });

    const { movedAside, mediaFiles } = await restoreBackup({
      file: archive,
      dataDir: withMedia,
      force: true,
    });
    assert.equal(mediaFiles, 2);
    assert.equal(await readFile(path.join(movedAside!, 'media', 'm-mine-320.jpg'), 'utf8'), 'mine');
    assert.equal(
      await readFile(path.join(withMedia, 'og', '1.jpg'), 'utf8'),
      'share image',
      'the backup is in place',
    );
    assert.deepEqual(
      (await readdir(withMedia)).filter((n) => n.startsWith('.')),
      [],
      'no staging folder left',
    );
  });
});

describe('a backup or restore stopped halfway', () => {
  test('leaves no archive, no partial file and no staging behind', async () => {
    const site = await smallSite();
    const folder = await tempDir('stopped');
    try {
      const out = path.join(folder, 'site.tar.gz');
      const stop = new AbortController();
      await assert.rejects(
        createBackup({
          dataDir: site,
          out,
          mediaStore: 'local',
          // Stopped once the database is in the archive and the media are on their way.
          onProgress: (step, done) => step === 'media' && done === 1 && stop.abort(),
          signal: stop.signal,
        }),
        { name: 'AbortError' },
      );
      assert.deepEqual(await readdir(folder), [], 'nothing under the final name, nothing beside');

      await createBackup({ dataDir: site, out, mediaStore: 'local' });
      const target = path.join(folder, 'data');
      const halt = new AbortController();
      await assert.rejects(
        restoreBackup({
          file: out,
          dataDir: target,
          force: false,
          onProgress: () => halt.abort(),
          signal: halt.signal,
        }),
        { name: 'AbortError' },
      );
      assert.deepEqual(await readdir(target), [], 'nothing restored, no staging folder left');
    } finally {
      await rm(site, { recursive: true, force: true });
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('what griot backup leaves to other tools', () => {
  test('with media in object storage, the archive holds the database only and says why', async () => {
    const site = await smallSite();
    const archive = `${site}.tar.gz`;
    try {
      const lines: string[] = [];
      const { manifest } = await createBackup({
        dataDir: site,
        out: archive,
        mediaStore: 's3',
        log: (line) => lines.push(line),
      });
      assert.equal(manifest.media, 's3-not-included');
      assert.deepEqual(
        (await readEntries(archive)).map((e) => e.name),
        ['griot.db', 'session-secret', 'manifest.json'],
      );
      assert.match(lines.join('\n'), /MEDIA_STORE=s3.*rclone sync.*aws s3 sync/);
    } finally {
      await rm(site, { recursive: true, force: true });
      await rm(archive, { force: true });
    }
  });

  const url = process.env.TEST_DATABASE_URL;
  test(
    'on PostgreSQL, backup and restore refuse and point to pg_dump',
    { skip: !url },
    async () => {
      const dir = await tempDir('pg-backup');
      try {
        const env = {
          DATA_DIR: dir,
          DATABASE_URL: url!,
          SESSION_SECRET: 'a-shared-secret-long-enough-for-several-instances',
        };
        const backup = spawnTsx(main, ['backup', '--out', path.join(dir, 'x.tar.gz')], env);
        assert.equal(await exitCode(backup), 1);
        assert.match(backup.output(), /runs on PostgreSQL[\s\S]*pg_dump --format=custom/);
        await assert.rejects(stat(path.join(dir, 'x.tar.gz')), { code: 'ENOENT' });
        const restore = spawnTsx(main, ['restore', path.join(dir, 'x.tar.gz')], env);
        assert.equal(await exitCode(restore), 1);
        assert.match(restore.output(), /pg_restore --no-owner/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
