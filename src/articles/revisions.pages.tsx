import { diffWordsWithSpace } from 'diff';
import { AdminLayout } from '../admin/admin-layout.tsx';
import { formatDateTime } from '../web/dates.ts';
import type { Locale } from '../settings/site-settings.ts';
import type { PageContext } from '../web/page-context.ts';
import type { ArticleRevision, ContentSnapshot } from './article-revision.queries.ts';
import { revisionAuthorText, revisionNoteText } from './revision-notes.ts';

const fr = {
  versionsOf: (title: string) => `Versions de « ${title} »`,
  compareTitle: (from: number, to: number) => `Comparaison des versions ${from} et ${to}`,
  backToEditor: 'Retour à l’article',
  backToVersions: 'Toutes les versions',
  from: 'de',
  to: 'à',
  compare: 'Comparer',
  restore: 'Restaurer',
  restoreVersion: (v: number) => `Restaurer la version ${v}`,
  restoreHint:
    'Restaurer reprend le texte de cette version dans une nouvelle version ; aucune version n’est effacée.',
  pickHint: 'Choisissez deux versions à comparer. Les changements d’état n’ont pas de texte.',
  statusOnly: 'changement d’état',
  line: (v: number, when: string, who: string) => `v${v} — ${when} — ${who}`,
  none: 'Aucune version enregistrée.',
  notEnough: 'Il faut au moins deux versions enregistrées pour comparer.',
  identical: 'Ces deux versions sont identiques.',
  unchanged: 'Champs inchangés : ',
  removed: 'supprimé',
  added: 'ajouté',
  yes: 'oui',
  no: 'non',
  noImage: 'aucune',
  imageNumber: (n: number) => `n° ${n}`,
  commentsOpen: 'ouverts',
  commentsClosed: 'fermés',
  fields: {
    kicker: 'Surtitre',
    title: 'Titre',
    standfirst: 'Chapô',
    body: 'Texte',
    signature: 'Signature',
    slug: 'Adresse (slug)',
    sectionId: 'Rubrique',
    tags: 'Mots-clés',
    imageId: 'Photo',
    imageCredit: 'Crédit photo',
    imageCaption: 'Légende',
    imageAlt: 'Texte alternatif',
    imageIsIllustration: 'Photo d’illustration',
    comments: 'Commentaires',
    noAds: 'Sans publicité',
    coauthorIds: 'Co-auteurs',
    agency: 'Agence',
  } satisfies Record<keyof ContentSnapshot, string>,
  /** Why a restore failed, for the versions page. */
  restoreFailed: {
    slugTaken: (v: number) =>
      `La version ${v} n’a pas été restaurée : son adresse (slug) est désormais utilisée par un autre article.`,
    invalid: (v: number) =>
      `La version ${v} n’a pas été restaurée : elle ne passe plus les vérifications de l’éditeur (titre, rubrique…).`,
    conflict: (v: number) =>
      `La version ${v} n’a pas été restaurée : l’article vient d’être modifié par quelqu’un d’autre. Réessayez.`,
  },
};

type RevisionStrings = typeof fr;

const en: RevisionStrings = {
  versionsOf: (title) => `Versions of “${title}”`,
  compareTitle: (from, to) => `Comparing versions ${from} and ${to}`,
  backToEditor: 'Back to the article',
  backToVersions: 'All versions',
  from: 'from',
  to: 'to',
  compare: 'Compare',
  restore: 'Restore',
  restoreVersion: (v) => `Restore version ${v}`,
  restoreHint:
    'Restoring brings this version’s text back as a new version; no version is ever deleted.',
  pickHint: 'Choose two versions to compare. Status changes have no text.',
  statusOnly: 'status change',
  line: (v, when, who) => `v${v} — ${when} — ${who}`,
  none: 'No version saved.',
  notEnough: 'At least two saved versions are needed to compare.',
  identical: 'These two versions are identical.',
  unchanged: 'Unchanged fields: ',
  removed: 'removed',
  added: 'added',
  yes: 'yes',
  no: 'no',
  noImage: 'none',
  imageNumber: (n) => `no. ${n}`,
  commentsOpen: 'open',
  commentsClosed: 'closed',
  fields: {
    kicker: 'Kicker',
    title: 'Headline',
    standfirst: 'Standfirst',
    body: 'Text',
    signature: 'Byline',
    slug: 'Address (slug)',
    sectionId: 'Section',
    tags: 'Tags',
    imageId: 'Photo',
    imageCredit: 'Photo credit',
    imageCaption: 'Caption',
    imageAlt: 'Alt text',
    imageIsIllustration: 'Illustration photo',
    comments: 'Comments',
    noAds: 'No advertising',
    coauthorIds: 'Co-authors',
    agency: 'Agency',
  },
  restoreFailed: {
    slugTaken: (v) =>
      `Version ${v} was not restored: its address (slug) is now used by another article.`,
    invalid: (v) =>
      `Version ${v} was not restored: it no longer passes the editor’s checks (headline, section…).`,
    conflict: (v) =>
      `Version ${v} was not restored: someone else has just changed the article. Try again.`,
  },
};

/** The versions pages' strings for a locale. */
export function revisionStringsFor(locale: Locale): RevisionStrings {
  return locale === 'en' ? en : fr;
}

// Text that keeps the writer's line breaks and wraps long words on a phone.
const PRESERVE = 'white-space: pre-wrap; overflow-wrap: anywhere';

type Field = keyof ContentSnapshot;
const FIELDS = Object.keys(fr.fields) as Field[];

/** A snapshot field as people read it, so any two values can be diffed as text. */
function shown(s: ContentSnapshot, field: Field, ctx: PageContext): string {
  const l = revisionStringsFor(ctx.site.locale);
  const v = s[field];
  switch (field) {
    case 'sectionId':
      return ctx.sections.find((x) => x.id === v)?.name ?? (v === null ? '' : `#${String(v)}`);
    case 'tags':
      return s.tags.join(', ');
    case 'coauthorIds':
      return s.coauthorIds.map((id) => `#${id}`).join(', ');
    case 'imageId':
      return s.imageId === null ? l.noImage : l.imageNumber(s.imageId);
    case 'imageIsIllustration':
    case 'noAds':
      return v ? l.yes : l.no;
    case 'comments':
      return s.comments === 'open' ? l.commentsOpen : l.commentsClosed;
    default:
      return String(v);
  }
}

/** One field's word-level changes: every part is text (escaped by the renderer), wrapped in ins or del. */
function FieldDiff({ l, before, after }: { l: RevisionStrings; before: string; after: string }) {
  return (
    <div class="diff" style={PRESERVE}>
      {diffWordsWithSpace(before, after).map((part) =>
        part.added ? (
          <ins title={l.added}>{part.value}</ins>
        ) : part.removed ? (
          <del title={l.removed}>{part.value}</del>
        ) : (
          <span>{part.value}</span>
        ),
      )}
    </div>
  );
}

function RestoreForm(props: {
  l: RevisionStrings;
  articleId: number;
  version: number;
  csrfToken: string;
  id?: string;
}) {
  return (
    <form
      method="post"
      action={`/admin/articles/${props.articleId}/versions/${props.version}/restaurer`}
      id={props.id}
    >
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      {props.id ? null : <button type="submit">{props.l.restoreVersion(props.version)}</button>}
    </form>
  );
}

/** The list of an article's revisions, with two pickers to compare and a restore button each. */
export function VersionsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  article: { id: number; title: string };
  revisions: ArticleRevision[];
  canRestore: boolean;
  message?: string | undefined;
}) {
  const { ctx, article, revisions } = props;
  const l = revisionStringsFor(ctx.site.locale);
  const comparable = revisions.filter((r) => r.content);
  const [newest, previous] = comparable;
  return (
    <AdminLayout ctx={ctx} title={l.versionsOf(article.title)} csrfToken={props.csrfToken}>
      <p>
        <a href={`/admin/articles/${article.id}`}>← {l.backToEditor}</a>
      </p>
      <h1>{l.versionsOf(article.title)}</h1>
      {props.message ? (
        <p class="form-errors" role="alert">
          {props.message}
        </p>
      ) : null}
      {revisions.length === 0 ? <p>{l.none}</p> : null}
      <form method="get" action={`/admin/articles/${article.id}/versions/comparer`}>
        <p>{comparable.length >= 2 ? l.pickHint : l.notEnough}</p>
        <ol class="versions" reversed>
          {revisions.map((r) => (
            <li>
              {r.content ? (
                <span>
                  <label>
                    <input
                      type="radio"
                      name="de"
                      value={String(r.version)}
                      checked={r === (previous ?? newest)}
                    />{' '}
                    {l.from}
                  </label>{' '}
                  <label>
                    <input type="radio" name="a" value={String(r.version)} checked={r === newest} />{' '}
                    {l.to}
                  </label>{' '}
                </span>
              ) : null}
              {l.line(
                r.version,
                formatDateTime(r.editedAt, ctx.site),
                revisionAuthorText(r.editorName, ctx.site.locale),
              )}{' '}
              — {revisionNoteText(r.note, ctx.site.locale)}
              {r.content ? null : ` (${l.statusOnly})`}
              {r.content && props.canRestore ? (
                <>
                  {' '}
                  <button type="submit" form={`restaurer-${r.version}`}>
                    {l.restore}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ol>
        {comparable.length >= 2 ? <button type="submit">{l.compare}</button> : null}
      </form>
      {props.canRestore ? (
        <>
          <p>
            <small>{l.restoreHint}</small>
          </p>
          {comparable.map((r) => (
            <RestoreForm
              l={l}
              articleId={article.id}
              version={r.version}
              csrfToken={props.csrfToken}
              id={`restaurer-${r.version}`}
            />
          ))}
        </>
      ) : null}
    </AdminLayout>
  );
}

/** Two revisions side by side as one readable diff per changed field. */
export function CompareVersionsPage(props: {
  ctx: PageContext;
  csrfToken: string;
  article: { id: number; title: string };
  from: ArticleRevision & { content: ContentSnapshot };
  to: ArticleRevision & { content: ContentSnapshot };
  canRestore: boolean;
}) {
  const { ctx, article, from, to } = props;
  const l = revisionStringsFor(ctx.site.locale);
  const fields = FIELDS.map((field) => ({
    field,
    before: shown(from.content, field, ctx),
    after: shown(to.content, field, ctx),
  }));
  const changed = fields.filter((f) => f.before !== f.after);
  const same = fields.filter((f) => f.before === f.after);
  const title = l.compareTitle(from.version, to.version);
  const who = (r: ArticleRevision) =>
    l.line(r.version, formatDateTime(r.editedAt, ctx.site), r.editorName);
  return (
    <AdminLayout ctx={ctx} title={title} csrfToken={props.csrfToken}>
      <p>
        <a href={`/admin/articles/${article.id}/versions`}>← {l.backToVersions}</a> ·{' '}
        <a href={`/admin/articles/${article.id}`}>{l.backToEditor}</a>
      </p>
      <h1>{title}</h1>
      <p>{article.title}</p>
      <ul>
        <li>
          <del>{who(from)}</del>
        </li>
        <li>
          <ins>{who(to)}</ins>
        </li>
      </ul>
      {changed.length === 0 ? <p>{l.identical}</p> : null}
      {changed.map((f) => (
        <section class="diff-field" data-field={f.field}>
          <h2>{l.fields[f.field]}</h2>
          <FieldDiff l={l} before={f.before} after={f.after} />
        </section>
      ))}
      {same.length ? (
        <p>
          <small>
            {l.unchanged}
            {same.map((f) => l.fields[f.field]).join(', ')}.
          </small>
        </p>
      ) : null}
      {props.canRestore ? (
        <>
          <p>
            <small>{l.restoreHint}</small>
          </p>
          <RestoreForm
            l={l}
            articleId={article.id}
            version={from.version}
            csrfToken={props.csrfToken}
          />
          <RestoreForm
            l={l}
            articleId={article.id}
            version={to.version}
            csrfToken={props.csrfToken}
          />
        </>
      ) : null}
    </AdminLayout>
  );
}
