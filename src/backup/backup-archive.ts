import { readFileSync } from 'node:fs';
import { access, open } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The SQLite file inside DATA_DIR, and its entry name in an archive. */
export const DATABASE_FILE = 'griot.db';

/** The kept session secret inside DATA_DIR (see config.ts), carried so sessions survive. */
export const SECRET_FILE = 'session-secret';

/** The manifest entry, written last: it lists every other entry with its size and checksum. */
export const MANIFEST_FILE = 'manifest.json';

/** The folders of DATA_DIR that hold the media library: uploads and their variants, share images. */
export const MEDIA_FOLDERS = ['media', 'og'] as const;

/** What `manifest.json` says. */
export interface Manifest {
  format: 'griot-backup';
  formatVersion: 1;
  griotVersion: string;
  /** The last database migration applied when the copy was taken. */
  schema: string;
  createdAt: string;
  /** 'local' when the media folders are in the archive; else why they are not. */
  media: 'local' | 's3-not-included';
  files: ManifestFile[];
}

/** One archived file. */
export interface ManifestFile {
  name: string;
  size: number;
  sha256: string;
}

// A media file name as the app writes them (`m-<hash>-640.webp`, `12.jpg`): one path segment,
// no leading dot (temporary files of writes in progress start with one).
const MEDIA_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Whether a file in a media folder is one a backup carries (not a temp file, not a stray). */
export function isMediaFileName(name: string): boolean {
  return MEDIA_NAME.test(name) && !name.endsWith('.tmp');
}

/**
 * Whether an archive entry name is one a Griot backup holds: the database, the secret, the
 * manifest, or one file directly inside a media folder. Everything else (absolute paths, `..`,
 * nested folders, backslashes) is refused by name before anything is written.
 */
export function isBackupEntryName(name: string): boolean {
  if (name === DATABASE_FILE || name === SECRET_FILE || name === MANIFEST_FILE) return true;
  const slash = name.indexOf('/');
  if (slash < 0) return false;
  const folder = name.slice(0, slash);
  return (
    (MEDIA_FOLDERS as readonly string[]).includes(folder) && isMediaFileName(name.slice(slash + 1))
  );
}

/** Reads and checks a manifest's shape; throws a readable error when it is not one of ours. */
export function parseManifest(text: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('manifest.json is not valid JSON');
  }
  const m = value as Partial<Manifest> | null;
  if (!m || m.format !== 'griot-backup') throw new Error('manifest.json is not a Griot manifest');
  if (m.formatVersion !== 1)
    throw new Error(`backup format ${String(m.formatVersion)} is not supported (expected 1)`);
  if (typeof m.schema !== 'string' || !Array.isArray(m.files))
    throw new Error('manifest.json lacks its schema or its file list');
  for (const f of m.files as unknown[]) {
    const file = f as Partial<ManifestFile> | null;
    if (
      !file ||
      typeof file.name !== 'string' ||
      !isBackupEntryName(file.name) ||
      file.name === MANIFEST_FILE ||
      !Number.isSafeInteger(file.size) ||
      typeof file.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(file.sha256)
    )
      throw new Error(`manifest.json lists an invalid file: ${JSON.stringify(f).slice(0, 200)}`);
  }
  return m as Manifest;
}

let version: string | undefined;

/** Griot's version from its package.json, found above this module (from src/ or dist/). */
export function griotVersion(): string {
  if (version) return version;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'griot' && pkg.version) return (version = pkg.version);
    } catch {
      // No package.json here: keep climbing.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (version = 'unknown');
    dir = parent;
  }
}

/** A backup or restore that cannot go on, for a reason the operator can act on. */
export class BackupError extends Error {}

/** Whether a file or folder exists. */
export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** fsync: a file's bytes, or a folder's entries (a rename into it), reach the disk. */
export async function syncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
