import { newsroomDay, newsroomDayBounds, nextDay } from '../web/dates.ts';

/** How many days the desk's charts cover, today included. */
export const STATS_DAYS = 14;

/** The first instant the desk's charts cover: midnight, STATS_DAYS − 1 newsroom days ago. */
export function statsStart(now: Date, timeZone: string): Date {
  return newsroomDayBounds(new Date(now.getTime() - (STATS_DAYS - 1) * 86_400_000), timeZone).from;
}

/** The chart's days, oldest first. */
function chartDays(now: Date, timeZone: string): string[] {
  const days: string[] = [];
  const today = newsroomDay(now.toISOString(), timeZone);
  for (
    let d = newsroomDay(statsStart(now, timeZone).toISOString(), timeZone);
    d <= today;
    d = nextDay(d)
  )
    days.push(d);
  return days;
}

/** How long comments waited on one day: the median and the longest wait seen, in hours. */
export interface DayWait {
  day: string;
  medianHours: number;
  maxHours: number;
}

const median = (sorted: number[]): number =>
  sorted.length === 0
    ? 0
    : sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;

/**
 * The queue's age over the chart's days: each hour, every comment written and not yet decided
 * (first decision) has waited so long; per day, the median of those waits and the longest.
 */
export function queueAgeByDay(
  spans: { createdAt: number; decidedAt: number | null }[],
  now: Date,
  timeZone: string,
): DayWait[] {
  const waits = new Map<string, number[]>(chartDays(now, timeZone).map((d) => [d, []]));
  const sorted = [...spans].sort((a, b) => a.createdAt - b.createdAt);
  const end = now.getTime();
  for (let t = statsStart(now, timeZone).getTime() + 3_600_000; t <= end; t += 3_600_000) {
    const list = waits.get(newsroomDay(new Date(t).toISOString(), timeZone));
    if (!list) continue;
    for (const s of sorted) {
      if (s.createdAt > t) break;
      if (s.decidedAt === null || s.decidedAt > t) list.push((t - s.createdAt) / 3_600_000);
    }
  }
  return [...waits].map(([day, list]) => {
    list.sort((a, b) => a - b);
    return { day, medianHours: median(list), maxHours: list.length ? list[list.length - 1]! : 0 };
  });
}

/** Decisions per day, in total and per moderator. */
export interface DecisionsByDay {
  moderators: string[];
  days: { day: string; total: number; byModerator: number[] }[];
}

/** Counts decisions per newsroom day and moderator over the chart's days. */
export function decisionsByDay(
  events: { actor: string; at: string }[],
  now: Date,
  timeZone: string,
): DecisionsByDay {
  const moderators = [...new Set(events.map((e) => e.actor))].sort((a, b) => a.localeCompare(b));
  const index = new Map(moderators.map((m, i) => [m, i]));
  const days = new Map(
    chartDays(now, timeZone).map((day) => [
      day,
      { day, total: 0, byModerator: moderators.map(() => 0) },
    ]),
  );
  for (const e of events) {
    const d = days.get(newsroomDay(e.at, timeZone));
    if (!d) continue;
    d.total++;
    d.byModerator[index.get(e.actor)!]!++;
  }
  return { moderators, days: [...days.values()] };
}
