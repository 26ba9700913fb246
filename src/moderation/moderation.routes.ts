import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findArticleSummaryById, updateArticleComments } from '../articles/article.queries.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import { isDecision, type Decision } from '../comments/comment.ts';
import type { CommentStatus } from '../comments/comment.table.ts';
import {
  countCommentsByStatus,
  findEmailHistories,
  findOldestPendingAt,
  listCommentedArticles,
  listQueue,
} from '../comments/comment-queue.queries.ts';
import { findComment } from '../comments/comment.queries.ts';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { updateSiteSettings } from '../settings/setting.queries.ts';
import { can } from '../users/policy.ts';
import { findUserName } from '../users/user.queries.ts';
import { decideComment } from './decide-comment.ts';
import { listModerationEvents } from './moderation-event.queries.ts';
import { QueuePage } from './moderation.pages.tsx';
import { moderationStringsFor } from './moderation.strings.ts';

const PAGE_SIZE = 50;
const statuses = ['pending', 'approved', 'rejected', 'spam'] as const;

const queueQuery = z.object({
  statut: z.enum(statuses).catch('pending').default('pending'),
  article: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1).default(1),
  fait: z.coerce.number().int().min(0).optional().catch(undefined),
  deja: z
    .string()
    .regex(/^\d+(,\d+)*$/)
    .optional()
    .catch(undefined),
  reglages: z.string().optional(),
});

// Back to the queue view the moderator came from; never anywhere else.
function backTo(value: unknown, extra: Record<string, string> = {}): string {
  const base =
    typeof value === 'string' && /^\/admin\/moderation(\?|$)/.test(value)
      ? value
      : '/admin/moderation';
  const url = new URL(base, 'http://x');
  for (const [k, v] of Object.entries(extra)) if (v) url.searchParams.set(k, v);
  return url.pathname + url.search;
}

const field = (body: Record<string, unknown>, name: string): string =>
  typeof body[name] === 'string' ? (body[name] as string).trim().slice(0, 300) : '';

function reasonOf(
  body: Record<string, unknown>,
  reasonField: string,
  noteField: string,
): string | null {
  const parts = [field(body, reasonField), field(body, noteField)].filter(Boolean);
  return parts.length ? parts.join(' — ') : null;
}

/** The moderation queue and its actions; registered inside the newsroom context. */
export const moderationRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  const requireModerator = async (request: FastifyRequest) => {
    if (!can(request.user, 'moderate')) throw forbidden();
  };

  app.get('/admin/moderation', { preHandler: requireModerator }, async (request, reply) => {
    const q = queueQuery.parse(request.query ?? {});
    const ctx = await pageContext(deps, request);
    const t = moderationStringsFor(ctx.site.locale);
    const [counts, oldestPendingAt, articles, article] = await Promise.all([
      countCommentsByStatus(deps.db, q.article),
      findOldestPendingAt(deps.db),
      listCommentedArticles(deps.db),
      q.article ? findArticleSummaryById(deps.db, q.article) : Promise.resolve(undefined),
    ]);
    const pages = Math.max(1, Math.ceil(counts[q.statut] / PAGE_SIZE));
    const items = await listQueue(deps.db, {
      status: q.statut,
      articleId: q.article,
      limit: PAGE_SIZE,
      offset: (Math.min(q.page, pages) - 1) * PAGE_SIZE,
    });
    const [histories, events] = await Promise.all([
      findEmailHistories(
        deps.db,
        items.map((i) => i.authorEmail),
      ),
      listModerationEvents(
        deps.db,
        items.map((i) => i.id),
      ),
    ]);
    const flash: string[] = [];
    if (q.fait) flash.push(t.done(q.fait));
    for (const id of q.deja?.split(',').map(Number) ?? []) {
      const comment = await findComment(deps.db, id);
      if (comment)
        flash.push(
          t.already(
            id,
            (await findUserName(deps.db, comment.moderated_by)) ?? t.someone,
            t.statusWord[comment.status],
          ),
        );
    }
    if (q.reglages) flash.push(t.saved);
    return sendPrivatePage(
      reply,
      QueuePage({
        ctx,
        csrfToken: reply.generateCsrf(),
        status: q.statut,
        counts,
        oldestPendingAt,
        now: deps.clock.now(),
        items,
        histories,
        events,
        articles,
        article,
        page: Math.min(q.page, pages),
        pages,
        flash,
        canEditSettings: can(request.user, 'edit-comment-settings'),
        settings: {
          autoCloseDays: ctx.site.commentsAutoCloseDays,
          rejectionEmail: ctx.site.commentsRejectionEmail,
        },
      }),
    );
  });

  app.post(
    '/admin/moderation/decider',
    { preHandler: [requireModerator, app.csrfProtection] },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const targets: {
        id: number;
        expected: CommentStatus;
        decision: Decision;
        reason: string | null;
      }[] = [];
      const single = /^(approve|reject|spam):(\d+):(pending|approved|rejected|spam)$/.exec(
        field(body, 'decision'),
      );
      if (single) {
        const id = Number(single[2]);
        targets.push({
          id,
          expected: single[3] as CommentStatus,
          decision: single[1] as Decision,
          reason: reasonOf(body, `reason-${id}`, `note-${id}`),
        });
      } else if (isDecision(body.bulk)) {
        const ids = ([] as unknown[]).concat(body.ids ?? []);
        for (const value of ids) {
          const m =
            typeof value === 'string'
              ? /^(\d+):(pending|approved|rejected|spam)$/.exec(value)
              : null;
          if (m)
            targets.push({
              id: Number(m[1]),
              expected: m[2] as CommentStatus,
              decision: body.bulk,
              reason: reasonOf(body, 'bulk-reason', 'bulk-note'),
            });
        }
      }
      const { settings } = await deps.cache.snapshot();
      const actor = { id: request.user!.id, name: request.user!.name };
      let done = 0;
      const already: number[] = [];
      for (const target of targets) {
        const result = await decideComment(deps.db, {
          commentId: target.id,
          decision: target.decision,
          expected: target.expected,
          actor,
          reason: target.decision === 'approve' ? null : target.reason,
          site: { settings, publicUrl: deps.config.publicUrl, secret: deps.config.sessionSecret },
          now: deps.clock.now(),
        });
        if (result.ok) done++;
        else if (result.reason === 'already') already.push(target.id);
      }
      if (done) deps.cache.invalidate();
      return reply.redirect(
        backTo(body.retour, { fait: String(done), deja: already.join(',') }),
        303,
      );
    },
  );

  app.post(
    '/admin/moderation/articles/:id/commentaires',
    { preHandler: [requireModerator, app.csrfProtection] },
    async (request, reply) => {
      const { id } = z.object({ id: z.coerce.number().int().positive() }).parse(request.params);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const mode = body.mode === 'closed' ? 'closed' : 'open';
      const found = await deps.db.transaction().execute(async (trx) => {
        const ok = await updateArticleComments(trx, id, mode);
        if (ok) await bumpContentVersion(trx);
        return ok;
      });
      if (!found) throw notFound();
      deps.cache.invalidate();
      return reply.redirect(backTo(body.retour), 303);
    },
  );

  app.post(
    '/admin/moderation/reglages',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      if (!can(request.user, 'edit-comment-settings')) throw forbidden();
      const body = (request.body ?? {}) as Record<string, unknown>;
      const days = Number(field(body, 'autoCloseDays'));
      await deps.db.transaction().execute(async (trx) => {
        await updateSiteSettings(trx, {
          commentsAutoCloseDays: Number.isInteger(days) && days >= 0 && days <= 3650 ? days : 0,
          commentsRejectionEmail: body.rejectionEmail === '1',
        });
        await bumpContentVersion(trx);
      });
      deps.cache.invalidate();
      return reply.redirect(backTo(body.retour, { reglages: '1' }), 303);
    },
  );
};
