import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { articleAdminRoutes } from '../articles/article-admin.routes.ts';
import {
  listDraftsAwaitingReview,
  listPublishedBetween,
  listPublishedTimesSince,
  listRecentActivity,
  listScheduledArticles,
} from '../articles/article-dashboard.queries.ts';
import { allowedTransitions, canCreateArticle } from '../articles/article-workflow.ts';
import { revisionRoutes } from '../articles/revisions.routes.ts';
import { articleEditorApiRoutes } from '../articles/article-editor-api.routes.ts';
import { pasteRoutes } from '../articles/paste.routes.ts';
import { resolveUser } from '../http/auth.ts';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import {
  enforceRoutePolicy,
  refuseCrossSiteWrites,
  requireDeclaredPolicy,
} from '../http/route-policy.ts';
import { outboxRoutes } from '../mail/outbox.routes.ts';
import { can } from '../users/policy.ts';
import type { CurrentUser } from '../users/user.ts';
import {
  countCommentsByStatus,
  countPendingSince,
  findOldestPendingAt,
} from '../comments/comment-queue.queries.ts';
import {
  ageBandEdges,
  bandsFromCounts,
  countPerDay,
  publishedChartStart,
  type PendingByAge,
} from './dashboard-charts.tsx';
import { formatAge, newsroomDayBounds } from '../web/dates.ts';
import { DashboardPage, type DashboardArticles } from './dashboard.pages.tsx';
import { listMostReadNow } from '../articles/article-views.ts';
import { moderationRoutes } from '../moderation/moderation.routes.ts';
import { moderationSettingsRoutes } from '../moderation/moderation-settings.routes.ts';
import { commentReportAdminRoutes } from '../comments/comment-report-admin.routes.ts';
import { moderationStatsRoutes } from '../moderation/moderation-stats.routes.ts';
import { sectionAdminRoutes } from '../sections/section-admin.routes.ts';
import { alertAdminRoutes } from '../alerts/alert-admin.routes.ts';
import { liveAdminRoutes } from '../live/live-admin.routes.ts';
import { settingsAdminRoutes } from '../settings/settings-admin.routes.ts';
import { mediaLibraryRoutes } from '../media/media-library.routes.ts';
import { userAdminRoutes } from '../users/user-admin.routes.ts';
import { profileRoutes } from '../users/profile.routes.ts';
import { adAdminRoutes } from '../ads/ad-admin.routes.ts';
import { adReportRoutes } from '../ads/ad-report.routes.ts';
import { listAdAlerts } from '../ads/ad-alerts.ts';
import { whatsappChannelRoutes } from '../whatsapp/whatsapp-channel.routes.ts';
import { newsletterAdminRoutes } from '../newsletter/newsletter-admin.routes.ts';

/**
 * The newsroom context: authentication and authorization are registered once here, for every
 * route inside; reader routes live outside it and never touch sessions. Each route declares the
 * action it needs (`config: { policy }`): a route without one cannot be registered, and the
 * policy is checked on the route Fastify matched, never on the URL as written.
 */
export const newsroomRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.addHook('onRoute', requireDeclaredPolicy);
  app.addHook('onRequest', resolveUser(deps));
  app.addHook('onRequest', enforceRoutePolicy);
  app.addHook('onRequest', refuseCrossSiteWrites(deps.config.publicUrl));

  // The dashboard's article blocks; the review queue only for those who may publish a submitted draft.
  const articleBlocks = async (user: CurrentUser, now: Date, timeZone: string) => {
    const reviews = allowedTransitions(user, {
      status: 'draft',
      authorId: null,
      submittedAt: now.toISOString(),
    }).includes('publish');
    // The newsroom's day, midnight to midnight in its time zone.
    const { from, to } = newsroomDayBounds(now, timeZone);
    const [review, scheduled, publishedToday, activity] = await Promise.all([
      reviews ? listDraftsAwaitingReview(deps.db, 20) : undefined,
      listScheduledArticles(deps.db, 20),
      listPublishedBetween(deps.db, { from, to, limit: 30 }),
      listRecentActivity(deps.db, 10),
    ]);
    return { review, scheduled, publishedToday, activity } satisfies DashboardArticles;
  };

  app.get('/admin', { config: { policy: 'view-newsroom' } }, async (request, reply) => {
    const user = request.user!;
    const ctx = await pageContext(deps, request);
    const now = deps.clock.now();
    let moderation;
    let pending: PendingByAge | undefined;
    if (can(user, 'moderate')) {
      const [counts, oldest, since] = await Promise.all([
        countCommentsByStatus(deps.db),
        findOldestPendingAt(deps.db),
        countPendingSince(deps.db, ageBandEdges(now)),
      ]);
      const age = oldest
        ? formatAge(now.getTime() - new Date(oldest).getTime(), ctx.site.locale)
        : null;
      moderation = { pending: counts.pending, oldestAge: age };
      pending = {
        counts: bandsFromCounts(since, counts.pending),
        total: counts.pending,
        oldestAge: age,
      };
    }
    const writes = canCreateArticle(user);
    const published = writes
      ? countPerDay(
          await listPublishedTimesSince(deps.db, publishedChartStart(now, ctx.site.timeZone)),
          now,
          ctx.site.timeZone,
        )
      : undefined;
    return sendPrivatePage(
      reply,
      DashboardPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        moderation,
        articles: writes ? await articleBlocks(user, now, ctx.site.timeZone) : undefined,
        charts: published || pending ? { published, pending } : undefined,
        mostRead: writes ? await listMostReadNow(deps.db, now) : undefined,
        canSeeOutbox: can(user, 'view-outbox'),
        ads: can(user, 'manage-ads') ? await listAdAlerts(deps.db, now) : undefined,
      }),
    );
  });

  await app.register(articleAdminRoutes, deps);
  await app.register(revisionRoutes, deps);
  await app.register(articleEditorApiRoutes, deps);
  await app.register(pasteRoutes, deps);
  await app.register(moderationRoutes, deps);
  await app.register(moderationSettingsRoutes, deps);
  await app.register(commentReportAdminRoutes, deps);
  await app.register(moderationStatsRoutes, deps);
  await app.register(outboxRoutes, deps);
  await app.register(sectionAdminRoutes, deps);
  await app.register(settingsAdminRoutes, deps);
  await app.register(alertAdminRoutes, deps);
  await app.register(liveAdminRoutes, deps);
  await app.register(mediaLibraryRoutes, deps);
  await app.register(userAdminRoutes, deps);
  await app.register(profileRoutes, deps);
  await app.register(adAdminRoutes, deps);
  await app.register(adReportRoutes, deps);
  await app.register(whatsappChannelRoutes, deps);
  await app.register(newsletterAdminRoutes, deps);
};
