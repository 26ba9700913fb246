import type { PageContext } from '../web/page-context.ts';
import { AdminLayout } from './admin-layout.tsx';

/** The newsroom's home: who is signed in, with which role. */
export function DashboardPage({
  ctx,
  csrfToken,
  moderation,
  canSeeOutbox,
}: {
  ctx: PageContext;
  csrfToken: string;
  /** Pending comments and the age of the oldest, for those who moderate. */
  moderation?: { pending: number; oldestAge: string | null } | undefined;
  canSeeOutbox: boolean;
}) {
  const { t, user } = ctx;
  if (!user) return null;
  return (
    <AdminLayout ctx={ctx} title={t.adminTitle} csrfToken={csrfToken}>
      <h1>{t.adminWelcome(user.name)}</h1>
      <dl class="facts">
        <dt>{t.adminSignedInAs}</dt>
        <dd>
          {user.name} ({user.email})
        </dd>
        <dt>{t.adminRole}</dt>
        <dd class="role">{t.roles[user.role]}</dd>
      </dl>
      <ul class="admin-links">
        {moderation ? (
          <li>
            <a href="/admin/moderation">{t.adminModeration}</a> —{' '}
            {moderation.pending
              ? t.adminPending(moderation.pending, moderation.oldestAge ?? '')
              : t.adminNothingPending}
          </li>
        ) : null}
        {canSeeOutbox ? (
          <li>
            <a href="/admin/courriels">{t.adminOutbox}</a>
          </li>
        ) : null}
        <li>
          <a href="/">{t.viewSite}</a>
        </li>
      </ul>
    </AdminLayout>
  );
}
