import { AdminLayout } from '../admin/admin-layout.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field } from '../admin/field.tsx';
import { Flash } from '../admin/flash.tsx';
import type { PageContext } from '../web/page-context.ts';
import { fieldKit } from './ad-admin-fields.tsx';
import type { AdvertiserFormError, AdvertiserFormValues } from './ad-admin.forms.ts';
import { CampaignList } from './ad-admin.pages.tsx';
import type { CampaignListing } from './ad-admin.queries.ts';
import { adAdminStringsFor, type AdAdminStrings } from './ad-admin.strings.ts';
import type { Advertiser } from './ad.table.ts';

export const emptyAdvertiserForm: AdvertiserFormValues = {
  name: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

/** Every advertiser with its contact and campaign count, and the form that adds one. */
export function AdvertiserListPage(p: {
  ctx: PageContext;
  csrfToken: string;
  advertisers: (Advertiser & { campaigns: number })[];
  form: AdvertiserFormValues;
  errors: AdvertiserFormError[];
  flash: string | undefined;
}) {
  const t = adAdminStringsFor(p.ctx.site.locale);
  return (
    <AdminLayout ctx={p.ctx} title={t.advertisers} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/publicite">← {t.back}</a>
      </p>
      <h1>{t.advertisers}</h1>
      <Flash done={t.done} flash={p.flash} />
      <p>{t.advertisersIntro}</p>
      {p.advertisers.length ? (
        <ul class="ad-list">
          {p.advertisers.map((a) => (
            <li>
              <span class="ad-list-main">
                <a href={`/admin/publicite/annonceurs/${a.id}`} aria-label={t.editNamed(a.name)}>
                  <strong>{a.name}</strong>
                </a>
                <br />
                <span class="hint">
                  {[a.contact_name, a.contact_email, a.contact_phone].filter(Boolean).join(' · ')}
                </span>
              </span>
              <span class="ad-list-meta">{t.campaignCount(a.campaigns)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.noAdvertisers}</p>
      )}
      <h2 id="nouvel-annonceur">{t.newAdvertiser}</h2>
      <AdvertiserForm
        t={t}
        action="/admin/publicite/annonceurs"
        csrfToken={p.csrfToken}
        values={p.form}
        errors={p.errors}
        submit={t.createAdvertiser}
      />
    </AdminLayout>
  );
}

/** One advertiser: its details and its campaigns. */
export function AdvertiserEditPage(p: {
  ctx: PageContext;
  csrfToken: string;
  advertiser: Advertiser;
  campaigns: CampaignListing[];
  form: AdvertiserFormValues;
  errors: AdvertiserFormError[];
  flash: string | undefined;
}) {
  const t = adAdminStringsFor(p.ctx.site.locale);
  return (
    <AdminLayout ctx={p.ctx} title={p.advertiser.name} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/publicite/annonceurs">← {t.advertisers}</a>
      </p>
      <h1>{p.advertiser.name}</h1>
      <Flash done={t.done} flash={p.flash} />
      <AdvertiserForm
        t={t}
        action={`/admin/publicite/annonceurs/${p.advertiser.id}`}
        csrfToken={p.csrfToken}
        values={p.form}
        errors={p.errors}
        submit={t.save}
      />
      <h2>{t.itsCampaigns}</h2>
      <CampaignList ctx={p.ctx} campaigns={p.campaigns} empty={t.noCampaigns} />
      <p>
        <a href={`/admin/publicite/campagnes/nouvelle?annonceur=${p.advertiser.id}`}>
          {t.newCampaign}
        </a>
      </p>
    </AdminLayout>
  );
}

const fieldOf = (e: AdvertiserFormError): string => e.replace(/-(missing|invalid|too-long)$/, '');

function AdvertiserForm(p: {
  t: AdAdminStrings;
  action: string;
  csrfToken: string;
  values: AdvertiserFormValues;
  errors: AdvertiserFormError[];
  submit: string;
}) {
  const { t, values } = p;
  const f = fieldKit(p.errors, { fieldOf, textOf: (e) => t.advertiserErrors[e] });
  const input = (
    field: string,
    name: keyof AdvertiserFormValues,
    label: string,
    extra: Record<string, string | number | boolean> = {},
  ) => (
    <Field
      id={`advertiser-${field}`}
      label={label}
      {...f.field(field)}
      input={{ name, type: 'text', maxlength: 100, value: values[name], ...extra }}
    />
  );
  return (
    <form method="post" action={p.action} class="admin-form ad-form" novalidate>
      <input type="hidden" name="_csrf" value={p.csrfToken} />
      <ErrorSummary
        title={t.advertiserErrorsTitle}
        messages={p.errors.map((e) => t.advertiserErrors[e])}
      />
      {input('name', 'name', t.advertiserName, { required: true })}
      {input('contact-name', 'contactName', t.contactName, { autocomplete: 'off' })}
      {input('contact-email', 'contactEmail', t.contactEmail, {
        type: 'email',
        maxlength: 254,
        autocomplete: 'off',
      })}
      {input('contact-phone', 'contactPhone', t.contactPhone, {
        type: 'tel',
        maxlength: 30,
        autocomplete: 'off',
      })}
      <button type="submit">{p.submit}</button>
    </form>
  );
}
