import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { clip, flagQuery, formBody } from '../http/schemas.ts';
import { readModerationSettingsForm } from './moderation-settings.ts';
import { ModerationSettingsPage, valuesOf } from './moderation-settings.pages.tsx';
import { findModerationSettings, updateModerationSettings } from './moderation-settings.queries.ts';

const rulesForm = formBody(
  'bannedWords',
  'suspectWords',
  'blockedDomains',
  'maxLinks',
  'regularAfter',
  'capsPercent',
  'rejectedPercent',
  'autoApproveRegulars',
);

// A list may be long (500 entries of 100 characters); anything beyond is not a list.
const LIST_TEXT_MAX = 60_000;

/**
 * The moderation rules' word lists and thresholds, for those who set the comment settings;
 * registered inside the newsroom context. Stored in `settings`: every instance reads them at
 * each submission, so a change applies everywhere at once. No reader page shows them.
 */
export const moderationSettingsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'edit-comment-settings' } as const;

  const shown = { config, schema: { querystring: z.object({ fait: flagQuery }) } };
  app.get('/admin/moderation/regles', shown, async (request, reply) => {
    const ctx = await pageContext(deps, request);
    return sendPrivatePage(
      reply,
      ModerationSettingsPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        values: valuesOf(await findModerationSettings(deps.db)),
        errors: {},
        saved: request.query.fait === '1',
      }),
    );
  });

  app.post(
    '/admin/moderation/regles',
    { config, preValidation: app.csrfProtection, schema: { body: rulesForm } },
    async (request, reply) => {
      const b = request.body;
      const form = {
        bannedWords: clip(b.bannedWords, LIST_TEXT_MAX),
        suspectWords: clip(b.suspectWords, LIST_TEXT_MAX),
        blockedDomains: clip(b.blockedDomains, LIST_TEXT_MAX),
        maxLinks: clip(b.maxLinks, 10),
        regularAfter: clip(b.regularAfter, 10),
        capsPercent: clip(b.capsPercent, 10),
        rejectedPercent: clip(b.rejectedPercent, 10),
        autoApproveRegulars: clip(b.autoApproveRegulars, 10),
      };
      const result = readModerationSettingsForm(form);
      if (result.ok) {
        await updateModerationSettings(deps.db, result.settings);
        return reply.redirect('/admin/moderation/regles?fait=1', 303);
      }
      const ctx = await pageContext(deps, request);
      const page = ModerationSettingsPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        values: { ...form, autoApproveRegulars: form.autoApproveRegulars === '1' },
        errors: result.errors,
        saved: false,
      });
      return sendPrivatePage(reply, page, 422);
    },
  );
};
