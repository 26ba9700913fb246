/** The phone an article is weighed for: its width in CSS pixels and its screen density. */
export interface Phone {
  width: number;
  dpr: number;
}

/** A typical reader's phone: 360 CSS pixels wide, at the two common densities. */
export const TYPICAL_PHONES: readonly Phone[] = [
  { width: 360, dpr: 2 },
  { width: 360, dpr: 3 },
];

/**
 * What travels besides each body: the response's status line and headers (cache, security
 * and CDN headers), as Chromium counts them for our pages, photos and icon: 1.2–1.4 KB each.
 */
export const HEADER_BYTES_PER_FILE = 1_300;

/** An image the phone fetches for the first view, picked from the srcset as the browser does. */
export interface PickedImage {
  /** The address in the page (a /media/ file, or under MEDIA_PUBLIC_URL). */
  url: string;
  /** The candidate's width descriptor; 0 for an image without srcset. */
  width: number;
  bytes: number;
}

/** What one phone downloads to show an article the first time. */
export interface PhoneWeight {
  phone: Phone;
  images: PickedImage[];
  imageBytes: number;
  /** Headers of every response (the page, its icon, its images). */
  headerBytes: number;
  totalBytes: number;
}

/** An article's first view on typical phones, as it really travels. */
export interface PageWeight {
  /** The page as sent: brotli (what browsers ask for), the style sheet inline in it. */
  htmlBytes: number;
  /** The site icon, fetched with the first page (brotli). */
  iconBytes: number;
  phones: PhoneWeight[];
  budgetBytes: number;
  /** Whether the heaviest phone's first view is over the budget. */
  overBudget: boolean;
}

const REM = 16;

function lengthPx(length: string, viewportWidth: number): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(px|rem|em|vw)$/.exec(length.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'px' ? n : m[2] === 'vw' ? (n * viewportWidth) / 100 : n * REM;
}

/**
 * The width a `sizes` attribute gives an image on a screen this wide: the first entry whose
 * media condition holds (min-width / max-width), else the last; 100vw when it says nothing usable.
 */
export function sizesWidth(sizes: string | undefined, viewportWidth: number): number {
  for (const entry of (sizes ?? '').split(',')) {
    const m = /^\s*(?:\((min|max)-width:\s*([^)]+)\)\s*)?(\S+)\s*$/.exec(entry);
    if (!m) continue;
    const [, kind, bound, length] = m;
    if (kind) {
      const limit = lengthPx(bound!, viewportWidth);
      if (limit === undefined) continue;
      if (kind === 'min' ? viewportWidth < limit : viewportWidth > limit) continue;
    }
    const width = lengthPx(length!, viewportWidth);
    if (width !== undefined) return width;
  }
  return viewportWidth;
}

/**
 * The srcset candidate a browser fetches: the narrowest at least as wide as the image's CSS
 * width times the screen density, else the widest (what Chromium does: measured, a 360 px phone
 * at density 3 takes the 1600 px variant of a full-width photo rather than the 1024).
 */
export function pickCandidate(
  srcset: string,
  sizes: string | undefined,
  phone: Phone,
): { url: string; width: number } | undefined {
  const candidates = srcset
    .split(',')
    .map((c) => /^\s*(\S+)\s+(\d+)w\s*$/.exec(c))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ url: m[1]!, width: Number(m[2]) }))
    .sort((a, b) => a.width - b.width);
  if (!candidates.length) return undefined;
  const needed = sizesWidth(sizes, phone.width) * phone.dpr;
  return candidates.find((c) => c.width >= needed) ?? candidates.at(-1);
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1]?.replace(/&amp;/g, '&');
};

/**
 * The images a page makes a phone fetch, in page order: per picture the WebP source (every
 * browser we serve takes WebP), else the img's srcset, else its src.
 */
export function imagesOf(html: string, phone: Phone): { url: string; width: number }[] {
  const found: { url: string; width: number }[] = [];
  const pictures = /<picture>([\s\S]*?)<\/picture>|<img\b[^>]*>/g;
  for (const m of html.matchAll(pictures)) {
    const inner = m[1];
    const source = inner ? /<source\b[^>]*type="image\/webp"[^>]*>/.exec(inner)?.[0] : undefined;
    const img = inner ? /<img\b[^>]*>/.exec(inner)?.[0] : m[0];
    const tag = source ?? img;
    if (!tag) continue;
    const srcset = attr(tag, 'srcset');
    const picked = srcset ? pickCandidate(srcset, attr(tag, 'sizes'), phone) : undefined;
    const src = img ? attr(img, 'src') : undefined;
    if (picked) found.push(picked);
    else if (src && !src.startsWith('data:')) found.push({ url: src, width: 0 });
  }
  return found;
}

/** Adds up a phone's first view: the page, its icon and its images, each with its headers. */
export function weighForPhone({
  phone,
  htmlBytes,
  iconBytes,
  images,
}: {
  phone: Phone;
  htmlBytes: number;
  iconBytes: number;
  images: PickedImage[];
}): PhoneWeight {
  const imageBytes = images.reduce((sum, i) => sum + i.bytes, 0);
  const headerBytes = (2 + images.length) * HEADER_BYTES_PER_FILE;
  return {
    phone,
    images,
    imageBytes,
    headerBytes,
    totalBytes: htmlBytes + iconBytes + imageBytes + headerBytes,
  };
}
