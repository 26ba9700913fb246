import { commentsKey } from '../comments/comment-keys.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findArticleSummaryById, updateArticleComments } from '../articles/article.queries.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import { decisions, type Decision } from '../comments/comment.ts';
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
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { dbId, idListQuery, idParams, optionalDbId, optionalText } from '../http/schemas.ts';
import { updateSiteSettings } from '../settings/setting.queries.ts';
import { can } from '../users/policy.ts';
import { findUserName } from '../users/user.queries.ts';
import { decideComment } from './decide-comment.ts';
import { listModerationEvents } from './moderation-event.queries.ts';
import { QueuePage } from './moderation.pages.tsx';
import { createModelCache } from './classifier/score-comments.ts';
import {
  bandSelection,
  prepareQueueClassifier,
  scoreSorts,
} from './classifier/queue-classifier.ts';
import { moderationStringsFor } from './moderation.strings.ts';
// Rules and reports (issue 17): the queue's rule filter, badges and « Signalés » link.
import { isRuleLabel } from './rules/rule.ts';
import { listRuleVerdicts } from './rules/rule-verdict.queries.ts';
import { countReportedComments } from '../comments/comment-report.queries.ts';

const PAGE_SIZE = 50;
const statuses = ['pending', 'approved', 'rejected', 'spam'] as const;

const queueQuery = z.object({
  statut: z.enum(statuses).catch('pending').default('pending'),
  article: optionalDbId,
  page: z.coerce.number().int().min(1).catch(1).default(1),
  fait: z.coerce.number().int().min(0).optional().catch(undefined),
  deja: idListQuery,
  reglages: z.string().optional(),
  regle: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (isRuleLabel(v) ? v : undefined)),
  tri: z.enum(scoreSorts).optional().catch(undefined),
});

// Back to the queue view the moderator came from; never anywhere else.
function backTo(value: string | undefined, extra: Record<string, string> = {}): string {
  const base =
    value !== undefined && /^\/admin\/moderation(\?|$)/.test(value) ? value : '/admin/moderation';
  const url = new URL(base, 'http://x');
  for (const [k, v] of Object.entries(extra)) if (v) url.searchParams.set(k, v);
  return url.pathname + url.search;
}

const note = (value: string | undefined): string => (value ?? '').trim().slice(0, 300);

function reasonOf(reason: string | undefined, extra: string | undefined): string | null {
  const parts = [note(reason), note(extra)].filter(Boolean);
  return parts.length ? parts.join(' — ') : null;
}

const decision = z.enum(Object.keys(decisions) as [Decision, ...Decision[]]);
const status = z.enum(statuses);
// `<id>:<status the moderator saw>`, and for one comment `<decision>:<id>:<status>`.
const colonParts = z.string().transform((v) => v.split(':'));
const bulkTarget = colonParts.pipe(z.tuple([dbId, status]));
const singleTarget = colonParts.pipe(z.tuple([decision, dbId, status]));

/** The queue's form: one decision, or one for the ticked comments; reasons per comment id. */
const decideForm = z
  .object({
    decision: singleTarget.optional(),
    bulk: decision.optional(),
    ids: z.union([bulkTarget, z.array(bulkTarget)]).optional(),
    retour: optionalText,
  })
  // `reason-<id>`, `note-<id>`, `bulk-reason`, `bulk-note` and the CSRF token: single texts.
  .catchall(z.string());

const commentModeForm = z.object({ mode: optionalText, retour: optionalText });
const settingsForm = z.object({
  autoCloseDays: optionalText,
  rejectionEmail: optionalText,
  retour: optionalText,
});

/** The moderation queue and its actions; registered inside the newsroom context. */
export const moderationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'moderate' } as const;
  const models = createModelCache(deps.db);

  const queue = { config, schema: { querystring: queueQuery } };
  app.get('/admin/moderation', queue, async (request, reply) => {
    const q = request.query;
    const ctx = await pageContext(deps, request);
    const t = moderationStringsFor(ctx.site.locale);
    const [counts, oldestPendingAt, articles, article] = await Promise.all([
      countCommentsByStatus(deps.db, q.article, q.regle),
      findOldestPendingAt(deps.db),
      listCommentedArticles(deps.db),
      q.article ? findArticleSummaryById(deps.db, q.article) : Promise.resolve(undefined),
    ]);
    const pages = Math.max(1, Math.ceil(counts[q.statut] / PAGE_SIZE));
    const scoring = await prepareQueueClassifier(deps.db, models, {
      status: q.statut,
      articleId: q.article,
      now: deps.clock.now(),
      sort: q.tri,
    });
    const items = await listQueue(deps.db, {
      status: q.statut,
      articleId: q.article,
      label: q.regle,
      limit: PAGE_SIZE,
      offset: (Math.min(q.page, pages) - 1) * PAGE_SIZE,
      byScore: scoring.byScore,
    });
    const [histories, events, verdicts, reported] = await Promise.all([
      findEmailHistories(
        deps.db,
        items.map((i) => i.authorEmail),
      ),
      listModerationEvents(
        deps.db,
        items.map((i) => i.id),
      ),
      listRuleVerdicts(
        deps.db,
        items.map((i) => i.id),
      ),
      countReportedComments(deps.db),
    ]);
    const flash: string[] = [];
    if (q.fait) flash.push(t.done(q.fait));
    for (const id of q.deja ?? []) {
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
        classifier: await scoring.withScores(items.map((i) => i.id)),
        canEditSettings: can(request.user, 'edit-comment-settings'),
        settings: {
          autoCloseDays: ctx.site.commentsAutoCloseDays,
          rejectionEmail: ctx.site.commentsRejectionEmail,
        },
        rules: { verdicts, label: q.regle, reported },
      }),
    );
  });

  app.post(
    '/admin/moderation/decider',
    { config, preValidation: app.csrfProtection, schema: { body: decideForm } },
    async (request, reply) => {
      const body = request.body;
      const targets: {
        id: number;
        expected: CommentStatus;
        decision: Decision;
        reason: string | null;
      }[] = [];
      if (body.decision) {
        const [decision, id, expected] = body.decision;
        targets.push({
          id,
          expected,
          decision,
          reason: reasonOf(body[`reason-${id}`], body[`note-${id}`]),
        });
      } else if (body.bulk) {
        const reason = reasonOf(body['bulk-reason'], body['bulk-note']);
        for (const [id, expected] of ([] as [number, CommentStatus][]).concat(body.ids ?? []))
          targets.push({ id, expected, decision: body.bulk, reason });
        // The classifier's score bands ticked in the bulk bar (moderation/classifier).
        for (const id of await bandSelection(deps.db, body))
          if (!targets.some((x) => x.id === id))
            targets.push({ id, expected: 'pending', decision: body.bulk, reason });
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
    {
      config,
      preValidation: app.csrfProtection,
      schema: { params: idParams, body: commentModeForm },
    },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const mode = body.mode === 'closed' ? 'closed' : 'open';
      const found = await deps.db.transaction().execute(async (trx) => {
        const ok = await updateArticleComments(trx, id, mode);
        if (ok) await bumpContentVersion(trx, [commentsKey(id)]);
        return ok;
      });
      if (!found) throw notFound();
      deps.cache.invalidate();
      return reply.redirect(backTo(body.retour), 303);
    },
  );

  app.post(
    '/admin/moderation/reglages',
    {
      config: { policy: 'edit-comment-settings' },
      preValidation: app.csrfProtection,
      schema: { body: settingsForm },
    },
    async (request, reply) => {
      const body = request.body;
      const days = Number(note(body.autoCloseDays));
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
