import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import type { CurrentUser } from '../users/user.ts';
import {
  findArticleRevision,
  listArticleRevisionsWithContent,
  type ContentSnapshot,
} from './article-revision.queries.ts';
import { canCreateArticle, canEditArticle } from './article-workflow.ts';
import type { ArticleRow } from './article.table.ts';
import { findArticleById } from './article.queries.ts';
import { CompareVersionsPage, VersionsPage, revisionStringsFor } from './revisions.pages.tsx';
import { saveArticle, type ArticleDraft } from './save-article.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const versionParam = idParam.extend({ version: z.coerce.number().int().positive() });
const compareQuery = z.object({
  de: z.coerce.number().int().positive(),
  a: z.coerce.number().int().positive(),
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
export const revisionRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  // Moderators moderate; articles and their history are for those who write or edit them.
  app.addHook('preHandler', async (request) => {
    if (!canCreateArticle(request.user!)) throw forbidden();
  });

  const loadArticle = async (request: FastifyRequest) => {
    const article = await findArticleById(deps.db, idParam.parse(request.params).id);
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

  app.get('/admin/articles/:id/versions', async (request, reply) =>
    versionsPage(request, reply, await loadArticle(request)),
  );

  app.get('/admin/articles/:id/versions/comparer', async (request, reply) => {
    const article = await loadArticle(request);
    const q = compareQuery.safeParse(request.query ?? {});
    if (!q.success) return reply.redirect(`/admin/articles/${article.id}/versions`, 303);
    const [from, to] = await Promise.all([
      findArticleRevision(deps.db, article.id, q.data.de),
      findArticleRevision(deps.db, article.id, q.data.a),
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
  });

  app.post(
    '/admin/articles/:id/versions/:version/restaurer',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const { version } = versionParam.parse(request.params);
      const article = await loadArticle(request);
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
