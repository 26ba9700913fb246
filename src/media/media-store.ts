import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What a store knows of an object without reading it. */
export interface StoredHead {
  contentType: string;
  size: number;
  /** A quoted entity tag (strong or weak), the same on every instance reading this store. */
  etag: string;
  lastModified: Date;
}

/** An object read whole from a store. */
export interface StoredObject extends StoredHead {
  body: Buffer;
}

/**
 * Where media files live: image variants under `media/<file>`, share images under
 * `og/<id>.jpg`. Every write is atomic: a reader sees the whole object or none.
 */
export interface MediaStore {
  /** Where the objects are, for messages: a directory, or `s3://bucket`. */
  readonly location: string;
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or undefined when there is none under this key. */
  get(key: string): Promise<StoredObject | undefined>;
  head(key: string): Promise<StoredHead | undefined>;
  /** Removes an object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Every key under a prefix (`media/` or `og/`), for migrations. */
  list(prefix: MediaPrefix): AsyncIterable<string>;
  close(): Promise<void>;
}

/** A store failed to write: not the file's fault (an upload so refused is not « corrupt »). */
export class MediaStoreError extends Error {}

/** The two folders of a media store. */
export type MediaPrefix = 'media/' | 'og/';
export const MEDIA_PREFIXES: readonly MediaPrefix[] = ['media/', 'og/'];

// One name, no directory part: starts with a letter or digit (no `.`, `..` or hidden temp file),
// then letters, digits, dots, dashes and underscores only.
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Whether a name can be a media file: what `/media/<name>` accepts. */
export function isMediaFileName(name: string): boolean {
  return NAME.test(name) && !name.includes('..');
}

/** The key of a media file (an image variant). */
export function mediaKey(file: string): string {
  return `media/${file}`;
}

/** The key of a media item's share image. */
export function ogKey(mediaId: number): string {
  return `og/${mediaId}.jpg`;
}

/** Refuses any key but `media/<name>` or `og/<name>`: no traversal, no encoded slash, no temp file. */
export function assertValidKey(key: string): void {
  const slash = key.indexOf('/');
  const prefix = key.slice(0, slash + 1);
  if (
    !(MEDIA_PREFIXES as readonly string[]).includes(prefix) ||
    !isMediaFileName(key.slice(slash + 1))
  )
    throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
}

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
};

/** The content type of a media file by its extension. */
export function contentTypeOf(key: string): string {
  return TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The local media store: `<dataDir>/media` and `<dataDir>/og`, as before there was a choice.
 * A write goes to a hidden temporary file in the same folder, then is renamed over the name.
 */
export function localMediaStore(dataDir: string): MediaStore {
  const root = path.resolve(dataDir);
  const fileOf = (key: string) => {
    assertValidKey(key);
    return path.join(root, key);
  };
  const headOf = async (file: string, key: string): Promise<StoredHead | undefined> => {
    try {
      const s = await stat(file);
      if (!s.isFile()) return undefined;
      // The weak tag `send` (@fastify/static) gave these files, so browsers' copies stay valid.
      const etag = `W/"${s.size.toString(16)}-${s.mtime.getTime().toString(16)}"`;
      return { contentType: contentTypeOf(key), size: s.size, etag, lastModified: s.mtime };
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  };
  return {
    location: root,
    async put(key, body) {
      const final = fileOf(key);
      await mkdir(path.dirname(final), { recursive: true });
      const temp = path.join(
        path.dirname(final),
        `.${path.basename(final)}.${randomBytes(6).toString('hex')}.tmp`,
      );
      try {
        await writeFile(temp, body);
        // A rename within one folder is atomic: readers see the old file or the new one.
        await rename(temp, final);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    async get(key) {
      const file = fileOf(key);
      const head = await headOf(file, key);
      if (!head) return undefined;
      try {
        return { ...head, body: await readFile(file) };
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    head: (key) => headOf(fileOf(key), key),
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async *list(prefix) {
      let names: string[];
      try {
        names = await readdir(path.join(root, prefix));
      } catch (err) {
        if (isMissing(err)) return;
        throw err;
      }
      for (const name of names.sort()) if (isMediaFileName(name)) yield `${prefix}${name}`;
    },
    async close() {},
  };
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
