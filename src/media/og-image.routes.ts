import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { dbId } from '../http/schemas.ts';
import { ensureOgImage, type EnsuredOgImage } from './ensure-og-image.ts';
import { ogKey } from './media-store.ts';

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
  // Concurrent first requests on this instance wait for one build; other instances wait for it
  // through the database claim (see ensure-og-image.ts).
  const building = new Map<number, Promise<EnsuredOgImage | undefined>>();

  app.get('/og/:name', { schema: { params: ogParams } }, async (request, reply) => {
    const mediaId = request.params.name;
    let data = (await deps.media.get(ogKey(mediaId)))?.body;
    if (!data) {
      let pending = building.get(mediaId);
      if (!pending) {
        pending = ensureOgImage({ db: deps.db, store: deps.media, clock: deps.clock }, mediaId)
          .then((ensured) => {
            if (ensured?.built?.upscaled)
              app.log.info({ mediaId }, 'share image enlarged from a smaller photo');
            return ensured;
          })
          .finally(() => building.delete(mediaId));
        building.set(mediaId, pending);
      }
      data = (await pending)?.data;
    }
    if (!data) throw notFound();
    // A media item's pixels never change (a new photo is a new item), so the URL is immutable.
    return reply
      .header('content-type', 'image/jpeg')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(data);
  });
};
