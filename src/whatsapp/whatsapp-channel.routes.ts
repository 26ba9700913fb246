import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { flagQuery, formList, listOf } from '../http/schemas.ts';
import { formatDate, newsroomDayBounds } from '../web/dates.ts';
import { listPublishedInDay, sumShortLinkVisits } from './short-link.queries.ts';
import { recentVisitsFrom } from './short-link-stats.ts';
import { WhatsappChannelPage } from './whatsapp-channel.pages.tsx';

/** The most stories the page offers for one day. */
export const CHANNEL_ARTICLES_MAX = 40;

const channelQuery = z.object({
  // The ticked stories (`choix`, repeated); `selection` says the form was sent, even with none.
  choix: formList.catch(undefined),
  selection: flagQuery,
});

/** The « Canal WhatsApp » newsroom page: the day's digest and one message per article. */
export const whatsappChannelRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const schema = { querystring: channelQuery };
  app.get(
    '/admin/whatsapp',
    { config: { policy: 'write-articles' }, schema },
    async (request, reply) => {
      const ctx = await pageContext(deps, request);
      const now = deps.clock.now();
      const { timeZone, locale } = ctx.site;
      const { day, from, to } = newsroomDayBounds(now, timeZone);
      const articles = await listPublishedInDay(deps.db, {
        from,
        to,
        limit: CHANNEL_ARTICLES_MAX,
      });
      const visits = await sumShortLinkVisits(deps.db, {
        articleIds: articles.map((a) => a.id),
        today: day,
        fromDay: recentVisitsFrom(now, timeZone),
      });
      const chosen = request.query.selection
        ? new Set(listOf(request.query.choix).map(Number))
        : undefined;
      return sendPrivatePage(
        reply,
        WhatsappChannelPage({
          ctx,
          csrfToken: reply.generateCsrf(),
          date: formatDate(now.toISOString(), { locale, timeZone }),
          articles: articles.map((a) => ({
            article: a,
            visits: visits.get(a.id) ?? { today: 0, recent: 0 },
            chosen: chosen ? chosen.has(a.id) : true,
          })),
        }),
      );
    },
  );
};
