import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { MAX_UPLOAD_BYTES, uploadMedia } from '../media/upload-media.ts';
import type { MediaStore } from '../media/media-store.ts';
import type { ImageVariant } from '../media/image-variants.ts';
import { note, type ImportReport } from './import-report.ts';
import { htmlToText, type BodyPhoto } from './wp-content.ts';
import { uploadsKey } from './wp-paths.ts';
import { insertImported } from './wordpress.queries.ts';
import type { WxrItem } from './wxr.ts';

/** What the import knows of each attachment once it is in the library. */
export interface PhotoIndex {
  byId: Map<number, BodyPhoto & { alt: string }>;
  /** `2024/05/photo.jpg` (lower case, without WordPress's size suffix) → attachment id. */
  byUploadsPath: Map<string, number>;
  /** Attachment id → the address of its largest JPEG, for its old page's redirect. */
  fileOf: Map<number, string>;
}

/** An empty index. */
export function newPhotoIndex(): PhotoIndex {
  return { byId: new Map(), byUploadsPath: new Map(), fileOf: new Map() };
}

/** The photo credit WordPress keeps in an attachment's serialized metadata (from IPTC), if any. */
function creditOf(item: WxrItem): string {
  const meta = item.meta._wp_attachment_metadata ?? '';
  return /"credit";s:\d+:"([^"]{0,200})"/.exec(meta)?.[1]?.trim() ?? '';
}

/** An attachment's caption, credit and alt text as our library stores them. */
function detailsOf(item: WxrItem): { alt: string; caption: string; credit: string } {
  return {
    alt: htmlToText(item.meta._wp_attachment_image_alt ?? '').slice(0, 300),
    caption: htmlToText(item.excerpt || '').slice(0, 500),
    credit: creditOf(item).slice(0, 200),
  };
}

/** The address readers reach a library item's largest JPEG at. */
function largestJpeg(variants: readonly ImageVariant[]): string | undefined {
  const jpeg = variants.filter((v) => v.format === 'jpeg').sort((a, b) => b.width - a.width)[0];
  return jpeg && `/media/${jpeg.file}`;
}

/** Remembers an imported attachment so posts can find it. */
export function rememberPhoto(
  index: PhotoIndex,
  item: WxrItem,
  media: { id: number; variants: readonly ImageVariant[] },
): void {
  const details = detailsOf(item);
  index.byId.set(item.id, { id: media.id, ...details, caption: details.caption || details.alt });
  const key = uploadsKey(item.meta._wp_attached_file || item.attachmentUrl);
  if (key) index.byUploadsPath.set(key, item.id);
  const file = largestJpeg(media.variants);
  if (file) index.fileOf.set(item.id, file);
}

/** Where an attachment's file is under the uploads folder; undefined if it would leave it. */
function fileUnder(uploadsDir: string, attached: string): string | undefined {
  if (!attached || attached.includes('\0')) return undefined;
  const root = path.resolve(uploadsDir);
  const file = path.resolve(root, attached.replace(/^\/+/, ''));
  return file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * Imports one attachment into the media library from the uploads folder (never from the
 * internet): its variants are made like an upload's. A missing or unreadable file is reported.
 */
export async function importAttachment(
  db: Db,
  {
    item,
    uploadsDir,
    store,
    now,
    dryRun,
    report,
    index,
  }: {
    item: WxrItem;
    uploadsDir: string | undefined;
    store: MediaStore;
    now: Date;
    dryRun: boolean;
    report: ImportReport;
    index: PhotoIndex;
  },
): Promise<void> {
  const counts = report.counts.attachments;
  const attached = item.meta._wp_attached_file ?? '';
  const label = `#${item.id} ${attached || item.attachmentUrl}`;
  const skip = (reason: string) => {
    counts.skipped++;
    note(report, reason, label);
  };
  if (!uploadsDir) return skip('attachment not imported: no --uploads folder given');
  const file = fileUnder(uploadsDir, attached);
  if (!file) return skip('attachment without a file path inside --uploads');
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) return skip('attachment file missing from --uploads');
  if (size > MAX_UPLOAD_BYTES) return skip('attachment file larger than 15 MB');
  if (!/\.(jpe?g|png|webp)$/i.test(file)) return skip('attachment not a JPEG, PNG or WebP image');
  if (dryRun) {
    counts.added++;
    return;
  }
  const result = await uploadMedia(db, {
    bytes: await readFile(file),
    store,
    details: detailsOf(item),
    now,
  });
  if (!result.ok) return skip(`attachment refused by the media library (${result.reason})`);
  await insertImported(db, [{ kind: 'attachment', wpId: item.id, ourId: result.media.id }], now);
  rememberPhoto(index, item, {
    id: result.media.id,
    variants: JSON.parse(result.media.variants) as ImageVariant[],
  });
  counts.added++;
}
