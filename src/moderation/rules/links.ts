const linkPattern = /\b(?:https?:\/\/|www\.)[^\s<>"«»]+/giu;

/** The links written in a text (http, https, or starting with www.). */
export function findLinks(text: string): string[] {
  return text.match(linkPattern) ?? [];
}

/** The host name of a written link, lower case, without `www.`; null when it has none. */
export function linkHost(link: string): string | null {
  try {
    const url = new URL(/^https?:\/\//i.test(link) ? link : `http://${link}`);
    return (
      url.hostname
        .toLowerCase()
        .replace(/^www\./, '')
        .replace(/\.$/, '') || null
    );
  } catch {
    return null;
  }
}

/** Whether a host is a listed domain or one of its subdomains. */
export function hostInList(host: string, domains: readonly string[]): string | undefined {
  return domains.find((d) => {
    const domain = d
      .trim()
      .toLowerCase()
      .replace(/^\*?\.?/, '')
      .replace(/^www\./, '');
    return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
  });
}
