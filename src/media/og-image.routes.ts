import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { dbId } from '../http/schemas.ts';
import type { ImageVariant } from './image-variants.ts';
import { findMedia } from './media.queries.ts';
import { largestJpeg, readOgImage, writeOgImage } from './og-image.ts';

/** A share image's file name, `<mediaId>.jpg`, as the media id. */
const ogParams = z.object({
  name: z
    .string()
    .regex(/^[1-9]\d{0,9}\.jpg$/)
    .transform((name) => name.slice(0, -'.jpg'.length))
    .pipe(dbId),
});

/** Share images (`/og/<mediaId>.jpg`, 1200×630): built once per media item, then served as files. */
export const ogImageRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  // Concurrent first requests on this instance wait for one build; other instances may build
  // the same file too, which is harmless since each writes a temporary file and renames it.
  const building = new Map<number, Promise<Buffer | undefined>>();

  const build = async (mediaId: number): Promise<Buffer | undefined> => {
    const media = await findMedia(deps.db, mediaId);
    if (!media) return undefined;
    const source = largestJpeg(JSON.parse(media.variants) as ImageVariant[]);
    if (!source) return undefined;
    const input = await readFile(path.join(deps.config.dataDir, 'media', source.file));
    const image = await writeOgImage({ input, dataDir: deps.config.dataDir, mediaId });
    if (image.upscaled) app.log.info({ mediaId }, 'share image enlarged from a smaller photo');
    return image.data;
  };

  app.get('/og/:name', { schema: { params: ogParams } }, async (request, reply) => {
    const mediaId = request.params.name;
    let data = await readOgImage(deps.config.dataDir, mediaId);
    if (!data) {
      let pending = building.get(mediaId);
      if (!pending) {
        pending = build(mediaId).finally(() => building.delete(mediaId));
        building.set(mediaId, pending);
      }
      data = await pending;
    }
    if (!data) throw notFound();
    // A media item's pixels never change (a new photo is a new item), so the URL is immutable.
    return reply
      .header('content-type', 'image/jpeg')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(data);
  });
};
