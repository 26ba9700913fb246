import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { countDecidedComments, findLatestModelSummary } from './classifier/classifier.queries.ts';
import { MIN_PER_CLASS, NEW_DECISIONS } from './classifier/train-classifier.ts';
import { ModerationStatsPage } from './moderation-stats.pages.tsx';
import { listDecisionsSince, listQueueSpans } from './moderation-stats.queries.ts';
import { decisionsByDay, queueAgeByDay, statsStart } from './moderation-stats.ts';

/** The desk's page on moderation (`/admin/moderation/statistiques`); in the newsroom context. */
export const moderationStatsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.get(
    '/admin/moderation/statistiques',
    { config: { policy: 'moderate' }, schema: { querystring: z.object({}) } },
    async (request, reply) => {
      const ctx = await pageContext(deps, request);
      const now = deps.clock.now();
      const since = statsStart(now, ctx.site.timeZone);
      const [model, counts, spans, events] = await Promise.all([
        findLatestModelSummary(deps.db),
        countDecidedComments(deps.db),
        listQueueSpans(deps.db, { since, now }),
        listDecisionsSince(deps.db, since),
      ]);
      return sendPrivatePage(
        reply,
        ModerationStatsPage({
          ctx,
          csrfToken: reply.generateCsrf(),
          model,
          counts,
          needed: MIN_PER_CLASS,
          newDecisions: NEW_DECISIONS,
          waits: queueAgeByDay(spans, now, ctx.site.timeZone),
          decisions: decisionsByDay(events, now, ctx.site.timeZone),
        }),
      );
    },
  );
};
