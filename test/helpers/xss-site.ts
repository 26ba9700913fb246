import { buildDefaultSlots } from './ad-factories.ts';
import { buildArticle, buildImage, buildUser } from './factories.ts';
import { payloads, payloadText } from './xss-payloads.ts';
import type { TestApp } from './setup.ts';
import { bumpContentVersion } from '../../src/cache/content-version.queries.ts';
import { insertComment } from '../../src/comments/comment.queries.ts';
import { insertCorrection } from '../../src/corrections/correction.queries.ts';
import { defaultSiteSettings } from '../../src/settings/site-settings.ts';
import { decideComment } from '../../src/moderation/decide-comment.ts';
import { insertMedia } from '../../src/media/media.queries.ts';
import { insertSection } from '../../src/sections/section.queries.ts';
import { syncArticleSearch } from '../../src/search/sync-article-search.ts';
import { renderMarkdown } from '../../src/articles/markdown.ts';
import { insertLiveEntry, updateArticleLiveState } from '../../src/live/live.queries.ts';

/** The fields a payload goes into; the code is the last two digits of its ids. */
export const F = {
  title: 1,
  kicker: 2,
  standfirst: 3,
  body: 4,
  signature: 5,
  tag: 6,
  imageCredit: 7,
  imageCaption: 8,
  imageAlt: 9,
  correction: 10,
  sectionName: 11,
  sectionDescription: 12,
  userName: 13,
  mediaAlt: 14,
  mediaCredit: 15,
  mediaCaption: 16,
  commentName: 17,
  commentBody: 18,
  replyName: 19,
  replyBody: 20,
  pendingName: 21,
  pendingBody: 22,
  pendingEmail: 23,
  echoName: 24,
  echoEmail: 25,
  echoBody: 26,
  siteName: 27,
  tagline: 28,
  contactEmail: 29,
  revisionNote: 30,
  revisionEditor: 31,
  revisionTitle: 32,
  revisionBody: 33,
  houseTitle: 34,
  houseText: 35,
  advertiserName: 36,
  campaignName: 37,
  adTitle: 38,
  adBody: 39,
  advertiserContact: 40,
  searchQuery: 41,
  loginEmail: 42,
  loginNext: 43,
  errorPath: 44,
  adminSearch: 45,
  moderatorName: 46,
  commentArticleTitle: 47,
  articleSlug: 48,
  sectionSlug: 49,
  linkUrl: 50,
  moderationReason: 52,
  editorTitle: 53,
  editorBody: 54,
  sectionForm: 55,
  mailName: 56,
  mailBody: 57,
  revisionSignature: 58,
  revisionCorrection: 59,
  alertText: 60,
  ruleReason: 61,
  reportNote: 62,
  ruleWords: 63,
  liveEntry: 64,
  newsletterSubject: 65,
  newsletterIntro: 66,
  newsletterItem: 67,
  newsletterEmail: 68,
  newsletterEcho: 69,
} as const;

/** How many payloads share one article, one section, one user…: so a page shows many at once. */
export const GROUP_SIZE = 38;
export const groupCount = Math.ceil(payloads.length / GROUP_SIZE);

/** The payload numbers of a group. */
export function groupMembers(g: number): number[] {
  const out: number[] = [];
  for (let i = g * GROUP_SIZE; i < Math.min(payloads.length, (g + 1) * GROUP_SIZE); i++)
    out.push(i);
  return out;
}

/** A group's payloads for one field, side by side (Markdown and comments: one per paragraph). */
export function group(g: number, field: number, sep = ' '): string {
  return groupMembers(g)
    .map((i) => payloadText(i, field))
    .join(sep);
}

/** Every payload for one field, split into `parts` values (for one-value fields: settings). */
export function allPayloadsIn(parts: number, field: number): string[] {
  const size = Math.ceil(payloads.length / parts);
  return Array.from({ length: parts }, (_, k) =>
    payloads
      .slice(k * size, (k + 1) * size)
      .map((_, j) => payloadText(k * size + j, field))
      .join(' '),
  );
}

/** Every payload for one field, packed into values of at most `max` characters (form limits). */
export function packed(field: number, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < payloads.length; i++) {
    const text = payloadText(i, field);
    if (current && current.length + text.length + 1 > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${text}` : text;
  }
  if (current) out.push(current);
  return out;
}

/** What was written, to know what to visit. */
export interface XssGroup {
  sectionId: number;
  sectionSlug: string;
  articleId: number;
  articlePath: string;
  authorId: number;
  authorName: string;
  mediaId: number;
  tag: string;
  /** A pending comment (its name and text are the group's payloads) and the one it answers. */
  pendingId: number;
  threadCommentId: number;
  campaignId?: number;
  reportKey?: string;
  advertiserId?: number;
}

const CREATED = '2026-11-01T00:00:00.000Z';

/**
 * Writes every payload into every field the data model holds, through the factories and
 * queries (the forms' own echo is exercised in the browser): per group of payloads, a section,
 * an author, a photo, a published article with tags, corrections and two revisions, a thread
 * of approved comments and replies, a pending comment with its moderation history, and an
 * approval mail.
 */
export async function seedXssSite(t: TestApp): Promise<XssGroup[]> {
  const { db } = t;
  const photo = await buildImage(db, t.dataDir);
  const moderator = await buildUser(db, {
    email: 'modo@griot.test',
    name: 'Modo',
    role: 'moderator',
  });
  const groups: XssGroup[] = [];
  for (let g = 0; g < groupCount; g++) {
    const section = await insertSection(db, {
      slug: `rubrique-${g}`,
      name: group(g, F.sectionName),
      description: group(g, F.sectionDescription),
      position: g + 1,
      created_at: CREATED,
    });
    const author = await buildUser(db, {
      email: `auteur${g}@griot.test`,
      name: group(g, F.userName),
      role: 'author',
    });
    const media = await insertMedia(db, {
      file: `${photo.file}-copy-${g}`,
      mime: photo.mime,
      width: photo.width,
      height: photo.height,
      alt: group(g, F.mediaAlt),
      credit: group(g, F.mediaCredit),
      caption: group(g, F.mediaCaption),
      variants: photo.variants,
      created_at: CREATED,
    });
    const article = await buildArticle(db, {
      section,
      slug: `article-${g}`,
      title: `Dounzé ${group(g, F.title)}`,
      kicker: group(g, F.kicker),
      standfirst: group(g, F.standfirst),
      body: `Dounzé.\n\n${group(g, F.body, '\n\n')}`,
      signature: group(g, F.signature),
      author_id: author.id,
      image_id: media.id,
      image_credit: group(g, F.imageCredit),
      image_caption: group(g, F.imageCaption),
      image_alt: group(g, F.imageAlt),
      updated_at: '2026-11-21T09:00:00.000Z',
    });
    // Its corrections, shown at its end, on the corrections page and in its JSON-LD.
    await insertCorrection(db, {
      articleId: article.id,
      text: group(g, F.correction),
      publishedAt: new Date('2026-11-21T09:00:00.000Z'),
      addedBy: author.id,
    });
    // A live page: its entries (one per payload, the first pinned) after the body, in the poll
    // fragment, the feeds' item and the JSON-LD, and on the newsroom's entry page.
    await updateArticleLiveState(db, article.id, {
      live: true,
      startedAt: '2026-11-21T08:00:00.000Z',
      endedAt: null,
    });
    for (const [k, i] of groupMembers(g).entries()) {
      const body = payloadText(i, F.liveEntry);
      await insertLiveEntry(db, {
        articleId: article.id,
        authorId: author.id,
        body,
        bodyHtml: renderMarkdown(body, 'fr'),
        pinned: k === 0,
        at: new Date(Date.UTC(2026, 10, 21, 9, 0) + k * 60_000),
      });
    }
    // Author pages list what a member signed under their own name (or left unsigned).
    await buildArticle(db, {
      section,
      slug: `article-${g}-bis`,
      title: `Dounzé bis ${group(g, F.title)}`,
      signature: '',
      author_id: author.id,
    });
    const tags = groupMembers(g).map((i) => payloadText(i, F.tag).toLowerCase());
    await db
      .insertInto('article_tags')
      .values([...new Set(tags)].map((tag) => ({ article_id: article.id, tag })))
      .execute();
    await syncArticleSearch(db, article.id);
    await writeRevisions(t, article.id, author.id, g);

    let threadCommentId = 0;
    for (const i of groupMembers(g)) {
      const top = await insertComment(
        db,
        comment(article.id, article.title, {
          author_name: payloadText(i, F.commentName),
          body: payloadText(i, F.commentBody),
          status: 'approved',
        }),
      );
      threadCommentId ||= top.id;
      await insertComment(db, {
        ...comment(article.id, article.title, {
          author_name: payloadText(i, F.replyName),
          body: payloadText(i, F.replyBody),
          status: 'approved',
        }),
        parent_id: top.id,
      });
    }
    const pending = await insertComment(db, {
      ...comment(article.id, group(g, F.commentArticleTitle), {
        author_name: group(g, F.pendingName),
        body: group(g, F.pendingBody, '\n\n'),
        status: 'pending',
      }),
      author_email: group(g, F.pendingEmail).toLowerCase(),
      parent_id: threadCommentId,
    });
    await db
      .insertInto('moderation_events')
      .values({
        comment_id: pending.id,
        actor_id: moderator.id,
        actor_name: group(g, F.moderatorName),
        from_status: 'approved',
        to_status: 'pending',
        reason: group(g, F.moderationReason),
        at: CREATED,
      })
      .execute();
    // An approval through the real decision, so the outbox holds a mail made of payloads.
    const toApprove = await insertComment(db, {
      ...comment(article.id, article.title, {
        author_name: group(g, F.mailName),
        body: group(g, F.mailBody, '\n\n'),
        status: 'pending',
      }),
      notify_replies: 1,
    });
    await decideComment(db, {
      commentId: toApprove.id,
      decision: 'approve',
      expected: 'pending',
      actor: { id: moderator.id, name: 'Modo' },
      reason: null,
      site: {
        settings: defaultSiteSettings,
        publicUrl: t.config.publicUrl,
        secret: t.config.sessionSecret,
      },
      now: t.clock.now(),
    });
    groups.push({
      sectionId: section.id,
      sectionSlug: section.slug,
      articleId: article.id,
      articlePath: `/${section.slug}/${article.slug}`,
      authorId: author.id,
      authorName: author.name,
      mediaId: media.id,
      tag: tags[0]!,
      pendingId: pending.id,
      threadCommentId,
    });
  }
  await buildDefaultSlots(db);
  await bumpContentVersion(db);
  return groups;
}

let commentCount = 0;
function comment(
  articleId: number,
  articleTitle: string,
  fields: { author_name: string; body: string; status: 'approved' | 'pending' },
) {
  const n = ++commentCount;
  return {
    article_id: articleId,
    article_title: articleTitle,
    parent_id: null,
    author_email: `lecteur${n}@example.org`,
    body_hash: `hash-${n}`,
    notify_replies: 0,
    ip_hash: `ip-${n % 7}`,
    created_at: new Date(Date.UTC(2026, 10, 21, 10, 0) + n * 60_000).toISOString(),
    moderated_at: fields.status === 'approved' ? CREATED : null,
    moderated_by: null,
    reason: null,
    ...fields,
  };
}

// Two saves: a plain first version, then one made of payloads, so the diff shows them all.
async function writeRevisions(t: TestApp, articleId: number, authorId: number, g: number) {
  const base = {
    title: 'Première version',
    kicker: '',
    standfirst: '',
    sectionId: null,
    body: 'Texte.',
    signature: '',
    slug: `article-${g}`,
    tags: [],
    imageId: null,
    imageCredit: '',
    imageCaption: '',
    imageAlt: '',
    imageIsIllustration: false,
    comments: 'open',
    noAds: false,
    coauthorIds: [],
    agency: '',
  };
  const second = {
    ...base,
    title: group(g, F.revisionTitle),
    body: group(g, F.revisionBody, '\n\n'),
    signature: group(g, F.revisionSignature),
    // Shown in the versions comparison (the old single correction note is gone: its payloads
    // now go through the agency line).
    agency: group(g, F.revisionCorrection),
    tags: groupMembers(g).map((i) => payloadText(i, F.tag).toLowerCase()),
  };
  await t.db
    .insertInto('article_revisions')
    .values([
      {
        article_id: articleId,
        version: 1,
        snapshot: JSON.stringify(base),
        edited_by: authorId,
        editor_name: 'Awa',
        note: 'created',
        edited_at: CREATED,
      },
      {
        article_id: articleId,
        version: 2,
        snapshot: JSON.stringify(second),
        edited_by: authorId,
        editor_name: group(g, F.revisionEditor),
        // A note from before notes were codes: shown as written.
        note: group(g, F.revisionNote),
        edited_at: '2026-11-02T00:00:00.000Z',
      },
    ])
    .execute();
}
