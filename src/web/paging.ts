/**
 * How a listing's page number is written in its addresses (`/securite?page=2`; nothing for the
 * first page): the links write it so, and the routes tell the page cache it is the query they
 * read (the front door serves that exact address again, see http/page.ts).
 */
export function pageQuery(page: number): string | undefined {
  return page > 1 ? `page=${page}` : undefined;
}

/** A listing's address at a page number. */
export function pagedPath(path: string, page: number): string {
  const query = pageQuery(page);
  return query ? `${path}?${query}` : path;
}
