import { gzipSync } from 'node:zlib';
import type { ImageVariant } from '../media/image-variants.ts';

/** What a reader's phone downloads to show an article the first time. */
export interface PageWeight {
  /** Compressed (gzip) sizes, as they travel. */
  htmlBytes: number;
  cssBytes: number;
  /** The lead photo a 360-px phone picks from the srcset (WebP, the 640 px variant at 2× density). */
  imageBytes: number;
  totalBytes: number;
  budgetBytes: number;
  overBudget: boolean;
}

/** The variant a phone screen fetches for the lead photo: the smallest WebP at least 640 px wide. */
export function phoneLeadVariant(variants: ImageVariant[]): ImageVariant | undefined {
  const webps = variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width);
  return webps.find((v) => v.width >= 640) ?? webps[webps.length - 1];
}

/** Weighs an article's first view against the budget. */
export function measurePageWeight({
  html,
  css,
  leadImage,
  budgetKb,
}: {
  html: string;
  css: Buffer;
  leadImage: ImageVariant | undefined;
  budgetKb: number;
}): PageWeight {
  const htmlBytes = gzipSync(html).length;
  const cssBytes = gzipSync(css).length;
  const imageBytes = leadImage?.bytes ?? 0;
  const totalBytes = htmlBytes + cssBytes + imageBytes;
  const budgetBytes = budgetKb * 1024;
  return {
    htmlBytes,
    cssBytes,
    imageBytes,
    totalBytes,
    budgetBytes,
    overBudget: totalBytes > budgetBytes,
  };
}
