import { AdminLayout } from '../admin/admin-layout.tsx';
import { DataTable } from '../admin/data-table.tsx';
import { Pager } from '../web/components.tsx';
import { formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { ADMIN_PATH } from './newsletter-admin.pages.tsx';
import { newsletterAdminStringsFor } from './newsletter.strings.ts';
import type { SubscriberStatus } from './newsletter.table.ts';

/** The subscribers' list: search, pages of 50, and the CSV export. */
export function SubscribersAdminPage(p: {
  ctx: PageContext;
  csrfToken: string;
  search: string;
  subscribers: {
    email: string;
    status: SubscriberStatus;
    created_at: string;
    confirmed_at: string | null;
  }[];
  total: number;
  page: number;
  pages: number;
}) {
  const { site } = p.ctx;
  const t = newsletterAdminStringsFor(site.locale);
  const href = (page: number) => {
    const q = new URLSearchParams();
    if (p.search) q.set('q', p.search);
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return `${ADMIN_PATH}/abonnes${s ? `?${s}` : ''}`;
  };
  return (
    <AdminLayout ctx={p.ctx} title={t.subscribersTitle} csrfToken={p.csrfToken}>
      <p>
        <a href={ADMIN_PATH}>← {t.back}</a>
      </p>
      <h1>{t.subscribersTitle}</h1>
      <form method="get" action={`${ADMIN_PATH}/abonnes`} class="newsletter-search" role="search">
        <label for="nl-recherche">{t.search}</label>
        <input id="nl-recherche" name="q" type="search" value={p.search} maxlength={254} />
        <button type="submit">{t.searchButton}</button>
      </form>
      <p>
        {t.found(p.total)} · <a href={`${ADMIN_PATH}/abonnes.csv`}>{t.export}</a>
      </p>
      <DataTable
        columns={[t.address, t.state, t.since]}
        rows={p.subscribers.map((s) => [
          s.email,
          t.subscriberStatus[s.status],
          formatDateTime(s.created_at, site),
        ])}
        empty={t.noSubscribers}
      />
      <Pager ctx={p.ctx} page={p.page} pages={p.pages} href={href} />
    </AdminLayout>
  );
}
