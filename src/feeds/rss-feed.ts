import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { rfc822, type FeedChannel, type FeedEntry, type FeedImage } from './feed.ts';

/** Namespaces our feeds use besides their own. */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
};

/** A new XML document; characters XML cannot carry (stray control codes) are dropped. */
export function xmlDocument(): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
}

/** Writes a lead image as Media RSS, inside an RSS item or an Atom entry. */
export function mediaContent(parent: XMLBuilder, image: FeedImage): void {
  const media = parent.ele('media:content', {
    url: image.url,
    type: image.type,
    medium: 'image',
    width: String(image.width),
    height: String(image.height),
  });
  if (image.credit) media.ele('media:credit').txt(image.credit);
  if (image.caption) media.ele('media:description', { type: 'plain' }).txt(image.caption);
}

/** An RSS 2.0 feed. */
export function rssFeed(channel: FeedChannel, entries: FeedEntry[]): string {
  const root = xmlDocument().ele('rss', {
    version: '2.0',
    'xmlns:atom': NS.atom,
    'xmlns:content': NS.content,
    'xmlns:dc': NS.dc,
    'xmlns:media': NS.media,
  });
  const ch = root.ele('channel');
  ch.ele('title').txt(channel.title);
  ch.ele('link').txt(channel.link);
  ch.ele('description').txt(channel.description);
  ch.ele('language').txt(channel.language);
  ch.ele('atom:link', { href: channel.self.rss, rel: 'self', type: 'application/rss+xml' });
  if (channel.updated) ch.ele('lastBuildDate').txt(rfc822(channel.updated));
  ch.ele('generator').txt('Griot');
  for (const e of entries) {
    const item = ch.ele('item');
    item.ele('title').txt(e.title);
    item.ele('link').txt(e.link);
    item.ele('guid', { isPermaLink: 'false' }).txt(e.id);
    item.ele('pubDate').txt(rfc822(e.published));
    item.ele('dc:creator').txt(e.author);
    for (const c of e.categories) item.ele('category').txt(c.label);
    item.ele('description').txt(e.summary);
    if (e.contentHtml !== null) item.ele('content:encoded').txt(e.contentHtml);
    if (e.image) mediaContent(item, e.image);
  }
  return root.end({ prettyPrint: false });
}
