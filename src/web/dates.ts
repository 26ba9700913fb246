import type { Locale } from '../settings/site-settings.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, withOffset = false): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withOffset}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone,
      year: 'numeric',
      month: withOffset ? '2-digit' : 'long',
      day: withOffset ? '2-digit' : 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: withOffset ? '2-digit' : undefined,
      hourCycle: 'h23',
      timeZoneName: withOffset ? 'longOffset' : undefined,
    });
    formatters.set(key, f);
  }
  return f;
}

// formatToParts costs tens of microseconds, and a page shows many dates (an article's, each of
// its comments'). The fields are computed from the instant and the zone's offset instead; the
// offset is asked of Intl once per zone and day (per quarter hour on a day the offset changes:
// offsets change on quarter hours), and where it is not whole minutes or not the same at both
// ends of its quarter (a historical zone), or the year is out of four digits, Intl formats the
// instant itself.
const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;
const MAX_MEMO = 4_096;
const offsetMemo = new Map<string, number | null>();
const monthNames = new Map<Locale, string[]>();

function intlParts(f: Intl.DateTimeFormat, time: number): Record<string, string> {
  return Object.fromEntries(f.formatToParts(time).map((part) => [part.type, part.value]));
}

/** The zone's offset from UTC in ms at an instant, from Intl's own fields. */
function intlOffset(timeZone: string, time: number): number {
  const p = intlParts(formatter('en', timeZone, true), time);
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return wall - Math.floor(time / 1000) * 1000;
}

/**
 * The zone's offset, whole minutes, over a span that starts at a multiple of `span` ms and is the
 * same at both of its ends; null when it is not (a change in the span, or a historical zone).
 */
function spanOffset(timeZone: string, time: number, span: number): number | null {
  const start = Math.floor(time / span) * span;
  const key = `${timeZone}|${span}|${start}`;
  let offset = offsetMemo.get(key);
  if (offset === undefined) {
    if (offsetMemo.size >= MAX_MEMO) offsetMemo.clear();
    const first = intlOffset(timeZone, start);
    const last = intlOffset(timeZone, start + span - 1000);
    offset = first === last && first % 60_000 === 0 ? first : null;
    offsetMemo.set(key, offset);
  }
  return offset;
}

/** The offset at an instant: the day's when it holds all day, else its quarter hour's. */
function zoneOffset(timeZone: string, time: number): number | null {
  return spanOffset(timeZone, time, DAY) ?? spanOffset(timeZone, time, QUARTER_HOUR);
}

function monthName(locale: Locale, month: number): string {
  let names = monthNames.get(locale);
  if (!names) {
    const f = formatter(locale, 'UTC');
    names = Array.from({ length: 12 }, (_, m) => intlParts(f, Date.UTC(2020, m, 15)).month!);
    monthNames.set(locale, names);
  }
  return names[month]!;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The fields Intl would give for this formatter (same names, same values), computed. */
function parts(
  locale: Locale,
  timeZone: string,
  withOffset: boolean,
  date: Date,
): Record<string, string> {
  const time = date.getTime();
  const offset = zoneOffset(timeZone, time);
  const local = offset === null ? null : new Date(time + offset);
  if (!local || local.getUTCFullYear() < 1000 || local.getUTCFullYear() > 9999)
    return intlParts(formatter(locale, timeZone, withOffset), time);
  const month = local.getUTCMonth();
  const minutes = Math.abs(offset!) / 60_000;
  return {
    year: String(local.getUTCFullYear()),
    month: withOffset ? two(month + 1) : monthName(locale, month),
    day: withOffset ? two(local.getUTCDate()) : String(local.getUTCDate()),
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
    second: two(local.getUTCSeconds()),
    timeZoneName:
      offset === 0
        ? 'GMT'
        : `GMT${offset! < 0 ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`,
  };
}

/** A date and time as readers read it: « 23 novembre 2026 à 14 h 05 » in the newsroom's zone. */
export function formatDateTime(
  iso: string,
  { locale, timeZone }: { locale: Locale; timeZone: string },
): string {
  const p = parts(locale, timeZone, false, new Date(iso));
  return locale === 'fr'
    ? `${frenchDay(p.day)} ${p.month} ${p.year} à ${Number(p.hour)}\u00A0h\u00A0${p.minute}`
    : `${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
}

/** A date alone: « 23 novembre 2026 ». */
export function formatDate(
  iso: string,
  { locale, timeZone }: { locale: Locale; timeZone: string },
): string {
  const p = parts(locale, timeZone, false, new Date(iso));
  return `${locale === 'fr' ? frenchDay(p.day) : p.day} ${p.month} ${p.year}`;
}

// French writes the first of the month as an ordinal: « 1er janvier ».
function frenchDay(day: string | undefined): string {
  return day === '1' ? '1er' : (day ?? '');
}

/** ISO 8601 in the newsroom's zone with its offset, e.g. 2026-11-23T14:05:00+01:00. */
export function isoInZone(iso: string, timeZone: string): string {
  const p = parts('en', timeZone, true, new Date(iso));
  const offset =
    p.timeZoneName === 'GMT' ? '+00:00' : (p.timeZoneName ?? 'GMT+00:00').replace('GMT', '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

/** A duration as people say it: « 3 j 4 h », « 2 h 05 min », « 12 min », « moins d’une minute ». */
export function formatAge(ms: number, locale: Locale): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const nb = '\u00A0';
  if (days > 0) return locale === 'fr' ? `${days}${nb}j ${hours}${nb}h` : `${days}d ${hours}h`;
  if (hours > 0)
    return locale === 'fr'
      ? `${hours}${nb}h ${String(mins).padStart(2, '0')}${nb}min`
      : `${hours}h ${mins}m`;
  if (mins > 0) return locale === 'fr' ? `${mins}${nb}min` : `${mins} min`;
  return locale === 'fr' ? 'moins d’une minute' : 'less than a minute';
}

/**
 * The instant a wall-clock time names in a time zone, e.g. « 2026-11-23T15:30 » in
 * Africa/Niamey → 2026-11-23T14:30:00Z. Null for an unreadable value.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  const offsetAt = (instant: number) => {
    const iso = isoInZone(new Date(instant).toISOString(), timeZone);
    const [, sign, h, min] = /([+-])(\d{2}):(\d{2})$/.exec(iso) ?? [];
    return (sign === '-' ? -1 : 1) * (Number(h) * 60 + Number(min)) * 60_000;
  };
  // Two passes settle the offset even across a daylight-saving change.
  let utc = wall - offsetAt(wall);
  utc = wall - offsetAt(utc);
  return new Date(utc);
}

/** The newsroom day (YYYY-MM-DD) an instant falls on, in the newsroom's time zone. */
export function newsroomDay(iso: string, timeZone: string): string {
  return isoInZone(iso, timeZone).slice(0, 10);
}

/** The calendar day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The newsroom day of an instant, and when it starts and ends (midnight to midnight, UTC instants). */
export function newsroomDayBounds(
  now: Date,
  timeZone: string,
): { day: string; from: Date; to: Date } {
  const day = newsroomDay(now.toISOString(), timeZone);
  return {
    day,
    from: zonedTimeToUtc(`${day}T00:00`, timeZone) ?? now,
    to: zonedTimeToUtc(`${nextDay(day)}T00:00`, timeZone) ?? now,
  };
}

/**
 * A memoized `newsroomDay` for instants (counters ask it for every view): Intl is slow, so the
 * answer is kept until the next midnight of the zone asked for.
 */
export function newsroomDayOf(): (at: Date | number, timeZone: string) => string {
  const bounds = (at: Date, timeZone: string) => {
    const { day, from, to } = newsroomDayBounds(at, timeZone);
    return { timeZone, day, from: from.getTime(), to: to.getTime() };
  };
  let memo = bounds(new Date(0), 'UTC');
  return (at, timeZone) => {
    // (Compared as numbers: comparing Dates converts both, every view.)
    const t = typeof at === 'number' ? at : at.getTime();
    if (timeZone !== memo.timeZone || t < memo.from || t >= memo.to)
      memo = bounds(new Date(t), timeZone);
    return memo.day;
  };
}

/** Abbreviated month names, for chart axes and short day labels. */
export const SHORT_MONTHS = {
  fr: [
    'janv.',
    'févr.',
    'mars',
    'avr.',
    'mai',
    'juin',
    'juil.',
    'août',
    'sept.',
    'oct.',
    'nov.',
    'déc.',
  ],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** A time alone, as readers read it: « 14 h 05 » (a live entry's time). */
export function formatTime(
  iso: string,
  { locale, timeZone }: { locale: Locale; timeZone: string },
): string {
  const p = parts(locale, timeZone, false, new Date(iso));
  return locale === 'fr' ? `${Number(p.hour)}\u00A0h\u00A0${p.minute}` : `${p.hour}:${p.minute}`;
}
