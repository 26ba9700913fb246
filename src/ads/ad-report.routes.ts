import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { slugify } from '../articles/slug.ts';
import type { Db } from '../db/database.ts';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { idParams } from '../http/schemas.ts';
import { AdvertiserReportPage, CampaignReportPage } from './ad-report.pages.tsx';
import { buildCampaignReport, reportCsv, type ReportCampaign } from './ad-report.ts';
import {
  findReportCampaign,
  findReportCampaignByKey,
  listCampaignDays,
  listCampaignSectionNames,
  listCampaignSlotNames,
} from './ad-report.queries.ts';

// Report keys are random base64url (see save-campaign.ts): anything else names no report.
const keyParams = z.object({ key: z.string().regex(/^[\w-]{16,64}$/) });

async function loadReport(
  db: Db,
  campaign: ReportCampaign,
  { now, timeZone }: { now: Date; timeZone: string },
) {
  const [slots, sections, counted] = await Promise.all([
    listCampaignSlotNames(db, campaign.id),
    listCampaignSectionNames(db, campaign.id),
    listCampaignDays(db, campaign.id),
  ]);
  return buildCampaignReport({ campaign, slots, sections, counted, now, timeZone });
}

// A file name from a campaign name: ASCII only, so every browser keeps it as is.
function csvFileName(campaign: ReportCampaign): string {
  const slug = /[\p{L}\p{N}]/u.test(campaign.name) ? slugify(campaign.name, 50) : 'campagne';
  return `rapport-${slug}-${campaign.id}.csv`;
}

/** A campaign's report in the newsroom (/admin/publicite/campagnes/:id/rapport) and its CSV. */
export const adReportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const campaignOf = async (id: number) => {
    const campaign = await findReportCampaign(deps.db, id);
    if (!campaign) throw notFound();
    return campaign;
  };
  const reportRoute = { config: { policy: 'manage-ads' }, schema: { params: idParams } } as const;

  app.get('/admin/publicite/campagnes/:id/rapport', reportRoute, async (request, reply) => {
    const campaign = await campaignOf(request.params.id);
    const ctx = await pageContext(deps, request);
    const report = await loadReport(deps.db, campaign, {
      now: deps.clock.now(),
      timeZone: ctx.site.timeZone,
    });
    return sendPrivatePage(
      reply,
      CampaignReportPage({ ctx, csrfToken: reply.generateCsrf(), report }),
    );
  });

  app.get('/admin/publicite/campagnes/:id/rapport.csv', reportRoute, async (request, reply) => {
    const campaign = await campaignOf(request.params.id);
    const { settings } = await deps.cache.snapshot();
    const report = await loadReport(deps.db, campaign, {
      now: deps.clock.now(),
      timeZone: settings.timeZone,
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${csvFileName(campaign)}"`)
      .header('cache-control', 'private, no-store')
      .send(reportCsv(report.days));
  });
};

/**
 * The advertiser's read-only report (/annonceurs/rapport/:key), outside the newsroom context:
 * whoever holds the link sees that one campaign, and search engines and Referer headers never
 * learn the address.
 */
export const advertiserReportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex, nofollow');
  });

  app.get('/annonceurs/rapport/:key', { schema: { params: keyParams } }, async (request, reply) => {
    const campaign = await findReportCampaignByKey(deps.db, request.params.key);
    if (!campaign) throw notFound();
    const ctx = await pageContext(deps, request);
    const report = await loadReport(deps.db, campaign, {
      now: deps.clock.now(),
      timeZone: ctx.site.timeZone,
    });
    return sendPrivatePage(reply, AdvertiserReportPage({ ctx, report }));
  });
};
