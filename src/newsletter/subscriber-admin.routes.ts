import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { pageNumber } from '../http/reader-input.ts';
import { clip } from '../http/schemas.ts';
import { toCsv } from './newsletter.ts';
import { newsletterAdminStringsFor } from './newsletter.strings.ts';
import { SubscribersAdminPage } from './subscriber-admin.pages.tsx';
import { countSubscribers, listSubscribers, listSubscribersAfter } from './subscriber.queries.ts';

const SUBSCRIBERS_PER_PAGE = 50;

/** The subscribers' list and CSV export: addresses, for the newsletter's managers only. */
export const subscriberAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'manage-newsletter' } as const;

  const listQuery = z.object({
    q: z.string().max(254).optional().catch(undefined),
    page: pageNumber(100_000),
  });
  app.get(
    '/admin/newsletter/abonnes',
    { config, schema: { querystring: listQuery } },
    async (request, reply) => {
      const search = clip(request.query.q, 254);
      const { page } = request.query;
      const total = await countSubscribers(deps.db, { search });
      const pages = Math.max(1, Math.ceil(total / SUBSCRIBERS_PER_PAGE));
      const subscribers = await listSubscribers(deps.db, {
        search,
        limit: SUBSCRIBERS_PER_PAGE,
        offset: (Math.min(page, pages) - 1) * SUBSCRIBERS_PER_PAGE,
      });
      return sendPrivatePage(
        reply,
        SubscribersAdminPage({
          ctx: await pageContext(deps, request),
          csrfToken: reply.generateCsrf(),
          search,
          subscribers,
          total,
          page: Math.min(page, pages),
          pages,
        }),
      );
    },
  );

  app.get('/admin/newsletter/abonnes.csv', { config }, async (request, reply) => {
    const { settings } = await deps.cache.snapshot();
    const t = newsletterAdminStringsFor(settings.locale);
    const rows: (string | number | null)[][] = [t.csvHeader];
    for (let after = 0; ;) {
      const batch = await listSubscribersAfter(deps.db, { after, limit: 1000 });
      if (!batch.length) break;
      for (const s of batch)
        rows.push([s.email, s.status, s.created_at, s.confirmed_at, s.unsubscribed_at]);
      after = batch[batch.length - 1]!.id;
    }
    const day = deps.clock.now().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="abonnes-${day}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(toCsv(rows));
  });
};
