import type { Db } from '../db/database.ts';
import { variantWidthsFor, writeImageVariants, type ImageVariant } from './image-variants.ts';
import { listMediaVariants, updateMediaVariants } from './media.queries.ts';
import { mediaKey, type MediaStore } from './media-store.ts';

// A variant's standard width is in its file name (`<base>-<width>.<ext>`); its pixel width is
// smaller when the original was narrower than the smallest standard width.
function standardWidth(v: ImageVariant): number {
  return Number(/-(\d+)\.\w+$/.exec(v.file)?.[1]);
}

/**
 * The standard widths an image gets today that its stored variants lack (a width added since it
 * was uploaded) and that can still be cut from them without enlarging: the original is not kept.
 */
export function missingWidths(item: { width: number; variants: ImageVariant[] }): number[] {
  const has = (format: ImageVariant['format'], width: number) =>
    item.variants.some((v) => v.format === format && standardWidth(v) === width);
  const widest = Math.max(0, ...item.variants.map((v) => v.width));
  return variantWidthsFor(item.width).filter(
    (w) => (!has('jpeg', w) || !has('webp', w)) && w < widest,
  );
}

/**
 * Gives every media item the standard widths it lacks, cut from its widest WebP variant (which
 * keeps transparency), and records them on the item; pages list them in their srcset from their
 * next render. An item whose files cannot be read is left as it is and counted. Items and pages
 * keep working without this: it only lets browsers pick a closer size.
 */
export async function addMissingVariants(
  db: Db,
  { store, onProgress }: { store: MediaStore; onProgress?: (done: number, total: number) => void },
): Promise<{ changed: number; failed: number }> {
  const items = await listMediaVariants(db);
  let changed = 0;
  let failed = 0;
  for (const [i, item] of items.entries()) {
    const variants = JSON.parse(item.variants) as ImageVariant[];
    const missing = missingWidths({ width: item.width, variants });
    const source = variants.filter((v) => v.format === 'webp').sort((a, b) => b.width - a.width)[0];
    if (missing.length && source) {
      try {
        const input = await store.get(mediaKey(source.file));
        if (!input) throw new Error(`missing ${source.file}`);
        const added = await writeImageVariants({
          input: input.body,
          store,
          baseName: item.file,
          only: missing,
        });
        const files = new Set(added.variants.map((v) => v.file));
        const all = [...variants.filter((v) => !files.has(v.file)), ...added.variants].sort(
          (a, b) => standardWidth(a) - standardWidth(b) || a.format.localeCompare(b.format),
        );
        await updateMediaVariants(db, item.id, JSON.stringify(all));
        changed++;
      } catch {
        failed++;
      }
    }
    onProgress?.(i + 1, items.length);
  }
  return { changed, failed };
}
