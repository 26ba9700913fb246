import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Where a slot sits in the theme. */
export type AdPlacement = 'top' | 'under-title' | 'in-article' | 'article-end' | 'home';

/** Sponsorship beats standard, standard beats the newsroom's own promotions ('house'). */
export type AdTier = 'sponsorship' | 'standard' | 'house';

export type CampaignStatus = 'draft' | 'active' | 'paused' | 'ended';

export type CreativeKind = 'image' | 'text';

/** The `ad_slots` table: the places in the theme that carry ads, with their house ad. */
export interface AdSlotTable {
  id: Generated<number>;
  /** Stable identifier used in markup and reports, e.g. `haut-de-page`. */
  key: string;
  name: string;
  placement: AdPlacement;
  /** For in-article slots: after which paragraph of the body (1 = after the first). */
  paragraph: number;
  /** The box reserved on phones (below 768 px) and on wider screens, in CSS pixels. */
  phone_width: number;
  phone_height: number;
  desktop_width: number;
  desktop_height: number;
  /** The house ad shown when no campaign runs: title (« Votre Pub ici ! »), line, link. */
  house_title: string;
  house_text: string;
  house_url: string;
  /** 0 hides the slot everywhere. */
  enabled: number;
  position: number;
  created_at: string;
}

/** The `advertisers` table: who buys campaigns. */
export interface AdvertiserTable {
  id: Generated<number>;
  name: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  created_at: string;
}

/** The `ad_campaigns` table: a sold (or house) campaign and its creative. */
export interface AdCampaignTable {
  id: Generated<number>;
  advertiser_id: number;
  name: string;
  tier: AdTier;
  /** Relative share among running campaigns of the same tier in the same slot. */
  weight: number;
  status: CampaignStatus;
  /** Delivery window, UTC; entered and shown in the newsroom's time zone. */
  starts_at: string;
  ends_at: string | null;
  creative_kind: CreativeKind;
  /** The image creative (media library); null for a text ad. */
  media_id: number | null;
  /** Text ad title and line; for an image, title is its alt text. */
  text_title: string;
  text_body: string;
  /** Where a click leads: always this URL, never one from the request. */
  link_url: string;
  /** 1: every section (and the home page); 0: only the sections in ad_campaign_sections. */
  all_sections: number;
  /** Optional caps on impressions: over the whole campaign, and per newsroom day. */
  total_cap: number | null;
  daily_cap: number | null;
  /** Unguessable key of the advertiser's read-only report (`/annonceurs/rapport/:key`). */
  report_key: string;
  created_at: string;
  updated_at: string;
}

/** The `ad_campaign_slots` table: which slots a campaign runs in. */
export interface AdCampaignSlotTable {
  campaign_id: number;
  slot_id: number;
}

/** The `ad_campaign_sections` table: the sections a targeted campaign runs in. */
export interface AdCampaignSectionTable {
  campaign_id: number;
  section_id: number;
}

/** The `ad_stats` table: impressions and clicks per campaign per newsroom day (YYYY-MM-DD). */
export interface AdStatTable {
  campaign_id: number;
  day: string;
  impressions: number;
  clicks: number;
}

/** The `ad_slot_stats` table: how often each slot was shown (sold or house) per day: our audience figures. */
export interface AdSlotStatTable {
  slot_id: number;
  day: string;
  views: number;
}

/** The `ad_click_marks` table: recent clicks (keyed hashes, no addresses), to count a repeat once. */
export interface AdClickMarkTable {
  key: string;
  expires_at: string;
}

export type AdSlot = Selectable<AdSlotTable>;
export type NewAdSlot = Insertable<AdSlotTable>;
export type AdSlotUpdate = Updateable<AdSlotTable>;
export type Advertiser = Selectable<AdvertiserTable>;
export type NewAdvertiser = Insertable<AdvertiserTable>;
export type AdCampaign = Selectable<AdCampaignTable>;
export type NewAdCampaign = Insertable<AdCampaignTable>;
export type AdCampaignUpdate = Updateable<AdCampaignTable>;
export type AdStat = Selectable<AdStatTable>;
