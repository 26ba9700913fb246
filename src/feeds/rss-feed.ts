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

/**
 * Text as xmlbuilder2 must be given it: the library leaves `&name;` and `&#n;` in text and
 * attributes as they are (taking them for entity references), so a title holding `&lt;script&gt;`
 * or sanitized HTML holding `title="a&quot; onclick=…"` would reach feed readers as markup.
 * Escaping every `&` first makes the document say exactly the characters we were given.
 */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;');
}

// RSS readers take <description> for HTML (RSS 2.0 allows entity-encoded HTML there), so plain
// text goes in escaped as HTML: a standfirst that reads `<script>` is shown, never run.
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
  if (image.credit) media.ele('media:credit').txt(xmlText(image.credit));
  if (image.caption) media.ele('media:description', { type: 'plain' }).txt(xmlText(image.caption));
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
  ch.ele('title').txt(xmlText(channel.title));
  ch.ele('link').txt(xmlText(channel.link));
  ch.ele('description').txt(xmlText(htmlText(channel.description)));
  ch.ele('language').txt(xmlText(channel.language));
  ch.ele('atom:link', { href: channel.self.rss, rel: 'self', type: 'application/rss+xml' });
  if (channel.updated) ch.ele('lastBuildDate').txt(rfc822(channel.updated));
  ch.ele('generator').txt('Griot');
  for (const e of entries) {
    const item = ch.ele('item');
    item.ele('title').txt(xmlText(e.title));
    item.ele('link').txt(xmlText(e.link));
    item.ele('guid', { isPermaLink: 'false' }).txt(xmlText(e.id));
    item.ele('pubDate').txt(rfc822(e.published));
    item.ele('dc:creator').txt(xmlText(e.author));
    for (const c of e.categories) item.ele('category').txt(xmlText(c.label));
    item.ele('description').txt(xmlText(htmlText(e.summary)));
    if (e.contentHtml !== null) item.ele('content:encoded').txt(xmlText(e.contentHtml));
    if (e.image) mediaContent(item, e.image);
  }
  return root.end({ prettyPrint: false });
}
