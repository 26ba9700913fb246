import type { FastifyPluginAsync } from 'fastify';
import { articleAdminRoutes } from '../articles/article-admin.routes.ts';
import { requireUser, resolveUser } from '../http/auth.ts';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { outboxRoutes } from '../mail/outbox.routes.ts';
import { can } from '../users/policy.ts';
import { countCommentsByStatus, findOldestPendingAt } from '../comments/comment-queue.queries.ts';
import { formatAge } from '../web/dates.ts';
import { DashboardPage } from './dashboard.pages.tsx';
import { moderationRoutes } from '../moderation/moderation.routes.ts';
import { sectionAdminRoutes } from '../sections/section-admin.routes.ts';
import { settingsAdminRoutes } from '../settings/settings-admin.routes.ts';
import { mediaLibraryRoutes } from '../media/media-library.routes.ts';

/**
 * The newsroom context: authentication is registered once here, for every route inside;
 * reader routes live outside it and never touch sessions.
 */
export const newsroomRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  app.addHook('onRequest', resolveUser(deps));
  app.addHook('onRequest', requireUser);

  app.get('/admin', async (request, reply) => {
    if (!can(request.user, 'view-newsroom')) throw forbidden();
    const ctx = await pageContext(deps, request);
    let moderation;
    if (can(request.user, 'moderate')) {
      const [counts, oldest] = await Promise.all([
        countCommentsByStatus(deps.db),
        findOldestPendingAt(deps.db),
      ]);
      const age = oldest
        ? formatAge(deps.clock.now().getTime() - new Date(oldest).getTime(), ctx.site.locale)
        : null;
      moderation = { pending: counts.pending, oldestAge: age };
    }
    return sendPrivatePage(
      reply,
      DashboardPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        moderation,
        canSeeOutbox: can(request.user, 'view-outbox'),
      }),
    );
  });

  await app.register(articleAdminRoutes, deps);
  await app.register(moderationRoutes, deps);
  await app.register(outboxRoutes, deps);
  await app.register(sectionAdminRoutes, deps);
  await app.register(settingsAdminRoutes, deps);
  await app.register(mediaLibraryRoutes, deps);
};
