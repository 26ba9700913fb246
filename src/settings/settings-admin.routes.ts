import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { RouteDeps } from '../http/deps.ts';
import { forbidden } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { can } from '../users/policy.ts';
import { updateSiteSettings } from './setting.queries.ts';
import {
  SettingsPage,
  type SettingsFormError,
  type SettingsFormValues,
} from './settings-admin.pages.tsx';
import { isTimeZone, type SiteSettings } from './site-settings.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (body: Record<string, unknown>, name: string, max: number): string =>
  typeof body[name] === 'string' ? (body[name] as string).trim().slice(0, max) : '';

/** Reads the settings form as typed; a typed time zone wins over the list. */
function readForm(body: unknown): SettingsFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    siteName: text(b, 'siteName', 300),
    tagline: text(b, 'tagline', 600),
    locale: text(b, 'locale', 10),
    timeZone: text(b, 'timeZoneOther', 100) || text(b, 'timeZone', 100),
    contactEmail: text(b, 'contactEmail', 300),
  };
}

/** Checks the form; the settings to store when it is right, else what is wrong. */
function validate(
  form: SettingsFormValues,
): { ok: true; settings: Partial<SiteSettings> } | { ok: false; errors: SettingsFormError[] } {
  const errors: SettingsFormError[] = [];
  if (!form.siteName) errors.push('site-name-missing');
  else if (form.siteName.length > 100) errors.push('site-name-too-long');
  if (form.tagline.length > 200) errors.push('tagline-too-long');
  if (form.locale !== 'fr' && form.locale !== 'en') errors.push('locale-invalid');
  if (!form.timeZone || form.timeZone.length > 64 || !isTimeZone(form.timeZone))
    errors.push('time-zone-invalid');
  if (form.contactEmail && (form.contactEmail.length > 200 || !EMAIL.test(form.contactEmail)))
    errors.push('contact-email-invalid');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      siteName: form.siteName,
      tagline: form.tagline,
      locale: form.locale as SiteSettings['locale'],
      timeZone: form.timeZone,
      contactEmail: form.contactEmail,
    },
  };
}

/** The site settings page, for admins; registered inside the newsroom context. */
export const settingsAdminRoutes: FastifyPluginAsync<RouteDeps> = async (app, deps) => {
  const requireAdmin = async (request: FastifyRequest) => {
    if (!can(request.user, 'edit-site-settings')) throw forbidden();
  };

  app.get('/admin/reglages', { preHandler: requireAdmin }, async (request, reply) => {
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
        },
        errors: [],
        saved,
      }),
    );
  });

  app.post(
    '/admin/reglages',
    { preHandler: [requireAdmin, app.csrfProtection] },
    async (request, reply) => {
      const form = readForm(request.body);
      const result = validate(form);
      if (!result.ok) {
        const page = SettingsPage({
          ctx: await pageContext(deps, request),
          csrfToken: reply.generateCsrf(),
          values: form,
          errors: result.errors,
          saved: false,
        });
        return sendPrivatePage(reply, page, 422);
      }
      await deps.db.transaction().execute(async (trx) => {
        await updateSiteSettings(trx, result.settings);
        // The masthead, titles and dates of every reader page show these settings.
        await bumpContentVersion(trx);
      });
      deps.cache.invalidate();
      return reply.redirect('/admin/reglages?fait=1', 303);
    },
  );
};
