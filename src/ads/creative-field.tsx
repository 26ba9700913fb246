import { Field, TextareaField } from '../admin/field.tsx';
import type { ImageVariant } from '../media/image-variants.ts';
import { AD_IMAGE_MAX_BYTES } from './ad-creative.ts';
import type { fieldKit } from './ad-admin-fields.tsx';
import { kilobytes, type AdAdminStrings } from './ad-admin.strings.ts';
import type { CampaignFormError, CampaignFormValues } from './save-campaign.ts';

/** A library image offered as a creative: its thumbnail and the heaviest file an ad would serve. */
export interface CreativeImageChoice {
  id: number;
  alt: string;
  thumb: ImageVariant | undefined;
  heaviest: number;
}

type Kit = ReturnType<typeof fieldKit<CampaignFormError>>;

/**
 * The creative part of the campaign form: an image (library cards with their weight, or a file
 * sent along) or a text ad, the title doubling as the image's alt text.
 */
export function CreativeField(p: {
  t: AdAdminStrings;
  form: CampaignFormValues;
  images: CreativeImageChoice[];
  f: Kit;
  /** Why an image file sent along was refused, worded. */
  fileError: string | undefined;
}) {
  const { t, form, f } = p;
  const limit = kilobytes(AD_IMAGE_MAX_BYTES);
  return (
    <fieldset class="ad-fieldset ad-creative">
      <legend>{t.creative}</legend>
      {f.error('kind')}
      <p class="ad-inline-choices">
        <label class="check">
          <input
            type="radio"
            name="creativeKind"
            value="image"
            checked={form.creativeKind === 'image'}
          />
          <span>{t.kindImage}</span>
        </label>
        <label class="check">
          <input
            type="radio"
            name="creativeKind"
            value="text"
            checked={form.creativeKind === 'text'}
          />
          <span>{t.kindText}</span>
        </label>
      </p>
      <fieldset class="ad-image" {...f.attrs('image', 'aide-ad-image')}>
        <legend>{t.image}</legend>
        <p class="hint" id="aide-ad-image">
          {t.imageHint(limit)}
        </p>
        {f.error('image')}
        {p.images.length ? (
          <ul class="logo-choices">
            {p.images.map((m) => {
              const heavy = m.heaviest > AD_IMAGE_MAX_BYTES;
              return (
                <li>
                  <label class={heavy ? 'is-heavy' : undefined}>
                    {m.thumb ? (
                      <img
                        src={`/media/${m.thumb.file}`}
                        width={m.thumb.width}
                        height={m.thumb.height}
                        alt=""
                        loading="lazy"
                      />
                    ) : null}
                    <span class="logo-name">
                      <input
                        type="radio"
                        name="mediaId"
                        value={String(m.id)}
                        checked={form.mediaId === String(m.id)}
                      />
                      <span>{m.alt || t.noAlt}</span>
                    </span>
                    <span class="ad-weight">
                      {t.kb(kilobytes(m.heaviest))}
                      {heavy ? ` — ${t.tooHeavy}` : ''}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        ) : null}
        <label for="ad-image-file">{t.imageFile}</label>
        <input
          id="ad-image-file"
          name="imageFile"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-invalid={p.fileError ? 'true' : undefined}
          aria-describedby={p.fileError ? 'aide-ad-file erreur-ad-file' : 'aide-ad-file'}
        />
        <p class="hint" id="aide-ad-file">
          {t.imageFileHint}
        </p>
        {p.fileError ? (
          <p class="field-error" id="erreur-ad-file">
            {p.fileError}
          </p>
        ) : null}
      </fieldset>
      <Field
        id="ad-text-title"
        label={t.textTitle}
        hint={t.textTitleHint}
        {...f.field('text-title')}
        input={{ name: 'textTitle', type: 'text', maxlength: 150, value: form.textTitle }}
      />
      <TextareaField
        id="ad-text-body"
        label={t.textBody}
        {...f.field('text-body')}
        textarea={{ name: 'textBody', rows: 2, maxlength: 140, class: 'ad-short-text' }}
        value={form.textBody}
      />
    </fieldset>
  );
}
