import type { AdTier } from './ad.table.ts';

/** A campaign as delivery sees it: when, where and how much it may run. */
export interface DeliverableCampaign {
  id: number;
  tier: AdTier;
  weight: number;
  slotIds: ReadonlySet<number>;
  /** null: every section and the home page; otherwise only these sections. */
  sectionIds: ReadonlySet<number> | null;
  startsAt: number;
  endsAt: number | null;
  totalCap: number | null;
  dailyCap: number | null;
}

/** Impressions a campaign has had: over its life and during the current newsroom day. */
export interface Delivered {
  total: number;
  today: number;
}

const TIER_RANK: Record<AdTier, number> = { sponsorship: 0, standard: 1, house: 2 };

/** Whether a campaign may show in a slot, on a page of a section (null: the home page), now. */
export function isEligible(
  c: DeliverableCampaign,
  where: { slotId: number; sectionId: number | null; now: number },
  delivered: Delivered,
): boolean {
  if (!c.slotIds.has(where.slotId)) return false;
  if (where.now < c.startsAt || (c.endsAt !== null && where.now >= c.endsAt)) return false;
  if (c.sectionIds !== null && (where.sectionId === null || !c.sectionIds.has(where.sectionId)))
    return false;
  if (c.totalCap !== null && delivered.total >= c.totalCap) return false;
  if (c.dailyCap !== null && delivered.today >= c.dailyCap) return false;
  return c.weight > 0;
}

/**
 * Picks the campaign for one slot view: among eligible campaigns, the highest tier wins
 * (sponsorship, then standard, then house), and within it each is chosen in proportion to its
 * weight. Null when none is eligible: the slot shows its house ad. `random` returns [0, 1).
 */
export function pickCampaign<C extends DeliverableCampaign>(
  campaigns: readonly C[],
  where: { slotId: number; sectionId: number | null; now: number },
  delivered: (c: C) => Delivered,
  random: () => number,
): C | null {
  let best: C[] = [];
  let bestRank = Infinity;
  for (const c of campaigns) {
    const rank = TIER_RANK[c.tier];
    if (rank > bestRank || !isEligible(c, where, delivered(c))) continue;
    if (rank < bestRank) {
      bestRank = rank;
      best = [];
    }
    best.push(c);
  }
  if (best.length <= 1) return best[0] ?? null;
  const total = best.reduce((sum, c) => sum + c.weight, 0);
  let ticket = random() * total;
  for (const c of best) {
    ticket -= c.weight;
    if (ticket < 0) return c;
  }
  return best.at(-1)!;
}
