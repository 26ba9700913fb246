import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findLiveArticle } from '../articles/article.queries.ts';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { inReaderEdition } from '../http/edition.ts';
import { pageContext } from '../http/page.ts';
import { hitRateLimit, refundRateLimit } from '../http/rate-limit.ts';
import { flagQuery, idParams, optionalText } from '../http/schemas.ts';
import { isSameOriginPost } from '../http/same-origin.ts';
import { clientKey } from '../users/session.ts';
import { renderDocument } from '../web/render.ts';
import {
  REPORT_WINDOW_MS,
  cleanNote,
  isReportReason,
  reportRateLimit,
  type ReportReason,
} from './comment-report.ts';
import { ReportPage } from './comment-report.pages.tsx';
import { insertCommentReport } from './comment-report.queries.ts';
import { findComment } from './comment.queries.ts';
import type { CommentRow } from './comment.table.ts';

const reportForm = z.object({ _csrf: optionalText, reason: optionalText, note: optionalText });

/**
 * Readers' reports of published comments: a small form page (no account, no script), behind a
 * CSRF token (the page is private, so it can carry one) and a same-origin check, rate-limited
 * per client. The client is kept only as a keyed hash, for the limit.
 */
export const commentReportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const secret = deps.config.sessionSecret;

  // Only a published comment of a live article can be reported; anything else is not found.
  async function reportable(id: number): Promise<CommentRow> {
    const comment = await findComment(deps.db, id);
    if (!comment || comment.status !== 'approved' || comment.article_id === null) throw notFound();
    if (!(await findLiveArticle(deps.db, { id: comment.article_id }))) throw notFound();
    return comment;
  }

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    comment: CommentRow,
    state: {
      sent: boolean;
      values?: { reason: ReportReason | ''; note: string };
      error?: 'reasonMissing' | 'wrongOrigin' | 'tooMany';
      status?: number;
    },
  ): Promise<FastifyReply> {
    const ctx = await pageContext(deps, request);
    const node = ReportPage({
      ctx,
      csrfToken: reply.generateCsrf(),
      comment: { id: comment.id, authorName: comment.author_name, body: comment.body },
      // The public permalink: it opens the comment at its place in the thread.
      threadLink: `/commentaires/${comment.id}`,
      sent: state.sent,
      values: state.values ?? { reason: '', note: '' },
      error: state.error,
    });
    // In the edition the reader came in: a light-edition reader stays light.
    return reply
      .status(state.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'same-origin')
      .send(inReaderEdition.html(request, await renderDocument(node)));
  }

  const shown = { schema: { params: idParams, querystring: z.object({ envoye: flagQuery }) } };
  app.get('/commentaires/:id/signaler', shown, async (request, reply) => {
    const comment = await reportable(request.params.id);
    return page(request, reply, comment, { sent: request.query.envoye === '1' });
  });

  const sent = {
    schema: { params: idParams, body: reportForm },
    preValidation: app.csrfProtection,
  };
  app.post('/commentaires/:id/signaler', sent, async (request, reply) => {
    const comment = await reportable(request.params.id);
    const b = request.body;
    const values = {
      reason: isReportReason(b.reason) ? b.reason : ('' as const),
      note: cleanNote(b.note),
    };
    if (!isSameOriginPost(request, deps.config.publicUrl))
      return page(request, reply, comment, {
        sent: false,
        values,
        error: 'wrongOrigin',
        status: 403,
      });
    if (!values.reason)
      return page(request, reply, comment, {
        sent: false,
        values,
        error: 'reasonMissing',
        status: 422,
      });
    const now = deps.clock.now();
    const reporterHash = clientKey(secret, request.ip);
    const hit = await hitRateLimit(deps.db, reportRateLimit, { clientHash: reporterHash, now });
    if (!hit.allowed) {
      reply.header('retry-after', String(Math.ceil(REPORT_WINDOW_MS / 1000)));
      return page(request, reply, comment, { sent: false, values, error: 'tooMany', status: 429 });
    }
    const stored = await insertCommentReport(deps.db, {
      commentId: comment.id,
      reason: values.reason,
      note: values.note,
      reporterHash,
      now,
    });
    // A second report of the same comment from the same client adds nothing: thanked the same,
    // and not counted.
    if (!stored) await refundRateLimit(deps.db, reportRateLimit, { clientHash: reporterHash, hit });
    const thanks = `/commentaires/${comment.id}/signaler?envoye=1`;
    return reply.redirect(inReaderEdition.path(request, thanks), 303);
  });
};
