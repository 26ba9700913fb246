import type { Child } from 'hono/jsx';
import { AdminLayout } from '../admin/admin-layout.tsx';
import type { Locale } from '../settings/site-settings.ts';
import type { PageContext } from '../web/page-context.ts';
import { typeset } from '../web/typography.ts';
import type { Transition } from './article-workflow.ts';
import type { ArticleStatus } from './article.table.ts';

/** What the editor's action bar can ask for besides a plain save: a save, then this transition. */
export const saveIntents = [
  'save',
  'publish',
  'schedule',
  'submit',
  'withdraw',
  'restore',
] as const;
export type SaveIntent = (typeof saveIntents)[number];

/** Transitions that take an article off the site or out of the way: each asks to be confirmed. */
export const dangerousTransitions = ['unpublish', 'archive'] as const;
export type DangerousTransition = (typeof dangerousTransitions)[number];

/** Whether a transition must be confirmed before it is applied. */
export function isDangerous(transition: Transition): transition is DangerousTransition {
  return (dangerousTransitions as readonly string[]).includes(transition);
}

const fr = {
  actions: 'Actions sur l’article',
  saveDraft: 'Enregistrer le brouillon',
  saveChanges: 'Enregistrer les modifications',
  publish: 'Publier',
  schedule: 'Programmer',
  submit: 'Soumettre à la relecture',
  withdraw: 'Retirer de la relecture',
  restore: 'Sortir des archives',
  publishAt: 'Programmer pour le (facultatif ; vide : publier maintenant)',
  danger: { unpublish: 'Dépublier…', archive: 'Archiver…' },
  confirmTitle: {
    unpublish: (title: string) => `Dépublier «\u00A0${title}\u00A0»\u202F?`,
    archive: (title: string) => `Archiver «\u00A0${title}\u00A0»\u202F?`,
  },
  confirmText: {
    unpublish: (status: ArticleStatus): string =>
      status === 'scheduled'
        ? 'Sa publication programmée est annulée : il redevient un brouillon, que vous pourrez publier plus tard.'
        : 'Il disparaîtra du site : de sa rubrique, de la une, des flux et de la recherche. Il redevient un brouillon, que vous pourrez publier à nouveau.',
    archive: (status: ArticleStatus): string =>
      status === 'published'
        ? 'Il disparaîtra du site et sera rangé dans les archives, d’où vous pourrez le sortir.'
        : 'Il sera rangé dans les archives, d’où vous pourrez le sortir.',
  },
  unsavedLost: 'Les modifications non enregistrées du formulaire ne sont pas gardées.',
  confirm: { unpublish: 'Confirmer : dépublier', archive: 'Confirmer : archiver' },
  cancel: 'Annuler',
};

export type ArticleActionStrings = typeof fr;

const en: ArticleActionStrings = {
  actions: 'Article actions',
  saveDraft: 'Save draft',
  saveChanges: 'Save changes',
  publish: 'Publish',
  schedule: 'Schedule',
  submit: 'Submit for review',
  withdraw: 'Withdraw from review',
  restore: 'Take out of the archive',
  publishAt: 'Schedule for (optional; empty: publish now)',
  danger: { unpublish: 'Unpublish…', archive: 'Archive…' },
  confirmTitle: {
    unpublish: (title) => `Unpublish “${title}”?`,
    archive: (title) => `Archive “${title}”?`,
  },
  confirmText: {
    unpublish: (status) =>
      status === 'scheduled'
        ? 'Its scheduled publication is cancelled: it becomes a draft again, which you may publish later.'
        : 'It will leave the site: its section, the front page, the feeds and the search. It becomes a draft again, which you may publish again.',
    archive: (status) =>
      status === 'published'
        ? 'It will leave the site and be put in the archive, which you may take it out of.'
        : 'It will be put in the archive, which you may take it out of.',
  },
  unsavedLost: 'Unsaved changes in the form are not kept.',
  confirm: { unpublish: 'Confirm: unpublish', archive: 'Confirm: archive' },
  cancel: 'Cancel',
};

/** The action bar's and the confirmation's strings for a locale. */
export function articleActionStringsFor(locale: Locale): ArticleActionStrings {
  return locale === 'en' ? en : fr;
}

/**
 * The editor's action bar, inside the article form: a save, then only the steps this member may
 * take on the article as it stands (publish or schedule in one submit, submit for review), and,
 * apart, the dangerous ones, which lead to a confirmation (a page without JavaScript, a dialog
 * with it).
 */
export function ActionBar(props: {
  locale: Locale;
  article: { id: number; status: ArticleStatus; submittedAt: string | null } | null;
  transitions: Transition[];
  /** The republish choice (keep the first publication date or not), when it applies. */
  republish?: Child;
  /** The autosave status line. */
  status?: Child;
}) {
  const s = articleActionStringsFor(props.locale);
  const { article, transitions: tr } = props;
  const stateful = article && article.status !== 'draft';
  const danger = tr.filter(isDangerous);
  return (
    <>
      {tr.includes('schedule') || props.republish ? (
        <div class="action-options">
          {tr.includes('schedule') ? (
            <p class="action-when">
              <label for="a-at">{s.publishAt}</label>
              <input id="a-at" name="at" type="datetime-local" />
            </p>
          ) : null}
          {props.republish}
        </div>
      ) : null}
      <div class="action-bar" role="group" aria-label={s.actions}>
        {props.status}
        <div class="action-main">
          {/* First in the form: the button Enter submits. */}
          <button type="submit" name="intent" value="save" class="action-save">
            {stateful ? s.saveChanges : s.saveDraft}
          </button>
          {tr.includes('publish') ? (
            <button
              type="submit"
              name="intent"
              value="publish"
              class="action-publish"
              data-publish={s.publish}
              data-schedule={s.schedule}
            >
              {s.publish}
            </button>
          ) : null}
          {tr.includes('submit') ? (
            <button type="submit" name="intent" value="submit" class="action-publish">
              {s.submit}
            </button>
          ) : null}
          {tr.includes('withdraw') ? (
            <button type="submit" name="intent" value="withdraw">
              {s.withdraw}
            </button>
          ) : null}
          {tr.includes('restore') ? (
            <button type="submit" name="intent" value="restore">
              {s.restore}
            </button>
          ) : null}
        </div>
        {article && danger.length ? (
          <div class="action-danger">
            {danger.map((d) => (
              <button
                type="submit"
                name="transition"
                value={d}
                class="btn-danger"
                formaction={`/admin/articles/${article.id}/etat`}
                formnovalidate
                data-confirm={`confirmer-${d}`}
              >
                {s.danger[d]}
              </button>
            ))}
          </div>
        ) : null}
      </div>
    </>
  );
}

/** The fields that carry a dangerous transition once confirmed. */
function ConfirmForm(props: {
  s: ArticleActionStrings;
  id: number;
  version: number;
  csrfToken: string;
  transition: DangerousTransition;
  cancel: 'link' | 'dialog';
}) {
  const { s } = props;
  return (
    <form method="post" action={`/admin/articles/${props.id}/etat`} class="confirm-actions">
      <input type="hidden" name="_csrf" value={props.csrfToken} />
      <input type="hidden" name="version" value={String(props.version)} />
      <input type="hidden" name="transition" value={props.transition} />
      <input type="hidden" name="confirme" value="1" />
      <button type="submit" class="btn-danger">
        {s.confirm[props.transition]}
      </button>{' '}
      {props.cancel === 'link' ? (
        <a class="button button-quiet" href={`/admin/articles/${props.id}`}>
          {s.cancel}
        </a>
      ) : (
        // Focused when the dialog opens: Enter or Space does the harmless thing.
        <button type="submit" formmethod="dialog" formnovalidate class="button-quiet" autofocus>
          {s.cancel}
        </button>
      )}
    </form>
  );
}

/**
 * The confirmations of the dangerous actions as native dialogs, closed until editor.js opens
 * one; each holds its own CSRF-protected form that says the action is confirmed.
 */
export function ConfirmDialogs(props: {
  locale: Locale;
  article: { id: number; version: number; status: ArticleStatus; title: string };
  transitions: Transition[];
  csrfToken: string;
}) {
  const s = articleActionStringsFor(props.locale);
  const a = props.article;
  return (
    <>
      {props.transitions.filter(isDangerous).map((d) => (
        <dialog id={`confirmer-${d}`} class="confirm-dialog" aria-labelledby={`confirmer-${d}-t`}>
          <h2 id={`confirmer-${d}-t`}>{s.confirmTitle[d](a.title)}</h2>
          <p>{typeset(s.confirmText[d](a.status), props.locale)}</p>
          <p class="hint">{typeset(s.unsavedLost, props.locale)}</p>
          <ConfirmForm
            s={s}
            id={a.id}
            version={a.version}
            csrfToken={props.csrfToken}
            transition={d}
            cancel="dialog"
          />
        </dialog>
      ))}
    </>
  );
}

/** The confirmation step of a dangerous action, as a page: what happens, Confirmer or Annuler. */
export function ConfirmTransitionPage(props: {
  ctx: PageContext;
  csrfToken: string;
  article: { id: number; version: number; status: ArticleStatus; title: string };
  transition: DangerousTransition;
}) {
  const s = articleActionStringsFor(props.ctx.site.locale);
  const { article: a, transition: d } = props;
  const title = s.confirmTitle[d](a.title);
  return (
    <AdminLayout ctx={props.ctx} title={title} csrfToken={props.csrfToken}>
      <section class="confirm-page">
        <h1>{title}</h1>
        <p>{typeset(s.confirmText[d](a.status), props.ctx.site.locale)}</p>
        <p class="hint">{typeset(s.unsavedLost, props.ctx.site.locale)}</p>
        <ConfirmForm
          s={s}
          id={a.id}
          version={a.version}
          csrfToken={props.csrfToken}
          transition={d}
          cancel="link"
        />
      </section>
    </AdminLayout>
  );
}
