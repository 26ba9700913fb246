import { AdminLayout } from '../admin/admin-layout.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field } from '../admin/field.tsx';
import { Flash } from '../admin/flash.tsx';
import type { Section } from '../sections/section.table.ts';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { AD_IMAGE_MAX_BYTES } from './ad-creative.ts';
import { fieldKit } from './ad-admin-fields.tsx';
import type { CampaignListing } from './ad-admin.queries.ts';
import { adAdminStringsFor, kilobytes, type AdAdminStrings } from './ad-admin.strings.ts';
import type { Advertiser, AdSlot } from './ad.table.ts';
import { CreativeField, type CreativeImageChoice } from './creative-field.tsx';
import {
  STATUSES,
  TIERS,
  type CampaignFormError,
  type CampaignFormValues,
} from './save-campaign.ts';

// The field each error belongs to (its id suffix in `erreur-…`).
const FIELD_OF: Record<CampaignFormError, string> = {
  'advertiser-missing': 'advertiser',
  'name-missing': 'name',
  'name-too-long': 'name',
  'tier-invalid': 'tier',
  'weight-invalid': 'weight',
  'status-invalid': 'status',
  'starts-at-invalid': 'starts-at',
  'ends-at-invalid': 'ends-at',
  'ends-at-before-start': 'ends-at',
  'slots-missing': 'slots',
  'sections-missing': 'sections',
  'creative-kind-invalid': 'kind',
  'image-missing': 'image',
  'image-unknown': 'image',
  'image-too-heavy': 'image',
  'image-file-not-kept': 'image',
  'alt-missing': 'text-title',
  'alt-too-long': 'text-title',
  'title-missing': 'text-title',
  'title-too-long': 'text-title',
  'body-too-long': 'text-body',
  'link-url-invalid': 'link-url',
  'total-cap-invalid': 'total-cap',
  'daily-cap-invalid': 'daily-cap',
};

/** What the campaign page shows besides the form. */
export interface CampaignPageProps {
  ctx: PageContext;
  csrfToken: string;
  /** The stored campaign (its listing and report key); undefined for a new one. */
  campaign: (CampaignListing & { reportKey: string }) | undefined;
  form: CampaignFormValues;
  errors: CampaignFormError[];
  /** The heaviest file of a refused image, in bytes. */
  heavyBytes?: number | undefined;
  /** Why an image file sent along was refused, worded. */
  fileError?: string | undefined;
  advertisers: Advertiser[];
  slots: AdSlot[];
  sections: Section[];
  images: CreativeImageChoice[];
  flash?: string | undefined;
}

/** The campaign form, new or stored; a stored one also links to its reports. */
export function CampaignPage(p: CampaignPageProps) {
  const t = adAdminStringsFor(p.ctx.site.locale);
  const { campaign } = p;
  const title = campaign ? t.campaignTitle(campaign.name) : t.campaignNew;
  const textOf = (e: CampaignFormError) =>
    e === 'image-too-heavy'
      ? t.imageTooHeavy(kilobytes(p.heavyBytes ?? 0), kilobytes(AD_IMAGE_MAX_BYTES))
      : t.campaignErrors[e];
  const f = fieldKit(p.errors, { fieldOf: (e) => FIELD_OF[e], textOf });
  const messages = p.errors.map(textOf).concat(p.fileError ?? []);
  return (
    <AdminLayout ctx={p.ctx} title={title} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/publicite">← {t.back}</a>
      </p>
      <h1>{title}</h1>
      <Flash done={t.done} flash={p.flash} />
      {campaign ? <CampaignReports ctx={p.ctx} t={t} campaign={campaign} /> : null}
      <form
        method="post"
        action={
          campaign ? `/admin/publicite/campagnes/${campaign.id}` : '/admin/publicite/campagnes'
        }
        class="admin-form ad-form"
        enctype="multipart/form-data"
        novalidate
      >
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <ErrorSummary title={t.campaignErrorsTitle} messages={messages} />
        <CampaignBasics t={t} p={p} f={f} />
        <CampaignTargets t={t} p={p} f={f} />
        <CreativeField t={t} form={p.form} images={p.images} f={f} fileError={p.fileError} />
        <Field
          id="ad-link-url"
          label={t.linkUrl}
          hint={t.linkUrlHint}
          {...f.field('link-url')}
          input={{
            name: 'linkUrl',
            type: 'url',
            inputmode: 'url',
            required: true,
            maxlength: 2000,
            placeholder: 'https://',
            value: p.form.linkUrl,
          }}
        />
        <fieldset class="ad-fieldset" aria-describedby="aide-ad-caps">
          <legend>{t.capsLegend}</legend>
          <p class="hint" id="aide-ad-caps">
            {t.capsHint}
          </p>
          <p class="ad-size-row">
            {number('total-cap', 'totalCap', t.totalCap, p.form.totalCap, f)}
            {number('daily-cap', 'dailyCap', t.dailyCap, p.form.dailyCap, f)}
          </p>
          {f.error('total-cap')}
          {f.error('daily-cap')}
        </fieldset>
        <button type="submit">{campaign ? t.save : t.createCampaign}</button>
      </form>
    </AdminLayout>
  );
}

const number = (field: string, name: string, label: string, value: string, f: Kit) => (
  <span class="ad-size">
    <label for={`ad-${field}`}>{label}</label>
    <input
      id={`ad-${field}`}
      name={name}
      type="number"
      inputmode="numeric"
      min={1}
      class="ad-number"
      value={value}
      {...f.attrs(field, 'aide-ad-caps')}
    />
  </span>
);

function CampaignReports(p: {
  ctx: PageContext;
  t: AdAdminStrings;
  campaign: CampaignListing & { reportKey: string };
}) {
  const { t, campaign: c } = p;
  const when = (iso: string) => formatDateTime(iso, p.ctx.site);
  const reportUrl = `${p.ctx.publicUrl}/annonceurs/rapport/${c.reportKey}`;
  return (
    <div class="ad-summary">
      <p>
        <span class={`badge badge-${c.state}`}>{t.states[c.state]}</span> {c.advertiserName} ·{' '}
        {t.tiers[c.tier]} · {t.statusLine(t.statuses[c.status])}
        <br />
        <span class="hint">{t.period(when(c.startsAt), c.endsAt ? when(c.endsAt) : null)}</span>
      </p>
      <p>
        <a href={`/admin/publicite/campagnes/${c.id}/rapport`}>{t.report}</a>
      </p>
      <p class="ad-report-link">
        <strong>{t.advertiserReport}</strong>
        <br />
        <a href={reportUrl}>{reportUrl}</a>
        <br />
        <span class="hint">{t.advertiserReportHint}</span>
      </p>
    </div>
  );
}

type Kit = ReturnType<typeof fieldKit<CampaignFormError>>;

function CampaignBasics({ t, p, f }: { t: AdAdminStrings; p: CampaignPageProps; f: Kit }) {
  const { form } = p;
  return (
    <>
      <p>
        {/* With nobody to choose there is no list, so the name is not a label. */}
        {p.advertisers.length ? (
          <label for="ad-advertiser">{t.advertiser}</label>
        ) : (
          <strong class="ad-label">{t.advertiser}</strong>
        )}
        {p.advertisers.length ? (
          <select id="ad-advertiser" name="advertiserId" required {...f.attrs('advertiser')}>
            <option value="">{t.chooseAdvertiser}</option>
            {p.advertisers.map((a) => (
              <option value={String(a.id)} selected={form.advertiserId === String(a.id)}>
                {a.name}
              </option>
            ))}
          </select>
        ) : (
          <span class="hint">{t.noAdvertiser}</span>
        )}
        <a class="ad-aside" href="/admin/publicite/annonceurs#nouvel-annonceur">
          {t.addAdvertiser}
        </a>
        {f.error('advertiser')}
      </p>
      <Field
        id="ad-name"
        label={t.campaignName}
        {...f.field('name')}
        input={{ name: 'name', type: 'text', required: true, maxlength: 100, value: form.name }}
      />
      <fieldset class="ad-fieldset" {...f.attrs('tier')}>
        <legend>{t.tier}</legend>
        {f.error('tier')}
        {TIERS.map((tier) => (
          <label class="check">
            <input type="radio" name="tier" value={tier} checked={form.tier === tier} />
            <span>
              <strong>{t.tiers[tier]}</strong> — <span class="hint">{t.tierHelp[tier]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field
        id="ad-weight"
        label={t.weight}
        hint={t.weightHint}
        {...f.field('weight')}
        input={{
          name: 'weight',
          type: 'number',
          inputmode: 'numeric',
          min: 1,
          max: 100,
          class: 'ad-number',
          value: form.weight,
        }}
      />
      <fieldset class="ad-fieldset" {...f.attrs('status')}>
        <legend>{t.status}</legend>
        {f.error('status')}
        {STATUSES.map((s) => (
          <label class="check">
            <input type="radio" name="status" value={s} checked={form.status === s} />
            <span>
              <strong>{t.statuses[s]}</strong> — <span class="hint">{t.statusHelp[s]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p class="ad-size-row">
        <span class="ad-size">
          <label for="ad-starts-at">{t.startsAt}</label>
          <input
            id="ad-starts-at"
            name="startsAt"
            type="datetime-local"
            required
            value={form.startsAt}
            {...f.attrs('starts-at', 'aide-ad-dates')}
          />
        </span>
        <span class="ad-size">
          <label for="ad-ends-at">{t.endsAt}</label>
          <input
            id="ad-ends-at"
            name="endsAt"
            type="datetime-local"
            value={form.endsAt}
            {...f.attrs('ends-at', 'aide-ad-dates')}
          />
        </span>
      </p>
      <p class="hint" id="aide-ad-dates">
        {t.zoneHint(p.ctx.site.timeZone)}
      </p>
      {f.error('starts-at')}
      {f.error('ends-at')}
    </>
  );
}

function CampaignTargets({ t, p, f }: { t: AdAdminStrings; p: CampaignPageProps; f: Kit }) {
  const { form } = p;
  return (
    <>
      <fieldset class="ad-fieldset" {...f.attrs('slots', 'aide-ad-slots')}>
        <legend>{t.slots}</legend>
        <p class="hint" id="aide-ad-slots">
          {t.slotsHint}
        </p>
        {f.error('slots')}
        {p.slots.map((s) => (
          <label class="check">
            <input
              type="checkbox"
              name="slots"
              value={String(s.id)}
              checked={form.slotIds.includes(String(s.id))}
            />
            <span>
              <strong>{s.name}</strong>
              {s.enabled ? '' : ` (${t.disabled})`}
              <br />
              <span class="hint">
                {t.placementWhere(s.placement, s.paragraph)} · {t.phone}{' '}
                {t.size(s.phone_width, s.phone_height)} · {t.desktop}{' '}
                {t.size(s.desktop_width, s.desktop_height)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="ad-fieldset" {...f.attrs('sections')}>
        <legend>{t.sections}</legend>
        {f.error('sections')}
        <label class="check">
          <input
            type="radio"
            name="sectionsScope"
            value="all"
            checked={form.sectionsScope !== 'some'}
          />
          <span>{t.allSections}</span>
        </label>
        <label class="check">
          <input
            type="radio"
            name="sectionsScope"
            value="some"
            checked={form.sectionsScope === 'some'}
          />
          <span>{t.someSections}</span>
        </label>
        <div class="ad-section-choices">
          {p.sections.map((s) => (
            <label class="check">
              <input
                type="checkbox"
                name="sections"
                value={String(s.id)}
                checked={form.sectionIds.includes(String(s.id))}
              />
              <span>{s.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
