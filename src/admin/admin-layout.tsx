import type { Child } from 'hono/jsx';
import { can } from '../users/policy.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';

/** The frame of newsroom pages: the site layout plus who is signed in and a sign-out button. */
export function AdminLayout(props: {
  ctx: PageContext;
  title: string;
  csrfToken: string;
  children?: Child;
}) {
  const { ctx } = props;
  const { t, user } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={`${props.title} — ${t.adminTitle} — ${ctx.site.siteName}`}
      robots="noindex"
      head={<link rel="stylesheet" href={ctx.assets.adminCss.url} />}
    >
      <div class="admin-bar">
        <nav aria-label={t.adminTitle} class="admin-nav">
          <a href="/admin">
            <strong>{t.adminTitle}</strong>
          </a>
          {user && user.role !== 'moderator' ? (
            <a href="/admin/articles">{t.adminArticles}</a>
          ) : null}
          {can(user, 'moderate') ? <a href="/admin/moderation">{t.adminModeration}</a> : null}
          {can(user, 'view-outbox') ? <a href="/admin/courriels">{t.adminOutbox}</a> : null}
          {can(user, 'upload-media') ? <a href="/admin/medias">{t.adminMedia}</a> : null}
          {can(user, 'manage-sections') ? <a href="/admin/rubriques">{t.adminSections}</a> : null}
          {can(user, 'manage-ads') ? <a href="/admin/publicite">{t.adminAds}</a> : null}
          {can(user, 'manage-users') ? <a href="/admin/utilisateurs">{t.adminUsers}</a> : null}
          {can(user, 'edit-site-settings') ? <a href="/admin/reglages">{t.adminSettings}</a> : null}
        </nav>
        {user ? (
          <form method="post" action="/logout">
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            {can(user, 'write-articles') ? (
              <a href="/admin/profil">{user.name}</a>
            ) : (
              <span>{user.name}</span>
            )}{' '}
            <button type="submit">{t.logOut}</button>
          </form>
        ) : null}
      </div>
      {props.children}
    </Layout>
  );
}
