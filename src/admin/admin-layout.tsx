import type { Child } from 'hono/jsx';
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
    >
      <div class="admin-bar">
        <strong>{t.adminTitle}</strong>
        {user ? (
          <form method="post" action="/logout">
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <span>{user.name}</span> <button type="submit">{t.logOut}</button>
          </form>
        ) : null}
      </div>
      {props.children}
    </Layout>
  );
}
