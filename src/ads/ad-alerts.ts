import type { Db } from '../db/database.ts';
import { expectedImpressionsToDate, isUnderDelivering, type ReportCampaign } from './ad-report.ts';
import { listCampaignsEndingBetween, listRunningCappedCampaigns } from './ad-report.queries.ts';

/** A campaign behind its pace, with what it delivered and what an even pace would have. */
export interface LaggingCampaign extends ReportCampaign {
  impressions: number;
  expected: number;
}

/** What the dashboard's « Publicité » block shows: campaigns ending soon, and those behind. */
export interface AdAlerts {
  endingSoon: ReportCampaign[];
  underDelivering: LaggingCampaign[];
}

/** How far ahead the dashboard looks for campaigns about to end. */
export const ENDING_SOON_MS = 7 * 86_400_000;

/** The campaigns the newsroom should look at today. */
export async function listAdAlerts(db: Db, now: Date): Promise<AdAlerts> {
  const [endingSoon, running] = await Promise.all([
    listCampaignsEndingBetween(db, {
      from: now,
      to: new Date(now.getTime() + ENDING_SOON_MS),
      limit: 30,
    }),
    listRunningCappedCampaigns(db, now),
  ]);
  const underDelivering = running
    .filter((c) => isUnderDelivering(c, c.impressions, now))
    .map((c) => ({ ...c, expected: expectedImpressionsToDate(c, now) ?? 0 }));
  return { endingSoon, underDelivering };
}
