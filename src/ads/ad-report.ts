import { newsroomDay, nextDay } from '../web/dates.ts';
import type { CampaignStatus } from './ad.table.ts';

/** Impressions and clicks of one newsroom day (YYYY-MM-DD in the newsroom's time zone). */
export interface DayCount {
  day: string;
  impressions: number;
  clicks: number;
}

/** What a report needs to know about a campaign. */
export interface ReportCampaign {
  id: number;
  name: string;
  advertiserName: string;
  status: CampaignStatus;
  startsAt: string;
  endsAt: string | null;
  totalCap: number | null;
  dailyCap: number | null;
  /** True when the campaign runs in every section and on the home page. */
  allSections: boolean;
  /** The key of the advertiser's read-only report link. */
  reportKey: string;
}

/** Where a campaign is in its life, as reports word it. */
export type CampaignPhase = 'draft' | 'scheduled' | 'running' | 'paused' | 'ended';

/** How a campaign delivered against its caps and its dates. */
export interface Delivery {
  impressions: number;
  clicks: number;
  /** Clicks per impression; null before the first impression. */
  ctr: number | null;
  /** Share of the total cap delivered; null without a total cap. */
  capShare: number | null;
  /** Share of the campaign's time elapsed, 0 to 1; null without an end date. */
  timeShare: number | null;
  /** Impressions an even delivery over the dates would have reached by now; null without a cap or an end. */
  expectedToDate: number | null;
  /** Days whose impressions reached the daily cap (0 without one). */
  dailyCapDays: number;
  underDelivering: boolean;
}

/** A campaign's whole report: facts, the day-by-day counts and the delivery figures. */
export interface CampaignReport {
  campaign: ReportCampaign;
  slots: string[];
  sections: string[];
  phase: CampaignPhase;
  /** Every day from the start to the end or today, zeros included, oldest first. */
  days: DayCount[];
  delivery: Delivery;
  /** When the figures were read (UTC). */
  generatedAt: string;
}

/** Below this share of an even delivery to date, a running campaign is flagged. */
export const UNDER_DELIVERY_THRESHOLD = 0.8;

/** A campaign is judged on its pace only once it has run this long. */
export const UNDER_DELIVERY_GRACE_MS = 86_400_000;

/** Where a campaign stands at a given moment. */
export function campaignPhase(
  c: Pick<ReportCampaign, 'status' | 'startsAt' | 'endsAt'>,
  now: Date,
): CampaignPhase {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'ended' || (c.endsAt !== null && Date.parse(c.endsAt) <= now.getTime()))
    return 'ended';
  if (c.status === 'paused') return 'paused';
  return Date.parse(c.startsAt) > now.getTime() ? 'scheduled' : 'running';
}

/** Clicks per impression, or null when nothing was shown yet. */
export function clickThroughRate(clicks: number, impressions: number): number | null {
  return impressions > 0 ? clicks / impressions : null;
}

/** The share of a campaign's dates elapsed at `now`, 0 to 1; null when it has no end. */
export function timeElapsedShare(
  c: Pick<ReportCampaign, 'startsAt' | 'endsAt'>,
  now: Date,
): number | null {
  if (c.endsAt === null) return null;
  const start = Date.parse(c.startsAt);
  const length = Date.parse(c.endsAt) - start;
  if (length <= 0) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - start) / length));
}

/** The impressions an even delivery of the total cap over the dates would have reached by now. */
export function expectedImpressionsToDate(
  c: Pick<ReportCampaign, 'startsAt' | 'endsAt' | 'totalCap'>,
  now: Date,
): number | null {
  const share = timeElapsedShare(c, now);
  return c.totalCap === null || share === null ? null : Math.round(c.totalCap * share);
}

/**
 * Whether a campaign is behind: running, started at least a day ago, and under 80 % of what an
 * even delivery of its total cap would have reached by now. Without a total cap (or an end
 * date to spread it over) there is no pace to miss.
 */
export function isUnderDelivering(
  c: Pick<ReportCampaign, 'status' | 'startsAt' | 'endsAt' | 'totalCap'>,
  impressions: number,
  now: Date,
): boolean {
  if (campaignPhase(c, now) !== 'running') return false;
  if (now.getTime() - Date.parse(c.startsAt) < UNDER_DELIVERY_GRACE_MS) return false;
  const expected = expectedImpressionsToDate(c, now);
  return expected !== null && impressions < UNDER_DELIVERY_THRESHOLD * expected;
}

/**
 * Every newsroom day of a campaign's report, zeros included: from its first day to its last,
 * or to today if it is still running. Days counted outside the dates (dates edited after the
 * fact) are kept, so the table always adds up to the totals.
 */
export function fillDays(
  c: Pick<ReportCampaign, 'startsAt' | 'endsAt'>,
  counted: DayCount[],
  { now, timeZone }: { now: Date; timeZone: string },
): DayCount[] {
  const today = newsroomDay(now.toISOString(), timeZone);
  let first = newsroomDay(c.startsAt, timeZone);
  // An end at midnight belongs to the day before.
  let last = c.endsAt
    ? newsroomDay(new Date(Date.parse(c.endsAt) - 1).toISOString(), timeZone)
    : today;
  if (last > today) last = today;
  const byDay = new Map(counted.map((d) => [d.day, d]));
  for (const day of byDay.keys()) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const days: DayCount[] = [];
  for (let day = first; day <= last; day = nextDay(day))
    days.push(byDay.get(day) ?? { day, impressions: 0, clicks: 0 });
  return days;
}

/** Totals, CTR and pace of a campaign from its day-by-day counts. */
export function measureDelivery(c: ReportCampaign, days: DayCount[], now: Date): Delivery {
  const impressions = days.reduce((n, d) => n + d.impressions, 0);
  const clicks = days.reduce((n, d) => n + d.clicks, 0);
  const dailyCap = c.dailyCap;
  return {
    impressions,
    clicks,
    ctr: clickThroughRate(clicks, impressions),
    capShare: c.totalCap ? impressions / c.totalCap : null,
    timeShare: timeElapsedShare(c, now),
    expectedToDate: expectedImpressionsToDate(c, now),
    dailyCapDays: dailyCap ? days.filter((d) => d.impressions >= dailyCap).length : 0,
    underDelivering: isUnderDelivering(c, impressions, now),
  };
}

/** Assembles a campaign's report from what the database holds. */
export function buildCampaignReport(input: {
  campaign: ReportCampaign;
  slots: string[];
  sections: string[];
  counted: DayCount[];
  now: Date;
  timeZone: string;
}): CampaignReport {
  const { campaign, now } = input;
  const days = fillDays(campaign, input.counted, { now, timeZone: input.timeZone });
  return {
    campaign,
    slots: input.slots,
    sections: input.sections,
    phase: campaignPhase(campaign, now),
    days,
    delivery: measureDelivery(campaign, days, now),
    generatedAt: now.toISOString(),
  };
}

/**
 * One CSV record, fields separated by `;` (what French Excel expects, since `,` is its decimal
 * mark). A field holding the separator, a quote or a line break is quoted, its quotes doubled;
 * one that a spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
 */
export function csvRecord(fields: (string | number)[]): string {
  return fields
    .map((field) => {
      let text = String(field);
      if (typeof field === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(';');
}

/** The report's days as a CSV file for French spreadsheets: BOM, `;` separators, CRLF lines. */
export function reportCsv(days: DayCount[]): string {
  const lines = [csvRecord(['date', 'impressions', 'clics', 'CTR'])];
  for (const d of days) {
    const ctr = clickThroughRate(d.clicks, d.impressions);
    // A decimal comma and a bare « % », which French Excel reads back as a percentage.
    const ctrText = ctr === null ? '' : `${(ctr * 100).toFixed(2).replace('.', ',')}%`;
    lines.push(csvRecord([d.day, d.impressions, d.clicks, ctrText]));
  }
  // The byte-order mark tells Excel the file is UTF-8, or it reads accents as Windows-1252.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
