import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { flagQuery, formList, listOf } from '../http/schemas.ts';
import { formatDate, newsroomDayBounds, zonedTimeToUtc } from '../web/dates.ts';
import { listPublishedInDay, sumShortLinkVisits } from './short-link.queries.ts';
import { recentVisitsFrom } from './short-link-stats.ts';
import { WhatsappChannelPage } from './whatsapp-channel.pages.tsx';

/** The most stories the page offers for one day. */
export const CHANNEL_ARTICLES_MAX = 40;

const channelQuery = z.object({
  // The ticked stories (`choix`, repeated); `selection` says the form was sent, even with none.
  choix: formList.catch(undefined),
  selection: flagQuery,
  // Another newsroom day than today (the morning's « l'essentiel d'hier »); a future, malformed
  // or impossible one gives today.
  jour: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});

/** The newsroom day asked for, as its bounds; today unless `jour` names an earlier day. */
function chosenDay(jour: string | undefined, now: Date, timeZone: string) {
  const today = newsroomDayBounds(now, timeZone);
  const noon = jour ? zonedTimeToUtc(`${jour}T12:00`, timeZone) : null;
  if (!noon || noon >= today.from) return { ...today, today };
  const bounds = newsroomDayBounds(noon, timeZone);
  // 2026-02-31 parses as 3 March: only a day that is what was asked for is taken.
  return bounds.day === jour ? { ...bounds, today } : { ...today, today };
}

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
      const { day, from, to, today } = chosenDay(request.query.jour, now, timeZone);
      const articles = await listPublishedInDay(deps.db, {
        from,
        to,
        limit: CHANNEL_ARTICLES_MAX,
      });
      const visits = await sumShortLinkVisits(deps.db, {
        articleIds: articles.map((a) => a.id),
        today: today.day,
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
          day,
          isToday: day === today.day,
          date: formatDate(from.toISOString(), { locale, timeZone }),
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
