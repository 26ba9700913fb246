import type { PageFiller } from '../http/page-pipeline.ts';
import type { AdDelivery } from './ad-delivery.ts';
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
    async fill({ markers, facts, request }) {
      const sectionId = typeof facts.sectionId === 'number' ? facts.sectionId : null;
      const fill = await ads.fill(markers, sectionId, request);
      return { values: fill.values, variant: fill.key, perView: fill.sold };
    },
  };
}
