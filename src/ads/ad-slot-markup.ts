import type { ImageInfo } from '../media/image-variants.ts';
import { adVariants } from './ad-creative.ts';
import type { AdCampaign, AdSlot } from './ad.table.ts';

/** The marker a cached page carries where a slot goes; filled for each view. */
export function adMarker(slotKey: string): string {
  return `<!--griot:ad:${slotKey}-->`;
}

/** The slot key a marker names, or undefined when it is not an ad marker. */
export function slotKeyOfMarker(marker: string): string | undefined {
  return /^<!--griot:ad:([a-z0-9-]+)-->$/.exec(marker)?.[1];
}

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
}

/**
 * The slot's frame: a box that reserves the slot's size for phones and for wider screens (CSS
 * custom properties read by site.css), so nothing moves when the creative arrives.
 */
function frame(slot: AdSlot, words: AdWords, inner: string, kind: string): string {
  const style = `--pw:${slot.phone_width};--ph:${slot.phone_height};--dw:${slot.desktop_width};--dh:${slot.desktop_height}`;
  return `<aside class="ad ad-${esc(slot.placement)}" aria-label="${esc(words.label)}" data-slot="${esc(slot.key)}"><span class="ad-label" aria-hidden="true">${esc(words.label)}</span><div class="ad-box ad-${kind}" style="${style}">${inner}</div></aside>`;
}

/** The slot with its house ad: « Votre Pub ici ! » and the invitation to advertise. */
export function houseAdHtml(slot: AdSlot, words: AdWords): string {
  const text = slot.house_text ? `<span>${esc(slot.house_text)}</span>` : '';
  return frame(
    slot,
    words,
    `<a class="ad-fill" href="${esc(slot.house_url)}"><strong>${esc(slot.house_title)}</strong>${text}</a>`,
    'house',
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
