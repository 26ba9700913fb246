import type { FastifyReply, FastifyRequest } from 'fastify';
import { findArticleShortLinkVisits } from '../whatsapp/short-link-stats.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden, notFound } from '../http/errors.ts';
import {
  clip,
  formBody,
  formId,
  formList,
  idParams,
  listOf,
  optionalDbId,
  optionalText,
} from '../http/schemas.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { thumbnailOf } from '../media/media-library.pages.tsx';
import { findMedia, listMedia } from '../media/media.queries.ts';
import type { MediaRow } from '../media/media.table.ts';
import { listSections } from '../sections/section.queries.ts';
import { listWriters } from '../users/user.queries.ts';
import { formatDateTime, zonedTimeToUtc } from '../web/dates.ts';
import { ArticleEditPage, ArticleListPage } from './article-admin.pages.tsx';
import {
  ConfirmTransitionPage,
  isDangerous,
  saveIntents,
  type SaveIntent,
} from './article-actions.pages.tsx';
import { oneLine, previewArticle } from './article-preview.ts';
import type { EditorPhoto } from './article-editor.pages.tsx';
import { articleAdminStringsFor } from './article-admin.strings.ts';
import { allowedTransitions, wasPublished, type Transition } from './article-workflow.ts';
import { articlePath } from './article.ts';
import { leadPhotoStringsFor } from './lead-photo-choices.pages.tsx';
import type { ArticleRow, ArticleStatus } from './article.table.ts';
import {
  findArticleById,
  listArticleCoauthors,
  listArticleRevisions,
  listArticleTags,
  listNewsroomArticles,
} from './article.queries.ts';
import { changeArticleStatus } from './change-article-status.ts';
import { loadArticleViewDays } from './article-views.ts';
import { VIEW_DAYS } from './article-views.pages.tsx';
import { weighArticle } from './weigh-article.ts';
import { addCorrection } from '../corrections/add-correction.ts';
import { CORRECTION_MAX, type CorrectionError } from '../corrections/correction.ts';
import { CorrectionAdminPanel } from '../corrections/correction.pages.tsx';
import { listArticleCorrections } from '../corrections/correction.queries.ts';
import { correctionStringsFor } from '../corrections/correction.strings.ts';
import { LiveEditorPanel } from '../live/live-admin.pages.tsx';
import { can } from '../users/policy.ts';
import { saveArticle, type ArticleDraft, type DraftError } from './save-article.ts';

const listQuery = z.object({
  etat: z
    .enum(['draft', 'submitted', 'scheduled', 'published', 'archived'])
    .optional()
    .catch(undefined),
  rubrique: optionalDbId,
  auteur: optionalDbId,
  q: z.string().trim().max(200).optional().catch(undefined),
});
const editorQuery = z.object({
  enregistre: optionalText.catch(undefined),
  /** A correction was just published. */
  corrige: optionalText.catch(undefined),
  etat: optionalText.catch(undefined),
  /** Saved, but the state change asked for in the same submit did not happen. */
  inchange: optionalText.catch(undefined),
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

/** The editor form: single text fields (the text as typed, checked by saveArticle), ids as digits. */
export const articleForm = formBody(
  'title',
  'kicker',
  'standfirst',
  'body',
  'signature',
  'agency',
  'slug',
  'tags',
  'imageCredit',
  'imageCaption',
  'imageAlt',
  'imageIsIllustration',
  'comments',
  'noAds',
  'flagUpdate',
  'at',
  'newDate',
  // The lead photo chosen without script (lead-photo-choices.pages.tsx): « keep », « none » or
  // a library id; and the photo search that sends the form back unsaved.
  'photoChoice',
  'photoSearch',
  'findPhoto',
).extend({
  sectionId: formId,
  imageId: formId,
  // The ticked co-authors, in the order of the boxes (those already signing come first).
  coauthors: formList,
  // The version the form was loaded at; the editor script's JSON may carry it as a number.
  version: z.union([z.string(), z.number().int()]).optional(),
  // The action bar's button: save, or save then take a step of the workflow.
  intent: z.enum(saveIntents).optional(),
});
export type ArticleForm = z.infer<typeof articleForm>;

const transitionForm = formBody('version', 'at', 'newDate', 'confirme').extend({
  transition: z.enum(transitions),
});

/** Reads the editor form into a draft, keeping exactly what was typed. */
export function readDraft(b: ArticleForm): ArticleDraft {
  const id = (v: number | '' | undefined) => (typeof v === 'number' ? v : null);
  return {
    // A title is one line, whatever the form sent.
    title: oneLine(b.title ?? ''),
    kicker: b.kicker ?? '',
    standfirst: b.standfirst ?? '',
    sectionId: id(b.sectionId),
    body: b.body ?? '',
    signature: b.signature ?? '',
    coauthorIds: [
      ...new Set(
        listOf(b.coauthors)
          .filter((v) => /^\d{1,9}$/.test(v))
          .map(Number),
      ),
    ],
    agency: b.agency ?? '',
    slug: (b.slug ?? '').trim(),
    tags: (b.tags ?? '').split(','),
    imageId:
      b.photoChoice === 'none'
        ? null
        : /^\d{1,9}$/.test(b.photoChoice ?? '')
          ? Number(b.photoChoice)
          : id(b.imageId),
    imageCredit: b.imageCredit ?? '',
    imageCaption: b.imageCaption ?? '',
    imageAlt: b.imageAlt ?? '',
    imageIsIllustration: b.imageIsIllustration === '1',
    comments: b.comments === 'open' ? 'open' : 'closed',
    noAds: b.noAds === '1',
    flagUpdate: b.flagUpdate === '1',
  };
}

/** The thumbnail of the photo a draft names, described by the article's alt text or the library's. */
async function editorPhoto(db: Db, draft: ArticleDraft): Promise<EditorPhoto | null> {
  const media = draft.imageId === null ? undefined : await findMedia(db, draft.imageId);
  return (media && thumbnailPhoto(media, draft.imageAlt.trim() || media.alt)) ?? null;
}

function thumbnailPhoto(media: MediaRow, alt: string): EditorPhoto | undefined {
  const thumb = thumbnailOf(media);
  if (!thumb) return undefined;
  return {
    id: media.id,
    url: `/media/${thumb.file}`,
    width: thumb.width,
    height: thumb.height,
    alt,
  };
}

// The library photos offered as radio buttons: the latest, or those a search finds.
const PHOTO_CHOICES = 12;
async function photoChoices(db: Db, q: string): Promise<EditorPhoto[]> {
  const rows = await listMedia(db, { q, limit: PHOTO_CHOICES, offset: 0 });
  return rows.flatMap((m) => thumbnailPhoto(m, m.alt) ?? []);
}

/** The editor form's fields for an article as stored. */
export function draftOf(row: ArticleRow, tags: string[], coauthorIds: number[]): ArticleDraft {
  return {
    title: row.title,
    kicker: row.kicker,
    standfirst: row.standfirst,
    sectionId: row.section_id,
    body: row.body,
    signature: row.signature,
    coauthorIds,
    agency: row.agency,
    slug: row.slug,
    tags,
    imageId: row.image_id,
    imageCredit: row.image_credit,
    imageCaption: row.image_caption,
    imageAlt: row.image_alt,
    imageIsIllustration: row.image_is_illustration === 1,
    comments: row.comments,
    noAds: row.no_ads === 1,
    flagUpdate: false,
  };
}

/**
 * The workflow step a save asks for (the action bar's button), checked before anything is saved:
 * « Publier » with a date is « Programmer »; a step this member may not take is refused.
 */
function stepOf(
  request: FastifyRequest,
  body: ArticleForm,
  article: ArticleRow | null,
  { timeZone, now }: { timeZone: string; now: Date },
): { transition: Transition; at?: Date } | null | 'bad_time' {
  const intent: SaveIntent = body.intent ?? 'save';
  if (intent === 'save') return null;
  const when = body.at?.trim() ? zonedTimeToUtc(body.at.trim(), timeZone) : undefined;
  const transition: Transition = intent === 'publish' && body.at?.trim() ? 'schedule' : intent;
  const subject = article
    ? { status: article.status, authorId: article.author_id, submittedAt: article.submitted_at }
    : { status: 'draft' as const, authorId: request.user!.id, submittedAt: null };
  if (!allowedTransitions(request.user!, subject).includes(transition)) throw forbidden();
  if (transition === 'schedule') {
    if (!when || when <= now) return 'bad_time';
    return { transition, at: when };
  }
  return { transition };
}

/**
 * The newsroom's article pages: list, editor, saving and the workflow. Inside the newsroom
 * context; moderators moderate, articles are for those who write or edit them.
 */
export const articleAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'write-articles' } as const;
  const posted = { config, preValidation: app.csrfProtection };
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
      /** The words of a photo search sent with the form (the lead photo chooser). */
      photoSearch?: string;
      /** A correction refused, with its text as typed. */
      correction?: { text: string; error: CorrectionError };
    },
  ) => {
    const ctx = await pageContext(deps, request);
    const a = page.article;
    // A new article is this member's own draft: its action bar offers what a draft allows.
    const subject = a
      ? { status: a.status, authorId: a.author_id, submittedAt: a.submitted_at }
      : { status: 'draft' as const, authorId: request.user!.id, submittedAt: null };
    const sections = await listSections(deps.db);
    const section = a ? ctx.sections.find((s) => s.id === a.section_id) : undefined;
    const csrfToken = reply.generateCsrf();
    // Co-author boxes: those signing first, in their order (the order the boxes are sent in),
    // then the other members who write; a member who left keeps their box while they sign.
    const signing = a ? await listArticleCoauthors(deps.db, a.id) : [];
    const everyone = [...signing, ...(await listWriters(deps.db))];
    const byId = new Map(everyone.map((w) => [w.id, { id: w.id, name: w.name }]));
    const writers = [
      ...page.draft.coauthorIds.flatMap((id) => byId.get(id) ?? []),
      ...[...byId.values()].filter((w) => !page.draft.coauthorIds.includes(w.id)),
    ];
    return sendPrivatePage(
      reply,
      ArticleEditPage({
        ctx,
        csrfToken,
        article: a
          ? {
              id: a.id,
              version: a.version,
              status: a.status,
              submittedAt: a.submitted_at,
              publishedAt: a.published_at,
              wasPublished: wasPublished(
                { status: a.status, publishedAt: a.published_at },
                deps.clock.now(),
              ),
              path:
                a.status === 'published' && section ? articlePath({ slug: a.slug, section }) : null,
              title: a.title,
            }
          : null,
        draft: page.draft,
        sections,
        errors: page.errors ?? {},
        message: page.message,
        notice: page.notice,
        transitions: allowedTransitions(request.user!, subject),
        revisions: a ? await listArticleRevisions(deps.db, a.id) : [],
        weight: a ? await weighArticle(deps, ctx, a.id) : null,
        shortLinkVisits:
          a?.status === 'published'
            ? await findArticleShortLinkVisits(deps.db, {
                articleId: a.id,
                now: deps.clock.now(),
                timeZone: ctx.site.timeZone,
              })
            : null,
        views:
          a?.published_at && a.status !== 'scheduled'
            ? await loadArticleViewDays(deps.db, {
                articleId: a.id,
                now: deps.clock.now(),
                timeZone: ctx.site.timeZone,
                days: VIEW_DAYS,
              })
            : null,
        photo: await editorPhoto(deps.db, page.draft),
        preview: await previewArticle(deps.db, {
          draft: page.draft,
          sections,
          locale: ctx.site.locale,
          mediaBase: deps.config.mediaPublicUrl,
        }),
        photoSearch: page.photoSearch ?? '',
        photoChoices: await photoChoices(deps.db, page.photoSearch ?? ''),
        writers,
        live: a
          ? LiveEditorPanel({
              locale: ctx.site.locale,
              site: ctx.site,
              csrfToken,
              user: request.user!,
              article: {
                id: a.id,
                authorId: a.author_id,
                live: a.live === 1,
                endedAt: a.live_ended_at,
              },
            })
          : undefined,
        corrections: a
          ? CorrectionAdminPanel({
              locale: ctx.site.locale,
              site: ctx.site,
              csrfToken,
              articleId: a.id,
              published: a.status === 'published',
              canAdd: can(request.user, 'correct-articles'),
              corrections: await listArticleCorrections(deps.db, a.id),
              draft: page.correction,
            })
          : undefined,
      }),
      page.status ?? 200,
    );
  };

  app.get(
    '/admin/articles',
    { config, schema: { querystring: listQuery } },
    async (request, reply) => {
      const q = request.query;
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
          canCreate: true,
        }),
      );
    },
  );

  app.get('/admin/articles/nouveau', { config }, async (request, reply) =>
    editorPage(request, reply, {
      article: null,
      draft: { ...readDraft({}), comments: 'open', signature: request.user!.byline, tags: [] },
    }),
  );

  app.get(
    '/admin/articles/:id',
    { config, schema: { params: idParams, querystring: editorQuery } },
    async (request, reply) => {
      const { id } = request.params;
      const article = await findArticleById(deps.db, id);
      if (!article) throw notFound();
      const q = request.query;
      const { locale } = (await deps.cache.snapshot()).settings;
      const t = articleAdminStringsFor(locale);
      const notice = q.corrige
        ? correctionStringsFor(locale).admin.added
        : q.inchange
          ? t.savedNotMoved
          : q.enregistre
            ? t.saved
            : q.etat
              ? t.statusChanged
              : undefined;
      return editorPage(request, reply, {
        article,
        draft: draftOf(
          article,
          await listArticleTags(deps.db, id),
          (await listArticleCoauthors(deps.db, id)).map((c) => c.id),
        ),
        notice,
      });
    },
  );

  const save = async (
    request: FastifyRequest,
    reply: FastifyReply,
    body: ArticleForm,
    id?: number,
  ) => {
    const draft = readDraft(body);
    const { settings } = await deps.cache.snapshot();
    const t = articleAdminStringsFor(settings.locale);
    if (body.findPhoto) {
      // A photo search, not a save: the form comes back as typed, at the version it was loaded.
      const found = id ? await findArticleById(deps.db, id) : undefined;
      if (id && !found) throw notFound();
      return editorPage(request, reply, {
        article: found ? { ...found, version: Number(body.version) } : null,
        draft: { ...draft, tags: draft.tags.map((tag) => tag.trim()).filter(Boolean) },
        notice: leadPhotoStringsFor(settings.locale).searched,
        photoSearch: clip(body.photoSearch, 200),
      });
    }
    const existing = id ? await findArticleById(deps.db, id) : undefined;
    if (id && !existing) throw notFound();
    const step = stepOf(request, body, existing ?? null, {
      timeZone: settings.timeZone,
      now: deps.clock.now(),
    });
    if (step === 'bad_time')
      return editorPage(request, reply, {
        article: existing ?? null,
        draft,
        message: t.badTime,
        status: 422,
      });
    const result = await saveArticle(deps.db, {
      id,
      expectedVersion: Number(body.version),
      draft,
      user: request.user!,
      now: deps.clock.now(),
      locale: settings.locale,
    });
    if (result.ok && step) {
      // Saved, then moved on in the same submit: « Publier » on a new article is one step.
      const moved = await changeArticleStatus(deps.db, {
        id: result.article.id,
        expectedVersion: result.article.version,
        transition: step.transition,
        at: step.at,
        newDate: body.newDate === '1',
        user: request.user!,
        now: deps.clock.now(),
      });
      deps.cache.invalidate();
      const flag = moved.ok ? 'etat=1' : 'enregistre=1&inchange=1';
      return reply.redirect(`/admin/articles/${result.article.id}?${flag}`, 303);
    }
    if (result.ok) {
      if (result.article.status === 'published') deps.cache.invalidate();
      return reply.redirect(`/admin/articles/${result.article.id}?enregistre=1`, 303);
    }
    if (result.reason === 'forbidden') throw forbidden();
    if (result.reason === 'not_found') throw notFound();
    const article = existing ?? null;
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

  app.post('/admin/articles', { ...posted, schema: { body: articleForm } }, (request, reply) =>
    save(request, reply, request.body),
  );
  app.post(
    '/admin/articles/:id',
    { ...posted, schema: { params: idParams, body: articleForm } },
    (request, reply) => save(request, reply, request.body, request.params.id),
  );

  app.post(
    '/admin/articles/:id/corrections',
    {
      config: { policy: 'correct-articles' },
      preValidation: app.csrfProtection,
      schema: { params: idParams, body: formBody('text') },
    },
    async (request, reply) => {
      const { id } = request.params;
      const text = request.body.text ?? '';
      const result = await addCorrection(deps.db, {
        articleId: id,
        text,
        user: request.user!,
        now: deps.clock.now(),
      });
      if (result.ok) {
        deps.cache.invalidate();
        return reply.redirect(`/admin/articles/${id}?corrige=1#corrections`, 303);
      }
      const article = await findArticleById(deps.db, id);
      if (result.reason === 'not_found' || !article) throw notFound();
      return editorPage(request, reply, {
        article,
        draft: draftOf(
          article,
          await listArticleTags(deps.db, id),
          (await listArticleCoauthors(deps.db, id)).map((c) => c.id),
        ),
        // The text comes back as typed, bounded so a huge post is never echoed whole.
        correction: { text: text.slice(0, CORRECTION_MAX * 2), error: result.error },
        status: result.error === 'busy' ? 409 : 422,
      });
    },
  );

  app.post(
    '/admin/articles/:id/etat',
    { ...posted, schema: { params: idParams, body: transitionForm } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const transition: Transition = body.transition;
      const { settings } = await deps.cache.snapshot();
      if (isDangerous(transition) && body.confirme !== '1') {
        // Not yet: the confirmation step, which changes nothing, for those who may take it.
        const article = await findArticleById(deps.db, id);
        if (!article) throw notFound();
        const subject = {
          status: article.status,
          authorId: article.author_id,
          submittedAt: article.submitted_at,
        };
        if (!allowedTransitions(request.user!, subject).includes(transition)) throw forbidden();
        return sendPrivatePage(
          reply,
          ConfirmTransitionPage({
            ctx: await pageContext(deps, request),
            csrfToken: reply.generateCsrf(),
            article: {
              id,
              version: Number(body.version) || article.version,
              status: article.status,
              title: article.title,
            },
            transition,
          }),
        );
      }
      const at =
        body.at !== undefined
          ? (zonedTimeToUtc(body.at, settings.timeZone) ?? undefined)
          : undefined;
      const result = await changeArticleStatus(deps.db, {
        id,
        expectedVersion: Number(body.version),
        transition,
        at,
        newDate: body.newDate === '1',
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
      const draft = draftOf(
        article,
        await listArticleTags(deps.db, id),
        (await listArticleCoauthors(deps.db, id)).map((c) => c.id),
      );
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
