import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { idParams, optionalText } from '../http/schemas.ts';
import { ReportedCommentsPage, reportAdminStrings } from './comment-report-admin.pages.tsx';
import { listReportedComments } from './comment-report.queries.ts';
import { handleReports } from './handle-reports.ts';

/** Comments shown at once on the reports page, the most reported first. */
const PAGE_SIZE = 50;

const flashQuery = z.object({
  fait: z.enum(['kept', 'unpublished', 'already']).optional().catch(undefined),
});
const actionForm = z.object({ _csrf: optionalText, action: z.enum(['garder', 'depublier']) });

/** The newsroom's side of readers' reports; registered inside the newsroom context. */
export const commentReportAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'moderate' } as const;

  app.get(
    '/admin/moderation/signalements',
    { config, schema: { querystring: flashQuery } },
    async (request, reply) => {
      const ctx = await pageContext(deps, request);
      return sendPrivatePage(
        reply,
        ReportedCommentsPage({
          ctx,
          csrfToken: reply.generateCsrf(),
          items: await listReportedComments(deps.db, PAGE_SIZE),
          flash: request.query.fait,
        }),
      );
    },
  );

  app.post(
    '/admin/moderation/commentaires/:id/signalements',
    {
      config,
      preValidation: app.csrfProtection,
      schema: { params: idParams, body: actionForm },
    },
    async (request, reply) => {
      const { settings } = await deps.cache.snapshot();
      const result = await handleReports(deps.db, {
        commentId: request.params.id,
        action: request.body.action === 'garder' ? 'keep' : 'unpublish',
        actor: { id: request.user!.id, name: request.user!.name },
        reason: reportAdminStrings(settings.locale).reasonForUnpublish,
        site: { settings, publicUrl: deps.config.publicUrl, secret: deps.config.sessionSecret },
        now: deps.clock.now(),
      });
      if (result === 'not_found') throw notFound();
      // An unpublished comment leaves its article's pages: every instance drops them.
      if (result === 'unpublished') deps.cache.invalidate();
      return reply.redirect(`/admin/moderation/signalements?fait=${result}`, 303);
    },
  );
};
