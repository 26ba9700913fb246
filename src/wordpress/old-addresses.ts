import { authorPath } from '../authors/author.ts';
import { tagPath } from '../tags/tag.ts';
import type { PhotoIndex } from './import-media.ts';
import { sectionSlug } from './import-terms.ts';
import { decodeSlug } from './wp-paths.ts';
import type { WxrTerm } from './wxr.ts';

/** Old addresses of categories, tags, authors, attachments and the feed. */
export function otherRedirects(
  found: { categories: Map<number, WxrTerm>; tags: WxrTerm[] },
  {
    sections,
    photos,
    pages,
    authors,
  }: {
    sections: Set<string>;
    photos: PhotoIndex;
    pages: Map<number, string[]>;
    authors: Map<string, { id: number; name: string }>;
  },
): { path: string; target: string }[] {
  const out: { path: string; target: string }[] = [{ path: '/feed', target: '/flux/rss.xml' }];
  for (const category of found.categories.values()) {
    const slug = sectionSlug(category.slug);
    const target = sections.has(slug) ? `/${slug}` : tagPath(category.name.trim().toLowerCase());
    out.push({ path: `/category/${decodeSlug(category.slug).toLowerCase()}`, target });
    out.push({ path: `/?cat=${category.id}`, target });
  }
  for (const tag of found.tags) {
    const target = tagPath(tag.name.trim().toLowerCase());
    out.push({ path: `/tag/${decodeSlug(tag.slug).toLowerCase()}`, target });
    out.push({ path: `/?tag=${decodeSlug(tag.slug).toLowerCase()}`, target });
  }
  for (const [login, author] of authors)
    out.push({ path: `/author/${login.toLowerCase()}`, target: authorPath(author) });
  for (const [id, paths] of pages) {
    const file = photos.fileOf.get(id);
    if (file) for (const path of paths) out.push({ path, target: file });
  }
  return out;
}
