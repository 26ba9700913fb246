import { AdminLayout } from '../admin/admin-layout.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field, FieldError, fieldErrors } from '../admin/field.tsx';
import { Flash } from '../admin/flash.tsx';
import { formatDate, formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { roles } from './user.ts';
import type { UserListing } from './user.queries.ts';
import {
  userStringsFor,
  type UserFormError,
  type UserStatus,
  type UserStrings,
} from './user-admin.strings.ts';

/** What was typed in the invitation or profile form. */
export interface UserFormValues {
  name: string;
  email: string;
  role: string;
  byline: string;
}

export const emptyUserForm: UserFormValues = { name: '', email: '', role: 'author', byline: '' };

/** The state an account is in, as the user admin names it. */
export function userStatus(user: UserListing): UserStatus {
  if (user.disabledAt) return 'disabled';
  return user.invited ? 'invited' : 'active';
}

/** Every newsroom account with its role and state, and the invitation form. */
export function UserListPage(p: {
  ctx: PageContext;
  csrfToken: string;
  users: UserListing[];
  form: UserFormValues;
  errors: UserFormError[];
}) {
  const t = userStringsFor(p.ctx.site.locale);
  const me = p.ctx.user?.id;
  return (
    <AdminLayout ctx={p.ctx} title={t.title} csrfToken={p.csrfToken}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ul class="user-list">
        {p.users.map((u) => {
          const status = userStatus(u);
          return (
            <li class={`user-${status}`}>
              <span class="user-who">
                <a href={`/admin/utilisateurs/${u.id}`} aria-label={t.edit(u.name)}>
                  <strong>{u.name}</strong>
                </a>
                {u.id === me ? <span class="hint"> ({t.you})</span> : null}
                <br />
                <span class="hint">{u.email}</span>
              </span>
              <span class="user-role">{t.roles[u.role]}</span>
              <span class={`badge badge-${status}`}>{t.status[status]}</span>
            </li>
          );
        })}
      </ul>
      <h2 id="inviter">{t.inviteTitle}</h2>
      <p>{t.inviteIntro}</p>
      <UserForm
        t={t}
        action="/admin/utilisateurs"
        csrfToken={p.csrfToken}
        values={p.form}
        errors={p.errors}
        errorsTitle={t.inviteErrorsTitle}
        submit={t.invite}
        withEmail
      />
    </AdminLayout>
  );
}

/** One account: its name and role, and the access actions (disable, enable, send a link). */
export function UserEditPage(p: {
  ctx: PageContext;
  csrfToken: string;
  user: UserListing;
  linkExpiresAt: string | undefined;
  form: UserFormValues;
  errors: UserFormError[];
  flash: string | undefined;
}) {
  const { ctx, user } = p;
  const t = userStringsFor(ctx.site.locale);
  const status = userStatus(user);
  const self = ctx.user?.id === user.id;
  const action = (path: string, label: string, hint: string, danger = false) => (
    <form method="post" action={`/admin/utilisateurs/${user.id}/${path}`} class="user-action">
      <input type="hidden" name="_csrf" value={p.csrfToken} />
      <button type="submit" class={danger ? 'btn-reject' : undefined}>
        {label}
      </button>
      <span class="hint">{hint}</span>
    </form>
  );
  return (
    <AdminLayout ctx={ctx} title={user.name} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/utilisateurs">← {t.back}</a>
      </p>
      <h1>
        {user.name} <span class={`badge badge-${status}`}>{t.status[status]}</span>
      </h1>
      <Flash done={t.done} flash={p.flash} />
      <p class="hint">
        {user.email} · {t.created(formatDate(user.createdAt, ctx.site))}
        {p.linkExpiresAt ? ` ${t.linkPending(formatDateTime(p.linkExpiresAt, ctx.site))}` : ''}
      </p>
      <UserForm
        t={t}
        action={`/admin/utilisateurs/${user.id}`}
        csrfToken={p.csrfToken}
        values={p.form}
        errors={p.errors}
        errorsTitle={t.errorsTitle}
        submit={t.save}
        roleLocked={self}
      />
      <h2>{t.accessTitle}</h2>
      {status === 'disabled' ? (
        action('reactiver', t.enable, t.enableHint)
      ) : (
        <>
          {action('lien', status === 'invited' ? t.resendInvitation : t.sendReset, t.linkHint)}
          {self ? null : action('desactiver', t.disable, t.disableHint, true)}
        </>
      )}
      <p>
        <a href="/admin/courriels">{t.outbox}</a>
      </p>
    </AdminLayout>
  );
}

function UserForm(p: {
  t: UserStrings;
  action: string;
  csrfToken: string;
  values: UserFormValues;
  errors: UserFormError[];
  errorsTitle: string;
  submit: string;
  withEmail?: boolean;
  roleLocked?: boolean;
}) {
  const { t, errors } = p;
  const err = fieldErrors(errors, (e) => t.errors[e]);
  return (
    <form method="post" action={p.action} class="admin-form" novalidate>
      <input type="hidden" name="_csrf" value={p.csrfToken} />
      <ErrorSummary title={p.errorsTitle} messages={errors.map((e) => t.errors[e])} />
      <Field
        id="user-name"
        label={t.name}
        {...err('name')}
        input={{
          name: 'name',
          type: 'text',
          required: true,
          maxlength: 100,
          autocomplete: 'off',
          value: p.values.name,
        }}
      />
      <Field
        id="user-byline"
        label={t.byline}
        hint={t.bylineHint}
        hintId="aide-byline"
        {...err('byline')}
        input={{
          name: 'byline',
          type: 'text',
          maxlength: 100,
          autocomplete: 'off',
          value: p.values.byline,
        }}
      />
      {p.withEmail ? (
        <Field
          id="user-email"
          label={t.email}
          {...err('email')}
          input={{
            name: 'email',
            type: 'email',
            required: true,
            maxlength: 254,
            autocomplete: 'off',
            value: p.values.email,
          }}
        />
      ) : null}
      <fieldset class="role-choice" disabled={p.roleLocked}>
        <legend>{t.role}</legend>
        {roles.map((r) => (
          <label class="check">
            <input type="radio" name="role" value={r} checked={p.values.role === r} />
            <span>
              <strong>{t.roles[r]}</strong> — <span class="hint">{t.roleHelp[r]}</span>
            </span>
          </label>
        ))}
        <FieldError {...err('role')} />
      </fieldset>
      {p.roleLocked ? (
        <>
          <input type="hidden" name="role" value={p.values.role} />
          <p class="hint">{t.errors.self}</p>
        </>
      ) : null}
      <button type="submit">{p.submit}</button>
    </form>
  );
}
