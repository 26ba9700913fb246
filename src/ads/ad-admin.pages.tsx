import { AdminLayout } from '../admin/admin-layout.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field } from '../admin/field.tsx';
import { Flash } from '../admin/flash.tsx';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { fieldKit } from './ad-admin-fields.tsx';
import { PLACEMENTS, type SlotFormError, type SlotFormValues } from './ad-admin.forms.ts';
import { CAMPAIGN_STATES, type CampaignListing, type CampaignState } from './ad-admin.queries.ts';
import { adAdminStringsFor, type AdAdminStrings } from './ad-admin.strings.ts';
import type { AdSlot } from './ad.table.ts';

/** The campaigns of a list, each with its advertiser, tier, status, state and dates. */
export function CampaignList(p: { ctx: PageContext; campaigns: CampaignListing[]; empty: string }) {
  const t = adAdminStringsFor(p.ctx.site.locale);
  const when = (iso: string) => formatDateTime(iso, p.ctx.site);
  if (!p.campaigns.length) return <p>{p.empty}</p>;
  return (
    <ul class="ad-list">
      {p.campaigns.map((c) => (
        <li>
          <span class="ad-list-main">
            <a href={`/admin/publicite/campagnes/${c.id}`}>
              <strong>{c.name}</strong>
            </a>{' '}
            <span class={`badge badge-${c.state}`}>{t.states[c.state]}</span>
            <br />
            <span class="hint">
              {c.advertiserName} · {t.tiers[c.tier]}
            </span>
          </span>
          <span class="ad-list-meta">
            {t.statusLine(t.statuses[c.status])}
            <br />
            <span class="hint">{t.period(when(c.startsAt), c.endsAt ? when(c.endsAt) : null)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The ads overview: the slots with their sizes, and the campaigns filtered by state. */
export function AdsOverviewPage(p: {
  ctx: PageContext;
  csrfToken: string;
  slots: AdSlot[];
  campaigns: CampaignListing[];
  counts: Record<CampaignState, number>;
  state: CampaignState | undefined;
  flash: string | undefined;
}) {
  const t = adAdminStringsFor(p.ctx.site.locale);
  const total = CAMPAIGN_STATES.reduce((n, s) => n + p.counts[s], 0);
  const tab = (state: CampaignState | undefined, label: string, count: number) => (
    <a
      href={state ? `/admin/publicite?etat=${state}#campagnes` : '/admin/publicite#campagnes'}
      aria-current={state === p.state ? 'page' : undefined}
    >
      {label} <span class="count">{count}</span>
    </a>
  );
  return (
    <AdminLayout ctx={p.ctx} title={t.title} csrfToken={p.csrfToken}>
      <h1>{t.title}</h1>
      <Flash done={t.done} flash={p.flash} />
      <p>{t.intro}</p>
      <p class="ad-actions">
        <a class="button" href="/admin/publicite/campagnes/nouvelle">
          {t.newCampaign}
        </a>
        <a href="/admin/publicite/annonceurs">{t.advertisers}</a>
        <a href="/admin/publicite/emplacements/nouveau">{t.newSlot}</a>
      </p>
      <h2 id="emplacements">{t.slotsTitle}</h2>
      {p.slots.length ? (
        <ul class="ad-list">
          {p.slots.map((s) => (
            <li class={s.enabled ? undefined : 'ad-off'}>
              <span class="ad-list-main">
                <a href={`/admin/publicite/emplacements/${s.id}`} aria-label={t.editNamed(s.name)}>
                  <strong>{s.name}</strong>
                </a>{' '}
                <code>{s.key}</code>{' '}
                <span class={s.enabled ? 'badge badge-running' : 'badge badge-off'}>
                  {s.enabled ? t.enabled : t.disabled}
                </span>
                <br />
                <span class="hint">{t.placementWhere(s.placement, s.paragraph)}</span>
              </span>
              <span class="ad-list-meta">
                {t.phone} {t.size(s.phone_width, s.phone_height)}
                <br />
                {t.desktop} {t.size(s.desktop_width, s.desktop_height)}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <form method="post" action="/admin/publicite/emplacements/habituels" class="user-action">
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <span>{t.noSlots}</span>
          <button type="submit">{t.createDefaults}</button>
          <span class="hint">{t.createDefaultsHint}</span>
        </form>
      )}
      <h2 id="campagnes">{t.campaignsTitle}</h2>
      <nav class="tabs" aria-label={t.filterLabel}>
        {tab(undefined, t.all, total)}
        {CAMPAIGN_STATES.map((s) => tab(s, t.stateTabs[s], p.counts[s]))}
      </nav>
      <CampaignList
        ctx={p.ctx}
        campaigns={p.campaigns}
        empty={total ? t.noCampaignsIn : t.noCampaigns}
      />
    </AdminLayout>
  );
}

const slotFieldOf = (e: SlotFormError): string =>
  e.replace(/-(missing|invalid|taken|too-long)$/, '');

/** The form that creates a slot (no slot yet) or changes one. */
export function SlotPage(p: {
  ctx: PageContext;
  csrfToken: string;
  slot: AdSlot | undefined;
  form: SlotFormValues;
  errors: SlotFormError[];
  flash?: string | undefined;
}) {
  const t = adAdminStringsFor(p.ctx.site.locale);
  const { slot, form } = p;
  const title = slot ? t.slotTitle(slot.name) : t.newSlot;
  const f = fieldKit(p.errors, { fieldOf: slotFieldOf, textOf: (e) => t.slotErrors[e] });
  return (
    <AdminLayout ctx={p.ctx} title={title} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/publicite">← {t.back}</a>
      </p>
      <h1>{title}</h1>
      <Flash done={t.done} flash={p.flash} />
      <form
        method="post"
        action={slot ? `/admin/publicite/emplacements/${slot.id}` : '/admin/publicite/emplacements'}
        class="admin-form ad-form"
        novalidate
      >
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <ErrorSummary title={t.slotErrorsTitle} messages={p.errors.map((e) => t.slotErrors[e])} />
        {slot ? (
          <p class="hint">{t.slotKeyFixed(slot.key)}</p>
        ) : (
          <Field
            id="slot-key"
            label={t.slotKey}
            hint={t.slotKeyHint}
            {...f.field('key')}
            input={{
              name: 'key',
              type: 'text',
              required: true,
              maxlength: 40,
              autocomplete: 'off',
              value: form.key,
            }}
          />
        )}
        <Field
          id="slot-name"
          label={t.slotName}
          {...f.field('name')}
          input={{ name: 'name', type: 'text', required: true, maxlength: 80, value: form.name }}
        />
        <SlotPlacement t={t} form={form} f={f} />
        <SlotSizes t={t} form={form} f={f} />
        <SlotHouseAd t={t} form={form} f={f} />
        <label class="check">
          <input type="checkbox" name="enabled" value="1" checked={form.enabled} />
          <span>{t.slotEnabled}</span>
        </label>
        <button type="submit">{slot ? t.save : t.createSlot}</button>
      </form>
    </AdminLayout>
  );
}

type Kit = ReturnType<typeof fieldKit<SlotFormError>>;

function SlotPlacement({ t, form, f }: { t: AdAdminStrings; form: SlotFormValues; f: Kit }) {
  return (
    <>
      <fieldset class="ad-fieldset" {...f.attrs('placement')}>
        <legend>{t.placement}</legend>
        {f.error('placement')}
        {PLACEMENTS.map((pl) => (
          <label class="check">
            <input type="radio" name="placement" value={pl} checked={form.placement === pl} />
            <span>{t.placements[pl]}</span>
          </label>
        ))}
      </fieldset>
      <Field
        id="slot-paragraph"
        label={t.paragraph}
        hint={t.paragraphHint}
        {...f.field('paragraph')}
        input={{
          name: 'paragraph',
          type: 'number',
          inputmode: 'numeric',
          min: 1,
          max: 50,
          class: 'ad-number',
          value: form.paragraph,
        }}
      />
    </>
  );
}

function SlotSizes({ t, form, f }: { t: AdAdminStrings; form: SlotFormValues; f: Kit }) {
  const size = (
    field: 'phone-width' | 'phone-height' | 'desktop-width' | 'desktop-height',
    name: keyof SlotFormValues,
    label: string,
  ) => (
    <span class="ad-size">
      <label for={`slot-${field}`}>{label}</label>
      <input
        id={`slot-${field}`}
        name={name}
        type="number"
        inputmode="numeric"
        min={field.endsWith('width') ? 50 : 30}
        max={1200}
        class="ad-number"
        value={String(form[name])}
        {...f.attrs(field)}
      />
    </span>
  );
  return (
    <fieldset class="ad-fieldset" aria-describedby="aide-slot-sizes">
      <legend>{t.sizesLegend}</legend>
      <p class="hint" id="aide-slot-sizes">
        {t.sizesHint}
      </p>
      <p class="ad-size-row">
        <strong>{t.phoneSize}</strong>
        {size('phone-width', 'phoneWidth', t.width)}
        <span aria-hidden="true">×</span>
        {size('phone-height', 'phoneHeight', t.height)}
      </p>
      {f.error('phone-width')}
      {f.error('phone-height')}
      <p class="ad-size-row">
        <strong>{t.desktopSize}</strong>
        {size('desktop-width', 'desktopWidth', t.width)}
        <span aria-hidden="true">×</span>
        {size('desktop-height', 'desktopHeight', t.height)}
      </p>
      {f.error('desktop-width')}
      {f.error('desktop-height')}
    </fieldset>
  );
}

function SlotHouseAd({ t, form, f }: { t: AdAdminStrings; form: SlotFormValues; f: Kit }) {
  return (
    <fieldset class="ad-fieldset" aria-describedby="aide-slot-house">
      <legend>{t.houseLegend}</legend>
      <p class="hint" id="aide-slot-house">
        {t.houseHint}
      </p>
      <Field
        id="slot-house-title"
        label={t.houseTitle}
        hint={t.houseTitleHint}
        {...f.field('house-title')}
        input={{
          name: 'houseTitle',
          type: 'text',
          maxlength: 60,
          placeholder: t.houseTitleDefault,
          value: form.houseTitle,
        }}
      />
      <Field
        id="slot-house-text"
        label={t.houseText}
        {...f.field('house-text')}
        input={{ name: 'houseText', type: 'text', maxlength: 140, value: form.houseText }}
      />
      <Field
        id="slot-house-url"
        label={t.houseUrl}
        hint={t.houseUrlHint}
        {...f.field('house-url')}
        input={{
          name: 'houseUrl',
          type: 'text',
          inputmode: 'url',
          required: true,
          maxlength: 2000,
          value: form.houseUrl,
        }}
      />
    </fieldset>
  );
}
