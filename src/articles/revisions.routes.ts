import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { dbId, idParams } from '../http/schemas.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import type { CurrentUser } from '../users/user.ts';
import {
  findArticleRevision,
  listArticleRevisionsWithContent,
  type ContentSnapshot,
} from './article-revision.queries.ts';
import { canEditArticle } from './article-workflow.ts';
import type { ArticleRow } from './article.table.ts';
import { findArticleById } from './article.queries.ts';
import { CompareVersionsPage, VersionsPage, revisionStringsFor } from './revisions.pages.tsx';
import { saveArticle, type ArticleDraft } from './save-article.ts';

const versionParams = idParams.extend({ version: dbId });
// A comparison that names no two versions goes back to the list rather than failing.
const compareQuery = z.object({
  de: dbId.optional().catch(undefined),
  a: dbId.optional().catch(undefined),
});

function mayEdit(user: CurrentUser, a: ArticleRow): boolean {
  return canEditArticle(user, {
    status: a.status,
    authorId: a.author_id,
    submittedAt: a.submitted_at,
  });
}

/** The draft that puts a revision's text back, keeping today's section if that one is gone. */
function draftFrom(content: ContentSnapshot, article: ArticleRow, sectionIds: number[]) {
  const sectionId =
    content.sectionId !== null && sectionIds.includes(content.sectionId)
      ? content.sectionId
      : article.section_id;
  return { ...content, sectionId, flagUpdate: false } satisfies ArticleDraft;
}

/** An article's versions: the list, the comparison of two, and restoring one as a new version. */
export const revisionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  // Moderators moderate; articles and their history are for those who write or edit them.
  const config = { policy: 'write-articles' } as const;

  const loadArticle = async (id: number) => {
    const article = await findArticleById(deps.db, id);
    if (!article) throw notFound();
    return article;
  };

  const versionsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    article: ArticleRow,
    message?: { text: string; status: number },
  ) =>
    sendPrivatePage(
      reply,
      VersionsPage({
        ctx: await pageContext(deps, request),
        csrfToken: reply.generateCsrf(),
        article: { id: article.id, title: article.title },
        revisions: await listArticleRevisionsWithContent(deps.db, article.id),
        canRestore: mayEdit(request.user!, article),
        message: message?.text,
      }),
      message?.status ?? 200,
    );

  app.get(
    '/admin/articles/:id/versions',
    { config, schema: { params: idParams } },
    async (request, reply) => versionsPage(request, reply, await loadArticle(request.params.id)),
  );

  app.get(
    '/admin/articles/:id/versions/comparer',
    { config, schema: { params: idParams, querystring: compareQuery } },
    async (request, reply) => {
      const article = await loadArticle(request.params.id);
      const { de, a } = request.query;
      if (de === undefined || a === undefined)
        return reply.redirect(`/admin/articles/${article.id}/versions`, 303);
      const [from, to] = await Promise.all([
        findArticleRevision(deps.db, article.id, de),
        findArticleRevision(deps.db, article.id, a),
      ]);
      if (!from?.content || !to?.content) throw notFound();
      return sendPrivatePage(
        reply,
        CompareVersionsPage({
          ctx: await pageContext(deps, request),
          csrfToken: reply.generateCsrf(),
          article: { id: article.id, title: article.title },
          from: { ...from, content: from.content },
          to: { ...to, content: to.content },
          canRestore: mayEdit(request.user!, article),
        }),
      );
    },
  );

  app.post(
    '/admin/articles/:id/versions/:version/restaurer',
    { config, preValidation: app.csrfProtection, schema: { params: versionParams } },
    async (request, reply) => {
      const { id, version } = request.params;
      const article = await loadArticle(id);
      if (!mayEdit(request.user!, article)) throw forbidden();
      const revision = await findArticleRevision(deps.db, article.id, version);
      if (!revision?.content) throw notFound();
      const { settings, sections } = await deps.cache.snapshot();
      const result = await saveArticle(deps.db, {
        id: article.id,
        expectedVersion: article.version,
        draft: draftFrom(
          revision.content,
          article,
          sections.map((s) => s.id),
        ),
        user: request.user!,
        now: deps.clock.now(),
        locale: settings.locale,
        origin: { kind: 'restore', version },
      });
      if (result.ok) {
        if (result.article.status === 'published') deps.cache.invalidate();
        return reply.redirect(`/admin/articles/${article.id}?enregistre=1`, 303);
      }
      if (result.reason === 'forbidden') throw forbidden();
      if (result.reason === 'not_found') throw notFound();
      const messages = revisionStringsFor(settings.locale).restoreFailed;
      const text =
        result.reason === 'conflict'
          ? messages.conflict(version)
          : result.errors.slug === 'slugTaken'
            ? messages.slugTaken(version)
            : messages.invalid(version);
      return versionsPage(request, reply, article, {
        text,
        status: result.reason === 'conflict' ? 409 : 422,
      });
    },
  );
};
