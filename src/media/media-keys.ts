/**
 * The page-cache key of a media item shown inside article bodies (see cache/page-cache.ts): an
 * article page records it for each body photo, and editing the item's text bumps it.
 */
export function mediaKey(id: number): string {
  return `media-${id}`;
}
