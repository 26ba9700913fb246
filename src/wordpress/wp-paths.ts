import { normalizeLegacyPath } from '../redirects/redirect.ts';
import type { WxrItem } from './wxr.ts';

/** A WordPress slug as readers saw it in addresses (WordPress stores accents percent-encoded). */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** The path (and `?p=`-style query) of a WordPress address, normalized; undefined if foreign. */
export function pathOfLink(link: string, baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link, baseUrl || 'http://wordpress.invalid');
  } catch {
    return undefined;
  }
  const query = /^\?(p|page_id|attachment_id|cat|tag)=([^&]+)$/.exec(url.search);
  if (query && (url.pathname === '/' || url.pathname === ''))
    return `/?${query[1]}=${decodeSlug(query[2]!).toLowerCase()}`;
  return normalizeLegacyPath(url.pathname);
}

/**
 * Every address a WordPress post answered at, whatever the site's permalink setting was: its own
 * link, `/?p=ID`, `/YYYY/MM/DD/slug/`, `/YYYY/MM/slug/` and `/slug/` (by its local date).
 */
export function postPaths(item: WxrItem, baseUrl: string): string[] {
  const paths = new Set<string>([`/?p=${item.id}`]);
  const own = item.link && pathOfLink(item.link, baseUrl);
  if (own) paths.add(own);
  const slug = decodeSlug(item.slug).toLowerCase();
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(item.date);
  if (slug && !slug.includes('/')) {
    if (date) {
      const [, y, m, d] = date;
      paths.add(`/${y}/${m}/${d}/${slug}`);
      paths.add(`/${y}/${m}/${slug}`);
    }
    paths.add(`/${slug}`);
  }
  return [...paths].filter((p) => p !== '/' && p.length <= 1000);
}

/** A WordPress date (`2024-05-12 08:30:00`, in UTC for the `_gmt` fields) as ISO 8601. */
export function isoFromWordPress(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(date.trim());
  if (!m || m[1] === '0000') return undefined;
  const time = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The attached file's size variant suffix WordPress adds (`photo-300x200.jpg` → `photo.jpg`). */
export function uploadsKey(src: string): string | undefined {
  const m = /wp-content\/uploads\/(.+)$/.exec(src.split(/[?#]/)[0] ?? '');
  const rel = m?.[1] ?? (/^[^:/]/.test(src) ? src : undefined);
  if (!rel) return undefined;
  return decodeSlug(rel)
    .replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1')
    .replace(/-scaled(\.[a-z0-9]+)$/i, '$1')
    .toLowerCase();
}
