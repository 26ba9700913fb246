import type { Db, DbOrTrx } from '../db/database.ts';
import { findImageInfo } from '../media/media.queries.ts';
import type { ImageInfo } from '../media/image-variants.ts';
import type { AdCampaign, AdSlot, NewAdSlot } from './ad.table.ts';

/** The enabled slots, in their admin order. */
export async function listEnabledAdSlots(db: DbOrTrx): Promise<AdSlot[]> {
  return db
    .selectFrom('ad_slots')
    .selectAll()
    .where('enabled', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** An active campaign with where it runs and its image, as delivery needs it. */
export interface ActiveCampaignRow {
  campaign: AdCampaign;
  slotIds: number[];
  /** null when it runs in every section. */
  sectionIds: number[] | null;
  image: ImageInfo | undefined;
}

/** Campaigns marked active that have not ended by `now`, with their slots, sections and image. */
export async function listActiveCampaigns(db: Db, now: Date): Promise<ActiveCampaignRow[]> {
  const campaigns = await db
    .selectFrom('ad_campaigns')
    .selectAll()
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now.toISOString())]))
    .execute();
  if (!campaigns.length) return [];
  const ids = campaigns.map((c) => c.id);
  const [slots, sections] = await Promise.all([
    db
      .selectFrom('ad_campaign_slots')
      .select(['campaign_id', 'slot_id'])
      .where('campaign_id', 'in', ids)
      .execute(),
    db
      .selectFrom('ad_campaign_sections')
      .select(['campaign_id', 'section_id'])
      .where('campaign_id', 'in', ids)
      .execute(),
  ]);
  return Promise.all(
    campaigns.map(async (campaign) => ({
      campaign,
      slotIds: slots.filter((s) => s.campaign_id === campaign.id).map((s) => s.slot_id),
      sectionIds: campaign.all_sections
        ? null
        : sections.filter((s) => s.campaign_id === campaign.id).map((s) => s.section_id),
      image:
        campaign.creative_kind === 'image' && campaign.media_id !== null
          ? await findImageInfo(db, campaign.media_id)
          : undefined,
    })),
  );
}

/** Impressions so far per campaign: in total, and on the given newsroom day. */
export async function findDeliveredCounts(
  db: DbOrTrx,
  campaignIds: number[],
  today: string,
): Promise<Map<number, { total: number; today: number }>> {
  const counts = new Map<number, { total: number; today: number }>();
  if (!campaignIds.length) return counts;
  const rows = await db
    .selectFrom('ad_stats')
    .select(['campaign_id', 'day', 'impressions'])
    .where('campaign_id', 'in', campaignIds)
    .execute();
  for (const r of rows) {
    const c = counts.get(r.campaign_id) ?? { total: 0, today: 0 };
    c.total += Number(r.impressions);
    if (r.day === today) c.today += Number(r.impressions);
    counts.set(r.campaign_id, c);
  }
  return counts;
}

/** Adds impressions and clicks to campaigns' daily counts. */
export async function addCampaignCounts(
  db: DbOrTrx,
  rows: { campaignId: number; day: string; impressions: number; clicks: number }[],
): Promise<void> {
  for (const r of rows)
    await db
      .insertInto('ad_stats')
      .values({
        campaign_id: r.campaignId,
        day: r.day,
        impressions: r.impressions,
        clicks: r.clicks,
      })
      .onConflict((oc) =>
        oc.columns(['campaign_id', 'day']).doUpdateSet((eb) => ({
          impressions: eb('ad_stats.impressions', '+', eb.ref('excluded.impressions')),
          clicks: eb('ad_stats.clicks', '+', eb.ref('excluded.clicks')),
        })),
      )
      .execute();
}

/** Adds views to slots' daily counts. */
export async function addSlotViews(
  db: DbOrTrx,
  rows: { slotId: number; day: string; views: number }[],
): Promise<void> {
  for (const r of rows)
    await db
      .insertInto('ad_slot_stats')
      .values({ slot_id: r.slotId, day: r.day, views: r.views })
      .onConflict((oc) =>
        oc.columns(['slot_id', 'day']).doUpdateSet((eb) => ({
          views: eb('ad_slot_stats.views', '+', eb.ref('excluded.views')),
        })),
      )
      .execute();
}

/**
 * Records a click mark unless an unexpired one has the same key; returns whether this click is
 * new. One statement, so concurrent clicks on several instances agree.
 */
export async function markClick(
  db: DbOrTrx,
  { key, now, expiresAt }: { key: string; now: Date; expiresAt: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('ad_click_marks')
    .values({ key, expires_at: expiresAt.toISOString() })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ expires_at: expiresAt.toISOString() })
        .where('ad_click_marks.expires_at', '<=', now.toISOString()),
    )
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets click marks that have expired; returns how many. */
export async function deleteExpiredClickMarks(db: DbOrTrx, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('ad_click_marks')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Marks active campaigns whose end has passed as ended; returns how many. */
export async function endFinishedCampaigns(db: DbOrTrx, now: Date): Promise<number> {
  const result = await db
    .updateTable('ad_campaigns')
    .set({ status: 'ended', updated_at: now.toISOString() })
    .where('status', '=', 'active')
    .where('ends_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Where a campaign's clicks lead, if the campaign exists. */
export async function findCampaignLink(db: DbOrTrx, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('ad_campaigns')
    .select('link_url')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.link_url;
}

/** Inserts slots that do not exist yet, by key (the defaults of a new site). */
export async function insertMissingAdSlots(db: DbOrTrx, slots: NewAdSlot[]): Promise<number> {
  let added = 0;
  for (const slot of slots) {
    const row = await db
      .insertInto('ad_slots')
      .values(slot)
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) added++;
  }
  return added;
}

/** Views per slot since a newsroom day (inclusive), for the audience figures. */
export async function sumSlotViewsSince(db: Db, fromDay: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('ad_slot_stats')
    .select(['slot_id', (eb) => eb.fn.sum<number | string>('views').as('views')])
    .where('day', '>=', fromDay)
    .groupBy('slot_id')
    .execute();
  return new Map(rows.map((r) => [r.slot_id, Number(r.views)]));
}
