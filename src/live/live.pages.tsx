import { renderBodyMedia, type BodyMediaItem } from '../articles/body-media-render.ts';
import type { SiteSettings } from '../settings/site-settings.ts';
import { formatDateTime, formatTime, isoInZone, newsroomDay } from '../web/dates.ts';
import type { PageContext } from '../web/page-context.ts';
import { BodyMediaScripts } from '../articles/body-media.pages.tsx';
import { inlineStyles } from '../web/inline-code.ts';
import { Layout } from '../web/layout.tsx';
import { trustedHtml } from '../web/render.ts';
import { typeset } from '../web/typography.ts';
import {
  entryAnchor,
  entryHeadline,
  entryText,
  isOngoing,
  LIVE_ANCHOR,
  LIVE_PAGE_ENTRIES,
  LIVE_POLL_SECONDS,
  liveOlderPath,
  livePollPath,
  liveRefreshPath,
  splitEntries,
  type LiveEntryView,
  type LiveState,
} from './live.ts';
import { liveStringsFor } from './live.strings.ts';

/** What an article page shows of its live coverage. */
export interface LiveCoverageData {
  state: LiveState;
  /** The pinned entries and the newest others (LIVE_PAGE_ENTRIES), newest first. */
  entries: LiveEntryView[];
  /** The oldest entry shown, when older ones exist: « Entrées précédentes » leads to them. */
  olderFrom: number | null;
  /** The library photos the entries show. */
  media: BodyMediaItem[];
}

/** What an entry needs to be drawn, in a page or in a poll fragment. */
interface EntryContext {
  site: SiteSettings;
  mediaBase: string;
  lite: boolean;
  /** The article's path: each entry's own link is this plus its anchor. */
  path: string;
  /** The newsroom day of the newest entry: older entries show their date, not only the time. */
  today: string | null;
}

function entryBody(e: LiveEntryView, c: EntryContext, media: BodyMediaItem[]): string {
  return renderBodyMedia(e.bodyHtml, {
    edition: c.lite ? 'lite' : 'full',
    media,
    base: c.mediaBase,
    locale: c.site.locale,
  });
}

/** The entries' bodies as drawn, joined: which scripts they need (see BodyMediaScripts). */
export function liveBodiesHtml(ctx: PageContext, live: LiveCoverageData): string {
  const c = entryContext(ctx, '', live.entries);
  return live.entries.map((e) => entryBody(e, c, live.media)).join('');
}

function entryContext(
  ctx: { site: SiteSettings; mediaBase?: string | undefined; lite?: boolean | undefined },
  path: string,
  entries: LiveEntryView[],
): EntryContext {
  const newest = entries.reduce<LiveEntryView | undefined>(
    (n, e) => (!n || e.id > n.id ? e : n),
    undefined,
  );
  return {
    site: ctx.site,
    mediaBase: ctx.mediaBase ?? '',
    lite: !!ctx.lite,
    path,
    today: newest ? newsroomDay(newest.createdAt, ctx.site.timeZone) : null,
  };
}

function LiveEntryItem({
  entry: e,
  c,
  media,
}: {
  entry: LiveEntryView;
  c: EntryContext;
  media: BodyMediaItem[];
}) {
  const s = liveStringsFor(c.site.locale);
  const sameDay = c.today === newsroomDay(e.createdAt, c.site.timeZone);
  // Lean markup (a live page holds many entries): the time is the entry's own link.
  return (
    <li class="live-entry" id={entryAnchor(e.id)} data-pinned={e.pinned ? '1' : undefined}>
      <p class="live-entry-meta">
        <a href={`#${entryAnchor(e.id)}`}>
          <time datetime={isoInZone(e.createdAt, c.site.timeZone)}>
            {sameDay ? formatTime(e.createdAt, c.site) : formatDateTime(e.createdAt, c.site)}
          </time>
        </a>
        {e.authorName ? ` · ${s.entryBy(e.authorName)}` : null}
        {e.updatedAt ? ` · ${s.edited}` : null}
      </p>
      <div class="live-entry-body">{trustedHtml(entryBody(e, c, media))}</div>
    </li>
  );
}

/**
 * A live page's styles, inline in its head (the full edition; the light one has its own): the
 * coverage's, and while it goes on, the polling's (its button, the pulsing dot).
 */
export function LiveStyles({ ctx, live }: { ctx: PageContext; live: LiveState }) {
  if (ctx.lite) return null;
  return (
    <>
      <style>{trustedHtml(inlineStyles.live)}</style>
      {isOngoing(live) ? <style>{trustedHtml(inlineStyles.liveOn)}</style> : null}
    </>
  );
}

/** The « EN DIRECT » or « Terminé » label at the top of a live article. */
export function LiveLabel({ ctx, live }: { ctx: PageContext; live: LiveState }) {
  const s = liveStringsFor(ctx.site.locale);
  return isOngoing(live) ? (
    <p class="live-label">
      <span class="live-dot" aria-hidden="true" />
      {s.live}
    </p>
  ) : (
    <p class="live-label live-label-ended">{s.ended}</p>
  );
}

/**
 * A live article's coverage, after its body: the status, « L'essentiel » (pinned entries), then
 * the newest others, newest first, each with its time, author and its own link, and a plain link
 * to the older ones (« Entrées précédentes », a cached page of its own). While it is on,
 * an « Actualiser » link reloads the page at the coverage (it works without script, and it is
 * all the light edition gets); in the full edition, live.js asks every LIVE_POLL_SECONDS for the
 * entries after the newest shown, a small fragment cached like pages, and offers them with a
 * « N nouvelles entrées » button that never moves the text under the reader's eyes.
 */
export function LiveCoverage({
  ctx,
  article,
  live,
}: {
  ctx: PageContext;
  article: { id: number; path: string };
  live: LiveCoverageData;
}) {
  const { site } = ctx;
  const s = liveStringsFor(site.locale);
  const ongoing = isOngoing(live.state);
  const c = entryContext(ctx, article.path, live.entries);
  const { pinned, others } = splitEntries(live.entries);
  const lastId = live.entries.reduce((n, e) => Math.max(n, e.id), 0);
  const polls = ongoing && !ctx.lite;
  return (
    <section
      class={`live${ongoing ? ' is-live' : ''}`}
      id={LIVE_ANCHOR}
      aria-labelledby="direct-titre"
      data-live-poll={polls ? livePollPath(article.id, lastId).replace(/\d+$/, '') : undefined}
      data-live-last={polls ? String(lastId) : undefined}
      data-live-every={polls ? String(LIVE_POLL_SECONDS) : undefined}
      data-essentials={polls ? s.essentials : undefined}
    >
      <div class="live-head">
        <h2 id="direct-titre">
          {ongoing ? <span class="live-dot" aria-hidden="true" /> : null}
          {ongoing ? s.live : s.ended}
        </h2>
        <p class="live-status">
          {live.state.endedAt
            ? s.endedAt(formatDateTime(live.state.endedAt, site))
            : s.startedAt(formatDateTime(live.state.startedAt, site))}
        </p>
        {ongoing ? (
          <p class="live-refresh">
            <a href={liveRefreshPath(article.id)}>{s.refresh}</a> {s.refreshHint}
          </p>
        ) : null}
      </div>
      {pinned.length ? (
        <section class="live-essentials" aria-labelledby="essentiel-titre">
          <h3 id="essentiel-titre">{s.essentials}</h3>
          <ol class="live-entries live-pinned">
            {pinned.map((e) => (
              <LiveEntryItem entry={e} c={c} media={live.media} />
            ))}
          </ol>
        </section>
      ) : null}
      <h3 class="visually-hidden">{s.entries}</h3>
      {polls ? (
        <p class="live-news" role="status">
          <button
            type="button"
            class="live-news-button"
            hidden
            data-one={s.newEntries(1)}
            data-many={s.newEntries(2).replace('2', '{n}')}
          />
        </p>
      ) : null}
      {others.length || pinned.length ? null : <p class="live-empty">{s.noEntries}</p>}
      <ol class="live-entries live-feed">
        {others.map((e) => (
          <LiveEntryItem entry={e} c={c} media={live.media} />
        ))}
      </ol>
      <OlderLink articleId={article.id} olderFrom={live.olderFrom} site={site} />
      {polls ? <script src={ctx.assets.liveJs.url} defer /> : null}
    </section>
  );
}

/**
 * The poll's answer: the entries after the one the page shows last, newest first, and what the
 * page must know (the newest id; whether coverage goes on). Cached per article and id.
 */
export function LiveFragment(p: {
  site: SiteSettings;
  mediaBase: string;
  path: string;
  state: LiveState;
  entries: LiveEntryView[];
  media: BodyMediaItem[];
  lastId: number;
}) {
  const c = entryContext(p, p.path, p.entries);
  return (
    <ol
      class="live-fragment"
      data-live-last={String(p.lastId)}
      data-live-state={isOngoing(p.state) ? 'on' : 'ended'}
      data-live-ended-label={isOngoing(p.state) ? undefined : liveStringsFor(p.site.locale).ended}
    >
      {p.entries.map((e) => (
        <LiveEntryItem entry={e} c={c} media={p.media} />
      ))}
    </ol>
  );
}

/**
 * What a live article's JSON-LD adds to (and changes in) its NewsArticle: a LiveBlogPosting whose
 * updates are the newest entries (LIVE_PAGE_ENTRIES, as on the page), each by its headline (its
 * first sentence) and its own link: their text is on the page, and the JSON-LD stays small.
 */
export function liveBlogJsonLd(
  ctx: PageContext,
  live: LiveCoverageData,
  canonical: string,
): Record<string, unknown> {
  const zone = ctx.site.timeZone;
  const entries = [...live.entries].sort((a, b) => b.id - a.id).slice(0, LIVE_PAGE_ENTRIES);
  return {
    '@type': 'LiveBlogPosting',
    coverageStartTime: isoInZone(live.state.startedAt, zone),
    ...(live.state.endedAt ? { coverageEndTime: isoInZone(live.state.endedAt, zone) } : {}),
    liveBlogUpdate: entries.map((e) => ({
      '@type': 'BlogPosting',
      headline: entryHeadline(entryText(e.bodyHtml)),
      datePublished: isoInZone(e.createdAt, zone),
      ...(e.updatedAt ? { dateModified: isoInZone(e.updatedAt, zone) } : {}),
      url: `${canonical}#${entryAnchor(e.id)}`,
    })),
  };
}

/** The link to the entries before the oldest one shown; nothing when there are none. */
function OlderLink(p: { articleId: number; olderFrom: number | null; site: SiteSettings }) {
  if (p.olderFrom === null) return null;
  return (
    <p class="live-older">
      <a href={liveOlderPath(p.articleId, p.olderFrom)}>{liveStringsFor(p.site.locale).older}</a>
    </p>
  );
}

/** What a page of older entries shows. */
export interface LiveOlderData {
  article: { id: number; title: string; path: string };
  state: LiveState;
  /** The entries before the one the page is named by, pinned ones aside, newest first. */
  entries: LiveEntryView[];
  olderFrom: number | null;
  media: BodyMediaItem[];
}

/**
 * A page of a live article's older entries (/direct/<id>/avant/<entry>): the article's title back
 * to its page, then LIVE_OLDER_ENTRIES entries before the named one, newest first, and the link to
 * those before them. A plain page, cached like the article's (same key), without script.
 */
export function LiveOlderPage({ ctx, older }: { ctx: PageContext; older: LiveOlderData }) {
  const { site } = ctx;
  const s = liveStringsFor(site.locale);
  const { article } = older;
  // Each entry with its date: the page may hold another day's entries than the coverage's last.
  const c = { ...entryContext(ctx, '', older.entries), today: null };
  const body = older.entries.map((e) => entryBody(e, c, older.media)).join('');
  return (
    <Layout
      ctx={ctx}
      title={s.olderTitle(article.title, site.siteName)}
      // Its address moves with each new entry (it is named by the oldest entry shown above it):
      // the entries' place in search is the article page, whose links these pages follow.
      robots="noindex, follow"
      head={<LiveStyles ctx={ctx} live={older.state} />}
    >
      <article class="article live-older-page">
        <header>
          <LiveLabel ctx={ctx} live={older.state} />
          <p class="live-older-of">
            <a href={`${article.path}#${LIVE_ANCHOR}`}>{typeset(article.title, site.locale)}</a>
          </p>
          <h1>{s.older}</h1>
        </header>
        <section class="live" aria-label={s.older}>
          {older.entries.length ? null : <p class="live-empty">{s.noOlder}</p>}
          <ol class="live-entries live-feed">
            {older.entries.map((e) => (
              <LiveEntryItem entry={e} c={c} media={older.media} />
            ))}
          </ol>
          <OlderLink articleId={article.id} olderFrom={older.olderFrom} site={site} />
          <p class="live-back">
            <a href={`${article.path}#${LIVE_ANCHOR}`}>{s.backToLive}</a>
          </p>
        </section>
        <BodyMediaScripts ctx={ctx} html={body} />
      </article>
    </Layout>
  );
}
