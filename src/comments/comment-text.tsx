import LinkifyIt from 'linkify-it';
import type { Child } from 'hono/jsx';
import { template } from '../web/render.ts';

const linkify = new LinkifyIt();
const LINE_BREAK = template`<br/>`;

function linkified(line: string): Child[] | string {
  // Most lines hold no address: skip linkify-it's scan (every miss renders a whole thread).
  if (!/https?:\/\//i.test(line)) return line;
  const matches = linkify.match(line) ?? [];
  const out: Child[] = [];
  let last = 0;
  for (const m of matches) {
    // Only addresses written out with http(s)://; a bare "exemple.org" stays text.
    if (!/^https?:$/i.test(m.schema) || !/^https?:\/\//i.test(m.url)) continue;
    out.push(line.slice(last, m.index));
    out.push(
      template`<a href="${m.url}" rel="nofollow ugc noopener" target="_blank">${m.text}</a>`,
    );
    last = m.lastIndex;
  }
  out.push(line.slice(last));
  return out;
}

/**
 * A reader's comment as markup: plain text only, paragraphs and line breaks kept, web
 * addresses linked with rel="nofollow ugc noopener". Every character is escaped by the
 * template; no HTML a reader typed is ever interpreted.
 */
export function CommentText({ body }: { body: string }): Child {
  return body
    .split(/\n{2,}/)
    .map(
      (p) =>
        template`<p>${p.split('\n').map((line, i) => (i > 0 ? [LINE_BREAK, linkified(line)] : linkified(line)))}</p>`,
    );
}
