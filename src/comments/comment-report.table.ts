import type { Generated, Selectable } from 'kysely';
import type { ReportReason } from './comment-report.ts';

/** The `comment_reports` table: readers' reports of published comments. */
export interface CommentReportTable {
  id: Generated<number>;
  comment_id: number;
  reason: ReportReason;
  /** What the reader added, if anything (at most NOTE_MAX characters). */
  note: Generated<string>;
  /** Keyed hash of the reporter's address, for the rate limit; never the address. */
  reporter_hash: string;
  created_at: string;
  /** When a moderator dealt with the report (kept the comment, or unpublished it). */
  closed_at: string | null;
  closed_by: number | null;
}

export type CommentReportRow = Selectable<CommentReportTable>;
