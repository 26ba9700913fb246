import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { writeImageVariants } from './image-variants.ts';
import { findMediaByFile, insertMedia, releaseOgImageBuild } from './media.queries.ts';
import { MediaStoreError, mediaKey, type MediaStore } from './media-store.ts';
import { writeOgImage } from './og-image.ts';
import { loadSharp } from './sharp.ts';
import type { MediaRow } from './media.table.ts';

/** The largest file the library accepts. */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

// Past this, decoding costs seconds and hundreds of megabytes: a decompression bomb, not a photo.
const MAX_PIXELS = 100_000_000;

const ACCEPTED = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/** Why an upload was refused. */
export type UploadRefusal = 'empty' | 'too-large' | 'not-an-image' | 'wrong-type' | 'corrupt';

/** The outcome of an upload: the stored item (or the identical one already there), or a refusal. */
export type UploadResult =
  | { ok: true; media: MediaRow; duplicate: boolean }
  | { ok: false; reason: UploadRefusal; format?: string };

/** Credit, caption and alt text as typed, trimmed and bounded. */
export interface MediaDetails {
  alt: string;
  credit: string;
  caption: string;
}

/** Looks at the bytes themselves (never the name or declared type) to tell what image they hold. */
async function sniff(
  bytes: Buffer,
): Promise<{ ok: true; mime: string } | { ok: false; reason: UploadRefusal; format?: string }> {
  const sharp = await loadSharp();
  let meta;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return { ok: false, reason: 'not-an-image' };
  }
  const format = meta.format as string;
  if (!(format in ACCEPTED)) return { ok: false, reason: 'wrong-type', format };
  if (!meta.width || !meta.height || meta.width * meta.height > MAX_PIXELS)
    return { ok: false, reason: 'corrupt' };
  return { ok: true, mime: ACCEPTED[format as keyof typeof ACCEPTED] };
}

/**
 * Stores an uploaded image: checks its content, writes its resized, metadata-free variants under
 * a content-hashed name in the media store, then inserts the row; on any failure nothing stays.
 */
export async function uploadMedia(
  db: Db,
  {
    bytes,
    store,
    details,
    now,
  }: { bytes: Buffer; store: MediaStore; details: MediaDetails; now: Date },
): Promise<UploadResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, reason: 'too-large' };
  const sniffed = await sniff(bytes);
  if (!sniffed.ok) return sniffed;

  const file = `m-${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
  // The same bytes make the same files: reuse the item rather than overwrite what it serves.
  const existing = await findMediaByFile(db, file);
  if (existing) return { ok: true, media: existing, duplicate: true };

  let info;
  try {
    info = await writeImageVariants({ input: bytes, store, baseName: file });
  } catch (err) {
    // writeImageVariants leaves nothing behind when it fails; truncated data ends up here.
    if (err instanceof MediaStoreError) throw err;
    return { ok: false, reason: 'corrupt' };
  }
  try {
    const media = await insertMedia(db, {
      file,
      mime: sniffed.mime,
      width: info.width,
      height: info.height,
      ...details,
      variants: JSON.stringify(info.variants),
      created_at: now.toISOString(),
      // Claimed at birth: a request for its share image waits for the one cut here.
      og_claimed_at: now.toISOString(),
    });
    // The share image is cut from the original now; should this fail, /og/<id>.jpg builds it later.
    await writeOgImage({ input: bytes, store, mediaId: media.id }).catch(() =>
      releaseOgImageBuild(db, media.id).catch(() => undefined),
    );
    return { ok: true, media, duplicate: false };
  } catch (err) {
    // A simultaneous upload of the same bytes won the insert: its row serves these very files.
    const winner = await findMediaByFile(db, file).catch(() => undefined);
    if (winner) return { ok: true, media: winner, duplicate: true };
    await Promise.allSettled(info.variants.map((v) => store.delete(mediaKey(v.file))));
    throw err;
  }
}
