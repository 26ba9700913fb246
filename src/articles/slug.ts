import slugifyLib from 'slugify';

/** Turns a title into a URL slug: lower case ASCII, French accents transliterated. */
export function slugify(text: string, maxLength = 80): string {
  const slug = slugifyLib(text.replace(/[’']/g, ' '), {
    lower: true,
    strict: true,
    locale: 'fr',
    trim: true,
  });
  if (slug.length <= maxLength) return slug || 'article';
  // Cut at a word boundary so slugs don't end mid-word.
  const cut = slug.slice(0, maxLength + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : maxLength);
}

/** Returns the first of slug, slug-2, slug-3… for which taken() is false. */
export async function uniqueSlug(
  base: string,
  taken: (slug: string) => Promise<boolean>,
): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
