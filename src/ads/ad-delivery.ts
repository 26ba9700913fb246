import { ADS_KEY } from './ad-keys.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isbot } from 'isbot';
import type { PageCache } from '../cache/page-cache.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import {
  countKey,
  pendingCounts,
  splitCountKey,
  writePendingCounts,
} from '../db/pending-counts.ts';
import { newsroomDayOf } from '../web/dates.ts';
import { stringsFor } from '../web/strings.ts';
import type { AdCampaign, AdSlot } from './ad.table.ts';
import {
  addCampaignCounts,
  addSlotViews,
  deleteExpiredClickMarks,
  endFinishedCampaigns,
  findCampaignLink,
  findDeliveredCounts,
  listActiveCampaigns,
  markClick,
} from './ad-delivery.queries.ts';
import { adWords, campaignAdHtml, houseAdHtml, slotKeyOfMarker } from './ad-slot-markup.ts';
import { frenchSpacingHtml } from '../web/typography.ts';
import { pickCampaign, type DeliverableCampaign, type Delivered } from './pick-creative.ts';

/** What a page view's request says about who is asking: enough to skip counting robots. */
export interface Viewer {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The ad slots of one page view, filled. */
export interface AdFill {
  /** Markup per marker. */
  values: Record<string, string>;
  /** Whether a sold campaign could run in one of these slots (the page then varies per view). */
  sold: boolean;
  /** Names what was picked (a campaign id or h for the house ad, per slot), to memoize the body. */
  key: string;
}

/** Per-instance ad delivery: picks creatives, renders slots, counts views and clicks in batches. */
export interface AdDelivery {
  /**
   * Fills a page's ad markers for one view, in a section (null: the home page); synchronously
   * while what it knows is current (most views).
   */
  fill(markers: string[], sectionId: number | null, viewer: Viewer): AdFill | Promise<AdFill>;
  /** Counts a click if it is a person's first in a short while; returns where it leads. */
  click(token: string, viewer: Viewer & { clientKey: string }): Promise<string | undefined>;
  /** The signed path a campaign's link goes through in a slot. */
  clickPath(campaignId: number, slotId: number): string;
  /** Writes the counts gathered so far (on a timer, and when the app closes). */
  flush(): Promise<void>;
}

interface Deliverable extends DeliverableCampaign {
  campaign: AdCampaign;
  /** Rendered slot markup per slot id (the campaign's creative in that slot's frame). */
  html: Map<number, string>;
  /** Its impressions' key in the pending counts, for the inventory's day. */
  countKey: string;
}

// What one view's picks are made from.
interface Current {
  inv: Inventory;
  slots: AdSlot[];
  day: string;
  /** The view's instant (epoch ms). */
  now: number;
}

interface Inventory {
  version: number;
  campaigns: Deliverable[];
  /** Each slot with its house ad, rendered. */
  house: Map<number, string>;
  /** Impressions in the database when loaded, and the newsroom day they were read for. */
  counts: Map<number, Delivered>;
  day: string;
  /** The campaigns that may fill each slot (whatever their dates and caps), in turn. */
  bySlot: Map<number, Deliverable[]>;
  /** Each slot's key in the pending view counts, for that day. */
  slotCountKeys: Map<number, string>;
  loadedAt: number;
  /** Each campaign's impressions so far, as pickCampaign asks for them. */
  delivered: (c: Deliverable) => Delivered;
}

// A page's ad slots as one inventory sees them (see planOf).
interface SlotPlan {
  inv: Inventory;
  /** The layout's slots it was worked out from. */
  layout: AdSlot[];
  slots: {
    marker: string;
    slot: AdSlot;
    /** The campaigns that may fill the slot. */
    booked: Deliverable[];
    /** The slot's key in the pending view counts, for the inventory's day. */
    viewKey: string;
    radix: number;
  }[];
  /** Whether a sold campaign could run in one of the slots. */
  sold: boolean;
  /** The fill of each set of picks seen (by their number: see pickAds). */
  fills: Map<number, AdFill> | undefined;
}

/** How long a click counts once for the same person and campaign. */
export const CLICK_DEDUPE_MS = 60_000;

/** Pending counts are written at least this often. */
export const AD_FLUSH_MS = 5_000;

// Fills kept per page for its sets of picks.
const MAX_FILLS_PER_PAGE = 256;

// Counts from the database are re-read this often, so caps see other instances' deliveries.
const COUNTS_TTL_MS = 30_000;

/** Whether a request comes from a robot or a prefetch (then it is served but never counted). */
export function isRobot(viewer: Viewer): boolean {
  if (viewer.method !== 'GET') return true;
  const h = viewer.headers;
  // (Each view asks: the headers a browser rarely sends are read only when sent.)
  if (h.purpose !== undefined && PREFETCH.test(String(h.purpose))) return true;
  if (h['sec-purpose'] !== undefined && PREFETCH.test(String(h['sec-purpose']))) return true;
  if (h['x-moz'] !== undefined && String(h['x-moz']).toLowerCase() === 'prefetch') return true;
  if (h['x-purpose'] !== undefined && String(h['x-purpose']).toLowerCase() === 'preview')
    return true;
  return isRobotAgent(String(h['user-agent'] ?? ''));
}

const PREFETCH = /prefetch|prerender|preview/i;

// isbot's pattern (case-blind) costs microseconds a call and runs for every counted view and
// impression; readers' User-Agents repeat, so its verdict is kept per agent (a pure function's
// results).
// Capped: a flood of made-up agents only brings back the per-call check.
const MAX_AGENTS = 2_000;
const robotAgents = new Map<string, boolean>();
// The last agent's verdict too: a view asks twice (its ads and its count), with the same string.
let lastAgent = { ua: '', verdict: true };
function isRobotAgent(ua: string): boolean {
  if (ua === '') return true;
  if (ua === lastAgent.ua) return lastAgent.verdict;
  let verdict = robotAgents.get(ua);
  if (verdict === undefined) {
    verdict = isbot(ua);
    if (robotAgents.size >= MAX_AGENTS) robotAgents.clear();
    robotAgents.set(ua, verdict);
  }
  lastAgent = { ua, verdict };
  return verdict;
}

/** Creates the delivery of one app instance. */
export function createAdDelivery({
  db,
  cache,
  clock,
  secret,
  random = Math.random,
}: {
  db: Db;
  cache: PageCache;
  clock: Clock;
  secret: string;
  /** Tests pass a seeded generator. */
  random?: () => number;
}): AdDelivery {
  let inventory: Inventory | undefined;
  let loading: Promise<Inventory> | undefined;
  // Counts not yet written, and those written since the inventory's counts were read.
  const pendingImpressions = pendingCounts();
  const pendingClicks = pendingCounts();
  const pendingViews = pendingCounts();
  let localSinceLoad = new Map<number, Delivered>();

  const sign = (campaignId: number, slotId: number) =>
    createHmac('sha256', secret)
      .update(`ad-click:${campaignId}:${slotId}`)
      .digest('base64url')
      .slice(0, 22);

  const clickPath = (campaignId: number, slotId: number) =>
    `/ads/click/${campaignId}-${slotId}-${sign(campaignId, slotId)}`;

  async function load(version: number, slots: AdSlot[]): Promise<Inventory> {
    await flush();
    const now = clock.now();
    const { settings } = await cache.snapshot();
    const day = newsroomDay(now, settings.timeZone);
    const words = adWords(settings.locale, stringsFor(settings.locale).adLabel);
    // Slot markup is filled into pages after their typography pass, so it gets its own.
    const typeset = (html: string) => (settings.locale === 'fr' ? frenchSpacingHtml(html) : html);
    const rows = await listActiveCampaigns(db, now);
    const counts = await findDeliveredCounts(
      db,
      rows.map((r) => r.campaign.id),
      day,
    );
    localSinceLoad = new Map();
    const campaigns = rows.map(({ campaign, slotIds, sectionIds, image }) => {
      const html = new Map<number, string>();
      for (const slot of slots)
        if (slotIds.includes(slot.id))
          html.set(
            slot.id,
            typeset(campaignAdHtml(slot, campaign, image, clickPath(campaign.id, slot.id), words)),
          );
      return {
        id: campaign.id,
        tier: campaign.tier,
        weight: campaign.weight,
        slotIds: new Set(slotIds),
        sectionIds: sectionIds && new Set(sectionIds),
        startsAt: Date.parse(campaign.starts_at),
        endsAt: campaign.ends_at ? Date.parse(campaign.ends_at) : null,
        totalCap: campaign.total_cap,
        dailyCap: campaign.daily_cap,
        campaign,
        html,
        countKey: countKey(campaign.id, day),
      } satisfies Deliverable;
    });
    // Settings change under the site's key, so the inventory is reloaded with them.
    const collapseOnPhones = settings.adsCollapseUnsoldOnPhones;
    const house = new Map(
      slots.map((slot) => [slot.id, typeset(houseAdHtml(slot, words, { collapseOnPhones }))]),
    );
    const slotCountKeys = new Map(slots.map((slot) => [slot.id, countKey(slot.id, day)]));
    const bySlot = new Map(
      slots.map((slot) => [slot.id, campaigns.filter((c) => c.slotIds.has(slot.id))]),
    );
    const inv: Inventory = {
      version,
      campaigns,
      house,
      counts,
      day,
      bySlot,
      slotCountKeys,
      loadedAt: now.getTime(),
      delivered: (c) => delivered(inv, c),
    };
    return inv;
  }

  // The newsroom day of an instant (kept until the next midnight: Intl is slow).
  const newsroomDay = newsroomDayOf();

  // What a view needs without waiting: the inventory while it is current and the snapshot's
  // change log was read within its TTL; undefined otherwise (see current()).
  function currentNow(): Current | undefined {
    const snapshot = cache.freshSnapshot();
    if (!snapshot || !inventory) return undefined;
    const now = clock.nowMs();
    const day = newsroomDay(now, snapshot.settings.timeZone);
    if (isStale(inventory, day, now)) return undefined;
    return { inv: inventory, slots: snapshot.adSlots, day, now };
  }

  function isStale(inv: Inventory | undefined, day: string, now: number): boolean {
    // Campaigns change under their key; the slots (the layout) under the site's, which moves
    // every key's generation.
    const version = cache.generation(ADS_KEY);
    return !inv || inv.version !== version || inv.day !== day || now - inv.loadedAt > COUNTS_TTL_MS;
  }

  // Picks the creatives of one view and counts it (not a robot's).
  function pickAds(
    { inv, slots, day, now }: Current,
    markers: string[],
    sectionId: number | null,
    viewer: Viewer,
  ): AdFill {
    const count = !isRobot(viewer);
    const plan = planOf(inv, slots, markers);
    // (The keys of the inventory's day are made once, when it is loaded.)
    const sameDay = inv.day === day;
    // The picks, as one number: each slot's pick (0 for its house ad, else 1 + its index among
    // the slot's campaigns) in a mixed radix. Views with the same picks share one fill.
    let picks = 0;
    const chosen: (Deliverable | null)[] = [];
    for (const { slot, booked, viewKey, radix } of plan.slots) {
      // (Most slots have no campaign booked: their house ad, with nothing to weigh.)
      const pick =
        booked.length === 0
          ? null
          : pickCampaign(booked, { slotId: slot.id, sectionId, now }, inv.delivered, random);
      picks = picks * radix + (pick ? booked.indexOf(pick) + 1 : 0);
      chosen.push(pick);
      if (!count) continue;
      pendingViews.add(sameDay ? viewKey : countKey(slot.id, day));
      if (pick) {
        pendingImpressions.add(sameDay ? pick.countKey : countKey(pick.id, day));
        const local = localSinceLoad.get(pick.id) ?? { total: 0, today: 0 };
        local.total++;
        local.today++;
        localSinceLoad.set(pick.id, local);
      }
    }
    if (!plan.fills) return fillOf(inv, plan, chosen);
    let fill = plan.fills.get(picks);
    if (!fill) {
      fill = fillOf(inv, plan, chosen);
      // (A page with many slots and campaigns has more sets than are worth keeping.)
      if (plan.fills.size >= MAX_FILLS_PER_PAGE) plan.fills.clear();
      plan.fills.set(picks, fill);
    }
    return fill;
  }

  // Which of the inventory's slots and campaigns a page's markers have, worked out once per
  // page (its markers list) and inventory, not per view.
  const plans = new WeakMap<string[], SlotPlan>();
  function planOf(inv: Inventory, slots: AdSlot[], markers: string[]): SlotPlan {
    const known = plans.get(markers);
    if (known?.inv === inv && known.layout === slots) return known;
    const plan: SlotPlan = { inv, layout: slots, slots: [], sold: false, fills: new Map() };
    for (const marker of markers) {
      const key = slotKeyOfMarker(marker);
      const slot = key && slots.find((s) => s.key === key);
      if (!slot) continue;
      const booked = inv.bySlot.get(slot.id) ?? inv.campaigns.filter((c) => c.slotIds.has(slot.id));
      if (booked.length > 0) plan.sold = true;
      const viewKey = inv.slotCountKeys.get(slot.id) ?? countKey(slot.id, inv.day);
      plan.slots.push({ marker, slot, booked, viewKey, radix: booked.length + 1 });
    }
    // Past 2^53 the picks' number would not be exact: such a page (never seen on a real site)
    // makes its fill each view.
    if (plan.slots.reduce((n, s) => n * s.radix, 1) > Number.MAX_SAFE_INTEGER)
      plan.fills = undefined;
    plans.set(markers, plan);
    return plan;
  }

  // The fill of one view's picks (a campaign or null, per slot of the plan).
  function fillOf(inv: Inventory, plan: SlotPlan, chosen: (Deliverable | null)[]): AdFill {
    const values: Record<string, string> = {};
    let picked = '';
    plan.slots.forEach(({ marker, slot }, i) => {
      const pick = chosen[i];
      values[marker] = pick ? pick.html.get(slot.id)! : inv.house.get(slot.id)!;
      picked += `${slot.id}:${pick ? pick.id : 'h'},`;
    });
    // The version too: a reloaded inventory may render the same picks differently.
    return { values: Object.freeze(values), sold: plan.sold, key: `${inv.version}/${picked}` };
  }

  async function current(): Promise<Current> {
    const snapshot = await cache.snapshot();
    const now = clock.nowMs();
    const day = newsroomDay(now, snapshot.settings.timeZone);
    const version = cache.generation(ADS_KEY);
    if (isStale(inventory, day, now)) {
      loading ??= load(version, snapshot.adSlots).finally(() => {
        loading = undefined;
      });
      // Only the first load, or a new version, is waited for; fresher counts can arrive later.
      if (!inventory || inventory.version !== version || inventory.day !== day)
        inventory = await loading;
      else void loading.then((inv) => (inventory = inv));
    }
    return { inv: inventory!, slots: snapshot.adSlots, day, now };
  }

  function delivered(inv: Inventory, c: Deliverable): Delivered {
    const base = inv.counts.get(c.id);
    const local = localSinceLoad.get(c.id);
    return {
      total: (base?.total ?? 0) + (local?.total ?? 0),
      today: (base?.today ?? 0) + (local?.today ?? 0),
    };
  }

  async function flush(): Promise<void> {
    const sets = [pendingImpressions, pendingClicks, pendingViews];
    await writePendingCounts(sets, async ([impressions, clicks, views]) => {
      const keys = new Set([...impressions!.keys(), ...clicks!.keys()]);
      const campaignRows = [...keys].map((key) => {
        const [campaignId, day] = splitCountKey(key);
        return {
          campaignId,
          day,
          impressions: impressions!.get(key) ?? 0,
          clicks: clicks!.get(key) ?? 0,
        };
      });
      const slotRows = [...views!].map(([key, n]) => {
        const [slotId, day] = splitCountKey(key);
        return { slotId, day, views: n };
      });
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        if (campaignRows.length) await addCampaignCounts(trx, campaignRows);
        if (slotRows.length) await addSlotViews(trx, slotRows);
        await deleteExpiredClickMarks(trx, now);
        await endFinishedCampaigns(trx, now);
      });
    });
  }

  return {
    clickPath,
    flush,

    fill(markers, sectionId, viewer) {
      const known = currentNow();
      const fill = (c: Current) => pickAds(c, markers, sectionId, viewer);
      return known ? fill(known) : current().then(fill);
    },

    async click(token, viewer) {
      const match = /^(\d{1,10})-(\d{1,10})-([\w-]{22})$/.exec(token);
      if (!match) return undefined;
      const [, campaignId, slotId, signature] = match;
      const expected = Buffer.from(sign(Number(campaignId), Number(slotId)));
      const given = Buffer.from(signature!);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      const url = await findCampaignLink(db, Number(campaignId));
      if (!url) return undefined;
      if (!isRobot(viewer)) {
        const now = clock.now();
        const key = createHmac('sha256', secret)
          .update(`ad-click-mark:${viewer.clientKey}:${campaignId}`)
          .digest('base64url')
          .slice(0, 32);
        const first = await markClick(db, {
          key,
          now,
          expiresAt: new Date(now.getTime() + CLICK_DEDUPE_MS),
        });
        if (first) {
          const day = newsroomDay(now, (await cache.snapshot()).settings.timeZone);
          pendingClicks.add(`${campaignId}|${day}`);
        }
      }
      return url;
    },
  };
}
