import { findCurrentAlert } from '../alerts/alert.queries.ts';
import type { SiteAlert } from '../alerts/alert.ts';
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
  /** The alert banner over every page, while it is up. */
  alert: SiteAlert | undefined;
  /**
   * When the layout stops being right by itself (the alert's end, epoch ms): the page cache
   * reloads it then and no cached page outlives it.
   */
  validUntil?: number | undefined;
}

/** Reads the site layout from the database, as of `now` (for the alert up then). */
export async function loadSiteLayout(db: Db, now: Date): Promise<SiteLayout> {
  const [settings, sections, adSlots, alertRow] = await Promise.all([
    findSiteSettings(db),
    listSections(db),
    listEnabledAdSlots(db),
    findCurrentAlert(db, now),
  ]);
  const logo = settings.logoMediaId ? await findImageInfo(db, settings.logoMediaId) : undefined;
  const alert: SiteAlert | undefined = alertRow && {
    id: alertRow.id,
    text: alertRow.text,
    linkUrl: alertRow.link_url,
    endsAt: alertRow.ends_at,
  };
  const validUntil = alert ? Date.parse(alert.endsAt) : undefined;
  return { settings, sections, logo, adSlots, alert, validUntil };
}
