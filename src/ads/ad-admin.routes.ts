import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUniqueViolation } from '../db/errors.ts';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { flagQuery, idParams } from '../http/schemas.ts';
import {
  readSlotForm,
  slotChanges,
  slotForm,
  validateSlot,
  type SlotFormError,
  type SlotFormValues,
} from './ad-admin.forms.ts';
import { AdsOverviewPage, SlotPage } from './ad-admin.pages.tsx';
import {
  CAMPAIGN_STATES,
  countCampaignsByState,
  findSlot,
  findSlotByKey,
  insertSlot,
  listCampaigns,
  listSlots,
  updateSlot,
  type CampaignState,
} from './ad-admin.queries.ts';
import { adsConfig as config, changeReaderContent, flashQuery } from './ad-admin.request.ts';
import { adAdminStringsFor } from './ad-admin.strings.ts';
import type { AdSlot } from './ad.table.ts';
import { advertiserAdminRoutes } from './advertiser-admin.routes.ts';
import { campaignAdminRoutes } from './campaign-admin.routes.ts';
import { insertMissingAdSlots } from './ad-delivery.queries.ts';
import { ADVERTISE_PATH, defaultSlots } from './default-slots.ts';

const overviewQuery = z.object({
  etat: z
    .enum(CAMPAIGN_STATES as [CampaignState, ...CampaignState[]])
    .optional()
    .catch(undefined),
  fait: flagQuery,
});

const slotFormOf = (s: AdSlot): SlotFormValues => ({
  key: s.key,
  name: s.name,
  placement: s.placement,
  paragraph: String(s.paragraph || 3),
  phoneWidth: String(s.phone_width),
  phoneHeight: String(s.phone_height),
  desktopWidth: String(s.desktop_width),
  desktopHeight: String(s.desktop_height),
  houseTitle: s.house_title,
  houseText: s.house_text,
  houseUrl: s.house_url,
  enabled: !!s.enabled,
});

/** The ads admin: the overview and slots here, advertisers and campaigns in their own plugins. */
export const adAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const posted = { config, preValidation: app.csrfProtection };
  const onSlot = { ...posted, schema: { params: idParams, body: slotForm } };

  const overview = { config, schema: { querystring: overviewQuery } };
  app.get('/admin/publicite', overview, async (request, reply) => {
    const { etat, fait } = request.query;
    const now = deps.clock.now();
    const [slots, campaigns, counts] = await Promise.all([
      listSlots(deps.db),
      listCampaigns(deps.db, { now, state: etat }),
      countCampaignsByState(deps.db, now),
    ]);
    const ctx = await pageContext(deps, request);
    return sendPrivatePage(
      reply,
      AdsOverviewPage({
        ctx,
        csrfToken: reply.generateCsrf(),
        slots,
        campaigns,
        counts,
        state: etat,
        flash: fait,
      }),
    );
  });

  // The four usual slots, for a site that has none yet; keys already taken are left alone.
  app.post('/admin/publicite/emplacements/habituels', posted, async (_request, reply) => {
    await changeReaderContent(deps, (trx) =>
      insertMissingAdSlots(trx, defaultSlots(deps.clock.now())),
    );
    return reply.redirect('/admin/publicite?fait=emplacements-crees', 303);
  });

  const slotPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: { slot?: AdSlot; form: SlotFormValues; errors?: SlotFormError[]; flash?: string },
    status = 200,
  ) =>
    sendPrivatePage(
      reply,
      SlotPage({
        ctx: await pageContext(deps, request),
        csrfToken: reply.generateCsrf(),
        slot: p.slot,
        form: p.form,
        errors: p.errors ?? [],
        flash: p.flash,
      }),
      status,
    );

  app.get('/admin/publicite/emplacements/nouveau', { config }, async (request, reply) => {
    const { settings } = await deps.cache.snapshot();
    const form: SlotFormValues = {
      key: '',
      name: '',
      placement: 'top',
      paragraph: '3',
      phoneWidth: '320',
      phoneHeight: '100',
      desktopWidth: '728',
      desktopHeight: '90',
      houseTitle: adAdminStringsFor(settings.locale).houseTitleDefault,
      houseText: '',
      houseUrl: ADVERTISE_PATH,
      enabled: true,
    };
    return slotPage(request, reply, { form });
  });

  const newSlot = { ...posted, schema: { body: slotForm } };
  app.post('/admin/publicite/emplacements', newSlot, async (request, reply) => {
    const form = readSlotForm(request.body);
    const errors = validateSlot(form, { withKey: true });
    if (!errors.length && (await findSlotByKey(deps.db, form.key))) errors.push('key-taken');
    if (errors.length) return slotPage(request, reply, { form, errors }, 422);
    const { settings } = await deps.cache.snapshot();
    const changes = slotChanges(form, adAdminStringsFor(settings.locale).houseTitleDefault);
    try {
      await changeReaderContent(deps, async (trx) => {
        const position = Math.max(-1, ...(await listSlots(trx)).map((s) => s.position)) + 1;
        await insertSlot(trx, {
          ...changes,
          key: form.key,
          position,
          created_at: deps.clock.now().toISOString(),
        });
      });
    } catch (err) {
      // Two people creating the same key at once: the unique key decides, the other one is told.
      if (!isUniqueViolation(err)) throw err;
      return slotPage(request, reply, { form, errors: ['key-taken'] }, 409);
    }
    return reply.redirect('/admin/publicite?fait=emplacement-cree#emplacements', 303);
  });

  const shown = { config, schema: { params: idParams, querystring: flashQuery } };
  app.get('/admin/publicite/emplacements/:id', shown, async (request, reply) => {
    const slot = await findSlot(deps.db, request.params.id);
    if (!slot) throw notFound();
    return slotPage(request, reply, {
      slot,
      form: slotFormOf(slot),
      flash: request.query.fait,
    });
  });

  app.post('/admin/publicite/emplacements/:id', onSlot, async (request, reply) => {
    const slot = await findSlot(deps.db, request.params.id);
    if (!slot) throw notFound();
    const form = { ...readSlotForm(request.body), key: slot.key };
    const errors = validateSlot(form, { withKey: false });
    if (errors.length) return slotPage(request, reply, { slot, form, errors }, 422);
    const { settings } = await deps.cache.snapshot();
    const changes = slotChanges(form, adAdminStringsFor(settings.locale).houseTitleDefault);
    await changeReaderContent(deps, (trx) => updateSlot(trx, slot.id, changes));
    return reply.redirect(
      `/admin/publicite/emplacements/${slot.id}?fait=emplacement-enregistre`,
      303,
    );
  });

  await app.register(advertiserAdminRoutes, deps);
  await app.register(campaignAdminRoutes, deps);
};
