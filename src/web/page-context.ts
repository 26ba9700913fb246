import type { SiteAlert } from '../alerts/alert.ts';
import type { AdSlot } from '../ads/ad.table.ts';
import type { ImageInfo } from '../media/image-variants.ts';
import type { Section } from '../sections/section.table.ts';
import type { SiteSettings } from '../settings/site-settings.ts';
import type { CurrentUser } from '../users/user.ts';
import type { Assets } from './assets.ts';
import type { Strings } from './strings.ts';

/** What every page's layout needs: the site, its sections, strings, assets and URLs. */
export interface PageContext {
  site: SiteSettings;
  sections: Section[];
  /** The masthead logo (size and variants), shown instead of the name when set. */
  logo?: ImageInfo | undefined;
  /** The site alert up when the page was rendered: a banner at the top of reader pages. */
  alert?: SiteAlert | undefined;
  /** The enabled ad slots; reader pages put markers for them, filled per view. */
  adSlots?: AdSlot[];
  t: Strings;
  assets: Assets;
  publicUrl: string;
  /** Where reader pages link media files from: '' (this site) or MEDIA_PUBLIC_URL. */
  mediaBase?: string | undefined;
  /** The request path, to mark the current section in the navigation. */
  path: string;
  user?: CurrentUser | undefined;
  year: number;
  /** The data-light edition (`/lite/…`, or Save-Data when the setting says so). */
  lite?: boolean;
}
