import { AdminLayout } from '../admin/admin-layout.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field } from '../admin/field.tsx';
import type { Locale } from '../settings/site-settings.ts';
import type { PageContext } from '../web/page-context.ts';

const fr = {
  title: 'Mon profil',
  intro: (name: string, email: string) => `Connecté en tant que ${name} (${email}).`,
  byline: 'Ma signature',
  bylineHint:
    'Pré-remplie dans vos nouveaux articles (vous pouvez toujours la changer article par article). Laissez-la vide si ce compte est partagé par la rédaction : il ne signera jamais d’article.',
  save: 'Enregistrer',
  saved: 'Signature enregistrée.',
  errorsTitle: 'Rien n’a été modifié :',
  tooLong: 'La signature ne doit pas dépasser 100 caractères.',
};

const en: typeof fr = {
  title: 'My profile',
  intro: (name, email) => `Signed in as ${name} (${email}).`,
  byline: 'My byline',
  bylineHint:
    'Pre-filled in your new articles (you can still change it article by article). Leave it empty if the newsroom shares this account: it will never sign an article.',
  save: 'Save',
  saved: 'Byline saved.',
  errorsTitle: 'Nothing was changed:',
  tooLong: 'The byline must not exceed 100 characters.',
};

/** The profile page's strings for a locale. */
export function profileStringsFor(locale: Locale): typeof fr {
  return locale === 'en' ? en : fr;
}

/** A newsroom member's own profile: how they sign their articles. */
export function ProfilePage(p: {
  ctx: PageContext;
  csrfToken: string;
  byline: string;
  tooLong: boolean;
  saved: boolean;
}) {
  const { ctx } = p;
  const t = profileStringsFor(ctx.site.locale);
  const user = ctx.user!;
  return (
    <AdminLayout ctx={ctx} title={t.title} csrfToken={p.csrfToken}>
      <h1>{t.title}</h1>
      <p class="hint">{t.intro(user.name, user.email)}</p>
      {p.saved ? (
        <p class="notice" role="status">
          {t.saved}
        </p>
      ) : null}
      <form method="post" action="/admin/profil" class="admin-form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <ErrorSummary title={t.errorsTitle} messages={p.tooLong ? [t.tooLong] : []} />
        <Field
          id="profile-byline"
          label={t.byline}
          hint={t.bylineHint}
          hintId="aide-byline"
          invalid={p.tooLong}
          input={{
            name: 'byline',
            type: 'text',
            maxlength: 100,
            autocomplete: 'name',
            value: p.byline,
          }}
        />
        <button type="submit">{t.save}</button>
      </form>
    </AdminLayout>
  );
}
