import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildArticlePage } from '../articles/article-page.ts';
import { articlePath, type ArticleView } from '../articles/article.ts';
import { findLiveArticle } from '../articles/article.queries.ts';
import { fillSlots, splitSlots } from '../cache/page-cache.ts';
import type { RouteDeps } from '../http/deps.ts';
import { inReaderEdition } from '../http/edition.ts';
import { notFound } from '../http/errors.ts';
import { pageContext } from '../http/page.ts';
import { dbId, idParams, optionalText } from '../http/schemas.ts';
import { slugParam } from '../http/reader-input.ts';
import { isSameOriginPost } from '../http/same-origin.ts';
import { clientKey } from '../users/session.ts';
import { renderDocument } from '../web/render.ts';
import { THREAD_PAGE_SIZE, commentsOpen, readCommentForm } from './comment.ts';
import { CommentStatusPage, UnsubscribePage, type CommentFormState } from './comment.pages.tsx';
import { commentStringsFor } from './comment.strings.ts';
import { rememberComment, rememberedComments } from './comment-slots.tsx';
import {
  signFormStamp,
  verifyCommentToken,
  verifyFormStamp,
  verifyUnsubscribeToken,
} from './comment-token.ts';
import {
  countApprovedTopLevelBefore,
  findComment,
  updateNotifyOffForEmail,
} from './comment.queries.ts';
import { submitComment, type SubmitResult } from './submit-comment.ts';

/**
 * The comment form as posted: single text fields (a repeated one is a 400), and a parent that
 * is empty or an id. Lengths are judged by validateComment, which answers in French with the
 * text kept.
 */
const commentFormBody = z.object({
  name: optionalText,
  email: optionalText,
  body: optionalText,
  notify: optionalText,
  parent: optionalText.refine((v) => !v || dbId.safeParse(v).success),
  website: optionalText,
  stamp: optionalText,
});
/** An article's address, as the article route reads it. */
const articleParams = z.object({ section: slugParam, slug: slugParam });
/** The private link's and the unsubscribe link's token. */
const tokenQuery = z.object({ jeton: optionalText });

const statusOf: Record<Exclude<SubmitResult, { ok: true }>['reason'] | 'origin', number> = {
  invalid: 422,
  unstamped: 422,
  too_fast: 422,
  expired: 422,
  bad_parent: 422,
  flood: 429,
  duplicate: 409,
  closed: 403,
  origin: 403,
};

/** Reader routes for comments: submission, the private state page, unsubscribing from notices. */
export const commentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const secret = deps.config.sessionSecret;

  // The form posts to the article's own address, so a page sent back with errors has the
  // article's address (reloading or sharing it shows the article). The id route serves forms
  // in pages cached before, and clients that post by id.
  const postSchema = { params: idParams, body: commentFormBody };
  app.post('/articles/:id/commentaires', { schema: postSchema }, async (request, reply) => {
    const article = await findLiveArticle(deps.db, { id: request.params.id });
    if (!article) throw notFound();
    return receive(request, reply, article);
  });

  const atArticleSchema = { params: articleParams, body: commentFormBody };
  app.post('/:section/:slug', { schema: atArticleSchema }, async (request, reply) => {
    const article = await findLiveArticle(deps.db, request.params.slug);
    if (!article || article.section.slug !== request.params.section) throw notFound();
    return receive(request, reply, article);
  });

  async function receive(
    request: FastifyRequest,
    reply: FastifyReply,
    article: ArticleView,
  ): Promise<FastifyReply> {
    const body = request.body as z.infer<typeof commentFormBody>;
    const { website, stamp } = body;
    const values = readCommentForm(body);
    const { settings } = await deps.cache.snapshot();
    const t = commentStringsFor(settings.locale);
    const now = deps.clock.now();

    if (!isSameOriginPost(request, deps.config.publicUrl)) {
      return formAgain(
        request,
        reply,
        article,
        { values, errors: {}, message: t.wrongOrigin },
        statusOf.origin,
      );
    }
    const result = await submitComment(deps.db, {
      article: {
        id: article.id,
        title: article.title,
        commentsOpen: commentsOpen(article, settings.commentsAutoCloseDays, now),
      },
      values,
      honeypot: website ?? '',
      startedAt: !stamp ? 'missing' : (verifyFormStamp(secret, stamp) ?? 'forged'),
      ipHash: clientKey(secret, request.ip),
      site: { settings, publicUrl: deps.config.publicUrl, secret },
      now,
    });
    if (result.ok) {
      if (result.autoApproved) deps.cache.invalidate();
      rememberComment(deps, request, reply, result.comment.id);
      const back = `${articlePath(article)}?commentaire=envoye#votre-commentaire`;
      return reply.redirect(inReaderEdition.path(request, back), 303);
    }
    const message = {
      invalid: undefined,
      unstamped: t.unstamped,
      too_fast: t.tooFast,
      expired: t.expired,
      flood: t.flood,
      duplicate: t.duplicate,
      closed: undefined,
      bad_parent: t.badParent,
    }[result.reason];
    const form: CommentFormState = {
      values: result.reason === 'bad_parent' ? { ...values, parentId: null } : values,
      errors: result.reason === 'invalid' ? result.errors : {},
      message,
    };
    if (result.reason === 'flood') reply.header('retry-after', '15');
    return formAgain(request, reply, article, form, statusOf[result.reason]);
  }

  // A fresh stamp for the comment form, which its script asks for when the reader starts writing:
  // shared pages carry none, so their bytes stay the same from one second to the next.
  const stampSchema = { querystring: z.object({}), response: { 200: z.string() } };
  app.get('/commentaires/tampon', { schema: stampSchema }, async (_request, reply) => {
    reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex');
    return signFormStamp(secret, deps.clock.now());
  });

  // Renders the article again, uncached, with the form as the reader sent it, what went wrong and
  // a fresh stamp, so that sending it again needs no script.
  async function formAgain(
    request: FastifyRequest,
    reply: FastifyReply,
    article: ArticleView,
    form: CommentFormState,
    status: number,
  ): Promise<FastifyReply> {
    const ctx = await pageContext(deps, request);
    const page = await buildArticlePage(deps, ctx, {
      article,
      threadPage: 1,
      replyToId: form.values.parentId,
      form: { ...form, stamp: signFormStamp(secret, deps.clock.now()) },
    });
    // The slots stay empty: this page is the reader's alone, and shows no ads.
    const html = fillSlots(
      splitSlots(inReaderEdition.html(request, await renderDocument(page?.node ?? null))),
      {},
    );
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .send(html);
  }

  const statusSchema = { params: idParams, querystring: tokenQuery };
  app.get('/commentaires/:id', { schema: statusSchema }, async (request, reply) => {
    const { id } = request.params;
    const comment = await findComment(deps.db, id);
    if (!comment) throw notFound();
    const threadLink = await threadLinkOf(comment);
    // The public permalink (as mailed): a published comment opens in its thread.
    if (request.query.jeton === undefined && comment.status === 'approved' && threadLink) {
      return reply.redirect(threadLink, 302);
    }
    const token = request.query.jeton ?? rememberedComments(deps, request).get(id);
    const granted =
      token !== undefined && verifyCommentToken(secret, token, deps.clock.now()) === id;
    if (!granted) throw notFound();
    const ctx = await pageContext(deps, request);
    const page = CommentStatusPage({
      ctx,
      comment: {
        id: comment.id,
        parentId: comment.parent_id,
        authorName: comment.author_name,
        body: comment.body,
        createdAt: comment.created_at,
        status: comment.status,
        articleTitle: comment.article_title,
      },
      threadLink,
    });
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'no-referrer')
      .send(await renderDocument(page));
  });

  // Where a published comment sits: its article, at the right page of the thread.
  async function threadLinkOf(
    comment: NonNullable<Awaited<ReturnType<typeof findComment>>>,
  ): Promise<string | null> {
    if (comment.status !== 'approved' || comment.article_id === null) return null;
    const article = await findLiveArticle(deps.db, { id: comment.article_id });
    if (!article) return null;
    const anchorOf = comment.parent_id ? await findComment(deps.db, comment.parent_id) : comment;
    if (!anchorOf || anchorOf.article_id === null) return null;
    const before = await countApprovedTopLevelBefore(deps.db, {
      ...anchorOf,
      article_id: anchorOf.article_id,
    });
    const page = Math.floor(before / THREAD_PAGE_SIZE) + 1;
    return `${articlePath(article)}${page > 1 ? `?commentaires=${page}` : ''}#comment-${comment.id}`;
  }

  const unsubscribe = async (
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    confirm: boolean,
  ) => {
    const email = verifyUnsubscribeToken(secret, token);
    if (email && confirm) await updateNotifyOffForEmail(deps.db, email);
    const ctx = await pageContext(deps, request);
    return reply
      .status(email ? 200 : 400)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('referrer-policy', 'no-referrer')
      .send(await renderDocument(UnsubscribePage({ ctx, email, done: confirm && !!email, token })));
  };
  // The mail's link shows a button (link scanners follow GETs); mail clients' one-click POST acts at once.
  const unsubscribeSchema = { querystring: tokenQuery };
  app.get('/commentaires/desabonnement', { schema: unsubscribeSchema }, (request, reply) =>
    unsubscribe(request, reply, request.query.jeton ?? '', false),
  );
  app.post('/commentaires/desabonnement', { schema: unsubscribeSchema }, (request, reply) =>
    unsubscribe(request, reply, request.query.jeton ?? '', true),
  );
};
