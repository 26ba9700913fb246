import type { Sharp } from 'sharp';
import { MediaStoreError, mediaKey, type MediaStore } from './media-store.ts';
import { loadSharp } from './sharp.ts';

// 768 is a 360–400 px phone's full-width photo at twice its density, which otherwise took the
// 1024 (about half as heavy again).
export const VARIANT_WIDTHS = [320, 640, 768, 1024, 1600] as const;

/** One resized file of an image. */
export interface ImageVariant {
  width: number;
  height: number;
  format: 'jpeg' | 'webp';
  /** File name in the media folder (its key in the media store is `media/<file>`). */
  file: string;
  bytes: number;
}

/** An image's original (upright) size and its variants. */
export interface ImageInfo {
  width: number;
  height: number;
  variants: ImageVariant[];
}

const FORMATS = ['jpeg', 'webp'] as const;
const EXTENSION = { jpeg: 'jpg', webp: 'webp' } as const;
const CONTENT_TYPE = { jpeg: 'image/jpeg', webp: 'image/webp' } as const;

function encode(image: Sharp, format: ImageVariant['format']): Sharp {
  // JPEG has no alpha: flatten transparent PNG/WebP/SVG onto white rather than sharp's default black.
  return format === 'jpeg'
    ? image
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 78, mozjpeg: true, progressive: true })
    : image.webp({ quality: 75 });
}

/** The standard widths an image this wide gets: those it fills, or the smallest one. */
export function variantWidthsFor(width: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= width);
  return widths.length ? widths : [VARIANT_WIDTHS[0]];
}

/**
 * Writes JPEG and WebP variants of an image (JPEG, PNG, WebP or SVG) at the standard widths (or
 * only those of them listed in `only`), never upscaled and with all metadata (EXIF, GPS, XMP)
 * stripped; either every file lands or none stays.
 */
export async function writeImageVariants({
  input,
  store,
  baseName,
  only,
}: {
  input: Buffer;
  store: MediaStore;
  baseName: string;
  only?: readonly number[];
}): Promise<ImageInfo> {
  const sharp = await loadSharp();
  // 'error' rejects corrupt or truncated data instead of silently producing a half-grey picture.
  const meta = await sharp(input, { failOn: 'error' }).metadata();
  const { width, height } = meta.autoOrient;
  const widths = variantWidthsFor(width).filter((w) => !only || only.includes(w));
  if (widths.length === 0) return { width, height, variants: [] };

  // Decode, orient and shrink to the largest variant once; every variant is then cut from these
  // pixels, so an SVG is rasterised once and a huge upload never sits in memory at full size.
  // The raw pixels carry no metadata at all, which is what strips EXIF, GPS and XMP.
  const { data, info } = await sharp(input, { failOn: 'error' })
    .rotate()
    .resize({ width: Math.max(...widths), withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };

  // Encode everything in memory first: a failure here leaves nothing stored.
  const encoded = await Promise.all(
    widths.flatMap((w) =>
      FORMATS.map(async (format) => {
        const pipeline = sharp(data, { raw }).resize({ width: w, withoutEnlargement: true });
        const out = await encode(pipeline, format).toBuffer({ resolveWithObject: true });
        const file = `${baseName}-${w}.${EXTENSION[format]}`;
        const variant: ImageVariant = {
          width: out.info.width,
          height: out.info.height,
          format,
          file,
          bytes: out.data.length,
        };
        return { variant, data: out.data };
      }),
    ),
  );

  // Each put is atomic (a reader sees a whole file or none); should one fail, the others go too.
  const puts = await Promise.allSettled(
    encoded.map(({ variant, data: bytes }) =>
      store.put(mediaKey(variant.file), bytes, CONTENT_TYPE[variant.format]),
    ),
  );
  const failed = puts.find((p) => p.status === 'rejected');
  if (failed) {
    // allSettled, not all: cleaning up while sibling writes are still in flight would leave strays.
    const stored = encoded.filter((_, i) => puts[i]!.status === 'fulfilled');
    await Promise.allSettled(stored.map(({ variant }) => store.delete(mediaKey(variant.file))));
    throw new MediaStoreError(`Storing ${baseName} failed: ${String(failed.reason)}`, {
      cause: failed.reason,
    });
  }
  return { width, height, variants: encoded.map(({ variant }) => variant) };
}

/** Returns the smallest variant of a format at least minWidth wide, else the largest one. */
export function pickVariant(
  info: ImageInfo,
  format: ImageVariant['format'],
  minWidth: number,
): ImageVariant {
  const ofFormat = info.variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width);
  const pick = ofFormat.find((v) => v.width >= minWidth) ?? ofFormat.at(-1);
  if (!pick) throw new Error(`no ${format} variant`);
  return pick;
}

/** Builds a srcset attribute value (`url 320w, url 640w, …`) from the variants of a format. */
export function srcset(
  info: ImageInfo,
  format: ImageVariant['format'],
  urlFor: (file: string) => string,
): string {
  return info.variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
    .map((v) => `${urlFor(v.file)} ${v.width}w`)
    .join(', ');
}
