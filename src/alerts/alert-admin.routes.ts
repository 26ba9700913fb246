import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { clip, flagQuery, formBody } from '../http/schemas.ts';
import { findUserName } from '../users/user.queries.ts';
import { isoInZone } from '../web/dates.ts';
import { AlertAdminPage, type PastAlert } from './alert-admin.pages.tsx';
import { findCurrentAlert, listPastAlerts } from './alert.queries.ts';
import {
  ALERT_DEFAULT_HOURS,
  readAlertForm,
  type AlertFormError,
  type AlertFormValues,
} from './alert.ts';
import { lowerAlert, raiseAlert } from './raise-alert.ts';

const PAST_SHOWN = 20;
const alertForm = formBody('text', 'linkUrl', 'endsAt');

/** The « Alerte » page and its two actions, for editors and admins (newsroom context). */
export const alertAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'raise-alerts' } as const;

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    state: { form: AlertFormValues; errors: AlertFormError[]; flash?: string | undefined },
  ) {
    const now = deps.clock.now();
    const [ctx, current, pastRows] = await Promise.all([
      pageContext(deps, request),
      findCurrentAlert(deps.db, now),
      listPastAlerts(deps.db, { now, limit: PAST_SHOWN }),
    ]);
    const past: PastAlert[] = [];
    for (const row of pastRows)
      past.push({ ...row, loweredByName: await findUserName(deps.db, row.lowered_by) });
    return AlertAdminPage({
      ctx,
      csrfToken: reply.generateCsrf(),
      current,
      past,
      form: state.form,
      errors: state.errors,
      flash: state.flash,
    });
  }

  // The end a new alert gets unless changed: in a couple of hours, on the newsroom's clock.
  async function emptyForm(): Promise<AlertFormValues> {
    const { settings } = await deps.cache.snapshot();
    const end = new Date(deps.clock.now().getTime() + ALERT_DEFAULT_HOURS * 3_600_000);
    return {
      text: '',
      linkUrl: '',
      endsAt: isoInZone(end.toISOString(), settings.timeZone).slice(0, 16),
    };
  }

  const shown = { config, schema: { querystring: z.object({ fait: flagQuery }) } };
  app.get('/admin/alerte', shown, async (request, reply) =>
    sendPrivatePage(
      reply,
      await page(request, reply, {
        form: await emptyForm(),
        errors: [],
        flash: request.query.fait,
      }),
    ),
  );

  app.post(
    '/admin/alerte',
    { config, preValidation: app.csrfProtection, schema: { body: alertForm } },
    async (request, reply) => {
      const form: AlertFormValues = {
        text: clip(request.body.text, 2_000),
        linkUrl: clip(request.body.linkUrl, 2_000),
        endsAt: clip(request.body.endsAt, 40),
      };
      const now = deps.clock.now();
      const { settings } = await deps.cache.snapshot();
      const read = readAlertForm(form, { now, timeZone: settings.timeZone });
      if (!read.ok)
        return sendPrivatePage(
          reply,
          await page(request, reply, { form, errors: read.errors }),
          422,
        );
      await raiseAlert(deps.db, { ...read.alert, now, by: request.user?.id ?? null });
      deps.cache.invalidate();
      return reply.redirect('/admin/alerte?fait=lancee', 303);
    },
  );

  app.post(
    '/admin/alerte/retirer',
    { config, preValidation: app.csrfProtection, schema: { body: formBody() } },
    async (request, reply) => {
      const lowered = await lowerAlert(deps.db, {
        now: deps.clock.now(),
        by: request.user?.id ?? null,
      });
      deps.cache.invalidate();
      return reply.redirect(`/admin/alerte?fait=${lowered ? 'retiree' : 'aucune'}`, 303);
    },
  );
};
