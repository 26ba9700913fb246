import type { z } from 'zod';
import { clip, formBody } from '../http/schemas.ts';
import type { AdPlacement, NewAdSlot, NewAdvertiser } from './ad.table.ts';

export const PLACEMENTS: readonly AdPlacement[] = [
  'top',
  'under-title',
  'in-article',
  'article-end',
  'home',
];

/** What was typed in a slot form (numbers as typed, so a wrong one comes back as it was). */
export interface SlotFormValues {
  key: string;
  name: string;
  placement: string;
  paragraph: string;
  phoneWidth: string;
  phoneHeight: string;
  desktopWidth: string;
  desktopHeight: string;
  houseTitle: string;
  houseText: string;
  houseUrl: string;
  enabled: boolean;
}

/** What a slot form can be told is wrong. */
export type SlotFormError =
  | 'key-missing'
  | 'key-invalid'
  | 'key-taken'
  | 'name-missing'
  | 'name-too-long'
  | 'placement-invalid'
  | 'paragraph-invalid'
  | 'phone-width-invalid'
  | 'phone-height-invalid'
  | 'desktop-width-invalid'
  | 'desktop-height-invalid'
  | 'house-title-too-long'
  | 'house-text-too-long'
  | 'house-url-invalid';

/** What was typed in an advertiser form. */
export interface AdvertiserFormValues {
  name: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

/** What an advertiser form can be told is wrong. */
export type AdvertiserFormError =
  | 'name-missing'
  | 'name-too-long'
  | 'contact-name-too-long'
  | 'contact-email-invalid'
  | 'contact-phone-invalid';

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{6,30}$/;
const WIDTH = { min: 50, max: 1200 };
const HEIGHT = { min: 30, max: 1200 };
export const URL_MAX = 2000;

/** The whole number a field holds, or undefined when it holds anything else. */
export function wholeNumber(value: string): number | undefined {
  return /^\d{1,10}$/.test(value) ? Number(value) : undefined;
}

const within = (value: string, { min, max }: { min: number; max: number }): boolean => {
  const n = wholeNumber(value);
  return n !== undefined && n >= min && n <= max;
};

/** An absolute http(s) URL a browser can be sent to; never javascript:, data: or the like. */
export function isWebUrl(value: string): boolean {
  if (!value || value.length > URL_MAX || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}

/** A house ad's link: a page of the site (`/…`, never `//host`) or an http(s) URL. */
export function isHouseUrl(value: string): boolean {
  if (value.startsWith('/'))
    return value.length <= URL_MAX && !/^\/[/\\]/.test(value) && !/[\s\\]/.test(value);
  return isWebUrl(value);
}

/** The slot form's fields: single texts, checked by validateSlot so they come back as typed. */
export const slotForm = formBody(
  'key',
  'name',
  'placement',
  'paragraph',
  'phoneWidth',
  'phoneHeight',
  'desktopWidth',
  'desktopHeight',
  'houseTitle',
  'houseText',
  'houseUrl',
  'enabled',
);

/** Reads a slot form as typed. */
export function readSlotForm(b: z.infer<typeof slotForm>): SlotFormValues {
  return {
    key: clip(b.key, 100).toLowerCase(),
    name: clip(b.name, 300),
    placement: clip(b.placement, 20),
    paragraph: clip(b.paragraph, 12),
    phoneWidth: clip(b.phoneWidth, 12),
    phoneHeight: clip(b.phoneHeight, 12),
    desktopWidth: clip(b.desktopWidth, 12),
    desktopHeight: clip(b.desktopHeight, 12),
    houseTitle: clip(b.houseTitle, 300),
    houseText: clip(b.houseText, 600),
    houseUrl: clip(b.houseUrl, URL_MAX + 100),
    enabled: b.enabled === '1',
  };
}

/** Checks a slot form; the key only when a slot is created (it never changes afterwards). */
export function validateSlot(
  form: SlotFormValues,
  { withKey }: { withKey: boolean },
): SlotFormError[] {
  const errors: SlotFormError[] = [];
  if (withKey) {
    if (!form.key) errors.push('key-missing');
    else if (form.key.length > 40 || !KEY.test(form.key)) errors.push('key-invalid');
  }
  if (!form.name) errors.push('name-missing');
  else if (form.name.length > 80) errors.push('name-too-long');
  if (!(PLACEMENTS as readonly string[]).includes(form.placement)) errors.push('placement-invalid');
  if (form.placement === 'in-article' && !within(form.paragraph, { min: 1, max: 50 }))
    errors.push('paragraph-invalid');
  if (!within(form.phoneWidth, WIDTH)) errors.push('phone-width-invalid');
  if (!within(form.phoneHeight, HEIGHT)) errors.push('phone-height-invalid');
  if (!within(form.desktopWidth, WIDTH)) errors.push('desktop-width-invalid');
  if (!within(form.desktopHeight, HEIGHT)) errors.push('desktop-height-invalid');
  if (form.houseTitle.length > 60) errors.push('house-title-too-long');
  if (form.houseText.length > 140) errors.push('house-text-too-long');
  if (!isHouseUrl(form.houseUrl)) errors.push('house-url-invalid');
  return errors;
}

/** The columns a valid slot form sets; an empty house title takes the default one. */
export function slotChanges(
  form: SlotFormValues,
  defaultHouseTitle: string,
): Omit<NewAdSlot, 'id' | 'key' | 'position' | 'created_at'> {
  return {
    name: form.name,
    placement: form.placement as AdPlacement,
    // Only in-article slots sit after a paragraph; the others keep 0, as the default slots do.
    paragraph: form.placement === 'in-article' ? Number(form.paragraph) : 0,
    phone_width: Number(form.phoneWidth),
    phone_height: Number(form.phoneHeight),
    desktop_width: Number(form.desktopWidth),
    desktop_height: Number(form.desktopHeight),
    house_title: form.houseTitle || defaultHouseTitle,
    house_text: form.houseText,
    house_url: form.houseUrl,
    enabled: form.enabled ? 1 : 0,
  };
}

/** The advertiser form's fields: single texts, checked by validateAdvertiser. */
export const advertiserForm = formBody('name', 'contactName', 'contactEmail', 'contactPhone');

/** Reads an advertiser form as typed. */
export function readAdvertiserForm(b: z.infer<typeof advertiserForm>): AdvertiserFormValues {
  return {
    name: clip(b.name, 300),
    contactName: clip(b.contactName, 300),
    contactEmail: clip(b.contactEmail, 400),
    contactPhone: clip(b.contactPhone, 100),
  };
}

/** Checks an advertiser form: a name, and contact details that make sense when given. */
export function validateAdvertiser(form: AdvertiserFormValues): AdvertiserFormError[] {
  const errors: AdvertiserFormError[] = [];
  if (!form.name) errors.push('name-missing');
  else if (form.name.length > 100) errors.push('name-too-long');
  if (form.contactName.length > 100) errors.push('contact-name-too-long');
  if (form.contactEmail && (form.contactEmail.length > 254 || !EMAIL.test(form.contactEmail)))
    errors.push('contact-email-invalid');
  if (form.contactPhone && !PHONE.test(form.contactPhone)) errors.push('contact-phone-invalid');
  return errors;
}

/** The columns a valid advertiser form sets. */
export function advertiserChanges(
  form: AdvertiserFormValues,
): Omit<NewAdvertiser, 'id' | 'created_at'> {
  return {
    name: form.name,
    contact_name: form.contactName,
    contact_email: form.contactEmail,
    contact_phone: form.contactPhone,
  };
}
