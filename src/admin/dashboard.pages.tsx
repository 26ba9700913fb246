import type { PageContext } from '../web/page-context.ts';
import { AdminLayout } from './admin-layout.tsx';

/** The newsroom's home: who is signed in, with which role. */
export function DashboardPage({ ctx, csrfToken }: { ctx: PageContext; csrfToken: string }) {
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
      <p>
        <a href="/">{t.viewSite}</a>
      </p>
    </AdminLayout>
  );
}
