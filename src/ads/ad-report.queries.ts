import type { Db } from '../db/database.ts';
import type { DayCount, ReportCampaign } from './ad-report.ts';

function campaigns(db: Db) {
  return db
    .selectFrom('ad_campaigns as c')
    .innerJoin('advertisers as a', 'a.id', 'c.advertiser_id')
    .select([
      'c.id',
      'c.name',
      'a.name as advertiserName',
      'c.status',
      'c.starts_at as startsAt',
      'c.ends_at as endsAt',
      'c.total_cap as totalCap',
      'c.daily_cap as dailyCap',
      'c.all_sections',
      'c.report_key as reportKey',
    ]);
}

type CampaignRow = Omit<ReportCampaign, 'allSections'> & { all_sections: number };

function toReportCampaign({ all_sections, ...row }: CampaignRow): ReportCampaign {
  return { ...row, allSections: all_sections === 1 };
}

/** A campaign as its report shows it, by id. */
export async function findReportCampaign(db: Db, id: number): Promise<ReportCampaign | undefined> {
  const row = await campaigns(db).where('c.id', '=', id).executeTakeFirst();
  return row && toReportCampaign(row);
}

/** A campaign as its report shows it, by the key of the advertiser's report link (exact match). */
export async function findReportCampaignByKey(
  db: Db,
  key: string,
): Promise<ReportCampaign | undefined> {
  const row = await campaigns(db).where('c.report_key', '=', key).executeTakeFirst();
  return row && toReportCampaign(row);
}

/** The names of the slots a campaign runs in, in the theme's order. */
export async function listCampaignSlotNames(db: Db, campaignId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('ad_campaign_slots as cs')
    .innerJoin('ad_slots as s', 's.id', 'cs.slot_id')
    .select('s.name')
    .where('cs.campaign_id', '=', campaignId)
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => r.name);
}

/** The names of the sections a targeted campaign runs in, in the site's order. */
export async function listCampaignSectionNames(db: Db, campaignId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('ad_campaign_sections as cs')
    .innerJoin('sections as s', 's.id', 'cs.section_id')
    .select('s.name')
    .where('cs.campaign_id', '=', campaignId)
    .orderBy('s.position')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => r.name);
}

/** A campaign's counted days, oldest first (days without a row had nothing counted). */
export async function listCampaignDays(db: Db, campaignId: number): Promise<DayCount[]> {
  return db
    .selectFrom('ad_stats')
    .select(['day', 'impressions', 'clicks'])
    .where('campaign_id', '=', campaignId)
    .orderBy('day')
    .execute();
}

/** A campaign as the dashboard lists it, with its impressions so far. */
export interface CampaignProgress extends ReportCampaign {
  impressions: number;
}

/** Active and paused campaigns whose end falls in [from, to), soonest first. */
export async function listCampaignsEndingBetween(
  db: Db,
  { from, to, limit }: { from: Date; to: Date; limit: number },
): Promise<ReportCampaign[]> {
  const rows = await campaigns(db)
    .where('c.status', 'in', ['active', 'paused'])
    .where('c.ends_at', '>=', from.toISOString())
    .where('c.ends_at', '<', to.toISOString())
    .orderBy('c.ends_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map(toReportCampaign);
}

/** Active campaigns with a total cap, running at `now`, with the impressions they delivered. */
export async function listRunningCappedCampaigns(db: Db, now: Date): Promise<CampaignProgress[]> {
  const at = now.toISOString();
  const rows = await campaigns(db)
    .select((eb) =>
      eb
        .selectFrom('ad_stats as s')
        .select((sb) =>
          sb.fn.coalesce(sb.fn.sum<number | string>('s.impressions'), sb.lit(0)).as('n'),
        )
        .whereRef('s.campaign_id', '=', 'c.id')
        .as('impressions'),
    )
    .where('c.status', '=', 'active')
    .where('c.total_cap', 'is not', null)
    .where('c.starts_at', '<=', at)
    .where((eb) => eb.or([eb('c.ends_at', 'is', null), eb('c.ends_at', '>', at)]))
    .orderBy('c.ends_at')
    .orderBy('c.id')
    .execute();
  // PostgreSQL sums integers as bigint, which its driver hands over as a string.
  return rows.map(({ impressions, ...row }) => ({
    ...toReportCampaign(row),
    impressions: Number(impressions ?? 0),
  }));
}
