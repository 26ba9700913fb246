import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import SqliteDatabase from 'better-sqlite3';
import tar from 'tar-stream';
import {
  BackupError,
  DATABASE_FILE,
  MANIFEST_FILE,
  MEDIA_FOLDERS,
  SECRET_FILE,
  exists,
  griotVersion,
  isMediaFileName,
  syncPath,
  type Manifest,
  type ManifestFile,
} from './backup-archive.ts';

/** What createBackup() needs. */
export interface BackupOptions {
  dataDir: string;
  /** The archive to write; gzip-compressed when it ends in .gz or .tgz. */
  out: string;
  /** With 's3' the media library lives in a bucket, copied with the provider's tools instead. */
  mediaStore: 'local' | 's3';
  onProgress?: (step: 'database' | 'media', done: number, total: number) => void;
  /** Notes for the operator (files left out…). */
  log?: (line: string) => void;
  /** Stops the backup (Ctrl-C): what was written so far is removed. */
  signal?: AbortSignal;
}

/** The archive written and what it holds. */
export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
}

/** A file to archive: its entry name and where it is on disk. */
interface Source {
  name: string;
  file: string;
}

/**
 * Writes one archive holding a consistent copy of the live SQLite database (SQLite's online
 * backup, which reads through the WAL and never sees half a transaction), the kept session secret
 * and the media library, with a manifest of sizes and checksums. The archive is written under a
 * temporary name and renamed once complete, so a crash never leaves half of one under `out`.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { dataDir, mediaStore, log = () => {}, signal } = options;
  const onProgress: BackupOptions['onProgress'] = (step, done, total) => {
    signal?.throwIfAborted();
    options.onProgress?.(step, done, total);
  };
  const out = path.resolve(options.out);
  const source = path.join(dataDir, DATABASE_FILE);
  if (!(await exists(source)))
    throw new BackupError(`No SQLite database at ${source}: nothing to back up.`);
  if (!(await exists(path.dirname(out))))
    throw new BackupError(`The folder ${path.dirname(out)} does not exist.`);

  const work = await mkdtemp(path.join(path.dirname(out), '.griot-backup-'));
  const partial = `${out}.${randomBytes(6).toString('hex')}.partial`;
  try {
    const createdAt = new Date().toISOString();
    const copy = path.join(work, DATABASE_FILE);
    const schema = await copyDatabase(source, copy, (done, total) =>
      onProgress('database', done, total),
    );
    const sources: Source[] = [{ name: DATABASE_FILE, file: copy }];
    const secret = path.join(dataDir, SECRET_FILE);
    if (await exists(secret)) sources.push({ name: SECRET_FILE, file: secret });
    // The media after the database: every file the copied rows name was written before them.
    let media: Source[] = [];
    if (mediaStore === 's3')
      log(
        'Media are in object storage (MEDIA_STORE=s3) and are not in this archive: copy the bucket' +
          ' with the provider’s tools, e.g. `rclone sync` or `aws s3 sync` (see README, Backups).',
      );
    else media = await listMedia(dataDir, log);

    const gzip = /\.(gz|tgz)$/i.test(out);
    const files = await writeArchive(
      { file: partial, gzip, sources, media, onProgress, signal },
      (entries) => ({
        format: 'griot-backup',
        formatVersion: 1,
        griotVersion: griotVersion(),
        schema,
        createdAt,
        media: mediaStore === 's3' ? 's3-not-included' : 'local',
        files: entries,
      }),
    );
    await rename(partial, out);
    await syncPath(path.dirname(out));
    return { file: out, ...files };
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// Pages copied per step: about twenty progress updates, and short read transactions.
const stepPages = (total: number) => Math.max(256, Math.ceil(total / 20));
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database with SQLite's online backup API and checks the copy; returns its last
 * migration. Writes by the running site between steps restart the copy, so after a restart the
 * rest is copied in one step, inside one read transaction (in WAL mode writers carry on).
 */
async function copyDatabase(
  source: string,
  target: string,
  onProgress: (done: number, total: number) => void,
): Promise<string> {
  const live = new SqliteDatabase(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    let lastRemaining = Infinity;
    let inOneStep = false;
    const { totalPages } = await live.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages - remainingPages, totalPages);
        if (remainingPages >= lastRemaining) inOneStep = true;
        lastRemaining = remainingPages;
        return inOneStep ? ALL_PAGES : stepPages(totalPages);
      },
    });
    onProgress(totalPages, totalPages);
  } finally {
    live.close();
  }
  const copy = new SqliteDatabase(target, { fileMustExist: true });
  try {
    // A single self-contained file: no -wal beside it to forget.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new BackupError(`The database copy fails its check: ${String(check)}`);
    const last = copy
      .prepare('select name from kysely_migration order by name desc limit 1')
      .get() as { name: string } | undefined;
    if (!last) throw new BackupError('The database has no migration applied: nothing to back up.');
    return last.name;
  } finally {
    copy.close();
  }
}

/** The media library's files, by folder and name; temporary files of writes in progress left out. */
async function listMedia(dataDir: string, log: (line: string) => void): Promise<Source[]> {
  const found: Source[] = [];
  const strays: string[] = [];
  for (const folder of MEDIA_FOLDERS) {
    let entries;
    try {
      entries = await readdir(path.join(dataDir, folder), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = `${folder}/${entry.name}`;
      if (entry.isFile() && isMediaFileName(entry.name))
        found.push({ name, file: path.join(dataDir, name) });
      else if (!entry.name.startsWith('.') && !entry.name.endsWith('.tmp')) strays.push(name);
    }
  }
  if (strays.length)
    log(
      `Left out ${strays.length} entries that Griot did not write: ${strays.slice(0, 5).join(', ')}` +
        (strays.length > 5 ? ', …' : ''),
    );
  return found;
}

/** Streams the files into a tar (gzip) archive at `file`, then the manifest; returns it. */
async function writeArchive(
  {
    file,
    gzip,
    sources,
    media,
    onProgress,
    signal,
  }: {
    file: string;
    gzip: boolean;
    sources: Source[];
    media: Source[];
    onProgress: NonNullable<BackupOptions['onProgress']>;
    signal: AbortSignal | undefined;
  },
  manifestOf: (files: ManifestFile[]) => Manifest,
): Promise<{ bytes: number; manifest: Manifest }> {
  const pack = tar.pack();
  // Private: the archive holds password hashes and the session secret.
  const sink = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const written = gzip ? pipeline(pack, createGzip(), sink) : pipeline(pack, sink);
  // Rejects when the output fails (disk full…), so a pending entry never waits forever.
  const failure = written.then(() => new Promise<never>(() => {}));
  failure.catch(() => {});
  try {
    const files: ManifestFile[] = [];
    for (const source of sources)
      files.push((await Promise.race([addFile(pack, source, { signal }), failure]))!);
    for (const [i, source] of media.entries()) {
      onProgress('media', i, media.length);
      // A file deleted since the listing is simply no longer part of the library.
      const added = await Promise.race([
        addFile(pack, source, { missingOk: true, signal }),
        failure,
      ]);
      if (added) files.push(added);
    }
    onProgress('media', media.length, media.length);
    const manifest = manifestOf(files);
    const json = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    await Promise.race([
      new Promise<void>((resolve, reject) =>
        pack.entry({ name: MANIFEST_FILE, size: json.length, mode: 0o644 }, json, (err) =>
          err ? reject(err) : resolve(),
        ),
      ),
      failure,
    ]);
    pack.finalize();
    await written;
    await syncPath(file);
    const handle = await open(file, 'r');
    const { size } = await handle.stat().finally(() => handle.close());
    return { bytes: size, manifest };
  } catch (err) {
    pack.destroy(err as Error);
    await written.catch(() => {});
    throw err;
  }
}

/** Adds one file as an entry, hashing what is written; undefined when it is gone and that is ok. */
async function addFile(
  pack: tar.Pack,
  { name, file }: Source,
  { missingOk = false, signal }: { missingOk?: boolean; signal?: AbortSignal | undefined } = {},
): Promise<ManifestFile | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if (missingOk && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const { size, mtime } = await handle.stat();
    const hash = createHash('sha256');
    await new Promise<void>((resolve, reject) => {
      const mode = name === SECRET_FILE || name === DATABASE_FILE ? 0o600 : 0o644;
      const entry = pack.entry({ name, size, mode, mtime }, (err) =>
        err ? reject(err) : resolve(),
      );
      // Its failures reach the callback above; a pack destroyed mid-entry also emits them here.
      entry.on('error', () => {});
      (async () => {
        if (size > 0)
          for await (const chunk of handle.createReadStream({
            start: 0,
            end: size - 1,
            autoClose: false,
          })) {
            signal?.throwIfAborted();
            hash.update(chunk as Buffer);
            if (!entry.write(chunk))
              await new Promise<void>((drained) => entry.once('drain', () => drained()));
          }
        entry.end(undefined);
        // On failure the caller destroys the whole pack, whose errors the pipeline listens for.
      })().catch(reject);
    });
    return { name, size, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}
