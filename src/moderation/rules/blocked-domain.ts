import { findLinks, hostInList, linkHost } from './links.ts';
import { ok, type Rule } from './rule.ts';

/** A link to a domain on the newsroom's blocklist sends the comment to spam. */
export const blockedDomain: Rule = (comment, { settings }) => {
  for (const link of findLinks(comment.body)) {
    const host = linkHost(link);
    const domain = host ? hostInList(host, settings.blockedDomains) : undefined;
    if (domain)
      return {
        verdict: 'spam',
        label: 'blocked-domain',
        reason: {
          fr: `Lien vers un domaine bloqué : ${host}`,
          en: `Link to a blocked domain: ${host}`,
        },
      };
  }
  return ok('blocked-domain');
};
