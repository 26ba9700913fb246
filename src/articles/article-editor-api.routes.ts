import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { idParams } from '../http/schemas.ts';
import type { SiteSettings } from '../settings/site-settings.ts';
import { typeset } from '../web/typography.ts';
import { articleForm, readDraft } from './article-admin.routes.ts';
import { findArticleById } from './article.queries.ts';
import { PreviewContent } from './article-editor.pages.tsx';
import { oneLine, previewArticle } from './article-preview.ts';
import { renderFragment } from '../web/render.ts';
import { saveArticle } from './save-article.ts';
import { slugify } from './slug.ts';

const short = z.string().max(1000).catch('');
const previewBody = z.object({
  body: z.string().max(200_000).catch(''),
  title: short,
  kicker: short,
  standfirst: z.string().max(5000).catch(''),
  signature: short,
  coauthors: z.array(z.coerce.number().int().positive().max(2147483647)).max(50).catch([]),
  agency: short,
  sectionId: z.coerce.number().int().positive().max(2147483647).nullable().catch(null),
  imageId: z.coerce.number().int().positive().max(2147483647).nullable().catch(null),
  imageCredit: short,
  imageCaption: short,
  imageAlt: short,
  imageIsIllustration: z.boolean().catch(false),
});

/** « 14 h 05 » (or « 14:05 » in English) in the newsroom's time zone. */
function clockTime(iso: string, { locale, timeZone }: Pick<SiteSettings, 'locale' | 'timeZone'>) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return locale === 'fr' ? `${Number(p.hour)}\u00A0h\u00A0${p.minute}` : `${p.hour}:${p.minute}`;
}

/**
 * The editor script's endpoints, inside the newsroom context: the live preview (the body
 * rendered exactly as on the site) and the autosave of drafts, both CSRF-protected JSON.
 */
export const articleEditorApiRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  // Moderators moderate; previewing and saving articles is for those who write them.
  const posted = {
    config: { policy: 'write-articles' },
    preValidation: app.csrfProtection,
  } as const;

  app.post(
    '/admin/articles/apercu',
    { ...posted, schema: { body: previewBody } },
    async (request, reply) => {
      const input = request.body;
      const { settings, sections } = await deps.cache.snapshot();
      const { locale } = settings;
      const article = await previewArticle(deps.db, {
        draft: { ...input, coauthorIds: input.coauthors },
        sections,
        locale,
        mediaBase: deps.config.mediaPublicUrl,
      });
      return reply.header('cache-control', 'private, no-store').send({
        // The whole article as readers will see it, in the reader page's markup.
        article: await renderFragment(PreviewContent({ site: settings, article })),
        html: article.bodyHtml,
        title: typeset(oneLine(input.title), locale),
        kicker: typeset(input.kicker.trim(), locale),
        standfirst: typeset(input.standfirst.trim(), locale),
        // The slug the title makes, by the server's one rule (the script fills a new article's
        // slug field with it while the editor has not typed one).
        slug: input.title.trim() ? slugify(input.title) : '',
      });
    },
  );

  app.post(
    '/admin/articles/:id/brouillon',
    { ...posted, schema: { params: idParams, body: articleForm } },
    async (request, reply) => {
      const { id } = request.params;
      reply.header('cache-control', 'private, no-store');
      const article = await findArticleById(deps.db, id);
      if (!article) return reply.status(404).send({ error: 'not_found' });
      // Only drafts save themselves; anything readers can see (or will) is saved by hand.
      if (article.status !== 'draft') return reply.status(403).send({ error: 'not_draft' });
      const body = request.body;
      const { settings } = await deps.cache.snapshot();
      const now = deps.clock.now();
      const result = await saveArticle(deps.db, {
        id,
        expectedVersion: Number(body.version),
        // An autosave never flags a reader-visible update.
        draft: { ...readDraft(body), flagUpdate: false },
        user: request.user!,
        now,
        locale: settings.locale,
        origin: { kind: 'autosave' },
      });
      if (result.ok) {
        const savedAt = now.toISOString();
        return reply.send({
          version: result.article.version,
          savedAt,
          time: clockTime(savedAt, settings),
        });
      }
      if (result.reason === 'conflict') return reply.status(409).send({ conflict: true });
      if (result.reason === 'invalid') return reply.status(422).send({ errors: result.errors });
      if (result.reason === 'not_found') return reply.status(404).send({ error: 'not_found' });
      return reply.status(403).send({ error: 'forbidden' });
    },
  );
};
