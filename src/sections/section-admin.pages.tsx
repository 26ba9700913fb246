import { AdminLayout } from '../admin/admin-layout.tsx';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { Field, fieldErrors, TextareaField } from '../admin/field.tsx';
import { Flash } from '../admin/flash.tsx';
import type { Locale } from '../settings/site-settings.ts';
import type { PageContext } from '../web/page-context.ts';
import type { Section } from './section.table.ts';

/** What a section form can be told is wrong, field by field. */
export type SectionFormError =
  | 'name-missing'
  | 'name-too-long'
  | 'slug-invalid'
  | 'slug-reserved'
  | 'slug-taken'
  | 'description-too-long';

/** What was typed in a section form. */
export interface SectionFormValues {
  name: string;
  slug: string;
  description: string;
}

const fr = {
  title: 'Rubriques',
  editTitle: (name: string) => `Modifier la rubrique « ${name} »`,
  intro: 'L’ordre ci-dessous est celui du menu du site.',
  name: 'Nom',
  slug: 'Adresse (slug)',
  slugHint: 'Laissez vide pour la déduire du nom. Minuscules, chiffres et tirets.',
  slugChangeHint:
    'Si vous changez l’adresse, l’ancienne continue de mener à la rubrique et à ses articles.',
  description: 'Description',
  articles: (n: number) => (n > 1 ? `${n} articles` : `${n} article`),
  up: 'Monter',
  down: 'Descendre',
  edit: 'Modifier',
  create: 'Créer la rubrique',
  createTitle: 'Nouvelle rubrique',
  save: 'Enregistrer',
  back: 'Retour aux rubriques',
  none: 'Aucune rubrique pour l’instant.',
  errorsTitle: 'La rubrique n’a pas été enregistrée :',
  done: {
    cree: 'Rubrique créée.',
    modifiee: 'Rubrique enregistrée.',
    deplacee: 'Ordre des rubriques enregistré.',
  } as Record<string, string>,
  errors: {
    'name-missing': 'Indiquez le nom de la rubrique.',
    'name-too-long': 'Le nom ne doit pas dépasser 80 caractères.',
    'slug-invalid':
      'L’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets.',
    'slug-reserved': 'Cette adresse est réservée par le site : choisissez-en une autre.',
    'slug-taken': 'Cette adresse est déjà celle d’une autre rubrique.',
    'description-too-long': 'La description ne doit pas dépasser 300 caractères.',
  } as Record<SectionFormError, string>,
};

const en: typeof fr = {
  title: 'Sections',
  editTitle: (name) => `Edit the section “${name}”`,
  intro: 'This is the order of the site’s menu.',
  name: 'Name',
  slug: 'Address (slug)',
  slugHint: 'Leave empty to derive it from the name. Lower case letters, digits and hyphens.',
  slugChangeHint:
    'If you change the address, the old one keeps leading to the section and its articles.',
  description: 'Description',
  articles: (n) => (n === 1 ? '1 article' : `${n} articles`),
  up: 'Move up',
  down: 'Move down',
  edit: 'Edit',
  create: 'Create the section',
  createTitle: 'New section',
  save: 'Save',
  back: 'Back to sections',
  none: 'No section yet.',
  errorsTitle: 'The section was not saved:',
  done: {
    cree: 'Section created.',
    modifiee: 'Section saved.',
    deplacee: 'Section order saved.',
  },
  errors: {
    'name-missing': 'Give the section a name.',
    'name-too-long': 'The name must not exceed 80 characters.',
    'slug-invalid': 'The address may only hold unaccented lower case letters, digits and hyphens.',
    'slug-reserved': 'The site reserves this address: choose another one.',
    'slug-taken': 'Another section already uses this address.',
    'description-too-long': 'The description must not exceed 300 characters.',
  },
};

const stringsFor = (locale: Locale) => (locale === 'en' ? en : fr);
type T = typeof fr;

/** The list of sections in menu order, with their article counts, moves and the create form. */
export function SectionListPage(p: {
  ctx: PageContext;
  csrfToken: string;
  sections: (Section & { articles: number })[];
  flash: string | undefined;
  form: SectionFormValues;
  errors: SectionFormError[];
}) {
  const t = stringsFor(p.ctx.site.locale);
  const last = p.sections.length - 1;
  return (
    <AdminLayout ctx={p.ctx} title={t.title} csrfToken={p.csrfToken}>
      <h1>{t.title}</h1>
      <Flash done={t.done} flash={p.flash} />
      <p>{t.intro}</p>
      {p.sections.length ? (
        <ol class="section-list">
          {p.sections.map((s, i) => (
            <li>
              <a href={`/${s.slug}`}>
                <strong>{s.name}</strong>
              </a>{' '}
              <span class="hint">
                /{s.slug} · {t.articles(s.articles)}
              </span>{' '}
              <a href={`/admin/rubriques/${s.id}`}>{t.edit}</a>
              <form method="post" action={`/admin/rubriques/${s.id}/deplacer`} class="inline">
                <input type="hidden" name="_csrf" value={p.csrfToken} />
                <button type="submit" name="sens" value="haut" disabled={i === 0}>
                  ↑ <span class="visually-hidden">{`${t.up} ${s.name}`}</span>
                </button>
                <button type="submit" name="sens" value="bas" disabled={i === last}>
                  ↓ <span class="visually-hidden">{`${t.down} ${s.name}`}</span>
                </button>
              </form>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.none}</p>
      )}
      <h2 id="nouvelle">{t.createTitle}</h2>
      <SectionForm
        t={t}
        action="/admin/rubriques"
        csrfToken={p.csrfToken}
        values={p.form}
        errors={p.errors}
        submit={t.create}
      />
    </AdminLayout>
  );
}

/** The form that renames a section or changes its address or description. */
export function SectionEditPage(p: {
  ctx: PageContext;
  csrfToken: string;
  section: Section;
  form: SectionFormValues;
  errors: SectionFormError[];
}) {
  const t = stringsFor(p.ctx.site.locale);
  const title = t.editTitle(p.section.name);
  return (
    <AdminLayout ctx={p.ctx} title={title} csrfToken={p.csrfToken}>
      <p>
        <a href="/admin/rubriques">← {t.back}</a>
      </p>
      <h1>{title}</h1>
      <SectionForm
        t={t}
        action={`/admin/rubriques/${p.section.id}`}
        csrfToken={p.csrfToken}
        values={p.form}
        errors={p.errors}
        submit={t.save}
        slugHint={t.slugChangeHint}
      />
    </AdminLayout>
  );
}

function SectionForm(p: {
  t: T;
  action: string;
  csrfToken: string;
  values: SectionFormValues;
  errors: SectionFormError[];
  submit: string;
  slugHint?: string;
}) {
  const { t, errors } = p;
  const err = fieldErrors(errors, (e) => t.errors[e]);
  return (
    <form method="post" action={p.action} class="admin-form" novalidate>
      <input type="hidden" name="_csrf" value={p.csrfToken} />
      <ErrorSummary title={t.errorsTitle} messages={errors.map((e) => t.errors[e])} />
      <Field
        id="section-name"
        label={t.name}
        {...err('name')}
        input={{ name: 'name', type: 'text', required: true, maxlength: 80, value: p.values.name }}
      />
      <Field
        id="section-slug"
        label={t.slug}
        hint={p.slugHint ?? t.slugHint}
        hintId="aide-slug"
        {...err('slug')}
        input={{
          name: 'slug',
          type: 'text',
          maxlength: 80,
          pattern: '[a-z0-9]+(-[a-z0-9]+)*',
          value: p.values.slug,
        }}
      />
      <TextareaField
        id="section-description"
        label={t.description}
        {...err('description')}
        textarea={{ name: 'description', rows: 3, maxlength: 300 }}
        value={p.values.description}
      />
      <button type="submit">{p.submit}</button>
    </form>
  );
}
