import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugify } from '../articles/slug.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Trx } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { clip, flagQuery, formBody, idParams } from '../http/schemas.ts';
import {
  SectionEditPage,
  SectionListPage,
  type SectionFormError,
  type SectionFormValues,
} from './section-admin.pages.tsx';
import {
  countArticlesInSection,
  deleteSlugRedirect,
  findSection,
  findSectionBySlug,
  insertSection,
  insertSlugRedirect,
  listSections,
  updateSection,
  updateSectionPositions,
} from './section.queries.ts';

/** First path segments the site itself answers at, which no section may take. */
export const RESERVED_SLUGS = new Set([
  'admin',
  'login',
  'logout',
  'media',
  'assets',
  'healthz',
  'articles',
  'commentaires',
  'compte',
  'annoncez-chez-nous',
  'annonceurs',
  'ads',
  'recherche',
  'flux',
  'sitemap',
  'robots.txt',
  'favicon.ico',
  'api',
  'lite',
  'sitemaps',
  'sitemap.xml',
  'auteurs',
  'mots-cles',
  'og',
  // Live coverage: « Actualiser » (/direct/<id>) and the poll fragment (/direct/<id>/depuis/<n>).
  'direct',
  'newsletter',
]);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const listQuery = z.object({ fait: flagQuery });
const sectionForm = formBody('name', 'slug', 'description');
const moveForm = formBody('sens');

/** Reads a section form as typed (trimmed, bounded so a huge post cannot be echoed back). */
function readForm(b: z.infer<typeof sectionForm>): SectionFormValues {
  return {
    name: clip(b.name, 200),
    slug: clip(b.slug, 200),
    description: clip(b.description, 1000),
  };
}

/** The slug a form asks for: the one typed, else one derived from the name. */
function wantedSlug(form: SectionFormValues): string {
  if (form.slug) return form.slug.toLowerCase();
  return form.name ? slugify(form.name) : '';
}

/** Checks a section form; taken() says whether another section already uses a slug. */
async function validate(
  form: SectionFormValues,
  slug: string,
  taken: (slug: string) => Promise<boolean>,
): Promise<SectionFormError[]> {
  const errors: SectionFormError[] = [];
  if (!form.name) errors.push('name-missing');
  else if (form.name.length > 80) errors.push('name-too-long');
  if (RESERVED_SLUGS.has(slug)) errors.push('slug-reserved');
  else if (slug && (slug.length > 80 || !SLUG.test(slug))) errors.push('slug-invalid');
  else if (slug && (await taken(slug))) errors.push('slug-taken');
  if (form.description.length > 300) errors.push('description-too-long');
  return errors;
}

/** The newsroom's section admin: list, create, rename (old addresses redirect), reorder. */
export const sectionAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'manage-sections' } as const;
  const posted = { config, preValidation: app.csrfProtection };

  const listPage = async (
    request: FastifyRequest,
    csrfToken: string,
    extra: { form?: SectionFormValues; errors?: SectionFormError[]; flash?: string } = {},
  ) => {
    const sections = await listSections(deps.db);
    const counts = await Promise.all(sections.map((s) => countArticlesInSection(deps.db, s.id)));
    return SectionListPage({
      ctx: await pageContext(deps, request),
      csrfToken,
      sections: sections.map((s, i) => ({ ...s, articles: counts[i] ?? 0 })),
      flash: extra.flash,
      form: extra.form ?? { name: '', slug: '', description: '' },
      errors: extra.errors ?? [],
    });
  };

  // A change readers see: one transaction with the content version, then a fresh cache.
  const change = async <R>(work: (trx: Trx) => Promise<R>): Promise<R> => {
    const result = await deps.db.transaction().execute(async (trx) => {
      const r = await work(trx);
      await bumpContentVersion(trx);
      return r;
    });
    deps.cache.invalidate();
    return result;
  };

  // Two people taking the same address at once: the database's unique slug decides, and the
  // loser gets the form back with « adresse déjà prise » rather than an error page.
  const takenIfRaced = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  };

  app.get(
    '/admin/rubriques',
    { config, schema: { querystring: listQuery } },
    async (request, reply) => {
      const { fait } = request.query;
      return sendPrivatePage(reply, await listPage(request, reply.generateCsrf(), { flash: fait }));
    },
  );

  app.post(
    '/admin/rubriques',
    { ...posted, schema: { body: sectionForm } },
    async (request, reply) => {
      const form = readForm(request.body);
      const slug = wantedSlug(form);
      const errors = await validate(
        form,
        slug,
        async (s) => !!(await findSectionBySlug(deps.db, s)),
      );
      if (errors.length) {
        const page = await listPage(request, reply.generateCsrf(), { form, errors });
        return sendPrivatePage(reply, page, 422);
      }
      const created = await takenIfRaced(() =>
        change(async (trx) => {
          const sections = await listSections(trx);
          await deleteSlugRedirect(trx, slug);
          await insertSection(trx, {
            name: form.name,
            slug,
            description: form.description,
            position: Math.max(-1, ...sections.map((s) => s.position)) + 1,
            created_at: deps.clock.now().toISOString(),
          });
        }),
      );
      if (!created) {
        const page = await listPage(request, reply.generateCsrf(), {
          form,
          errors: ['slug-taken'],
        });
        return sendPrivatePage(reply, page, 409);
      }
      return reply.redirect('/admin/rubriques?fait=cree', 303);
    },
  );

  app.get(
    '/admin/rubriques/:id',
    { config, schema: { params: idParams } },
    async (request, reply) => {
      const { id } = request.params;
      const section = await findSection(deps.db, id);
      if (!section) throw notFound();
      return sendPrivatePage(
        reply,
        SectionEditPage({
          ctx: await pageContext(deps, request),
          csrfToken: reply.generateCsrf(),
          section,
          form: { name: section.name, slug: section.slug, description: section.description },
          errors: [],
        }),
      );
    },
  );

  app.post(
    '/admin/rubriques/:id',
    { ...posted, schema: { params: idParams, body: sectionForm } },
    async (request, reply) => {
      const { id } = request.params;
      const section = await findSection(deps.db, id);
      if (!section) throw notFound();
      const form = readForm(request.body);
      const slug = wantedSlug(form);
      const errors = await validate(form, slug, async (s) => {
        const other = await findSectionBySlug(deps.db, s);
        return !!other && other.id !== id;
      });
      if (errors.length) {
        const page = SectionEditPage({
          ctx: await pageContext(deps, request),
          csrfToken: reply.generateCsrf(),
          section,
          form,
          errors,
        });
        return sendPrivatePage(reply, page, 422);
      }
      const saved = await takenIfRaced(() =>
        change(async (trx) => {
          await updateSection(trx, id, { name: form.name, slug, description: form.description });
          if (slug !== section.slug) {
            await deleteSlugRedirect(trx, slug);
            await insertSlugRedirect(trx, section.slug, id);
          }
        }),
      );
      if (!saved) {
        const page = SectionEditPage({
          ctx: await pageContext(deps, request),
          csrfToken: reply.generateCsrf(),
          section,
          form,
          errors: ['slug-taken'],
        });
        return sendPrivatePage(reply, page, 409);
      }
      return reply.redirect('/admin/rubriques?fait=modifiee', 303);
    },
  );

  app.post(
    '/admin/rubriques/:id/deplacer',
    { ...posted, schema: { params: idParams, body: moveForm } },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      const step = body.sens === 'haut' ? -1 : body.sens === 'bas' ? 1 : 0;
      await change(async (trx) => {
        const ids = (await listSections(trx)).map((s) => s.id);
        const from = ids.indexOf(id);
        if (from < 0) throw notFound();
        const to = from + step;
        if (to >= 0 && to < ids.length && to !== from) {
          [ids[from], ids[to]] = [ids[to]!, ids[from]!];
          await updateSectionPositions(trx, ids);
        }
      });
      return reply.redirect('/admin/rubriques?fait=deplacee', 303);
    },
  );
};
