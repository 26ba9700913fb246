import { sql } from 'kysely';
import type { Db, DbOrTrx, Trx } from '../db/database.ts';
import type {
  AdCampaign,
  AdCampaignUpdate,
  AdSlot,
  AdSlotUpdate,
  Advertiser,
  AdTier,
  CampaignStatus,
  NewAdCampaign,
  NewAdSlot,
  NewAdvertiser,
} from './ad.table.ts';

/** Where a campaign stands at a given moment, from its status and its delivery window. */
export type CampaignState = 'draft' | 'scheduled' | 'running' | 'paused' | 'ended';

export const CAMPAIGN_STATES: readonly CampaignState[] = [
  'running',
  'scheduled',
  'paused',
  'draft',
  'ended',
];

/** A campaign as the overview lists it. */
export interface CampaignListing {
  id: number;
  name: string;
  advertiserId: number;
  advertiserName: string;
  tier: AdTier;
  status: CampaignStatus;
  startsAt: string;
  endsAt: string | null;
  state: CampaignState;
}

/** Every slot, in the theme's order. */
export async function listSlots(db: DbOrTrx): Promise<AdSlot[]> {
  return db.selectFrom('ad_slots').selectAll().orderBy('position').orderBy('id').execute();
}

/** One slot by id. */
export async function findSlot(db: DbOrTrx, id: number): Promise<AdSlot | undefined> {
  return db.selectFrom('ad_slots').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The slot holding this key, if any. */
export async function findSlotByKey(db: DbOrTrx, key: string): Promise<AdSlot | undefined> {
  return db.selectFrom('ad_slots').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Inserts a slot and returns it. */
export async function insertSlot(db: DbOrTrx, slot: NewAdSlot): Promise<AdSlot> {
  return db.insertInto('ad_slots').values(slot).returningAll().executeTakeFirstOrThrow();
}

/** Changes a slot's settings. */
export async function updateSlot(db: DbOrTrx, id: number, changes: AdSlotUpdate): Promise<void> {
  await db.updateTable('ad_slots').set(changes).where('id', '=', id).execute();
}

/** Every advertiser, by name. */
export async function listAdvertisers(db: DbOrTrx): Promise<Advertiser[]> {
  return db.selectFrom('advertisers').selectAll().orderBy('name').orderBy('id').execute();
}

/** One advertiser by id. */
export async function findAdvertiser(db: DbOrTrx, id: number): Promise<Advertiser | undefined> {
  return db.selectFrom('advertisers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an advertiser and returns it. */
export async function insertAdvertiser(db: DbOrTrx, row: NewAdvertiser): Promise<Advertiser> {
  return db.insertInto('advertisers').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes an advertiser's name and contact details. */
export async function updateAdvertiser(
  db: DbOrTrx,
  id: number,
  changes: Omit<NewAdvertiser, 'id' | 'created_at'>,
): Promise<void> {
  await db.updateTable('advertisers').set(changes).where('id', '=', id).execute();
}

// The state as SQL, so the overview can filter and count by it; the order of the cases is the
// precedence (a draft stays a draft whatever its dates). Timestamps compare as instants on
// PostgreSQL and as ISO strings (always written by toISOString) on SQLite.
function stateOf(now: Date) {
  const at = now.toISOString();
  return sql<CampaignState>`case
    when c.status = 'draft' then 'draft'
    when c.status = 'ended' or c.ends_at <= ${at} then 'ended'
    when c.status = 'paused' then 'paused'
    when c.starts_at > ${at} then 'scheduled'
    else 'running' end`;
}

function listingQuery(db: Db, now: Date) {
  return db
    .selectFrom('ad_campaigns as c')
    .innerJoin('advertisers as a', 'a.id', 'c.advertiser_id')
    .select([
      'c.id',
      'c.name',
      'c.advertiser_id as advertiserId',
      'a.name as advertiserName',
      'c.tier',
      'c.status',
      'c.starts_at as startsAt',
      'c.ends_at as endsAt',
      stateOf(now).as('state'),
    ]);
}

/** Campaigns with their advertiser and state, newest start first; optionally one state only. */
export async function listCampaigns(
  db: Db,
  { now, state, advertiserId }: { now: Date; state?: CampaignState; advertiserId?: number },
): Promise<CampaignListing[]> {
  let query = listingQuery(db, now);
  if (state) query = query.where(stateOf(now), '=', state);
  if (advertiserId !== undefined) query = query.where('c.advertiser_id', '=', advertiserId);
  return query.orderBy('c.starts_at', 'desc').orderBy('c.id', 'desc').execute();
}

/** One campaign as the overview lists it. */
export async function findCampaignListing(
  db: Db,
  id: number,
  now: Date,
): Promise<CampaignListing | undefined> {
  return listingQuery(db, now).where('c.id', '=', id).executeTakeFirst();
}

/** How many campaigns are in each state now. */
export async function countCampaignsByState(
  db: Db,
  now: Date,
): Promise<Record<CampaignState, number>> {
  const rows = await db
    .selectFrom((qb) => qb.selectFrom('ad_campaigns as c').select(stateOf(now).as('state')).as('s'))
    .select((eb) => ['s.state', eb.fn.countAll<number | string>().as('n')])
    .groupBy('s.state')
    .execute();
  const counts = Object.fromEntries(CAMPAIGN_STATES.map((s) => [s, 0])) as Record<
    CampaignState,
    number
  >;
  for (const row of rows) counts[row.state] = Number(row.n);
  return counts;
}

/** One campaign by id. */
export async function findCampaign(db: DbOrTrx, id: number): Promise<AdCampaign | undefined> {
  return db.selectFrom('ad_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The slots a campaign runs in. */
export async function listCampaignSlotIds(db: DbOrTrx, campaignId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('ad_campaign_slots')
    .select('slot_id')
    .where('campaign_id', '=', campaignId)
    .orderBy('slot_id')
    .execute();
  return rows.map((r) => r.slot_id);
}

/** The sections a targeted campaign runs in. */
export async function listCampaignSectionIds(db: DbOrTrx, campaignId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('ad_campaign_sections')
    .select('section_id')
    .where('campaign_id', '=', campaignId)
    .orderBy('section_id')
    .execute();
  return rows.map((r) => r.section_id);
}

/** Inserts a campaign and returns its id. */
export async function insertCampaign(trx: Trx, row: NewAdCampaign): Promise<number> {
  const { id } = await trx
    .insertInto('ad_campaigns')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Changes a campaign's row. */
export async function updateCampaign(
  trx: Trx,
  id: number,
  changes: AdCampaignUpdate,
): Promise<void> {
  await trx.updateTable('ad_campaigns').set(changes).where('id', '=', id).execute();
}

/** Makes a campaign run in exactly these slots. */
export async function replaceCampaignSlots(
  trx: Trx,
  campaignId: number,
  slotIds: number[],
): Promise<void> {
  await trx.deleteFrom('ad_campaign_slots').where('campaign_id', '=', campaignId).execute();
  if (slotIds.length)
    await trx
      .insertInto('ad_campaign_slots')
      .values(slotIds.map((slot_id) => ({ campaign_id: campaignId, slot_id })))
      .execute();
}

/** Makes a targeted campaign run in exactly these sections (none for an every-section one). */
export async function replaceCampaignSections(
  trx: Trx,
  campaignId: number,
  sectionIds: number[],
): Promise<void> {
  await trx.deleteFrom('ad_campaign_sections').where('campaign_id', '=', campaignId).execute();
  if (sectionIds.length)
    await trx
      .insertInto('ad_campaign_sections')
      .values(sectionIds.map((section_id) => ({ campaign_id: campaignId, section_id })))
      .execute();
}

/** How many campaigns each advertiser has, by advertiser id. */
export async function countCampaignsByAdvertiser(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('ad_campaigns')
    .select((eb) => ['advertiser_id', eb.fn.countAll<number | string>().as('n')])
    .groupBy('advertiser_id')
    .execute();
  return new Map(rows.map((r) => [r.advertiser_id, Number(r.n)]));
}
