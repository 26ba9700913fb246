/** Site-wide settings, with the defaults a new install starts from. */
export interface SiteSettings {
  siteName: string;
  /** The name after « de » (« du Veilleur »); '' for the automatic form (publication-name.ts). */
  siteNameAfterDe: string;
  tagline: string;
  locale: Locale;
  timeZone: string;
  contactEmail: string;
  /** Comments close by themselves this many days after publication; 0 keeps them open. */
  commentsAutoCloseDays: number;
  /** Whether an author is told, with the reason, when their comment is refused. */
  commentsRejectionEmail: boolean;
  /** First-view weight an article should stay under (HTML + CSS + lead photo), in KB. */
  pageWeightBudgetKb: number;
  /** The media item shown in the masthead instead of the name; null for the name in text. */
  logoMediaId: number | null;
  /** Whether feeds carry each article's full body, or only its standfirst. */
  feedFullText: boolean;
  /** Whether readers whose browser sends `Save-Data: on` get the data-light edition by default. */
  liteForSaveData: boolean;
  /** Whether slots showing the house ad (nothing sold) take no room on phones. */
  adsCollapseUnsoldOnPhones: boolean;
}

export type Locale = 'fr' | 'en';

export const defaultSiteSettings: SiteSettings = {
  siteName: 'Griot',
  siteNameAfterDe: '',
  tagline: 'L’actualité, chaque jour',
  locale: 'fr',
  timeZone: 'Africa/Niamey',
  contactEmail: '',
  commentsAutoCloseDays: 0,
  commentsRejectionEmail: false,
  pageWeightBudgetKb: 300,
  logoMediaId: null,
  feedFullText: true,
  liteForSaveData: true,
  adsCollapseUnsoldOnPhones: false,
};

const keys: Record<keyof SiteSettings, string> = {
  siteName: 'site_name',
  siteNameAfterDe: 'site_name_after_de',
  tagline: 'tagline',
  locale: 'locale',
  timeZone: 'time_zone',
  contactEmail: 'contact_email',
  commentsAutoCloseDays: 'comments_auto_close_days',
  commentsRejectionEmail: 'comments_rejection_email',
  pageWeightBudgetKb: 'page_weight_budget_kb',
  logoMediaId: 'logo_media_id',
  feedFullText: 'feed_full_text',
  liteForSaveData: 'lite_for_save_data',
  adsCollapseUnsoldOnPhones: 'ads_collapse_unsold_on_phones',
};

/** Builds SiteSettings from stored key/value rows, falling back to defaults for bad values. */
export function siteSettingsFromRows(rows: { key: string; value: string }[]): SiteSettings {
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const pick = (k: keyof SiteSettings): string | undefined => stored.get(keys[k]);
  const locale = pick('locale');
  const timeZone = pick('timeZone');
  return {
    siteName: pick('siteName') || defaultSiteSettings.siteName,
    siteNameAfterDe: pick('siteNameAfterDe') ?? defaultSiteSettings.siteNameAfterDe,
    tagline: pick('tagline') ?? defaultSiteSettings.tagline,
    locale: locale === 'en' || locale === 'fr' ? locale : defaultSiteSettings.locale,
    timeZone: timeZone && isTimeZone(timeZone) ? timeZone : defaultSiteSettings.timeZone,
    contactEmail: pick('contactEmail') ?? defaultSiteSettings.contactEmail,
    commentsAutoCloseDays:
      wholeNumber(pick('commentsAutoCloseDays')) ?? defaultSiteSettings.commentsAutoCloseDays,
    commentsRejectionEmail: pick('commentsRejectionEmail') === '1',
    pageWeightBudgetKb:
      wholeNumber(pick('pageWeightBudgetKb')) || defaultSiteSettings.pageWeightBudgetKb,
    logoMediaId: wholeNumber(pick('logoMediaId')) || null,
    feedFullText: flag(pick('feedFullText')) ?? defaultSiteSettings.feedFullText,
    liteForSaveData: flag(pick('liteForSaveData')) ?? defaultSiteSettings.liteForSaveData,
    adsCollapseUnsoldOnPhones:
      flag(pick('adsCollapseUnsoldOnPhones')) ?? defaultSiteSettings.adsCollapseUnsoldOnPhones,
  };
}

/** Turns partial settings into key/value rows for storage. */
export function siteSettingsToRows(
  settings: Partial<SiteSettings>,
): { key: string; value: string }[] {
  return (Object.keys(settings) as (keyof SiteSettings)[]).map((k) => ({
    key: keys[k],
    value: typeof settings[k] === 'boolean' ? (settings[k] ? '1' : '0') : String(settings[k] ?? ''),
  }));
}

function flag(value: string | undefined): boolean | undefined {
  return value === '1' ? true : value === '0' ? false : undefined;
}

function wholeNumber(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** True when the string names an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
