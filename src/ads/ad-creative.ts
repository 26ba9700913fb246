import type { ImageInfo, ImageVariant } from '../media/image-variants.ts';

/** The most an image creative may weigh, per file a reader downloads: light enough for 3G. */
export const AD_IMAGE_MAX_BYTES = 80 * 1024;

/** Widest variant an ad serves: twice a 300-px box, about once a 728- or 970-px banner. */
export const AD_IMAGE_MAX_WIDTH = 1024;

/** The variants an image creative is served from (both formats, up to AD_IMAGE_MAX_WIDTH wide). */
export function adVariants(info: ImageInfo): ImageVariant[] {
  const fitting = info.variants.filter((v) => v.width <= AD_IMAGE_MAX_WIDTH);
  // A creative narrower than every variant width still has its smallest variants.
  return fitting.length ? fitting : info.variants.filter((v) => v.width === 320);
}

/** The heaviest file a modern browser could download for this creative (WebP variants), in bytes. */
export function heaviestAdFile(info: ImageInfo): number {
  return Math.max(
    0,
    ...adVariants(info)
      .filter((v) => v.format === 'webp')
      .map((v) => v.bytes),
  );
}
