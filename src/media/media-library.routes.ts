import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { clip, flagQuery, formBody, idParams } from '../http/schemas.ts';
import {
  LibraryPage,
  MediaPage,
  mediaStringsFor,
  refusalMessage,
  thumbnailOf,
} from './media-library.pages.tsx';
import { LISTS_KEY } from '../articles/article-keys.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import { countMedia, findMedia, listMedia, updateMediaDetails } from './media.queries.ts';
import { mediaKey } from './media-keys.ts';
import type { MediaDetails } from './upload-media.ts';
import { fileField, registerUploadForms, uploadedFile, uploadFormFile } from './upload-form.ts';

const PAGE_SIZE = 40;
const JSON_LIMIT = 40;

const libraryQuery = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
const detailQuery = z.object({ envoye: flagQuery, deja: flagQuery, enregistre: flagQuery });
const detailsForm = formBody('alt', 'credit', 'caption');
const uploadForm = detailsForm.extend({ file: fileField });

function detailsOf(body: z.infer<typeof detailsForm>): MediaDetails {
  return {
    alt: clip(body.alt, 300),
    credit: clip(body.credit, 200),
    caption: clip(body.caption, 1000),
  };
}

/** The media library: browse, search, upload, edit details, and a JSON feed for the editor. */
export const mediaLibraryRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  await registerUploadForms(app, { fields: 10 });

  // The policy is checked on request, so a member without the right is refused before any
  // upload is read.
  const config = { policy: 'upload-media' } as const;
  const posted = { config, preValidation: app.csrfProtection };
  const library = { config, schema: { querystring: libraryQuery } };

  app.get('/admin/medias', library, async (request, reply) => {
    const { q, page } = request.query;
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

  app.post('/admin/medias', { ...posted, schema: { body: uploadForm } }, async (request, reply) => {
    const body = request.body;
    const details = detailsOf(body);
    const result = await uploadFormFile(deps.db, {
      file: uploadedFile(body.file),
      store: deps.media,
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
  });

  app.get('/admin/medias.json', library, async (request, reply) => {
    const { q } = request.query;
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

  const detail = { config, schema: { params: idParams, querystring: detailQuery } };
  app.get('/admin/medias/:id', detail, async (request, reply) => {
    const { id } = request.params;
    const media = await findMedia(deps.db, id);
    if (!media) throw notFound();
    const ctx = await pageContext(deps, request);
    const t = mediaStringsFor(ctx.site.locale);
    const q = request.query;
    const flash = q.envoye ? t.uploaded : q.deja ? t.duplicate : q.enregistre ? t.saved : undefined;
    return sendPrivatePage(
      reply,
      MediaPage({ ctx, csrfToken: reply.generateCsrf(), media, flash }),
    );
  });

  app.post(
    '/admin/medias/:id',
    { ...posted, schema: { params: idParams, body: detailsForm } },
    async (request, reply) => {
      const { id } = request.params;
      // Article bodies show the library's caption, credit and text alternative where they have
      // none of their own: the pages (and feeds) that show this photo are drawn again.
      const updated = await deps.db.transaction().execute(async (trx) => {
        if (!(await updateMediaDetails(trx, id, detailsOf(request.body)))) return false;
        await bumpContentVersion(trx, [mediaKey(id), LISTS_KEY]);
        return true;
      });
      if (!updated) throw notFound();
      deps.cache.invalidate();
      return reply.redirect(`/admin/medias/${id}?enregistre=1`, 303);
    },
  );
};
