import { ADS_KEY } from './ad-keys.ts';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Db } from '../db/database.ts';
import { findImageInfo } from '../media/media.queries.ts';
import type { MediaStore } from '../media/media-store.ts';
import { clip, formBody, formList, idFromText, listOf } from '../http/schemas.ts';
import { fileField, uploadFormFile, type UploadedFile } from '../media/upload-form.ts';
import type { UploadRefusal } from '../media/upload-media.ts';
import { listSections } from '../sections/section.queries.ts';
import { isoInZone, zonedTimeToUtc } from '../web/dates.ts';
import { AD_IMAGE_MAX_BYTES, heaviestAdFile } from './ad-creative.ts';
import { isWebUrl, URL_MAX, wholeNumber } from './ad-admin.forms.ts';
import {
  insertCampaign,
  listAdvertisers,
  listSlots,
  replaceCampaignSections,
  replaceCampaignSlots,
  updateCampaign,
} from './ad-admin.queries.ts';
import type { AdCampaign, AdTier, CampaignStatus, CreativeKind } from './ad.table.ts';

/** Highest tier first: a sponsorship beats a standard campaign, which beats a house one. */
export const TIERS: readonly AdTier[] = ['sponsorship', 'standard', 'house'];
export const STATUSES: readonly CampaignStatus[] = ['draft', 'active', 'paused', 'ended'];
export const TEXT_TITLE_MAX = 60;
export const TEXT_BODY_MAX = 140;
export const ALT_MAX = 150;
const CAP_MAX = 1_000_000_000;

/** What was typed in a campaign form, checkboxes and the picked image included. */
export interface CampaignFormValues {
  advertiserId: string;
  name: string;
  tier: string;
  weight: string;
  status: string;
  /** `datetime-local` values, in the newsroom's time zone. */
  startsAt: string;
  endsAt: string;
  slotIds: string[];
  /** 'all': every section and the home page; 'some': the sections checked. */
  sectionsScope: string;
  sectionIds: string[];
  creativeKind: string;
  mediaId: string;
  textTitle: string;
  textBody: string;
  linkUrl: string;
  totalCap: string;
  dailyCap: string;
}

/** What a campaign form can be told is wrong. */
export type CampaignFormError =
  | 'advertiser-missing'
  | 'name-missing'
  | 'name-too-long'
  | 'tier-invalid'
  | 'weight-invalid'
  | 'status-invalid'
  | 'starts-at-invalid'
  | 'ends-at-invalid'
  | 'ends-at-before-start'
  | 'slots-missing'
  | 'sections-missing'
  | 'creative-kind-invalid'
  | 'image-missing'
  | 'image-unknown'
  | 'image-too-heavy'
  /** Another field was wrong, so the image file sent along was not kept. */
  | 'image-file-not-kept'
  | 'alt-missing'
  | 'alt-too-long'
  | 'title-missing'
  | 'title-too-long'
  | 'body-too-long'
  | 'link-url-invalid'
  | 'total-cap-invalid'
  | 'daily-cap-invalid';

/** The ids a campaign may point at: existing advertisers, slots and sections. */
export interface CampaignChoices {
  advertiserIds: number[];
  slotIds: number[];
  sectionIds: number[];
}

/** A valid form as columns (the image may still come from a file sent along). */
export type CampaignFields = Omit<AdCampaign, 'id' | 'report_key' | 'created_at' | 'updated_at'> & {
  slotIds: number[];
  sectionIds: number[];
};

const list = (value: string | string[] | undefined): string[] =>
  listOf(value)
    .map((v) => clip(v, 12))
    .slice(0, 500);

/**
 * The campaign form's fields: single texts (checked by saveCampaign, so they come back as typed),
 * the ticked slots and sections, and an optional image file.
 */
export const campaignForm = formBody(
  'advertiserId',
  'name',
  'tier',
  'weight',
  'status',
  'startsAt',
  'endsAt',
  'sectionsScope',
  'creativeKind',
  'mediaId',
  'textTitle',
  'textBody',
  'linkUrl',
  'totalCap',
  'dailyCap',
).extend({ slots: formList, sections: formList, imageFile: fileField });

/** Reads a campaign form as typed (bounded, so a huge post is not echoed back). */
export function readCampaignForm(b: z.infer<typeof campaignForm>): CampaignFormValues {
  return {
    advertiserId: clip(b.advertiserId, 12),
    name: clip(b.name, 300),
    tier: clip(b.tier, 20),
    weight: clip(b.weight, 12),
    status: clip(b.status, 20),
    startsAt: clip(b.startsAt, 30),
    endsAt: clip(b.endsAt, 30),
    slotIds: list(b.slots),
    sectionsScope: clip(b.sectionsScope, 10),
    sectionIds: list(b.sections),
    creativeKind: clip(b.creativeKind, 10),
    mediaId: clip(b.mediaId, 12),
    textTitle: clip(b.textTitle, 400),
    textBody: clip(b.textBody, 600),
    linkUrl: clip(b.linkUrl, URL_MAX + 100),
    totalCap: clip(b.totalCap, 20),
    dailyCap: clip(b.dailyCap, 20),
  };
}

/** A `datetime-local` value in a zone as a UTC ISO string; null when it names no real time. */
export function localToUtc(local: string, timeZone: string): string | null {
  const utc = zonedTimeToUtc(local, timeZone);
  // Date.UTC rolls « 2026-02-31 » over to March: only a value that comes back as typed is real.
  if (!utc || isoInZone(utc.toISOString(), timeZone).slice(0, 16) !== local) return null;
  return utc.toISOString();
}

/** A UTC instant as a `datetime-local` value in the newsroom's zone. */
export function utcToLocal(iso: string, timeZone: string): string {
  return isoInZone(iso, timeZone).slice(0, 16);
}

const known = (ids: string[], allowed: number[]): number[] =>
  [...new Set(ids.map(Number))].filter((id) => allowed.includes(id));

const cap = (value: string): number | null | undefined => {
  if (!value) return null;
  const n = wholeNumber(value);
  return n !== undefined && n >= 1 && n <= CAP_MAX ? n : undefined;
};

/**
 * Checks a campaign form against the advertisers, slots and sections that exist; pure, so the
 * rules can be tested alone. `hasFile`: an image file was sent along (it stands for the choice).
 */
export function validateCampaign(
  form: CampaignFormValues,
  { timeZone, choices, hasFile }: { timeZone: string; choices: CampaignChoices; hasFile: boolean },
): { errors: CampaignFormError[]; fields?: CampaignFields } {
  const errors: CampaignFormError[] = [];
  const advertiserId = Number(form.advertiserId);
  if (!choices.advertiserIds.includes(advertiserId)) errors.push('advertiser-missing');
  if (!form.name) errors.push('name-missing');
  else if (form.name.length > 100) errors.push('name-too-long');
  if (!(TIERS as readonly string[]).includes(form.tier)) errors.push('tier-invalid');
  const weight = wholeNumber(form.weight);
  if (weight === undefined || weight < 1 || weight > 100) errors.push('weight-invalid');
  if (!(STATUSES as readonly string[]).includes(form.status)) errors.push('status-invalid');
  const startsAt = localToUtc(form.startsAt, timeZone);
  if (!startsAt) errors.push('starts-at-invalid');
  const endsAt = form.endsAt ? localToUtc(form.endsAt, timeZone) : null;
  if (form.endsAt && !endsAt) errors.push('ends-at-invalid');
  else if (startsAt && endsAt && endsAt <= startsAt) errors.push('ends-at-before-start');
  const slotIds = known(form.slotIds, choices.slotIds);
  if (!slotIds.length) errors.push('slots-missing');
  const allSections = form.sectionsScope !== 'some';
  const sectionIds = allSections ? [] : known(form.sectionIds, choices.sectionIds);
  if (!allSections && !sectionIds.length) errors.push('sections-missing');

  const kind = form.creativeKind;
  if (kind !== 'image' && kind !== 'text') errors.push('creative-kind-invalid');
  const mediaId = idFromText(form.mediaId) ?? null;
  if (kind === 'image') {
    if (!mediaId && !hasFile) errors.push('image-missing');
    if (!form.textTitle) errors.push('alt-missing');
    else if (form.textTitle.length > ALT_MAX) errors.push('alt-too-long');
  } else if (kind === 'text') {
    if (!form.textTitle) errors.push('title-missing');
    else if (form.textTitle.length > TEXT_TITLE_MAX) errors.push('title-too-long');
  }
  if (form.textBody.length > TEXT_BODY_MAX) errors.push('body-too-long');
  if (!isWebUrl(form.linkUrl)) errors.push('link-url-invalid');
  const totalCap = cap(form.totalCap);
  if (totalCap === undefined) errors.push('total-cap-invalid');
  const dailyCap = cap(form.dailyCap);
  if (dailyCap === undefined) errors.push('daily-cap-invalid');
  if (errors.length) return { errors };

  return {
    errors,
    fields: {
      advertiser_id: advertiserId,
      name: form.name,
      tier: form.tier as AdTier,
      weight: weight!,
      status: form.status as CampaignStatus,
      starts_at: startsAt!,
      ends_at: endsAt,
      creative_kind: kind as CreativeKind,
      media_id: kind === 'image' ? mediaId : null,
      text_title: form.textTitle,
      text_body: form.textBody,
      link_url: form.linkUrl,
      all_sections: allSections ? 1 : 0,
      total_cap: totalCap ?? null,
      daily_cap: dailyCap ?? null,
      slotIds,
      sectionIds,
    },
  };
}

/** A new campaign's form: a draft starting now, in every section. */
export function emptyCampaignForm(now: Date, timeZone: string): CampaignFormValues {
  return {
    advertiserId: '',
    name: '',
    tier: 'standard',
    weight: '1',
    status: 'draft',
    startsAt: utcToLocal(now.toISOString(), timeZone),
    endsAt: '',
    slotIds: [],
    sectionsScope: 'all',
    sectionIds: [],
    creativeKind: 'image',
    mediaId: '',
    textTitle: '',
    textBody: '',
    linkUrl: '',
    totalCap: '',
    dailyCap: '',
  };
}

/** A stored campaign as its form shows it. */
export function campaignFormOf(
  c: AdCampaign,
  { slotIds, sectionIds, timeZone }: { slotIds: number[]; sectionIds: number[]; timeZone: string },
): CampaignFormValues {
  return {
    advertiserId: String(c.advertiser_id),
    name: c.name,
    tier: c.tier,
    weight: String(c.weight),
    status: c.status,
    startsAt: utcToLocal(c.starts_at, timeZone),
    endsAt: c.ends_at ? utcToLocal(c.ends_at, timeZone) : '',
    slotIds: slotIds.map(String),
    sectionsScope: c.all_sections ? 'all' : 'some',
    sectionIds: sectionIds.map(String),
    creativeKind: c.creative_kind,
    mediaId: c.media_id ? String(c.media_id) : '',
    textTitle: c.text_title,
    textBody: c.text_body,
    linkUrl: c.link_url,
    totalCap: c.total_cap ? String(c.total_cap) : '',
    dailyCap: c.daily_cap ? String(c.daily_cap) : '',
  };
}

/** The outcome of a save: the campaign's id, or what is wrong (nothing stored then). */
export type SaveCampaignResult =
  | { ok: true; id: number }
  | {
      ok: false;
      /** The form to show again; an image uploaded on the way is now its picked image. */
      form: CampaignFormValues;
      errors: CampaignFormError[];
      /** The heaviest file of a refused image, in bytes. */
      heavyBytes?: number;
      /** Why the image file sent along was refused. */
      uploadRefusal?: { reason: UploadRefusal; format?: string | undefined };
    };

/**
 * Creates (no id) or updates a campaign from its form. An image file sent along is stored in the
 * media library once every other field is right, and wins over the image picked in the list; the
 * image must be light enough to serve (AD_IMAGE_MAX_BYTES per file). The campaign row, its slots
 * and its sections are written in one transaction that also moves the content version, so
 * delivery reloads its inventory. The caller empties its page cache once this returns ok.
 */
export async function saveCampaign(
  db: Db,
  p: {
    id?: number | undefined;
    form: CampaignFormValues;
    imageFile: UploadedFile | undefined;
    timeZone: string;
    store: MediaStore;
    now: Date;
  },
): Promise<SaveCampaignResult> {
  let form = p.form;
  const [advertisers, slots, sections] = await Promise.all([
    listAdvertisers(db),
    listSlots(db),
    listSections(db),
  ]);
  const choices: CampaignChoices = {
    advertiserIds: advertisers.map((a) => a.id),
    slotIds: slots.map((s) => s.id),
    sectionIds: sections.map((s) => s.id),
  };
  // A file only matters for an image creative.
  const file = form.creativeKind === 'image' ? p.imageFile : undefined;
  const { errors, fields } = validateCampaign(form, {
    timeZone: p.timeZone,
    choices,
    hasFile: !!file,
  });
  if (!fields)
    return { ok: false, form, errors: file ? [...errors, 'image-file-not-kept'] : errors };

  if (file) {
    const upload = await uploadFormFile(db, {
      file,
      store: p.store,
      details: { alt: fields.text_title, credit: '', caption: '' },
      now: p.now,
    });
    if (!upload.ok)
      return {
        ok: false,
        form,
        errors: [],
        uploadRefusal: { reason: upload.reason, format: upload.format },
      };
    fields.media_id = upload.media.id;
    form = { ...form, mediaId: String(upload.media.id) };
  }
  if (fields.creative_kind === 'image') {
    const info = await findImageInfo(db, fields.media_id!);
    if (!info) return { ok: false, form: { ...form, mediaId: '' }, errors: ['image-unknown'] };
    const heaviest = heaviestAdFile(info);
    if (heaviest > AD_IMAGE_MAX_BYTES)
      return { ok: false, form, errors: ['image-too-heavy'], heavyBytes: heaviest };
  }

  const { slotIds, sectionIds, ...columns } = fields;
  const now = p.now.toISOString();
  const id = await db.transaction().execute(async (trx) => {
    let campaignId = p.id;
    if (campaignId === undefined)
      campaignId = await insertCampaign(trx, {
        ...columns,
        // The advertiser's read-only report lives at this unguessable key; it never changes.
        report_key: randomBytes(18).toString('base64url'),
        created_at: now,
        updated_at: now,
      });
    else await updateCampaign(trx, campaignId, { ...columns, updated_at: now });
    await replaceCampaignSlots(trx, campaignId, slotIds);
    await replaceCampaignSections(trx, campaignId, sectionIds);
    await bumpContentVersion(trx, [ADS_KEY]);
    return campaignId;
  });
  return { ok: true, id };
}
