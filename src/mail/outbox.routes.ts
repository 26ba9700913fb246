import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { idParams } from '../http/schemas.ts';
import { can } from '../users/policy.ts';
import { OUTBOX_TABS, OutboxListPage, OutboxMailPage, outboxStringsFor } from './outbox.pages.tsx';
import { countMailsByStatus, findMail, listMails, retryMail } from './outbox.queries.ts';
import { maskAccountLinks } from '../users/account-mails.tsx';
import { parseHeaders } from './send-outbox.ts';

export const MAILS_PER_PAGE = 50;

const tabSlugs = OUTBOX_TABS.map((t) => t.slug) as [string, ...string[]];
const listQuery = z.object({
  statut: z.enum(tabSlugs).catch('en-file').default('en-file'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
const mailQuery = z.object({ renvoi: z.enum(['ok', 'refuse']).optional().catch(undefined) });

/** The newsroom's outbox (/admin/courriels): every mail, its state, and a retry for failures. */
export const outboxRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const smtpConfigured = deps.config.smtpUrl !== undefined;
  const config = { policy: 'view-outbox' } as const;

  app.get(
    '/admin/courriels',
    { config, schema: { querystring: listQuery } },
    async (request, reply) => {
      const query = request.query;
      const tab = OUTBOX_TABS.find((t) => t.slug === query.statut) ?? OUTBOX_TABS[0];
      const counts = await countMailsByStatus(deps.db);
      const total = tab.statuses.reduce((n, s) => n + counts[s], 0);
      const pages = Math.max(1, Math.ceil(total / MAILS_PER_PAGE));
      const page = Math.min(query.page, pages);
      const mails = await listMails(deps.db, {
        status: tab.statuses,
        limit: MAILS_PER_PAGE,
        offset: (page - 1) * MAILS_PER_PAGE,
      });
      const ctx = await pageContext(deps, request);
      return sendPrivatePage(
        reply,
        OutboxListPage({
          ctx,
          csrfToken: reply.generateCsrf(),
          smtpConfigured,
          tab,
          counts,
          mails,
          page,
          pages,
        }),
      );
    },
  );

  app.get(
    '/admin/courriels/:id',
    { config, schema: { params: idParams, querystring: mailQuery } },
    async (request, reply) => {
      const stored = await findMail(deps.db, request.params.id);
      if (!stored) throw notFound();
      const mail = can(request.user, 'manage-users') ? stored : maskAccountLinks(stored);
      const { renvoi } = request.query;
      const ctx = await pageContext(deps, request);
      return sendPrivatePage(
        reply,
        OutboxMailPage({
          ctx,
          csrfToken: reply.generateCsrf(),
          smtpConfigured,
          mail,
          headers: parseHeaders(mail.headers),
          notice: renvoi ? outboxStringsFor(ctx.site.locale).retryNotices[renvoi] : undefined,
        }),
      );
    },
  );

  app.post(
    '/admin/courriels/:id/renvoyer',
    { config, preValidation: app.csrfProtection, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await findMail(deps.db, id))) throw notFound();
      const retried = await retryMail(deps.db, id, deps.clock.now());
      return reply.redirect(`/admin/courriels/${id}?renvoi=${retried ? 'ok' : 'refuse'}`, 303);
    },
  );
};
