import type { ModerationSettings } from '../moderation-settings.ts';

/**
 * What a rule says of a comment: `spam` sends it to the spam tab (a moderator can restore it),
 * `flag` marks it for a closer look, `trusted` vouches for it, `ok` has nothing to say.
 */
export type Verdict = 'spam' | 'flag' | 'ok' | 'trusted';

/** The rules' labels, stable keys stored with each comment and used by the queue's filter. */
export const ruleLabels = [
  'banned-words',
  'blocked-domain',
  'suspect-words',
  'too-many-links',
  'repeated-text',
  'all-caps',
  'other-language',
  'rejected-history',
  'regular',
] as const;
export type RuleLabel = (typeof ruleLabels)[number];

/** True for a label a rule can give. */
export function isRuleLabel(value: unknown): value is RuleLabel {
  return typeof value === 'string' && (ruleLabels as readonly string[]).includes(value);
}

/** Why a rule spoke, in both newsroom languages. */
export interface RuleReason {
  fr: string;
  en: string;
}

/** One rule's verdict on one comment. */
export interface RuleResult {
  verdict: Verdict;
  label: RuleLabel;
  reason: RuleReason;
}

/** The comment as the rules read it. */
export interface RuleComment {
  body: string;
  authorName: string;
}

/** A commenter's past decided comments. */
export interface CommentHistory {
  approved: number;
  rejected: number;
}

/** What the rules know beyond the comment, gathered from the database before they run. */
export interface RuleContext {
  settings: ModerationSettings;
  /** The site's language: comments in another one are flagged. */
  siteLanguage: 'fr' | 'en';
  /** Comments with the same normalised text on other articles, recently. */
  sameTextElsewhere: number;
  /** Past decided comments written with this address. */
  byEmail: CommentHistory;
  /** Past decided comments sent from this client (keyed hash of the address). */
  byClient: CommentHistory;
}

/** A rule: a small pure function of the comment and its context. */
export type Rule = (comment: RuleComment, context: RuleContext) => RuleResult;

/** The verdict of a rule that has nothing to say. */
export function ok(label: RuleLabel): RuleResult {
  return { verdict: 'ok', label, reason: { fr: '', en: '' } };
}
