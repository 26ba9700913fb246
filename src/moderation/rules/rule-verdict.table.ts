import type { Selectable } from 'kysely';
import type { RuleLabel, Verdict } from './rule.ts';

/** The `comment_rule_verdicts` table: each rule that spoke about a comment, in pipeline order. */
export interface CommentRuleVerdictTable {
  comment_id: number;
  position: number;
  label: RuleLabel;
  verdict: Exclude<Verdict, 'ok'>;
  reason_fr: string;
  reason_en: string;
}

export type CommentRuleVerdictRow = Selectable<CommentRuleVerdictTable>;
