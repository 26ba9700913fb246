import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { clip, flagQuery, formBody } from '../http/schemas.ts';
import { findMedia, listMedia } from '../media/media.queries.ts';
import type { MediaRow } from '../media/media.table.ts';
import { fileField, registerUploadForms, uploadedFile } from '../media/upload-form.ts';
import { saveSiteSettings, type SettingsFormValues } from './save-site-settings.ts';
import { SettingsPage } from './settings-admin.pages.tsx';

// Enough to find a logo just uploaded to the library; an older one can be sent again (same file,
// same item).
const LOGO_CHOICES = 24;

const settingsForm = formBody(
  'siteName',
  'siteNameAfterDe',
  'tagline',
  'locale',
  'timeZone',
  'timeZoneOther',
  'contactEmail',
  'logoMediaId',
  'readerOptions',
  'feedFullText',
  'liteForSaveData',
  'adsCollapseUnsoldOnPhones',
).extend({ logoFile: fileField });

/** Reads the settings form as typed; a typed time zone wins over the list. */
function readForm(body: z.infer<typeof settingsForm>): SettingsFormValues {
  return {
    siteName: clip(body.siteName, 300),
    siteNameAfterDe:
      body.siteNameAfterDe !== undefined ? clip(body.siteNameAfterDe, 300) : undefined,
    tagline: clip(body.tagline, 600),
    locale: clip(body.locale, 10),
    timeZone: clip(body.timeZoneOther, 100) || clip(body.timeZone, 100),
    contactEmail: clip(body.contactEmail, 300),
    // Absent (a form without the logo list) leaves the logo as it is; '' removes it.
    logoMediaId: body.logoMediaId !== undefined ? clip(body.logoMediaId, 20) : undefined,
    // An unticked box sends nothing: the hidden `readerOptions` says the boxes were on the form.
    ...(body.readerOptions === '1'
      ? {
          feedFullText: body.feedFullText === '1',
          liteForSaveData: body.liteForSaveData === '1',
          adsCollapseUnsoldOnPhones: body.adsCollapseUnsoldOnPhones === '1',
        }
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
export const settingsAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  await registerUploadForms(app, { fields: 20 });

  // The policy is checked on request, so a member without the right is refused before any
  // logo file is read.
  const config = { policy: 'edit-site-settings' } as const;

  const shown = { config, schema: { querystring: z.object({ fait: flagQuery }) } };
  app.get('/admin/reglages', shown, async (request, reply) => {
    const ctx = await pageContext(deps, request);
    const { site } = ctx;
    const saved = request.query.fait === '1';
    return sendPrivatePage(
      reply,
      SettingsPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        values: {
          siteName: site.siteName,
          siteNameAfterDe: site.siteNameAfterDe,
          tagline: site.tagline,
          locale: site.locale,
          timeZone: site.timeZone,
          contactEmail: site.contactEmail,
          logoMediaId: String(site.logoMediaId ?? ''),
          feedFullText: site.feedFullText,
          liteForSaveData: site.liteForSaveData,
          adsCollapseUnsoldOnPhones: site.adsCollapseUnsoldOnPhones,
        },
        errors: [],
        logoChoices: await logoChoices(deps, site.logoMediaId),
        saved,
      }),
    );
  });

  app.post(
    '/admin/reglages',
    { config, preValidation: app.csrfProtection, schema: { body: settingsForm } },
    async (request, reply) => {
      const body = request.body;
      const form = readForm(body);
      const result = await saveSiteSettings(deps.db, {
        form,
        logoFile: uploadedFile(body.logoFile),
        store: deps.media,
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
