import { allCaps } from './all-caps.ts';
import { bannedWords } from './banned-words.ts';
import { blockedDomain } from './blocked-domain.ts';
import { otherLanguage } from './other-language.ts';
import { regular } from './regular.ts';
import { rejectedHistory } from './rejected-history.ts';
import { repeatedText } from './repeated-text.ts';
import type { Rule, RuleComment, RuleContext, RuleResult, Verdict } from './rule.ts';
import { suspectWords } from './suspect-words.ts';
import { tooManyLinks } from './too-many-links.ts';

/** The rules, in the order they run and their labels show: spam first, then flags, then trust. */
export const rules: readonly Rule[] = [
  bannedWords,
  blockedDomain,
  suspectWords,
  tooManyLinks,
  repeatedText,
  allCaps,
  otherLanguage,
  rejectedHistory,
  regular,
];

/** What the pipeline makes of a comment: the deciding verdict, and every rule that spoke. */
export interface Screening {
  outcome: Verdict;
  verdicts: RuleResult[];
}

const weight: Record<Verdict, number> = { spam: 3, flag: 2, trusted: 1, ok: 0 };

/**
 * Runs every rule over a comment. The outcome is the gravest verdict: one spam verdict sends it
 * to spam, a flag outweighs trust (a habitué who writes a banned word is not trusted), and trust
 * counts only when nothing else spoke. Every verdict but `ok` is kept, so the queue shows them all.
 */
export function screenComment(
  comment: RuleComment,
  context: RuleContext,
  list: readonly Rule[] = rules,
): Screening {
  const verdicts = list.map((rule) => rule(comment, context)).filter((r) => r.verdict !== 'ok');
  let outcome: Verdict = 'ok';
  for (const v of verdicts) if (weight[v.verdict] > weight[outcome]) outcome = v.verdict;
  return { outcome, verdicts };
}
