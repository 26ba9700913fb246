import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Db } from '../db/database.ts';
import { idFromText } from '../http/schemas.ts';
import { findImageInfo } from '../media/media.queries.ts';
import type { MediaStore } from '../media/media-store.ts';
import { uploadFormFile, type UploadedFile } from '../media/upload-form.ts';
import type { UploadRefusal } from '../media/upload-media.ts';
import { updateSiteSettings } from './setting.queries.ts';
import { isTimeZone, type SiteSettings } from './site-settings.ts';

/** What was typed in the settings form. */
export interface SettingsFormValues {
  siteName: string;
  /** The name after « de »; undefined when the form did not carry the field. */
  siteNameAfterDe?: string | undefined;
  tagline: string;
  locale: string;
  timeZone: string;
  contactEmail: string;
  /** The chosen logo's media id as sent, '' for none; undefined when the form did not say. */
  logoMediaId?: string | undefined;
  /** The reader options' checkboxes; undefined when the form did not carry them. */
  feedFullText?: boolean | undefined;
  liteForSaveData?: boolean | undefined;
  adsCollapseUnsoldOnPhones?: boolean | undefined;
}

/** What the settings form can be told is wrong. */
export type SettingsFormError =
  | 'site-name-missing'
  | 'site-name-too-long'
  | 'tagline-too-long'
  | 'site-name-after-de-invalid'
  | 'locale-invalid'
  | 'time-zone-invalid'
  | 'contact-email-invalid'
  | 'logo-unknown'
  /** Another field was wrong, so the logo file sent along was not kept. */
  | 'logo-file-not-kept';

/** The outcome of a save: done, or what is wrong (nothing stored then). */
export type SaveSettingsResult =
  | { ok: true }
  | {
      ok: false;
      errors: SettingsFormError[];
      /** Why the logo file was refused, when it was. */
      logoRefusal?: { reason: UploadRefusal; format?: string | undefined } | undefined;
    };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with the typed fields (the logo is checked against the library apart). */
function fieldErrors(form: SettingsFormValues): SettingsFormError[] {
  const errors: SettingsFormError[] = [];
  if (!form.siteName) errors.push('site-name-missing');
  else if (form.siteName.length > 100) errors.push('site-name-too-long');
  if (form.tagline.length > 200) errors.push('tagline-too-long');
  if (
    form.siteNameAfterDe &&
    (form.siteNameAfterDe.length > 120 || !/^(de|du|des|d[’'])\s?\S/i.test(form.siteNameAfterDe))
  )
    errors.push('site-name-after-de-invalid');
  if (form.locale !== 'fr' && form.locale !== 'en') errors.push('locale-invalid');
  if (!form.timeZone || form.timeZone.length > 64 || !isTimeZone(form.timeZone))
    errors.push('time-zone-invalid');
  if (form.contactEmail && (form.contactEmail.length > 200 || !EMAIL.test(form.contactEmail)))
    errors.push('contact-email-invalid');
  return errors;
}

/** The settings a valid form stores; a form that says nothing of the logo leaves it be. */
function settingsOf(form: SettingsFormValues): Partial<SiteSettings> {
  const settings: Partial<SiteSettings> = {
    siteName: form.siteName,
    tagline: form.tagline,
    locale: form.locale as SiteSettings['locale'],
    timeZone: form.timeZone,
    contactEmail: form.contactEmail,
  };
  if (form.siteNameAfterDe !== undefined) settings.siteNameAfterDe = form.siteNameAfterDe;
  if (form.feedFullText !== undefined) settings.feedFullText = form.feedFullText;
  if (form.liteForSaveData !== undefined) settings.liteForSaveData = form.liteForSaveData;
  if (form.adsCollapseUnsoldOnPhones !== undefined)
    settings.adsCollapseUnsoldOnPhones = form.adsCollapseUnsoldOnPhones;
  if (form.logoMediaId !== undefined)
    settings.logoMediaId = form.logoMediaId ? Number(form.logoMediaId) : null;
  return settings;
}

/**
 * Saves the settings form. A logo file sent along wins over the logo picked in the list: it is
 * stored in the media library (checked like any upload) only once every other field is right.
 */
export async function saveSiteSettings(
  db: Db,
  {
    form,
    logoFile,
    store,
    now,
  }: { form: SettingsFormValues; logoFile: UploadedFile | undefined; store: MediaStore; now: Date },
): Promise<SaveSettingsResult> {
  const errors = fieldErrors(form);
  const picked = form.logoMediaId;
  const pickedId = idFromText(picked);
  // A file sent along wins, so the logo picked in the list only matters without one.
  if (!logoFile && picked && (!pickedId || !(await findImageInfo(db, pickedId))))
    errors.push('logo-unknown');
  if (errors.length)
    return { ok: false, errors: logoFile ? [...errors, 'logo-file-not-kept'] : errors };

  const settings = settingsOf(form);
  if (logoFile) {
    const upload = await uploadFormFile(db, {
      file: logoFile,
      store,
      details: { alt: `Logo — ${form.siteName}`, credit: '', caption: '' },
      now,
    });
    if (!upload.ok)
      return {
        ok: false,
        errors: [],
        logoRefusal: { reason: upload.reason, format: upload.format },
      };
    settings.logoMediaId = upload.media.id;
  }
  await db.transaction().execute(async (trx) => {
    await updateSiteSettings(trx, settings);
    // The masthead, titles and dates of every reader page show these settings.
    await bumpContentVersion(trx);
  });
  return { ok: true };
}
