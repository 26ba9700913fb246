import { ok, type Rule } from './rule.ts';

/**
 * A commenter with enough approved comments, and none refused lately enough to worry the
 * history rule, is a « habitué »: trusted. Only the address counts (a shared client is not a
 * person); the address is not proven, which is why approving habitués by themselves is an
 * option, off by default.
 */
export const regular: Rule = (_comment, { settings, byEmail }) => {
  if (settings.regularAfter <= 0 || byEmail.approved < settings.regularAfter) return ok('regular');
  return {
    verdict: 'trusted',
    label: 'regular',
    reason: {
      fr: `Habitué : ${byEmail.approved} commentaires approuvés`,
      en: `Regular: ${byEmail.approved} approved comments`,
    },
  };
};
