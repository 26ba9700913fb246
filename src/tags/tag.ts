import { pagedPath } from '../web/paging.ts';

/** The path of a tag page (tags may hold spaces and accents), optionally at a page number. */
export function tagPath(tag: string, page = 1): string {
  return pagedPath(`/mots-cles/${encodeURIComponent(tag)}`, page);
}

/** How a tag is stored: trimmed and lower-case, as the newsroom form saves it. */
export function normalizeTagParam(param: string): string {
  return param.trim().toLowerCase();
}
