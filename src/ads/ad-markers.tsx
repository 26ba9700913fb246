import { trustedHtml } from '../web/render.ts';
import type { PageContext } from '../web/page-context.ts';
import type { AdPlacement } from './ad.table.ts';
import { adMarker } from './ad-slot-markup.ts';

/** Markers for the enabled slots of a placement; each is filled with its ad for every view. */
export function AdMarkers({ ctx, placement }: { ctx: PageContext; placement: AdPlacement }) {
  // The light edition carries no ad: one sold image ad alone would break its 30 KB budget.
  if (ctx.lite) return null;
  const markers = (ctx.adSlots ?? [])
    .filter((s) => s.placement === placement)
    .map((s) => adMarker(s.key))
    .join('');
  return markers ? trustedHtml(markers) : null;
}

/**
 * An article body with the in-article slots' markers after their paragraph (counting the
 * body's top-level paragraphs); a slot whose paragraph the article does not reach is left out.
 */
export function withInArticleMarkers(ctx: PageContext, bodyHtml: string): string {
  const slots = (ctx.adSlots ?? []).filter((s) => s.placement === 'in-article');
  if (!slots.length || ctx.lite) return bodyHtml;
  // Paragraph ends at nesting depth 0 (not inside a quote or a list).
  const ends: number[] = [];
  let depth = 0;
  for (const m of bodyHtml.matchAll(/<(\/?)(blockquote|ul|ol|table|figure|p)\b[^>]*>/g)) {
    const closing = m[1] === '/';
    const tag = m[2];
    if (tag === 'p') {
      if (closing && depth === 0) ends.push(m.index + m[0].length);
    } else depth += closing ? -1 : 1;
  }
  const inserts = slots
    .filter((s) => s.paragraph >= 1 && s.paragraph < ends.length)
    .map((s) => ({ at: ends[s.paragraph - 1]!, marker: adMarker(s.key) }))
    .sort((a, b) => b.at - a.at);
  let html = bodyHtml;
  for (const { at, marker } of inserts) html = html.slice(0, at) + marker + html.slice(at);
  return html;
}
