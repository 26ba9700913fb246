import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../http/deps.ts';
import { notFound } from '../http/errors.ts';
import { pageContext, sendPrivatePage } from '../http/page.ts';
import { clip, flagQuery, formBody, idParams } from '../http/schemas.ts';
import type { AccountMailSite } from './account-mails.tsx';
import { changeAccount, inviteUser, sendAccountLink, type AccountChange } from './manage-users.ts';
import { defaultByline, isRole } from './user.ts';
import {
  findLatestLinkExpiry,
  findUserListing,
  listUsers,
  type UserListing,
} from './user.queries.ts';
import {
  emptyUserForm,
  UserEditPage,
  UserListPage,
  type UserFormValues,
} from './user-admin.pages.tsx';
import type { UserFormError } from './user-admin.strings.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const flashQuery = z.object({ fait: flagQuery });
const userForm = formBody('name', 'email', 'role', 'byline');

/** Reads the invitation or profile form as typed (bounded, so a huge post is not echoed back). */
function readForm(b: z.infer<typeof userForm>): UserFormValues {
  return {
    name: clip(b.name, 300),
    email: clip(b.email, 400),
    role: clip(b.role, 20),
    byline: clip(b.byline, 300),
  };
}

function validate(form: UserFormValues, { withEmail }: { withEmail: boolean }): UserFormError[] {
  const errors: UserFormError[] = [];
  if (!form.name) errors.push('name-missing');
  else if (form.name.length > 100) errors.push('name-too-long');
  if (form.byline.length > 100) errors.push('byline-too-long');
  if (withEmail && (form.email.length > 254 || !EMAIL.test(form.email)))
    errors.push('email-invalid');
  if (!isRole(form.role)) errors.push('role-invalid');
  return errors;
}

const formOf = (user: UserListing): UserFormValues => ({
  name: user.name,
  email: user.email,
  role: user.role,
  byline: user.byline,
});

/** The admin's user management: list, invite, change name and role, disable, send a link. */
export const userAdminRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const config = { policy: 'manage-users' } as const;
  const posted = { config, preValidation: app.csrfProtection };
  const onUser = { ...posted, schema: { params: idParams } };

  const mailSite = async (): Promise<AccountMailSite> => ({
    settings: (await deps.cache.snapshot()).settings,
    publicUrl: deps.config.publicUrl,
  });

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { form?: UserFormValues; errors?: UserFormError[] } = {},
    status = 200,
  ) =>
    sendPrivatePage(
      reply,
      UserListPage({
        ctx: await pageContext(deps, request),
        csrfToken: reply.generateCsrf(),
        users: await listUsers(deps.db),
        form: extra.form ?? emptyUserForm,
        errors: extra.errors ?? [],
      }),
      status,
    );

  const editPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserListing,
    extra: { form?: UserFormValues; errors?: UserFormError[]; flash?: string } = {},
    status = 200,
  ) =>
    sendPrivatePage(
      reply,
      UserEditPage({
        ctx: await pageContext(deps, request),
        csrfToken: reply.generateCsrf(),
        user,
        linkExpiresAt: await findLatestLinkExpiry(deps.db, user.id, deps.clock.now()),
        form: extra.form ?? formOf(user),
        errors: extra.errors ?? [],
        flash: extra.flash,
      }),
      status,
    );

  const loadUser = async (id: number): Promise<UserListing> => {
    const user = await findUserListing(deps.db, id);
    if (!user) throw notFound();
    return user;
  };

  app.get('/admin/utilisateurs', { config }, async (request, reply) => listPage(request, reply));

  app.post(
    '/admin/utilisateurs',
    { ...posted, schema: { body: userForm } },
    async (request, reply) => {
      const form = readForm(request.body);
      const errors = validate(form, { withEmail: true });
      if (errors.length) return listPage(request, reply, { form, errors }, 422);
      const result = await inviteUser(deps.db, {
        email: form.email,
        name: form.name,
        // Left empty, the byline follows the role: the name for those who write.
        byline: form.byline || defaultByline(form.name, form.role as UserListing['role']),
        role: form.role as UserListing['role'],
        by: request.user!,
        now: deps.clock.now(),
        site: await mailSite(),
      });
      if (!result.ok) return listPage(request, reply, { form, errors: [result.refusal] }, 409);
      return reply.redirect(`/admin/utilisateurs/${result.userId}?fait=invited`, 303);
    },
  );

  const shown = { config, schema: { params: idParams, querystring: flashQuery } };
  app.get('/admin/utilisateurs/:id', shown, async (request, reply) =>
    editPage(request, reply, await loadUser(request.params.id), { flash: request.query.fait }),
  );

  // Applies a change and comes back to the account's page, with the refusal if there is one.
  const apply = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserListing,
    change: AccountChange,
    flash: string,
    form?: UserFormValues,
  ) => {
    const result = await changeAccount(deps.db, deps.dialect, {
      userId: user.id,
      change,
      by: request.user!,
      now: deps.clock.now(),
    });
    if (!result.ok) return editPage(request, reply, user, { form, errors: [result.refusal] }, 409);
    return reply.redirect(`/admin/utilisateurs/${user.id}?fait=${flash}`, 303);
  };

  app.post(
    '/admin/utilisateurs/:id',
    { ...posted, schema: { params: idParams, body: userForm } },
    async (request, reply) => {
      const user = await loadUser(request.params.id);
      const form = { ...readForm(request.body), email: user.email };
      const errors = validate(form, { withEmail: false });
      if (errors.length) return editPage(request, reply, user, { form, errors }, 422);
      const change = {
        kind: 'profile',
        name: form.name,
        byline: form.byline,
        role: form.role,
      } as AccountChange;
      return apply(request, reply, user, change, 'saved', form);
    },
  );

  app.post('/admin/utilisateurs/:id/desactiver', onUser, async (request, reply) =>
    apply(request, reply, await loadUser(request.params.id), { kind: 'disable' }, 'disabled'),
  );

  app.post('/admin/utilisateurs/:id/reactiver', onUser, async (request, reply) =>
    apply(request, reply, await loadUser(request.params.id), { kind: 'enable' }, 'enabled'),
  );

  app.post('/admin/utilisateurs/:id/lien', onUser, async (request, reply) => {
    const user = await loadUser(request.params.id);
    const result = await sendAccountLink(deps.db, {
      userId: user.id,
      by: request.user!,
      now: deps.clock.now(),
      site: await mailSite(),
    });
    if (!result.ok) return editPage(request, reply, user, { errors: [result.refusal] }, 409);
    const flash = result.purpose === 'invitation' ? 'invitation' : 'reset';
    return reply.redirect(`/admin/utilisateurs/${user.id}?fait=${flash}`, 303);
  });
};
