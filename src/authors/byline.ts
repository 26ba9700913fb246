import type { Locale } from '../settings/site-settings.ts';
import { authorPath } from './author.ts';

/** A newsroom member who co-signs an article, as the byline needs them. */
export interface Coauthor {
  id: number;
  /** The account's name (the author page's address and heading). */
  name: string;
  /** How they sign; empty when they never set one. */
  byline: string;
}

/** One name of a byline: a person linked to their author page, or a signature as typed. */
export interface BylineName {
  name: string;
  href: string | null;
}

/**
 * Who signs an article, in order. Co-authors, when the article has any, take precedence over the
 * free-text signature: they are the structured form of it (each linked to their page), and the
 * signature stays stored for articles written before co-authors existed, which keep showing it
 * (linked to its author's page when it is their own name, as before). The agency line follows
 * either; with neither, the article is the publication's.
 */
export function bylineNames(a: {
  coauthors: Coauthor[];
  signature: string;
  /** The signature's own link (isSignedByAuthor), for articles without co-authors. */
  signatureHref: string | null;
}): BylineName[] {
  if (a.coauthors.length)
    return a.coauthors.map((c) => ({ name: publicName(c), href: authorPath(c) }));
  return a.signature ? [{ name: a.signature, href: a.signatureHref }] : [];
}

/** The name a member signs with: their byline when set, else their account name. */
export function publicName(c: { name: string; byline: string }): string {
  return c.byline.trim() || c.name;
}

/** The joining words between names: « A », « A et B », « A, B et C », then « , avec AFP ». */
export function bylineJoiners(
  count: number,
  hasAgency: boolean,
  locale: Locale,
): { before: string[]; agency: string } {
  const and = locale === 'en' ? ' and ' : ' et ';
  const before = Array.from({ length: count }, (_, i) =>
    i === 0 ? '' : i === count - 1 ? and : ', ',
  );
  const agency = !hasAgency ? '' : count ? (locale === 'en' ? ', with ' : ', avec ') : '';
  return { before, agency };
}

/** The byline as plain text (feeds, tests): « A, B et C, avec AFP ». */
export function bylineText(names: string[], agency: string, locale: Locale): string {
  const { before, agency: joiner } = bylineJoiners(names.length, !!agency, locale);
  return names.map((n, i) => before[i] + n).join('') + (agency ? joiner + agency : '');
}
