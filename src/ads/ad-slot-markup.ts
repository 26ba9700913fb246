import type { ImageInfo } from '../media/image-variants.ts';
import type { Locale } from '../settings/site-settings.ts';
import { typeset } from '../web/typography.ts';
import { adVariants } from './ad-creative.ts';
import type { AdCampaign, AdSlot } from './ad.table.ts';

/** The marker a cached page carries where a slot goes; filled for each view. */
export function adMarker(slotKey: string): string {
  return `<!--griot:ad:${slotKey}-->`;
}

/** The slot key a marker names, or undefined when it is not an ad marker. */
export function slotKeyOfMarker(marker: string): string | undefined {
  // Asked for every slot of every view: the few markers the templates write are read once.
  if (slotKeys.has(marker)) return slotKeys.get(marker);
  const key = /^<!--griot:ad:([a-z0-9-]+)-->$/.exec(marker)?.[1];
  if (slotKeys.size >= 256) slotKeys.clear();
  slotKeys.set(marker, key);
  return key;
}
const slotKeys = new Map<string, string | undefined>();

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Words the slot shows whatever it carries, in the site's language. */
export interface AdWords {
  label: string;
  /** The house ad's call to action, to the advertise page. */
  cta: string;
  locale: Locale;
}

const CTA: Record<Locale, string> = { fr: 'Voir nos offres', en: 'See our rates' };

/** The slot words of a site in this language. */
export function adWords(locale: Locale, label: string): AdWords {
  return { label, cta: CTA[locale], locale };
}

/** How the newsroom wants unsold slots shown. */
export interface HouseAdOptions {
  /** The slot takes no room on phones (below 768 px): decided in the markup, so nothing moves. */
  collapseOnPhones: boolean;
}

/**
 * The slot's frame: a box that reserves the slot's size for phones and for wider screens (CSS
 * custom properties read by site.css), so nothing moves when the creative arrives.
 */
function frame(
  slot: AdSlot,
  words: AdWords,
  inner: string,
  kind: string,
  collapse = false,
): string {
  const style = `--pw:${slot.phone_width};--ph:${slot.phone_height};--dw:${slot.desktop_width};--dh:${slot.desktop_height}`;
  const classes = `ad ad-${esc(slot.placement)}${collapse ? ' ad-collapse' : ''}`;
  return `<aside class="${classes}" aria-label="${esc(words.label)}" data-slot="${esc(slot.key)}"><span class="ad-label" aria-hidden="true">${esc(words.label)}</span><div class="ad-box ad-${kind}" style="${style}">${inner}</div></aside>`;
}

/**
 * The slot with its house ad, an invitation to advertise: « Votre Pub ici ! », the slot's line
 * and a call to action, all one link to the advertise page (or the slot's own link).
 */
export function houseAdHtml(
  slot: AdSlot,
  words: AdWords,
  options: HouseAdOptions = { collapseOnPhones: false },
): string {
  const set = (text: string) => esc(typeset(text, words.locale));
  const text = slot.house_text ? `<span class="ad-line">${set(slot.house_text)}</span>` : '';
  return frame(
    slot,
    words,
    `<a class="ad-fill" href="${esc(slot.house_url)}"><span class="ad-pitch"><strong>${set(slot.house_title)}</strong>${text}</span><span class="ad-cta">${set(words.cta)}</span></a>`,
    'house',
    options.collapseOnPhones,
  );
}

function srcsetOf(image: ImageInfo, format: 'webp' | 'jpeg'): string {
  return adVariants(image)
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
    .map((v) => `/media/${v.file} ${v.width}w`)
    .join(', ');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The slot carrying a campaign's creative, linked through the counting redirect. Image creatives
 * fill the box (cropped to it, never resized by it); text ads show title, line and the domain.
 */
export function campaignAdHtml(
  slot: AdSlot,
  campaign: Pick<AdCampaign, 'creative_kind' | 'text_title' | 'text_body' | 'link_url'>,
  image: ImageInfo | undefined,
  clickHref: string,
  words: AdWords,
): string {
  const open = `<a class="ad-fill" href="${esc(clickHref)}" rel="sponsored noopener">`;
  if (campaign.creative_kind === 'image' && image) {
    const jpeg = adVariants(image)
      .filter((v) => v.format === 'jpeg')
      .sort((a, b) => a.width - b.width);
    const fallback = jpeg.find((v) => v.width >= slot.desktop_width) ?? jpeg.at(-1);
    if (fallback) {
      const sizes = `(min-width: 768px) ${slot.desktop_width}px, ${slot.phone_width}px`;
      return frame(
        slot,
        words,
        `${open}<picture><source type="image/webp" srcset="${srcsetOf(image, 'webp')}" sizes="${sizes}"><img src="/media/${esc(fallback.file)}" srcset="${srcsetOf(image, 'jpeg')}" sizes="${sizes}" width="${slot.desktop_width}" height="${slot.desktop_height}" alt="${esc(campaign.text_title)}" loading="lazy" decoding="async"></picture></a>`,
        'image',
      );
    }
  }
  const body = campaign.text_body ? `<span>${esc(campaign.text_body)}</span>` : '';
  const host = hostOf(campaign.link_url);
  return frame(
    slot,
    words,
    `${open}<strong>${esc(campaign.text_title)}</strong>${body}${host ? `<small>${esc(host)}</small>` : ''}</a>`,
    'text',
  );
}
