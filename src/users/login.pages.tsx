import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';

/** The newsroom sign-in form; keeps the typed email when it comes back with an error. */
export function LoginPage(props: {
  ctx: PageContext;
  csrfToken: string;
  next: string;
  email?: string;
  error?: string | undefined;
  notice?: string | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t.loginTitle} — ${ctx.site.siteName}`} robots="noindex">
      <div class="panel">
        <h1>{t.loginTitle}</h1>
        {props.error ? (
          <p class="alert" role="alert">
            {props.error}
          </p>
        ) : null}
        {props.notice ? (
          <p class="notice" role="status">
            {props.notice}
          </p>
        ) : null}
        <form method="post" action="/login">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="next" value={props.next} />
          <label for="email">{t.email}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={props.email ?? ''}
          />
          <label for="password">{t.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
          />
          <button type="submit">{t.logIn}</button>
        </form>
      </div>
    </Layout>
  );
}
