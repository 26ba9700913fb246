import type { RateLimit } from '../http/rate-limit.ts';

/** Why a reader reports a comment. */
export const reportReasons = [
  'abuse',
  'hate',
  'spam',
  'off-topic',
  'personal',
  'false',
  'other',
] as const;
export type ReportReason = (typeof reportReasons)[number];

/** True for a reason the form offers. */
export function isReportReason(value: unknown): value is ReportReason {
  return typeof value === 'string' && (reportReasons as readonly string[]).includes(value);
}

/** The most a reader may add to a report, in characters. */
export const NOTE_MAX = 500;
/** Reports one client may send within REPORT_WINDOW_MS. */
export const REPORTS_PER_WINDOW = 5;
export const REPORT_WINDOW_MS = 10 * 60_000;
/** The limit on readers' reports, counted per client across every instance. */
export const reportRateLimit: RateLimit = {
  scope: 'comment-report',
  max: REPORTS_PER_WINDOW,
  windowMs: REPORT_WINDOW_MS,
};

/** The reader's note as stored: trimmed, no control characters, bounded. */
export function cleanNote(note: string | undefined): string {
  return Array.from(
    (note ?? '')
      .replace(/\r\n?/g, '\n')
      .replace(/\p{Cc}/gu, (ch) => (ch === '\n' ? ch : ''))
      .trim(),
  )
    .slice(0, NOTE_MAX)
    .join('');
}

/** A reported comment as the newsroom's reports page shows it. */
export interface ReportedComment {
  id: number;
  status: 'pending' | 'approved' | 'rejected' | 'spam';
  authorName: string;
  authorEmail: string;
  body: string;
  createdAt: string;
  article: { id: number | null; title: string; path: string | null };
  reports: { reason: ReportReason; note: string; createdAt: string }[];
}

/** How many reports of each reason, most frequent first. */
export function countByReason(
  reports: { reason: ReportReason }[],
): { reason: ReportReason; count: number }[] {
  const counts = new Map<ReportReason, number>();
  for (const r of reports) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort(
      (a, b) =>
        b.count - a.count || reportReasons.indexOf(a.reason) - reportReasons.indexOf(b.reason),
    );
}
