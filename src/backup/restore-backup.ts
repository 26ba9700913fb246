import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import SqliteDatabase from 'better-sqlite3';
import tar from 'tar-stream';
import { migrationNames } from '../db/migrate.ts';
import {
  BackupError,
  DATABASE_FILE,
  MANIFEST_FILE,
  MEDIA_FOLDERS,
  SECRET_FILE,
  exists,
  griotVersion,
  isBackupEntryName,
  parseManifest,
  syncPath,
  type Manifest,
} from './backup-archive.ts';

/** What restoreBackup() needs. */
export interface RestoreOptions {
  /** The archive `griot backup` wrote (tar, or tar.gz). */
  file: string;
  dataDir: string;
  /** Restore over an existing database or media, which are moved aside (never deleted). */
  force: boolean;
  /** Bytes of the archive read so far, of its size. */
  onProgress?: (done: number, total: number) => void;
  /** Stops the restore (Ctrl-C) while it reads the archive: nothing is put in place. */
  signal?: AbortSignal;
}

/** What was restored. */
export interface RestoreResult {
  manifest: Manifest;
  mediaFiles: number;
  /** Where what the data directory held before was moved (with --force). */
  movedAside: string | undefined;
}

/** What a data directory may hold that a restore would replace. */
const DATABASE_FILES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`];

// The manifest is read into memory; a real one lists a file in about a hundred bytes.
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/**
 * Puts a backup back into an empty data directory: every entry is checked by name and type as
 * it is read (plain files with the names a backup holds, nothing else), written to a staging
 * folder, and compared with the manifest's sizes and checksums; only when all of it matches,
 * and the database passes its integrity check, are the files renamed into their final places.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { dataDir, force, onProgress, signal } = options;
  const file = path.resolve(options.file);
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new BackupError(`No backup file at ${file}.`);
    },
  );
  await mkdir(dataDir, { recursive: true });
  const present = await occupied(dataDir);
  if (present.length && !force)
    throw new BackupError(
      `${dataDir} already holds ${present.join(', ')}: a backup is restored into an empty data` +
        ' directory. Point DATA_DIR at an empty folder, or pass --force to move what is there' +
        ' aside (into a before-restore-… folder) and restore anyway.',
    );

  const staging = await mkdtemp(path.join(dataDir, '.restore-'));
  try {
    const manifest = await extractVerified(file, size, staging, { onProgress, signal });
    checkDatabase(path.join(staging, DATABASE_FILE), manifest);

    // Everything is verified: only renames from here, within one file system.
    let movedAside: string | undefined;
    const secretListed = manifest.files.some((f) => f.name === SECRET_FILE);
    const replaced = [...present, ...(secretListed && force ? [SECRET_FILE] : [])];
    if (present.length) {
      movedAside = path.join(dataDir, `before-restore-${stamp(new Date())}`);
      await mkdir(movedAside);
      for (const name of replaced)
        await rename(path.join(dataDir, name), path.join(movedAside, name)).catch(ignoreMissing);
    }
    for (const folder of MEDIA_FOLDERS) {
      if (!(await exists(path.join(staging, folder)))) continue;
      // An empty folder left in the target (the only kind left by now) gives way.
      await rmdir(path.join(dataDir, folder)).catch(ignoreMissing);
      await rename(path.join(staging, folder), path.join(dataDir, folder));
    }
    if (secretListed)
      await rename(path.join(staging, SECRET_FILE), path.join(dataDir, SECRET_FILE));
    // The database last: its presence is what says "restored".
    await rename(path.join(staging, DATABASE_FILE), path.join(dataDir, DATABASE_FILE));
    await syncPath(dataDir);
    const mediaFiles = manifest.files.filter((f) => f.name.includes('/')).length;
    return { manifest, mediaFiles, movedAside };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The database files and non-empty media folders already in a data directory. */
async function occupied(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of DATABASE_FILES) if (await exists(path.join(dataDir, name))) found.push(name);
  for (const folder of MEDIA_FOLDERS) {
    const entries = await readdir(path.join(dataDir, folder)).catch(() => []);
    if (entries.length) found.push(`${folder}/`);
  }
  return found;
}

/** Reads the archive into `staging`, refusing any unsafe entry; returns the checked manifest. */
async function extractVerified(
  file: string,
  size: number,
  staging: string,
  { onProgress, signal }: Pick<RestoreOptions, 'onProgress' | 'signal'>,
): Promise<Manifest> {
  const gzip = await isGzip(file);
  const input = createReadStream(file);
  const extract = tar.extract();
  const fed = gzip ? pipeline(input, createGunzip(), extract) : pipeline(input, extract);
  fed.catch(() => {});
  let read = 0;
  input.on('data', (chunk) => onProgress?.((read += chunk.length), size));
  const written = new Map<string, { size: number; sha256: string }>();
  let manifestText: string | undefined;
  try {
    for await (const entry of extract) {
      signal?.throwIfAborted();
      const { name, type } = entry.header;
      if (type !== 'file')
        throw refused(`it holds a ${type ?? 'special'} entry, ${JSON.stringify(name)}`);
      if (!isBackupEntryName(name))
        throw refused(`it holds an entry with an unsafe or unknown name, ${JSON.stringify(name)}`);
      if (written.has(name) || (name === MANIFEST_FILE && manifestText !== undefined))
        throw refused(`it holds ${JSON.stringify(name)} twice`);
      if (name === MANIFEST_FILE) manifestText = await readManifest(entry);
      else written.set(name, await writeEntry(entry, path.join(staging, name), signal));
    }
    await fed;
  } catch (err) {
    input.destroy();
    if (err instanceof BackupError || signal?.aborted) throw err;
    throw new BackupError(`Cannot read ${file} (${(err as Error).message}): nothing was restored.`);
  }
  if (manifestText === undefined)
    throw refused('it has no manifest.json (not a Griot backup, or cut short)');
  let manifest: Manifest;
  try {
    manifest = parseManifest(manifestText);
  } catch (err) {
    throw refused((err as Error).message);
  }
  for (const listed of manifest.files) {
    const got = written.get(listed.name);
    if (!got) throw refused(`${listed.name}, listed in its manifest, is missing`);
    if (got.size !== listed.size || got.sha256 !== listed.sha256)
      throw refused(`${listed.name} does not match its manifest checksum (the archive is damaged)`);
    written.delete(listed.name);
  }
  const [unlisted] = written.keys();
  if (unlisted) throw refused(`it holds ${unlisted}, which its manifest does not list`);
  if (!manifest.files.some((f) => f.name === DATABASE_FILE)) throw refused('it holds no database');
  if (!migrationNames().includes(manifest.schema))
    throw new BackupError(
      `The backup's database is at migration ${manifest.schema}, which this Griot (${griotVersion()})` +
        ` does not know: restore it with Griot ${manifest.griotVersion} or later. Nothing was restored.`,
    );
  return manifest;
}

function refused(why: string): BackupError {
  return new BackupError(`Refused: ${why}. Nothing was restored.`);
}

async function readManifest(entry: AsyncIterable<unknown>): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of entry as AsyncIterable<Buffer>) {
    if ((bytes += chunk.length) > MAX_MANIFEST_BYTES) throw refused('its manifest is too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes one entry to its staging file, flushed to disk; returns its size and checksum. */
async function writeEntry(
  entry: AsyncIterable<unknown>,
  target: string,
  signal: AbortSignal | undefined,
): Promise<{ size: number; sha256: string }> {
  await mkdir(path.dirname(target), { recursive: true });
  const name = path.basename(target);
  const mode = name === DATABASE_FILE || name === SECRET_FILE ? 0o600 : 0o644;
  const handle = await open(target, 'wx', mode);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      hash.update(chunk);
      size += chunk.length;
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** The restored database must open, pass its integrity check and be where the manifest says. */
function checkDatabase(file: string, manifest: Manifest): void {
  let database;
  try {
    database = new SqliteDatabase(file, { fileMustExist: true });
    const check = database.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    const last = database
      .prepare('select name from kysely_migration order by name desc limit 1')
      .get() as { name: string } | undefined;
    if (last?.name !== manifest.schema)
      throw new Error(`at migration ${last?.name ?? 'none'}, not ${manifest.schema}`);
  } catch (err) {
    throw refused(`its database fails its check (${(err as Error).message})`);
  } finally {
    database?.close();
  }
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '').slice(0, 17) + 'Z';
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}
