/** The query parameters WordPress addresses carry, in the order a stored path names them. */
export const LEGACY_QUERY_KEYS = ['p', 'page_id', 'attachment_id', 'cat', 'tag'] as const;

/** How long browsers and caches in front keep a 301 of an old address. */
export const REDIRECT_CACHE_CONTROL = 'public, max-age=86400';

/**
 * The form an old address is stored and looked up under: percent-decoded where that is valid,
 * lower-cased, no trailing slash (`/2024/05/12/Décret/` → `/2024/05/12/décret`); undefined for
 * a path no old site could have had (too long, a NUL, a dot segment).
 */
export function normalizeLegacyPath(rawPath: string): string | undefined {
  if (rawPath.length > 1000 || !rawPath.startsWith('/')) return undefined;
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // Not valid percent-encoding: looked up as it came.
  }
  if (path.includes('\0') || /(^|\/)\.\.?(\/|$)/.test(path)) return undefined;
  path = path.toLowerCase().replace(/\/{2,}/g, '/');
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The stored form of a legacy query address on the home page (`/?p=12`), or undefined. */
export function legacyQueryPath(query: Record<string, unknown>): string | undefined {
  for (const key of LEGACY_QUERY_KEYS) {
    const value = query[key];
    if (typeof value !== 'string' || !value || value.length > 200) continue;
    return `/?${key}=${normalizeLegacyPath(`/${value}`)?.slice(1) ?? ''}`;
  }
  return undefined;
}
