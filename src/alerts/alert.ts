import { zonedTimeToUtc } from '../web/dates.ts';

/** The alert readers see: what the layout needs to draw the banner. */
export interface SiteAlert {
  id: number;
  text: string;
  /** '' when the banner leads nowhere. */
  linkUrl: string;
  /** UTC, ISO 8601: past it the banner is gone. */
  endsAt: string;
}

/** What the desk typed in the « Alerte » form. */
export interface AlertFormValues {
  text: string;
  linkUrl: string;
  /** A wall-clock time in the newsroom's zone, as a datetime-local field sends it. */
  endsAt: string;
}

/** What an alert form can be told is wrong. */
export type AlertFormError =
  'text-missing' | 'text-too-long' | 'link-invalid' | 'end-invalid' | 'end-past' | 'end-too-far';

/** A banner is one line: short enough for a phone's two lines at most. */
export const ALERT_TEXT_MAX = 160;
/** An alert is news of the moment: it is raised again rather than left up for days. */
export const ALERT_MAX_HOURS = 72;
/** How long a new alert stays up unless the desk says otherwise. */
export const ALERT_DEFAULT_HOURS = 2;

/** The text as one line: every run of spaces and line breaks made a single space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether a link is one the banner may carry: a path on this site, or an http(s) address. */
export function isAlertLink(link: string): boolean {
  // Quotes and angle brackets would be escaped anyway; no link of ours needs them.
  if (/[\s\\"'<>]/.test(link)) return false;
  if (link.startsWith('/')) return !link.startsWith('//');
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Checks an alert form; returns the alert to raise, or what is wrong. `now` is when it is
 * raised; the end is read in the newsroom's time zone.
 */
export function readAlertForm(
  form: AlertFormValues,
  { now, timeZone }: { now: Date; timeZone: string },
):
  | { ok: true; alert: { text: string; linkUrl: string; endsAt: Date } }
  | { ok: false; errors: AlertFormError[] } {
  const errors: AlertFormError[] = [];
  const text = oneLine(form.text);
  if (!text) errors.push('text-missing');
  else if ([...text].length > ALERT_TEXT_MAX) errors.push('text-too-long');
  const linkUrl = form.linkUrl.trim();
  if (linkUrl && (linkUrl.length > 500 || !isAlertLink(linkUrl))) errors.push('link-invalid');
  const endsAt = zonedTimeToUtc(form.endsAt.trim(), timeZone);
  if (!endsAt || Number.isNaN(endsAt.getTime())) errors.push('end-invalid');
  else if (endsAt.getTime() <= now.getTime()) errors.push('end-past');
  else if (endsAt.getTime() - now.getTime() > ALERT_MAX_HOURS * 3_600_000)
    errors.push('end-too-far');
  if (errors.length || !endsAt) return { ok: false, errors };
  return { ok: true, alert: { text, linkUrl, endsAt } };
}
