import { ErrorSummary } from '../admin/error-summary.tsx';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { PASSWORD_MIN_LENGTH } from './manage-users.ts';
import type { AccountLinkPurpose } from './user.table.ts';
import { userStringsFor, type PasswordFormError } from './user-admin.strings.ts';

/** The page an invitation or reset link opens: choose a password, then be signed in. */
export function AccountLinkPage(p: {
  ctx: PageContext;
  csrfToken: string;
  action: string;
  purpose: AccountLinkPurpose;
  name: string;
  email: string;
  errors: PasswordFormError[];
}) {
  const { ctx } = p;
  const t = userStringsFor(ctx.site.locale);
  const title = t.linkTitle[p.purpose];
  return (
    <Layout ctx={ctx} title={`${title} — ${ctx.site.siteName}`} robots="noindex">
      <div class="panel">
        <h1>{title}</h1>
        <p>{t.linkIntro(p.name, ctx.site.siteName)}</p>
        <form method="post" action={p.action} novalidate>
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <ErrorSummary
            title={t.passwordErrorsTitle}
            messages={p.errors.map((e) => t.passwordErrors[e])}
          />
          {/* Lets password managers file the new password under the right account. */}
          <input type="hidden" name="username" autocomplete="username" value={p.email} />
          <label for="password">{t.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minlength={PASSWORD_MIN_LENGTH}
            aria-describedby="aide-mot-de-passe"
            aria-invalid={p.errors.length ? 'true' : undefined}
          />
          <span class="hint" id="aide-mot-de-passe">
            {t.passwordHint(PASSWORD_MIN_LENGTH)}
          </span>
          <label for="password-confirm">{t.passwordConfirm}</label>
          <input
            id="password-confirm"
            name="confirm"
            type="password"
            autocomplete="new-password"
            required
            aria-invalid={p.errors.includes('password-mismatch') ? 'true' : undefined}
          />
          <button type="submit">{t.linkSubmit}</button>
        </form>
      </div>
    </Layout>
  );
}

/** What a used, expired or revoked link shows. */
export function DeadLinkPage({ ctx }: { ctx: PageContext }) {
  const t = userStringsFor(ctx.site.locale);
  return (
    <Layout ctx={ctx} title={`${t.linkDeadTitle} — ${ctx.site.siteName}`} robots="noindex">
      <div class="panel">
        <h1>{t.linkDeadTitle}</h1>
        <p>{t.linkDeadText}</p>
        <p>
          <a href="/login">{t.toLogin}</a>
        </p>
      </div>
    </Layout>
  );
}
