import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { ImageVariant } from './image-variants.ts';
import { claimOgImageBuild, findMedia, releaseOgImageBuild } from './media.queries.ts';
import { mediaKey, ogKey, type MediaStore } from './media-store.ts';
import { largestJpeg, writeOgImage, type OgImage } from './og-image.ts';

/** How long a claim holds: past it, its builder is presumed gone and another one builds. */
export const OG_CLAIM_MS = 30_000;

const POLL_MS = 50;

/** A share image found or built, with how it was made when this call built it. */
export interface EnsuredOgImage {
  data: Buffer;
  built?: OgImage;
}

/**
 * The share image of a media item, built when missing. Several instances asking at once build
 * it once: the one that claims the item in the database builds it, the others wait for the
 * object to appear in the shared store (or, should the builder vanish, build it themselves).
 * Undefined when the item or its source file does not exist.
 */
export async function ensureOgImage(
  { db, store, clock }: { db: Db; store: MediaStore; clock: Clock },
  mediaId: number,
): Promise<EnsuredOgImage | undefined> {
  const media = await findMedia(db, mediaId);
  const source = media && largestJpeg(JSON.parse(media.variants) as ImageVariant[]);
  if (!source) return undefined;
  const now = clock.now();
  const claimed = await claimOgImageBuild(db, {
    id: mediaId,
    now: now.toISOString(),
    staleBefore: new Date(now.getTime() - OG_CLAIM_MS).toISOString(),
  });
  if (!claimed) {
    const found = await waitForObject(store, ogKey(mediaId), OG_CLAIM_MS);
    if (found) return { data: found };
  }
  try {
    const input = await store.get(mediaKey(source.file));
    if (!input) {
      await releaseOgImageBuild(db, mediaId);
      return undefined;
    }
    const built = await writeOgImage({ input: input.body, store, mediaId });
    return { data: built.data, built };
  } catch (err) {
    await releaseOgImageBuild(db, mediaId).catch(() => undefined);
    throw err;
  }
}

// The claim's holder puts the whole object at once, so polling sees all of it or nothing.
async function waitForObject(
  store: MediaStore,
  key: string,
  ms: number,
): Promise<Buffer | undefined> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    const found = await store.get(key);
    if (found) return found.body;
    await delay(POLL_MS);
  }
  return undefined;
}
