import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { idParams } from '../http/schemas.ts';
import {
  advertiserChanges,
  advertiserForm,
  readAdvertiserForm,
  validateAdvertiser,
  type AdvertiserFormError,
  type AdvertiserFormValues,
} from './ad-admin.forms.ts';
import {
  countCampaignsByAdvertiser,
  findAdvertiser,
  insertAdvertiser,
  listAdvertisers,
  listCampaigns,
  updateAdvertiser,
} from './ad-admin.queries.ts';
import { adsConfig as config, changeReaderContent, flashQuery } from './ad-admin.request.ts';
import type { Advertiser } from './ad.table.ts';
import {
  AdvertiserEditPage,
  AdvertiserListPage,
  emptyAdvertiserForm,
} from './advertiser-admin.pages.tsx';

const advertiserFormOf = (a: Advertiser): AdvertiserFormValues => ({
  name: a.name,
  contactName: a.contact_name,
  contactEmail: a.contact_email,
  contactPhone: a.contact_phone,
});

/** Advertisers: the list with the form that adds one, and each one's details and campaigns. */
export const advertiserAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const posted = { config, preValidation: app.csrfProtection };

  const advertiserList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: { form?: AdvertiserFormValues; errors?: AdvertiserFormError[]; flash?: string } = {},
    status = 200,
  ) => {
    const [advertisers, counts] = await Promise.all([
      listAdvertisers(deps.db),
      countCampaignsByAdvertiser(deps.db),
    ]);
    return sendPrivatePage(
      reply,
      AdvertiserListPage({
        ctx: await pageContext(deps, request),
        csrfToken: reply.generateCsrf(),
        advertisers: advertisers.map((a) => ({ ...a, campaigns: counts.get(a.id) ?? 0 })),
        form: p.form ?? emptyAdvertiserForm,
        errors: p.errors ?? [],
        flash: p.flash,
      }),
      status,
    );
  };

  const advertiserPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    advertiser: Advertiser,
    p: { form?: AdvertiserFormValues; errors?: AdvertiserFormError[]; flash?: string } = {},
    status = 200,
  ) =>
    sendPrivatePage(
      reply,
      AdvertiserEditPage({
        ctx: await pageContext(deps, request),
        csrfToken: reply.generateCsrf(),
        advertiser,
        campaigns: await listCampaigns(deps.db, {
          now: deps.clock.now(),
          advertiserId: advertiser.id,
        }),
        form: p.form ?? advertiserFormOf(advertiser),
        errors: p.errors ?? [],
        flash: p.flash,
      }),
      status,
    );

  const list = { config, schema: { querystring: flashQuery } };
  app.get('/admin/publicite/annonceurs', list, async (request, reply) =>
    advertiserList(request, reply, { flash: request.query.fait }),
  );

  const adding = { ...posted, schema: { body: advertiserForm } };
  app.post('/admin/publicite/annonceurs', adding, async (request, reply) => {
    const form = readAdvertiserForm(request.body);
    const errors = validateAdvertiser(form);
    if (errors.length) return advertiserList(request, reply, { form, errors }, 422);
    const created = await insertAdvertiser(deps.db, {
      ...advertiserChanges(form),
      created_at: deps.clock.now().toISOString(),
    });
    return reply.redirect(`/admin/publicite/annonceurs/${created.id}?fait=annonceur-cree`, 303);
  });

  const shown = { config, schema: { params: idParams, querystring: flashQuery } };
  app.get('/admin/publicite/annonceurs/:id', shown, async (request, reply) => {
    const advertiser = await findAdvertiser(deps.db, request.params.id);
    if (!advertiser) throw notFound();
    return advertiserPage(request, reply, advertiser, { flash: request.query.fait });
  });

  const edited = { ...posted, schema: { params: idParams, body: advertiserForm } };
  app.post('/admin/publicite/annonceurs/:id', edited, async (request, reply) => {
    const advertiser = await findAdvertiser(deps.db, request.params.id);
    if (!advertiser) throw notFound();
    const form = readAdvertiserForm(request.body);
    const errors = validateAdvertiser(form);
    if (errors.length) return advertiserPage(request, reply, advertiser, { form, errors }, 422);
    // A sponsor's name may be shown with its campaigns: readers' pages follow the change.
    await changeReaderContent(deps, (trx) =>
      updateAdvertiser(trx, advertiser.id, advertiserChanges(form)),
    );
    return reply.redirect(
      `/admin/publicite/annonceurs/${advertiser.id}?fait=annonceur-enregistre`,
      303,
    );
  });
};
