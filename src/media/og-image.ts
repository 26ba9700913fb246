import type { ImageVariant } from './image-variants.ts';
import { ogKey, type MediaStore } from './media-store.ts';
import { loadSharp } from './sharp.ts';

/** The size social networks show a link preview at (Facebook, X, WhatsApp, Telegram). */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The largest share image we serve: WhatsApp drops previews of heavy images, and readers pay for them. */
export const OG_BUDGET_BYTES = 150 * 1024;

// Tried in turn until the file fits the budget; pure noise (the worst case) fits at 42.
const QUALITIES = [82, 72, 62, 52, 42, 32] as const;

/** A share image and how it was made. */
export interface OgImage {
  data: Buffer;
  quality: number;
  /** The source was smaller than 1200×630 in at least one dimension, so it was enlarged. */
  upscaled: boolean;
}

/**
 * Crops and resizes an image to exactly 1200×630 (the interesting part kept, by sharp's
 * attention strategy) and encodes it as JPEG at the best quality that fits OG_BUDGET_BYTES.
 */
export async function renderOgImage(input: Buffer): Promise<OgImage> {
  const sharp = await loadSharp();
  const meta = await sharp(input, { failOn: 'error' }).metadata();
  const { width, height } = meta.autoOrient;
  const scale = Math.max(OG_WIDTH / width, OG_HEIGHT / height);
  // Decode, orient and crop once; only the encoding is repeated.
  const { data: pixels, info } = await sharp(input, { failOn: 'error' })
    .rotate()
    .resize({ width: OG_WIDTH, height: OG_HEIGHT, fit: 'cover', position: 'attention' })
    .flatten({ background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  let out: Buffer | undefined;
  let quality: number = QUALITIES[0];
  for (quality of QUALITIES) {
    out = await sharp(pixels, { raw })
      .jpeg({ quality, mozjpeg: true, progressive: true })
      .toBuffer();
    if (out.length <= OG_BUDGET_BYTES) break;
  }
  if (out!.length > OG_BUDGET_BYTES) {
    // Beyond noise: soften the picture rather than break the budget.
    out = await sharp(pixels, { raw }).blur(1.2).jpeg({ quality, mozjpeg: true }).toBuffer();
  }
  return { data: out!, quality, upscaled: scale > 1 };
}

/** The public path of a media item's share image (built on first request when missing). */
export function ogImagePath(mediaId: number): string {
  return `/og/${mediaId}.jpg`;
}

/** Renders a media item's share image and stores it (atomically, as every store write is). */
export async function writeOgImage({
  input,
  store,
  mediaId,
}: {
  input: Buffer;
  store: MediaStore;
  mediaId: number;
}): Promise<OgImage> {
  const image = await renderOgImage(input);
  await store.put(ogKey(mediaId), image.data, 'image/jpeg');
  return image;
}

/** The best source kept for an item uploaded before share images existed: its largest JPEG. */
export function largestJpeg(variants: ImageVariant[]): ImageVariant | undefined {
  return variants
    .filter((v) => v.format === 'jpeg')
    .sort((a, b) => b.width - a.width)
    .at(0);
}
