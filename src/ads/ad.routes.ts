import { ADS_KEY } from './ad-keys.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { sendCachedPage } from '../http/page.ts';
import { clientKey } from '../users/session.ts';
import { newsroomDay } from '../web/dates.ts';
import { sumSlotViewsSince } from './ad-delivery.queries.ts';
import { AdvertisePage } from './advertise.pages.tsx';
import { ADVERTISE_PATH } from './default-slots.ts';

/** Days the advertising page's audience figures cover. */
const AUDIENCE_DAYS = 30;

// A click link's token: campaign, slot and their signature (see ad-delivery.ts).
const clickParams = z.object({ token: z.string().regex(/^\d{1,10}-\d{1,10}-[\w-]{22}$/) });

/** Reader-side ad routes: the counted click redirect and the « Annoncez chez nous » page. */
export const adRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const schema = { params: clickParams };
  app.get('/ads/click/:token', { schema }, async (request, reply) => {
    const ua = String(request.headers['user-agent'] ?? '');
    const url = await deps.ads.click(request.params.token, {
      method: request.method,
      headers: request.headers,
      // A keyed hash of address and browser: repeat clicks are recognised, nothing is stored raw.
      clientKey: clientKey(deps.config.sessionSecret, `${request.ip}|${ua}`),
    });
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    // Only a campaign's own URL, read from the database: the link cannot send readers elsewhere.
    if (!url) return reply.status(404).type('text/plain; charset=utf-8').send('Lien inconnu.');
    return reply.redirect(url, 302);
  });

  app.get(ADVERTISE_PATH, (request, reply) =>
    sendCachedPage(deps, request, reply, {
      key: ADVERTISE_PATH,
      keys: ['advertise', ADS_KEY],
      render: async (ctx) => {
        const now = deps.clock.now();
        const from = new Date(now.getTime() - (AUDIENCE_DAYS - 1) * 86_400_000);
        const views = await sumSlotViewsSince(
          deps.db,
          newsroomDay(from.toISOString(), ctx.site.timeZone),
        );
        return AdvertisePage({
          ctx,
          slots: (ctx.adSlots ?? []).map((slot) => ({
            slot,
            viewsPerDay: Math.round((views.get(slot.id) ?? 0) / AUDIENCE_DAYS),
          })),
          days: AUDIENCE_DAYS,
        });
      },
    }),
  );
};
