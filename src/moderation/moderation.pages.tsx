import { AdminLayout } from '../admin/admin-layout.tsx';
import { CommentText } from '../comments/comment-text.tsx';
import type { QueueItem } from '../comments/comment-queue.queries.ts';
import type { CommentStatus } from '../comments/comment.table.ts';
import { formatAge, formatDateTime } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import type { ModerationEvent } from './moderation-event.table.ts';
import { moderationStringsFor } from './moderation.strings.ts';
import type { RuleLabel, RuleResult } from './rules/rule.ts';
import { QueueRuleLinks, RuleLabelFilter, RuleVerdicts } from './rules/rule-verdicts.tsx';
import {
  ClassifierBands,
  ClassifierScore,
  ClassifierSort,
} from './classifier/classifier.pages.tsx';
import type { QueueClassifier } from './classifier/queue-classifier.ts';

const tabs: CommentStatus[] = ['pending', 'approved', 'rejected', 'spam'];

/** Everything the queue page shows. */
export interface QueuePageProps {
  ctx: PageContext;
  csrfToken: string;
  status: CommentStatus;
  counts: Record<CommentStatus, number>;
  oldestPendingAt: string | null;
  now: Date;
  items: QueueItem[];
  histories: Map<string, { approved: number; rejected: number }>;
  events: Map<number, ModerationEvent[]>;
  articles: { id: number; title: string; pending: number }[];
  article: { id: number; title: string; comments: 'open' | 'closed' } | undefined;
  page: number;
  pages: number;
  flash: string[];
  /** The classifier's scores and bands (moderation/classifier); absent in older callers. */
  classifier?: QueueClassifier | undefined;
  canEditSettings: boolean;
  settings: { autoCloseDays: number; rejectionEmail: boolean };
  /** The rules' verdicts per comment, the label filtered on, and how many comments are reported. */
  rules: { verdicts: Map<number, RuleResult[]>; label: RuleLabel | undefined; reported: number };
}

/** The moderation queue: tabs by status, items with context and history, decisions one by one or in bulk. */
export function QueuePage(p: QueuePageProps) {
  const { ctx } = p;
  const t = moderationStringsFor(ctx.site.locale);
  const when = (iso: string) => formatDateTime(iso, ctx.site);
  const query = (changes: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    const merged = {
      statut: p.status,
      article: p.article?.id,
      regle: p.rules.label,
      tri: p.classifier?.active ? p.classifier.sort : undefined,
      page: undefined,
      ...changes,
    };
    // The order by score is the pending tab's only.
    if (merged.statut !== 'pending') merged.tri = undefined;
    for (const [k, v] of Object.entries(merged))
      if (v !== undefined && String(v) !== '' && !(k === 'page' && v === 1))
        params.set(k, String(v));
    const qs = params.toString();
    return `/admin/moderation${qs ? `?${qs}` : ''}`;
  };
  const here = query({ page: p.page });
  return (
    <AdminLayout ctx={ctx} title={t.title} csrfToken={p.csrfToken}>
      <h1>{t.title}</h1>
      <p class="mod-summary">
        {p.oldestPendingAt
          ? t.oldestPending(
              formatAge(p.now.getTime() - new Date(p.oldestPendingAt).getTime(), ctx.site.locale),
            )
          : t.nonePending}{' '}
        {/* Shortcuts need the script: it reveals their hint and the switch that turns them off. */}
        <span class="hint" id="shortcuts-hint" hidden>
          {t.shortcutsHint}
        </span>{' '}
        <label class="check shortcuts-switch" id="shortcuts-switch" hidden>
          <input type="checkbox" checked /> {t.shortcutsOn}
        </label>
      </p>
      {p.flash.map((m) => (
        <p class="notice" role="status">
          {m}
        </p>
      ))}
      <nav class="tabs" aria-label={t.title}>
        {tabs.map((s) => (
          <a href={query({ statut: s })} aria-current={s === p.status ? 'page' : undefined}>
            {t.tabs[s]} <span class="count">{p.counts[s]}</span>
          </a>
        ))}
        <QueueRuleLinks
          reported={p.rules.reported}
          canEditRules={p.canEditSettings}
          locale={ctx.site.locale}
        />
      </nav>
      <form method="get" action="/admin/moderation" class="mod-filter">
        <input type="hidden" name="statut" value={p.status} />
        <label for="filtre-article">{t.filterArticle}</label>
        <select id="filtre-article" name="article">
          <option value="">{t.allArticles}</option>
          {p.articles.map((a) => (
            <option value={String(a.id)} selected={a.id === p.article?.id}>
              {a.title} {a.pending ? `(${a.pending})` : ''}
            </option>
          ))}
        </select>
        <RuleLabelFilter chosen={p.rules.label} locale={ctx.site.locale} />
        <button type="submit">{t.filter}</button>
      </form>
      {p.status === 'pending' ? (
        <ClassifierSort
          locale={ctx.site.locale}
          classifier={p.classifier}
          href={(tri) => query({ tri })}
        />
      ) : null}
      {p.article ? (
        <form
          method="post"
          action={`/admin/moderation/articles/${p.article.id}/commentaires`}
          class="mod-article"
        >
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <input type="hidden" name="retour" value={here} />
          <span>{p.article.comments === 'open' ? t.commentsOpen : t.commentsClosed}</span>{' '}
          <button
            type="submit"
            name="mode"
            value={p.article.comments === 'open' ? 'closed' : 'open'}
          >
            {p.article.comments === 'open' ? t.closeComments : t.openComments}
          </button>
        </form>
      ) : null}

      <form method="post" action="/admin/moderation/decider" class="mod-queue">
        <input type="hidden" name="_csrf" value={p.csrfToken} />
        <input type="hidden" name="retour" value={here} />
        {p.items.length ? (
          <div class="mod-bulk">
            <label id="select-all" class="check" hidden>
              <input type="checkbox" /> {t.selectAll}
            </label>
            <ClassifierBands locale={ctx.site.locale} classifier={p.classifier} />
            <span>{t.bulk}</span>
            <ReasonPicker t={t} name="bulk-reason" note="bulk-note" id="bulk" />
            {(['approve', 'reject', 'spam'] as const).map((d) => (
              <button type="submit" name="bulk" value={d} class={`btn-${d}`}>
                {t[d]}
              </button>
            ))}
          </div>
        ) : (
          <p>{t.emptyTab}</p>
        )}
        <ol class="mod-list">
          {p.items.map((c) => {
            const history = p.histories.get(c.authorEmail) ?? { approved: 0, rejected: 0 };
            const events = p.events.get(c.id) ?? [];
            return (
              <li>
                <article
                  class="mod-item"
                  id={`c-${c.id}`}
                  tabindex={0}
                  aria-labelledby={`c-${c.id}-who`}
                >
                  <header>
                    <label class="check">
                      <input
                        type="checkbox"
                        name="ids"
                        value={`${c.id}:${c.status}`}
                        aria-label={t.selectOne(c.id)}
                      />
                    </label>
                    <strong id={`c-${c.id}-who`}>{c.authorName}</strong>{' '}
                    <a href={`mailto:${c.authorEmail}`}>{c.authorEmail}</a>
                    <span class="hint"> · {t.history(history.approved, history.rejected)}</span>
                  </header>
                  <p class="meta">
                    {t.on}{' '}
                    {c.article.path ? (
                      <a href={c.article.path}>{c.article.title}</a>
                    ) : (
                      <span>
                        {c.article.title} {t.deletedArticle}
                      </span>
                    )}
                    {' · '}
                    <time datetime={c.createdAt}>{when(c.createdAt)}</time>
                  </p>
                  {c.parent ? (
                    <blockquote class="mod-parent">
                      <p class="meta">{t.replyTo(c.parent.authorName)}</p>
                      <p>
                        {c.parent.body.length > 280
                          ? `${c.parent.body.slice(0, 280)}…`
                          : c.parent.body}
                      </p>
                    </blockquote>
                  ) : null}
                  <div class="comment-body">
                    <CommentText body={c.body} />
                  </div>
                  <RuleVerdicts verdicts={p.rules.verdicts.get(c.id)} locale={ctx.site.locale} />
                  <ClassifierScore
                    locale={ctx.site.locale}
                    classifier={p.classifier}
                    commentId={c.id}
                  />
                  {c.status !== 'pending' && c.moderatedAt ? (
                    <p class="meta">
                      {t.decidedBy(
                        t.tabs[c.status],
                        c.moderatedBy ?? t.someone,
                        when(c.moderatedAt),
                      )}
                      {c.reason ? ` — ${t.reason} : ${c.reason}` : ''}
                    </p>
                  ) : null}
                  <div class="mod-actions">
                    {(['approve', 'reject', 'spam'] as const)
                      .filter(
                        (d) =>
                          !(d === 'approve' && c.status === 'approved') &&
                          !(d === 'reject' && c.status === 'rejected') &&
                          !(d === 'spam' && c.status === 'spam'),
                      )
                      .map((d) => (
                        <button
                          type="submit"
                          name="decision"
                          value={`${d}:${c.id}:${c.status}`}
                          data-action={d}
                          class={`btn-${d}`}
                        >
                          {t[d]}
                        </button>
                      ))}
                    <ReasonPicker
                      t={t}
                      name={`reason-${c.id}`}
                      note={`note-${c.id}`}
                      id={`r-${c.id}`}
                    />
                  </div>
                  {events.length ? (
                    <details class="mod-audit">
                      <summary>{t.audit(events.length)}</summary>
                      <ol>
                        {events.map((e) => (
                          <li>
                            {t.auditLine(
                              e.actor_name,
                              t.statusWord[e.from_status],
                              t.statusWord[e.to_status],
                              when(e.at),
                            )}
                            {e.reason ? ` (${e.reason})` : ''}
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      </form>
      {p.pages > 1 ? (
        <nav class="pager" aria-label={t.pages}>
          {p.page > 1 ? <a href={query({ page: p.page - 1 })}>← {p.page - 1}</a> : <i />}
          <span>
            {p.page} / {p.pages}
          </span>
          {p.page < p.pages ? <a href={query({ page: p.page + 1 })}>{p.page + 1} →</a> : <i />}
        </nav>
      ) : null}

      <div id="shortcuts" class="shortcuts" hidden role="dialog" aria-label={t.shortcutsTitle}>
        <h2>{t.shortcutsTitle}</h2>
        <dl class="facts">
          {t.shortcuts.map(([key, what]) => (
            <>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </>
          ))}
        </dl>
      </div>

      {p.canEditSettings ? (
        <details class="mod-settings">
          <summary>{t.settings}</summary>
          <form method="post" action="/admin/moderation/reglages">
            <input type="hidden" name="_csrf" value={p.csrfToken} />
            <input type="hidden" name="retour" value={here} />
            <label for="auto-close">{t.autoClose}</label>
            <input
              id="auto-close"
              name="autoCloseDays"
              type="number"
              min="0"
              max="3650"
              value={String(p.settings.autoCloseDays)}
            />
            <label class="check">
              <input
                type="checkbox"
                name="rejectionEmail"
                value="1"
                checked={p.settings.rejectionEmail}
              />{' '}
              {t.rejectionEmail}
            </label>
            <button type="submit">{t.save}</button>
          </form>
        </details>
      ) : null}
      <script src={ctx.assets.moderationJs.url} defer />
    </AdminLayout>
  );
}

function ReasonPicker(props: {
  t: ReturnType<typeof moderationStringsFor>;
  name: string;
  note: string;
  id: string;
}) {
  const { t } = props;
  return (
    <span class="reason">
      <label for={`${props.id}-reason`} class="visually-hidden">
        {t.reason}
      </label>
      <select id={`${props.id}-reason`} name={props.name}>
        <option value="">{t.noReason}</option>
        {t.reasons.map((r) => (
          <option value={r}>{r}</option>
        ))}
      </select>
      <label for={`${props.id}-note`} class="visually-hidden">
        {t.note}
      </label>
      <input
        id={`${props.id}-note`}
        name={props.note}
        type="text"
        maxlength={300}
        placeholder={t.note}
      />
    </span>
  );
}
