import { randomBytes } from 'node:crypto';
import { defaultSlots } from '../../src/ads/default-slots.ts';
import type {
  AdCampaign,
  AdSlot,
  Advertiser,
  NewAdCampaign,
  NewAdvertiser,
} from '../../src/ads/ad.table.ts';
import type { Db } from '../../src/db/database.ts';

let counter = 0;
const CREATED = '2026-10-01T00:00:00.000Z';

/** Inserts an advertiser. */
export async function buildAdvertiser(
  db: Db,
  overrides: Partial<NewAdvertiser> = {},
): Promise<Advertiser> {
  return db
    .insertInto('advertisers')
    .values({
      name: `Annonceur ${++counter}`,
      contact_name: '',
      contact_email: '',
      contact_phone: '',
      created_at: CREATED,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts the default slots (haut-de-page, dans-l-article…), as a new site has them. */
export async function buildDefaultSlots(db: Db): Promise<AdSlot[]> {
  return db
    .insertInto('ad_slots')
    .values(defaultSlots(new Date(CREATED)))
    .returningAll()
    .execute();
}

/** Inserts a running text campaign (a new advertiser unless one is given), with its slots and sections. */
export async function buildCampaign(
  db: Db,
  overrides: Partial<NewAdCampaign> & { slotIds?: number[]; sectionIds?: number[] } = {},
): Promise<AdCampaign> {
  const { slotIds = [], sectionIds = [], ...values } = overrides;
  const n = ++counter;
  const advertiser_id = values.advertiser_id ?? (await buildAdvertiser(db)).id;
  const campaign = await db
    .insertInto('ad_campaigns')
    .values({
      advertiser_id,
      name: `Campagne ${n}`,
      tier: 'standard',
      weight: 1,
      status: 'active',
      starts_at: '2026-11-01T00:00:00.000Z',
      ends_at: '2026-12-01T00:00:00.000Z',
      creative_kind: 'text',
      text_title: `Offre ${n}`,
      text_body: 'Une offre à ne pas manquer',
      link_url: 'https://annonceur.example/offre',
      all_sections: sectionIds.length ? 0 : 1,
      total_cap: null,
      daily_cap: null,
      report_key: randomBytes(18).toString('base64url'),
      created_at: CREATED,
      updated_at: CREATED,
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const slot_id of slotIds)
    await db
      .insertInto('ad_campaign_slots')
      .values({ campaign_id: campaign.id, slot_id })
      .execute();
  for (const section_id of sectionIds)
    await db
      .insertInto('ad_campaign_sections')
      .values({ campaign_id: campaign.id, section_id })
      .execute();
  return campaign;
}

/** Writes a campaign's counts for newsroom days, as delivery and counting would have. */
export async function recordDays(
  db: Db,
  campaignId: number,
  days: Record<string, [impressions: number, clicks: number]>,
): Promise<void> {
  const rows = Object.entries(days).map(([day, [impressions, clicks]]) => ({
    campaign_id: campaignId,
    day,
    impressions,
    clicks,
  }));
  if (rows.length) await db.insertInto('ad_stats').values(rows).execute();
}
