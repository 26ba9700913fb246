import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { formId, idFromText, idParams } from '../http/schemas.ts';
import { refusalMessage, thumbnailOf, variantsOf } from '../media/media-library.pages.tsx';
import { findMedia, listMedia } from '../media/media.queries.ts';
import { registerUploadForms, uploadedFile } from '../media/upload-form.ts';
import { listSections } from '../sections/section.queries.ts';
import { heaviestAdFile } from './ad-creative.ts';
import {
  findCampaign,
  findCampaignListing,
  listAdvertisers,
  listCampaignSectionIds,
  listCampaignSlotIds,
  listSlots,
} from './ad-admin.queries.ts';
import { adsConfig as config, flashQuery } from './ad-admin.request.ts';
import { CampaignPage, type CampaignPageProps } from './campaign-admin.pages.tsx';
import type { CreativeImageChoice } from './creative-field.tsx';
import {
  campaignForm,
  campaignFormOf,
  emptyCampaignForm,
  readCampaignForm,
  saveCampaign,
  type SaveCampaignResult,
} from './save-campaign.ts';

// Recent library images offered as creatives; an older one can be sent again (same file, same item).
const IMAGE_CHOICES = 24;

/** Campaigns: create and edit, with an image creative picked in the library or sent along. */
export const campaignAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  // The campaign form carries an optional image file: checkboxes arrive as repeated fields.
  await registerUploadForms(app, { fields: 600 });
  const posted = { config, preValidation: app.csrfProtection };

  // Recent images, the picked one first even when it is older.
  const imageChoices = async (picked: string): Promise<CreativeImageChoice[]> => {
    const recent = await listMedia(deps.db, { limit: IMAGE_CHOICES, offset: 0 });
    const id = idFromText(picked);
    const current = id
      ? (recent.find((m) => m.id === id) ?? (await findMedia(deps.db, id)))
      : undefined;
    const items = current ? [current, ...recent.filter((m) => m.id !== id)] : recent;
    return items.map((m) => ({
      id: m.id,
      alt: m.alt,
      thumb: thumbnailOf(m),
      heaviest: heaviestAdFile({ width: m.width, height: m.height, variants: variantsOf(m) }),
    }));
  };

  const campaignPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: Pick<CampaignPageProps, 'campaign' | 'form'> &
      Partial<Pick<CampaignPageProps, 'errors' | 'heavyBytes' | 'fileError' | 'flash'>>,
    status = 200,
  ) => {
    const [advertisers, slots, sections, images] = await Promise.all([
      listAdvertisers(deps.db),
      listSlots(deps.db),
      listSections(deps.db),
      imageChoices(p.form.mediaId),
    ]);
    return sendPrivatePage(
      reply,
      CampaignPage({
        ctx: await pageContext(deps, request),
        csrfToken: reply.generateCsrf(),
        errors: [],
        ...p,
        advertisers,
        slots,
        sections,
        images,
      }),
      status,
    );
  };

  // The stored campaign as its page shows it, or a 404.
  const loadCampaign = async (id: number) => {
    const [row, listing] = await Promise.all([
      findCampaign(deps.db, id),
      findCampaignListing(deps.db, id, deps.clock.now()),
    ]);
    if (!row || !listing) throw notFound();
    return { row, campaign: { ...listing, reportKey: row.report_key } };
  };

  // Saves the posted form (new when id is undefined): a redirect to the campaign, or the form back.
  const save = async (
    request: FastifyRequest,
    reply: FastifyReply,
    campaign: CampaignPageProps['campaign'],
    body: z.infer<typeof campaignForm>,
  ) => {
    const { settings } = await deps.cache.snapshot();
    const result: SaveCampaignResult = await saveCampaign(deps.db, {
      id: campaign?.id,
      form: readCampaignForm(body),
      imageFile: uploadedFile(body.imageFile),
      timeZone: settings.timeZone,
      store: deps.media,
      now: deps.clock.now(),
    });
    if (result.ok) {
      deps.cache.invalidate();
      const flash = campaign ? 'campagne-enregistree' : 'campagne-creee';
      return reply.redirect(`/admin/publicite/campagnes/${result.id}?fait=${flash}`, 303);
    }
    const refusal = result.uploadRefusal;
    return campaignPage(
      request,
      reply,
      {
        campaign,
        form: result.form,
        errors: result.errors,
        heavyBytes: result.heavyBytes,
        fileError: refusal
          ? refusalMessage(settings.locale, refusal.reason, refusal.format)
          : undefined,
      },
      refusal?.reason === 'too-large' ? 413 : 422,
    );
  };

  // `?annonceur=<id>` preselects the advertiser whose page the form was opened from.
  const blank = {
    config,
    schema: { querystring: z.object({ annonceur: formId.catch(undefined) }) },
  };
  app.get('/admin/publicite/campagnes/nouvelle', blank, async (request, reply) => {
    const { settings } = await deps.cache.snapshot();
    const form = emptyCampaignForm(deps.clock.now(), settings.timeZone);
    const wanted = request.query.annonceur;
    if (wanted) form.advertiserId = String(wanted);
    return campaignPage(request, reply, { campaign: undefined, form });
  });

  const adding = { ...posted, schema: { body: campaignForm } };
  app.post('/admin/publicite/campagnes', adding, async (request, reply) =>
    save(request, reply, undefined, request.body),
  );

  const shown = { config, schema: { params: idParams, querystring: flashQuery } };
  app.get('/admin/publicite/campagnes/:id', shown, async (request, reply) => {
    const { row, campaign } = await loadCampaign(request.params.id);
    const { settings } = await deps.cache.snapshot();
    const [slotIds, sectionIds] = await Promise.all([
      listCampaignSlotIds(deps.db, row.id),
      listCampaignSectionIds(deps.db, row.id),
    ]);
    const form = campaignFormOf(row, { slotIds, sectionIds, timeZone: settings.timeZone });
    return campaignPage(request, reply, { campaign, form, flash: request.query.fait });
  });

  const edited = { ...posted, schema: { params: idParams, body: campaignForm } };
  app.post('/admin/publicite/campagnes/:id', edited, async (request, reply) =>
    save(request, reply, (await loadCampaign(request.params.id)).campaign, request.body),
  );
};
