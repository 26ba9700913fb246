import { rfc3339, type FeedChannel, type FeedEntry } from './feed.ts';
import { mediaContent, NS, xmlDocument, xmlText } from './rss-feed.ts';

/** An Atom 1.0 feed. */
export function atomFeed(channel: FeedChannel, entries: FeedEntry[], now: Date): string {
  const feed = xmlDocument().ele(NS.atom, 'feed', {
    'xml:lang': channel.language,
    'xmlns:media': NS.media,
  });
  feed.ele('id').txt(xmlText(channel.self.atom));
  feed.ele('title').txt(xmlText(channel.title));
  feed.ele('subtitle').txt(xmlText(channel.description));
  // An empty feed still needs an updated date; it changes nothing readers rely on.
  feed.ele('updated').txt(rfc3339(channel.updated ?? now.toISOString()));
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: channel.self.atom });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: channel.link });
  feed.ele('author').ele('name').txt(xmlText(channel.siteName));
  feed.ele('generator').txt('Griot');
  for (const e of entries) {
    const entry = feed.ele('entry');
    entry.ele('id').txt(xmlText(e.id));
    entry.ele('title', { type: 'text' }).txt(xmlText(e.title));
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: e.link });
    entry.ele('published').txt(rfc3339(e.published));
    entry.ele('updated').txt(rfc3339(e.updated));
    entry.ele('author').ele('name').txt(xmlText(e.author));
    for (const c of e.categories)
      entry.ele('category', {
        term: xmlText(c.term),
        label: xmlText(c.label),
        scheme: c.scheme,
      });
    entry.ele('summary', { type: 'text' }).txt(xmlText(e.summary));
    if (e.contentHtml !== null) entry.ele('content', { type: 'html' }).txt(xmlText(e.contentHtml));
    if (e.image) mediaContent(entry, e.image);
  }
  return feed.end({ prettyPrint: false });
}
