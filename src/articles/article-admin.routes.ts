import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { thumbnailOf } from '../media/media-library.pages.tsx';
import { findMedia } from '../media/media.queries.ts';
import { listSections } from '../sections/section.queries.ts';
import { listWriters } from '../users/user.queries.ts';
import { formatDateTime, zonedTimeToUtc } from '../web/dates.ts';
import { ArticleEditPage, ArticleListPage } from './article-admin.pages.tsx';
import type { EditorPhoto } from './article-editor.pages.tsx';
import { articleAdminStringsFor } from './article-admin.strings.ts';
import { allowedTransitions, canCreateArticle, type Transition } from './article-workflow.ts';
import { articlePath } from './article.ts';
import type { ArticleRow, ArticleStatus } from './article.table.ts';
import {
  findArticleById,
  listArticleRevisions,
  listArticleTags,
  listNewsroomArticles,
} from './article.queries.ts';
import { changeArticleStatus } from './change-article-status.ts';
import { weighArticle } from './weigh-article.ts';
import { saveArticle, type ArticleDraft, type DraftError } from './save-article.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const listQuery = z.object({
  etat: z
    .enum(['draft', 'submitted', 'scheduled', 'published', 'archived'])
    .optional()
    .catch(undefined),
  rubrique: z.coerce.number().int().positive().optional().catch(undefined),
  auteur: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});
const transitions = [
  'submit',
  'withdraw',
  'publish',
  'schedule',
  'unpublish',
  'archive',
  'restore',
] as const;

/** Reads the editor form into a draft, keeping exactly what was typed. */
export function readDraft(body: unknown): ArticleDraft {
  const b = (body ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
  const id = (k: string) => (/^\d{1,9}$/.test(str(k)) ? Number(str(k)) : null);
  return {
    title: str('title'),
    kicker: str('kicker'),
    standfirst: str('standfirst'),
    sectionId: id('sectionId'),
    body: str('body'),
    signature: str('signature'),
    slug: str('slug').trim(),
    tags: str('tags').split(','),
    imageId: id('imageId'),
    imageCredit: str('imageCredit'),
    imageCaption: str('imageCaption'),
    imageAlt: str('imageAlt'),
    imageIsIllustration: b.imageIsIllustration === '1',
    comments: b.comments === 'open' ? 'open' : 'closed',
    correction: str('correction'),
    noAds: b.noAds === '1',
    flagUpdate: b.flagUpdate === '1',
  };
}

/** The thumbnail of the photo a draft names, described by the article's alt text or the library's. */
async function editorPhoto(db: Db, draft: ArticleDraft): Promise<EditorPhoto | null> {
  const media = draft.imageId === null ? undefined : await findMedia(db, draft.imageId);
  const thumb = media && thumbnailOf(media);
  if (!media || !thumb) return null;
  return {
    id: media.id,
    url: `/media/${thumb.file}`,
    width: thumb.width,
    height: thumb.height,
    alt: draft.imageAlt.trim() || media.alt,
  };
}

function draftOf(row: ArticleRow, tags: string[]): ArticleDraft {
  return {
    title: row.title,
    kicker: row.kicker,
    standfirst: row.standfirst,
    sectionId: row.section_id,
    body: row.body,
    signature: row.signature,
    slug: row.slug,
    tags,
    imageId: row.image_id,
    imageCredit: row.image_credit,
    imageCaption: row.image_caption,
    imageAlt: row.image_alt,
    imageIsIllustration: row.image_is_illustration === 1,
    comments: row.comments,
    correction: row.correction,
    noAds: row.no_ads === 1,
    flagUpdate: false,
  };
}

/** The newsroom's article pages: list, editor, saving and the workflow. Inside the newsroom context. */
export const articleAdminRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  // Moderators moderate; articles are for those who write or edit them.
  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/admin/articles') && !canCreateArticle(request.user!))
      throw forbidden();
  });
  const editorPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: {
      article: ArticleRow | null;
      draft: ArticleDraft;
      errors?: Partial<Record<keyof ArticleDraft, DraftError>>;
      message?: string;
      notice?: string;
      status?: number;
    },
  ) => {
    const ctx = await pageContext(deps, request);
    const a = page.article;
    const subject = a
      ? { status: a.status, authorId: a.author_id, submittedAt: a.submitted_at }
      : null;
    const section = a ? ctx.sections.find((s) => s.id === a.section_id) : undefined;
    return sendPrivatePage(
      reply,
      ArticleEditPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        article: a
          ? {
              id: a.id,
              version: a.version,
              status: a.status,
              submittedAt: a.submitted_at,
              path:
                a.status === 'published' && section ? articlePath({ slug: a.slug, section }) : null,
            }
          : null,
        draft: page.draft,
        sections: await listSections(deps.db),
        errors: page.errors ?? {},
        message: page.message,
        notice: page.notice,
        transitions: subject && request.user ? allowedTransitions(request.user, subject) : [],
        revisions: a ? await listArticleRevisions(deps.db, a.id) : [],
        weight: a ? await weighArticle(deps, ctx, a.id) : null,
        photo: await editorPhoto(deps.db, page.draft),
      }),
      page.status ?? 200,
    );
  };

  app.get('/admin/articles', async (request, reply) => {
    const q = listQuery.parse(request.query ?? {});
    const ctx = await pageContext(deps, request);
    const rows = await listNewsroomArticles(deps.db, {
      status: q.etat as ArticleStatus | 'submitted' | undefined,
      sectionId: q.rubrique,
      authorId: q.auteur,
      q: q.q,
      limit: 100,
      offset: 0,
    });
    return sendPrivatePage(
      reply,
      ArticleListPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        rows,
        sections: ctx.sections,
        authors: await listWriters(deps.db),
        filters: { status: q.etat, sectionId: q.rubrique, authorId: q.auteur, q: q.q },
        canCreate: canCreateArticle(request.user!),
      }),
    );
  });

  app.get('/admin/articles/nouveau', async (request, reply) => {
    if (!canCreateArticle(request.user!)) throw forbidden();
    return editorPage(request, reply, {
      article: null,
      draft: { ...readDraft({}), comments: 'open', signature: request.user!.name, tags: [] },
    });
  });

  app.get('/admin/articles/:id', async (request, reply) => {
    const { id } = idParam.parse(request.params);
    const article = await findArticleById(deps.db, id);
    if (!article) throw notFound();
    const q = request.query as Record<string, unknown>;
    const t = articleAdminStringsFor((await deps.cache.snapshot()).settings.locale);
    const notice = q.enregistre ? t.saved : q.etat ? t.statusChanged : undefined;
    return editorPage(request, reply, {
      article,
      draft: draftOf(article, await listArticleTags(deps.db, id)),
      notice,
    });
  });

  const save = async (request: FastifyRequest, reply: FastifyReply, id?: number) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const draft = readDraft(body);
    const { settings } = await deps.cache.snapshot();
    const t = articleAdminStringsFor(settings.locale);
    const result = await saveArticle(deps.db, {
      id,
      expectedVersion: Number(body.version),
      draft,
      user: request.user!,
      now: deps.clock.now(),
      locale: settings.locale,
    });
    if (result.ok) {
      if (result.article.status === 'published') deps.cache.invalidate();
      return reply.redirect(`/admin/articles/${result.article.id}?enregistre=1`, 303);
    }
    if (result.reason === 'forbidden') throw forbidden();
    if (result.reason === 'not_found') throw notFound();
    const article = id ? ((await findArticleById(deps.db, id)) ?? null) : null;
    if (result.reason === 'conflict') {
      const who = (await listArticleRevisions(deps.db, result.current.id))[0]?.editorName ?? '?';
      const when = formatDateTime(result.current.saved_at ?? result.current.created_at, settings);
      // The form keeps this editor's text, but carries the old version so a blind re-save fails again.
      return editorPage(request, reply, {
        article: article ? { ...article, version: Number(body.version) } : null,
        draft,
        message: t.conflict(who, when),
        status: 409,
      });
    }
    return editorPage(request, reply, { article, draft, errors: result.errors, status: 422 });
  };

  app.post('/admin/articles', { preHandler: app.csrfProtection }, (request, reply) =>
    save(request, reply),
  );
  app.post('/admin/articles/:id', { preHandler: app.csrfProtection }, (request, reply) =>
    save(request, reply, idParam.parse(request.params).id),
  );

  app.post(
    '/admin/articles/:id/etat',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const { id } = idParam.parse(request.params);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const transition = transitions.find((tr) => tr === body.transition) as Transition | undefined;
      if (!transition) throw forbidden();
      const { settings } = await deps.cache.snapshot();
      const at =
        typeof body.at === 'string'
          ? (zonedTimeToUtc(body.at, settings.timeZone) ?? undefined)
          : undefined;
      const result = await changeArticleStatus(deps.db, {
        id,
        expectedVersion: Number(body.version),
        transition,
        at,
        user: request.user!,
        now: deps.clock.now(),
      });
      if (result.ok) {
        deps.cache.invalidate();
        return reply.redirect(`/admin/articles/${id}?etat=1`, 303);
      }
      if (result.reason === 'forbidden') throw forbidden();
      if (result.reason === 'not_found') throw notFound();
      const article = (await findArticleById(deps.db, id))!;
      const t = articleAdminStringsFor(settings.locale);
      const draft = draftOf(article, await listArticleTags(deps.db, id));
      if (result.reason === 'bad_time')
        return editorPage(request, reply, { article, draft, message: t.badTime, status: 422 });
      const who = (await listArticleRevisions(deps.db, id))[0]?.editorName ?? '?';
      return editorPage(request, reply, {
        article,
        draft,
        message: t.conflict(who, formatDateTime(article.saved_at ?? article.created_at, settings)),
        status: 409,
      });
    },
  );
};
