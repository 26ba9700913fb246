import type { PageFiller } from '../http/page-pipeline.ts';
import type { AdDelivery, AdFill } from './ad-delivery.ts';
import { slotKeyOfMarker } from './ad-slot-markup.ts';

/**
 * Ads in the page pipeline: fills a page's ad markers for each view. Views with the same picks
 * share a body; a page where a sold campaign could run is kept by no shared cache, so every
 * view is counted.
 */
export function adFiller(ads: AdDelivery): PageFiller {
  return {
    name: 'ad',
    owns: (marker) => slotKeyOfMarker(marker) !== undefined,
    fill({ markers, facts, request }) {
      const sectionId = typeof facts.sectionId === 'number' ? facts.sectionId : null;
      const fill = ads.fill(markers, sectionId, request);
      const view = (f: AdFill) => ({ values: f.values, variant: f.key, perView: f.sold });
      return fill instanceof Promise ? fill.then(view) : view(fill);
    },
  };
}
