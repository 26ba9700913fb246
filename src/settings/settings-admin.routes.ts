import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { findMedia, listMedia } from '../media/media.queries.ts';
import type { MediaRow } from '../media/media.table.ts';
import { registerUploadForms, uploadedFile } from '../media/upload-form.ts';
import { can } from '../users/policy.ts';
import { saveSiteSettings, type SettingsFormValues } from './save-site-settings.ts';
import { SettingsPage } from './settings-admin.pages.tsx';

// Enough to find a logo just uploaded to the library; an older one can be sent again (same file,
// same item).
const LOGO_CHOICES = 24;

const text = (body: Record<string, unknown>, name: string, max: number): string =>
  typeof body[name] === 'string' ? (body[name] as string).trim().slice(0, max) : '';

/** Reads the settings form as typed; a typed time zone wins over the list. */
function readForm(body: Record<string, unknown>): SettingsFormValues {
  return {
    siteName: text(body, 'siteName', 300),
    tagline: text(body, 'tagline', 600),
    locale: text(body, 'locale', 10),
    timeZone: text(body, 'timeZoneOther', 100) || text(body, 'timeZone', 100),
    contactEmail: text(body, 'contactEmail', 300),
    // Absent (a form without the logo list) leaves the logo as it is; '' removes it.
    logoMediaId: typeof body.logoMediaId === 'string' ? text(body, 'logoMediaId', 20) : undefined,
    // An unticked box sends nothing: the hidden `readerOptions` says the boxes were on the form.
    ...(body.readerOptions === '1'
      ? { feedFullText: body.feedFullText === '1', liteForSaveData: body.liteForSaveData === '1' }
      : {}),
  };
}

/** Recent library images to pick a logo from, the current logo first. */
async function logoChoices(deps: RouteDeps, current: number | null): Promise<MediaRow[]> {
  const recent = await listMedia(deps.db, { limit: LOGO_CHOICES, offset: 0 });
  if (!current) return recent;
  const logo = recent.find((m) => m.id === current) ?? (await findMedia(deps.db, current));
  return logo ? [logo, ...recent.filter((m) => m.id !== current)] : recent;
}

/** The site settings page, for admins; registered inside the newsroom context. */
export const settingsAdminRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  await registerUploadForms(app, { fields: 20 });

  // onRequest, so a member without the right is refused before any logo file is read.
  const requireAdmin = async (request: FastifyRequest) => {
    if (!can(request.user, 'edit-site-settings')) throw forbidden();
  };

  app.get('/admin/reglages', { onRequest: requireAdmin }, async (request, reply) => {
    const ctx = await pageContext(deps, request);
    const { site } = ctx;
    const saved = (request.query as Record<string, unknown> | undefined)?.fait === '1';
    return sendPrivatePage(
      reply,
      SettingsPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        values: {
          siteName: site.siteName,
          tagline: site.tagline,
          locale: site.locale,
          timeZone: site.timeZone,
          contactEmail: site.contactEmail,
          logoMediaId: String(site.logoMediaId ?? ''),
          feedFullText: site.feedFullText,
          liteForSaveData: site.liteForSaveData,
        },
        errors: [],
        logoChoices: await logoChoices(deps, site.logoMediaId),
        saved,
      }),
    );
  });

  app.post(
    '/admin/reglages',
    { onRequest: requireAdmin, preHandler: app.csrfProtection },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const form = readForm(body);
      const result = await saveSiteSettings(deps.db, {
        form,
        logoFile: uploadedFile(body.logoFile),
        dataDir: deps.config.dataDir,
        now: deps.clock.now(),
      });
      if (result.ok) {
        deps.cache.invalidate();
        return reply.redirect('/admin/reglages?fait=1', 303);
      }
      const ctx = await pageContext(deps, request);
      const page = SettingsPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        values: form,
        errors: result.errors,
        logoRefusal: result.logoRefusal,
        logoChoices: await logoChoices(deps, ctx.site.logoMediaId),
        saved: false,
      });
      return sendPrivatePage(reply, page, result.logoRefusal?.reason === 'too-large' ? 413 : 422);
    },
  );
};
