import type { PageFiller, ViewFill } from '../http/page-pipeline.ts';
import type { AdDelivery, AdFill } from './ad-delivery.ts';
import { slotKeyOfMarker } from './ad-slot-markup.ts';

/**
 * Ads in the page pipeline: fills a page's ad markers for each view. Views with the same picks
 * share a body; a page where a sold campaign could run is kept by no shared cache, so every
 * view is counted.
 */
export function adFiller(ads: AdDelivery): PageFiller {
  // Delivery hands the same fill to the views with the same picks: so is its view fill.
  const viewFills = new WeakMap<AdFill, ViewFill>();
  const view = (f: AdFill) => {
    let fill = viewFills.get(f);
    if (!fill) viewFills.set(f, (fill = { values: f.values, variant: f.key, perView: f.sold }));
    return fill;
  };
  return {
    name: 'ad',
    owns: (marker) => slotKeyOfMarker(marker) !== undefined,
    fill({ markers, facts, request }) {
      const sectionId = typeof facts.sectionId === 'number' ? facts.sectionId : null;
      const fill = ads.fill(markers, sectionId, request);
      return fill instanceof Promise ? fill.then(view) : view(fill);
    },
  };
}
