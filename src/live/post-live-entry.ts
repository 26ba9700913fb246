import { articleChangeKeys, articleKey } from '../articles/article-keys.ts';
import { renderMarkdown } from '../articles/markdown.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Db, Trx } from '../db/database.ts';
import { FEEDS_KEY } from '../feeds/feed.ts';
import type { Locale } from '../settings/site-settings.ts';
import { canChangeLiveEntry, canRunLiveCoverage, type LiveUser } from './live-policy.ts';
import { validateLiveEntry, type LiveEntryError } from './live.ts';
import {
  findArticleLiveState,
  findLiveEntry,
  insertLiveEntry,
  updateArticleLiveState,
  updateLiveEntry,
} from './live.queries.ts';

export type LiveResult =
  | { ok: true; id?: number }
  | { ok: false; reason: 'notFound' | 'forbidden' | 'notLive' | 'ended' }
  | { ok: false; reason: 'invalid'; error: LiveEntryError };

// What an entry's change shows: the article's pages (and its poll fragments), and the feeds
// that carry its latest entries. The home and section lists show no entry, only the badge.
const entryKeys = (articleId: number) => [articleKey(articleId), FEEDS_KEY];

/**
 * Posts an entry on a live article: in one transaction, the entry and the change that drops the
 * article's pages (and fragments) and the feeds on every instance. Several journalists post at
 * once: each post is its own row, nothing to conflict over.
 */
export async function postLiveEntry(
  db: Db,
  input: {
    articleId: number;
    user: LiveUser;
    body: string;
    pinned: boolean;
    now: Date;
    locale: Locale;
  },
): Promise<LiveResult> {
  const error = validateLiveEntry(input.body);
  if (error) return { ok: false, reason: 'invalid', error };
  return db.transaction().execute(async (trx): Promise<LiveResult> => {
    const article = await findArticleLiveState(trx, input.articleId);
    if (!article) return { ok: false, reason: 'notFound' };
    if (!article.live) return { ok: false, reason: 'notLive' };
    if (article.endedAt) return { ok: false, reason: 'ended' };
    const body = input.body.trim();
    const id = await insertLiveEntry(trx, {
      articleId: article.id,
      authorId: input.user.id,
      body,
      bodyHtml: renderMarkdown(body, input.locale),
      pinned: input.pinned,
      at: input.now,
    });
    await bumpContentVersion(trx, entryKeys(article.id));
    return { ok: true, id };
  });
}

export type EntryChange =
  | { kind: 'edit'; body: string; locale: Locale }
  | { kind: 'pin' }
  | { kind: 'unpin' }
  | { kind: 'delete' };

/** Edits, pins, unpins or deletes (softly) an entry, in one transaction with its change. */
export async function changeLiveEntry(
  db: Db,
  input: { articleId: number; entryId: number; user: LiveUser; change: EntryChange; now: Date },
): Promise<LiveResult> {
  const { change } = input;
  if (change.kind === 'edit') {
    const error = validateLiveEntry(change.body);
    if (error) return { ok: false, reason: 'invalid', error };
  }
  return db.transaction().execute(async (trx: Trx): Promise<LiveResult> => {
    const entry = await findLiveEntry(trx, { articleId: input.articleId, id: input.entryId });
    if (!entry) return { ok: false, reason: 'notFound' };
    if (!canChangeLiveEntry(input.user, entry)) return { ok: false, reason: 'forbidden' };
    const at = input.now.toISOString();
    const values =
      change.kind === 'edit'
        ? {
            body: change.body.trim(),
            body_html: renderMarkdown(change.body.trim(), change.locale),
            updated_at: at,
          }
        : change.kind === 'delete'
          ? { deleted_at: at }
          : { pinned: change.kind === 'pin' ? 1 : 0 };
    if (!(await updateLiveEntry(trx, entry.id, values))) return { ok: false, reason: 'notFound' };
    await bumpContentVersion(trx, entryKeys(input.articleId));
    return { ok: true, id: entry.id };
  });
}

export type CoverageChange = 'start' | 'end' | 'reopen' | 'stop';

/**
 * Makes an article a live page (`start`), ends its coverage (« Terminé », `end`), reopens it, or
 * makes it an ordinary article again (`stop`, its entries kept). The lists show the « EN DIRECT »
 * badge, so the change names the article, the home, the lists and its section.
 */
export async function changeLiveCoverage(
  db: Db,
  input: { articleId: number; user: LiveUser; change: CoverageChange; now: Date },
): Promise<LiveResult> {
  return db.transaction().execute(async (trx): Promise<LiveResult> => {
    const article = await findArticleLiveState(trx, input.articleId);
    if (!article) return { ok: false, reason: 'notFound' };
    if (!canRunLiveCoverage(input.user, article)) return { ok: false, reason: 'forbidden' };
    const at = input.now.toISOString();
    const next = {
      start: { live: true, startedAt: article.startedAt ?? at, endedAt: null },
      end: { live: true, startedAt: article.startedAt ?? at, endedAt: article.endedAt ?? at },
      reopen: { live: true, startedAt: article.startedAt ?? at, endedAt: null },
      stop: { live: false, startedAt: article.startedAt, endedAt: article.endedAt },
    }[input.change];
    if (input.change !== 'start' && input.change !== 'stop' && !article.live)
      return { ok: false, reason: 'notLive' };
    await updateArticleLiveState(trx, article.id, next);
    await bumpContentVersion(trx, articleChangeKeys(article.id, [article.sectionId]));
    return { ok: true };
  });
}
