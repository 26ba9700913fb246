import { ok, type CommentHistory, type Rule } from './rule.ts';

/** Below this many past decisions, a history says nothing yet. */
export const MIN_DECISIONS = 3;

function rejectedPercent(h: CommentHistory): number | null {
  const decided = h.approved + h.rejected;
  return decided >= MIN_DECISIONS ? Math.round((h.rejected / decided) * 100) : null;
}

/** An address or a client whose past comments were mostly refused flags the comment. */
export const rejectedHistory: Rule = (_comment, { settings, byEmail, byClient }) => {
  for (const [history, fr, en] of [
    [byEmail, 'cette adresse', 'this address'],
    [byClient, 'ce poste', 'this client'],
  ] as const) {
    const percent = rejectedPercent(history);
    if (percent !== null && percent >= settings.rejectedPercent)
      return {
        verdict: 'flag',
        label: 'rejected-history',
        reason: {
          fr: `${percent} % des commentaires de ${fr} ont été refusés (${history.rejected} sur ${history.approved + history.rejected})`,
          en: `${percent}% of the comments from ${en} were refused (${history.rejected} of ${history.approved + history.rejected})`,
        },
      };
  }
  return ok('rejected-history');
};
