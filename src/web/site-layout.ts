import { listEnabledAdSlots } from '../ads/ad-delivery.queries.ts';
import type { AdSlot } from '../ads/ad.table.ts';
import type { Db } from '../db/database.ts';
import type { ImageInfo } from '../media/image-variants.ts';
import { findImageInfo } from '../media/media.queries.ts';
import { listSections } from '../sections/section.queries.ts';
import type { Section } from '../sections/section.table.ts';
import { findSiteSettings } from '../settings/setting.queries.ts';
import type { SiteSettings } from '../settings/site-settings.ts';

/**
 * What every reader page shows besides its own data: the settings, the sections in the
 * navigation, the logo and where the ad slots sit. It changes under the page cache's site key.
 */
export interface SiteLayout {
  settings: SiteSettings;
  sections: Section[];
  /** The masthead logo's size and variants, when one is set and still in the library. */
  logo: ImageInfo | undefined;
  /** The enabled ad slots: where pages put their ad markers. */
  adSlots: AdSlot[];
}

/** Reads the site layout from the database. */
export async function loadSiteLayout(db: Db): Promise<SiteLayout> {
  const [settings, sections, adSlots] = await Promise.all([
    findSiteSettings(db),
    listSections(db),
    listEnabledAdSlots(db),
  ]);
  const logo = settings.logoMediaId ? await findImageInfo(db, settings.logoMediaId) : undefined;
  return { settings, sections, logo, adSlots };
}
