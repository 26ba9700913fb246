import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { can } from '../users/policy.ts';
import {
  LibraryPage,
  MediaPage,
  mediaStringsFor,
  refusalMessage,
  thumbnailOf,
} from './media-library.pages.tsx';
import { countMedia, findMedia, listMedia, updateMediaDetails } from './media.queries.ts';
import type { MediaDetails } from './upload-media.ts';
import { registerUploadForms, uploadedFile, uploadFormFile } from './upload-form.ts';

const PAGE_SIZE = 40;
const JSON_LIMIT = 40;

const libraryQuery = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
const idParams = z.object({ id: z.coerce.number().int().positive() });

function idOf(params: unknown): number {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data.id;
}
const detailQuery = z.object({
  envoye: z.string().optional(),
  deja: z.string().optional(),
  enregistre: z.string().optional(),
});

const text = (body: Record<string, unknown>, name: string, max: number): string =>
  typeof body[name] === 'string' ? body[name].trim().slice(0, max) : '';

function detailsOf(body: Record<string, unknown>): MediaDetails {
  return {
    alt: text(body, 'alt', 300),
    credit: text(body, 'credit', 200),
    caption: text(body, 'caption', 1000),
  };
}

/** The media library: browse, search, upload, edit details, and a JSON feed for the editor. */
export const mediaLibraryRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  await registerUploadForms(app, { fields: 10 });

  // onRequest, so a member without the right is refused before any upload is read.
  const requireUploader = async (request: FastifyRequest) => {
    if (!can(request.user, 'upload-media')) throw forbidden();
  };

  app.get('/admin/medias', { onRequest: requireUploader }, async (request, reply) => {
    const { q, page } = libraryQuery.parse(request.query ?? {});
    const total = await countMedia(deps.db, { q });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const current = Math.min(page, pages);
    const items = await listMedia(deps.db, {
      q,
      limit: PAGE_SIZE,
      offset: (current - 1) * PAGE_SIZE,
    });
    const ctx = await pageContext(deps, request);
    return sendPrivatePage(
      reply,
      LibraryPage({ ctx, csrfToken: reply.generateCsrf(), q, items, total, page: current, pages }),
    );
  });

  app.post(
    '/admin/medias',
    { onRequest: requireUploader, preHandler: app.csrfProtection },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const details = detailsOf(body);
      const result = await uploadFormFile(deps.db, {
        file: uploadedFile(body.file),
        dataDir: deps.config.dataDir,
        details,
        now: deps.clock.now(),
      });
      if (result.ok) {
        const flag = result.duplicate ? 'deja' : 'envoye';
        return reply.redirect(`/admin/medias/${result.media.id}?${flag}=1`, 303);
      }
      const ctx = await pageContext(deps, request);
      const [items, total] = await Promise.all([
        listMedia(deps.db, { limit: PAGE_SIZE, offset: 0 }),
        countMedia(deps.db, {}),
      ]);
      return sendPrivatePage(
        reply,
        LibraryPage({
          ctx,
          csrfToken: reply.generateCsrf(),
          q: '',
          items,
          total,
          page: 1,
          pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
          error: refusalMessage(ctx.site.locale, result.reason, result.format),
          typed: details,
        }),
        result.reason === 'too-large' ? 413 : 422,
      );
    },
  );

  app.get('/admin/medias.json', { onRequest: requireUploader }, async (request, reply) => {
    const { q } = libraryQuery.parse(request.query ?? {});
    const items = await listMedia(deps.db, { q, limit: JSON_LIMIT, offset: 0 });
    return reply.header('cache-control', 'private, no-store').send(
      items.map((m) => {
        const thumb = thumbnailOf(m);
        return {
          id: m.id,
          url: thumb ? `/media/${thumb.file}` : null,
          width: m.width,
          height: m.height,
          alt: m.alt,
          credit: m.credit,
          caption: m.caption,
        };
      }),
    );
  });

  app.get('/admin/medias/:id', { onRequest: requireUploader }, async (request, reply) => {
    const id = idOf(request.params);
    const media = await findMedia(deps.db, id);
    if (!media) throw notFound();
    const ctx = await pageContext(deps, request);
    const t = mediaStringsFor(ctx.site.locale);
    const q = detailQuery.parse(request.query ?? {});
    const flash = q.envoye ? t.uploaded : q.deja ? t.duplicate : q.enregistre ? t.saved : undefined;
    return sendPrivatePage(
      reply,
      MediaPage({ ctx, csrfToken: reply.generateCsrf(), media, flash }),
    );
  });

  app.post(
    '/admin/medias/:id',
    { onRequest: requireUploader, preHandler: app.csrfProtection },
    async (request, reply) => {
      const id = idOf(request.params);
      const body = (request.body ?? {}) as Record<string, unknown>;
      if (!(await updateMediaDetails(deps.db, id, detailsOf(body)))) throw notFound();
      return reply.redirect(`/admin/medias/${id}?enregistre=1`, 303);
    },
  );
};
