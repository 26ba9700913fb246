import { insertCorrection } from '../corrections/correction.queries.ts';
import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { renderMarkdown } from '../articles/markdown.ts';
import {
  findArticleBySlug,
  insertArticle,
  replaceArticleCoauthors,
  replaceArticleTags,
} from '../articles/article.queries.ts';
import { slugify } from '../articles/slug.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { renderDemoPhotoSvg } from '../media/demo-photo.ts';
import { writeImageVariants } from '../media/image-variants.ts';
import { findMediaByFile, insertMedia } from '../media/media.queries.ts';
import type { MediaStore } from '../media/media-store.ts';
import { reindexArticles } from '../search/reindex.ts';
import { findSectionBySlug, insertSection } from '../sections/section.queries.ts';
import { findSiteSettings, updateSiteSettings } from '../settings/setting.queries.ts';
import { addUser } from '../users/add-user.ts';
import { findUserByEmail } from '../users/user.queries.ts';
import { demoArticles } from './articles/all.ts';
import { demoJournalists } from './articles/journalists.ts';
import type { DemoArticle } from './articles/types.ts';
import { seedDemoComments } from './demo-comments.ts';
import { seedDemoAds } from './demo-ads.ts';
import { seedDemoShortLinkVisits } from './demo-whatsapp.ts';
import { seedDemoAlert } from './demo-alert.ts';
import { seedDemoNewsletter } from './demo-newsletter.ts';
import { seedDemoViews } from './demo-views.ts';
import { seedDemoModeration } from './demo-moderation.ts';
import { seedDemoLive } from './demo-live.ts';
import { DEMO_ADMIN_EMAIL, DEMO_MODERATOR_EMAIL, demoSections, demoSite } from './demo-sections.ts';

/** What seeding did; the admin password is only known when the admin was just created. */
export interface SeedReport {
  adminEmail: string;
  adminPassword: string | undefined;
  sections: number;
  articles: number;
}

/**
 * Fills the database with the demo publication « Le Veilleur »: settings, sections, newsroom
 * accounts, and articles with generated photos. Idempotent: what already exists is kept.
 */
export async function seedDemo({
  db,
  store,
  clock,
  onProgress,
  mail,
}: {
  db: Db;
  store: MediaStore;
  clock: Clock;
  onProgress?: (done: number, total: number, title: string) => void;
  /**
   * The site's address and signing secret, for the links of the demo letters already sent
   * (their unsubscribe tokens); without them, a throwaway secret (example.org reaches no one).
   */
  mail?: { publicUrl: string; secret: string };
}): Promise<SeedReport> {
  const now = clock.now();
  const current = await findSiteSettings(db);
  if (current.siteName === 'Griot') await updateSiteSettings(db, demoSite);

  let sections = 0;
  for (const [position, s] of demoSections.entries()) {
    if (await findSectionBySlug(db, s.slug)) continue;
    await insertSection(db, { ...s, position, created_at: now.toISOString() });
    sections++;
  }

  const admin = await ensureUser(db, {
    email: DEMO_ADMIN_EMAIL,
    name: 'Administrateur',
    role: 'admin',
  });
  for (const j of demoJournalists) await ensureUser(db, j);
  await ensureUser(db, {
    email: 'moderation@leveilleur.example',
    name: 'Équipe modération',
    role: 'moderator',
  });

  let articles = 0;
  for (const [index, demo] of demoArticles.entries()) {
    onProgress?.(index, demoArticles.length, demo.title);
    if (await seedArticle(db, { demo, index, store, now })) articles++;
  }
  onProgress?.(demoArticles.length, demoArticles.length, '');
  // Indexed once all are in, so each article's related ones are chosen among all of them.
  if (articles) await reindexArticles(db);
  const moderator = await findUserByEmail(db, DEMO_MODERATOR_EMAIL);
  const newest = await db
    .selectFrom('articles')
    .select(['id', 'title', 'published_at'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(3)
    .execute();
  const comments = moderator ? await seedDemoComments(db, { articles: newest, moderator, now }) : 0;
  const ads = await seedDemoAds(db, { store, now });
  // Issue 15, WhatsApp: a week of short-link visits for the « Canal WhatsApp » page.
  await seedDemoShortLinkVisits(db, { now, timeZone: (await findSiteSettings(db)).timeZone });
  // An ended alert: the history of the « Alerte » page; readers see nothing of it.
  const adminId = (await findUserByEmail(db, DEMO_ADMIN_EMAIL))?.id ?? null;
  await seedDemoAlert(db, { now, by: adminId });
  await seedDemoViews(db, { now, timeZone: (await findSiteSettings(db)).timeZone });
  // Issue 17: two weeks of moderation decisions, so the classifier is trained and the desk's page has figures.
  const deciders = [moderator, await findUserByEmail(db, DEMO_ADMIN_EMAIL)].filter((u) => !!u);
  await seedDemoModeration(db, { now, moderators: deciders, articles: newest });
  // A finished live page (« En direct »): the football final, minute by minute.
  const liveEntries = await seedDemoLive(db);
  // Issue 15, newsletter: six subscribers and three letters already delivered.
  await seedDemoNewsletter(db, {
    now,
    by: adminId,
    publicUrl: mail?.publicUrl ?? 'http://localhost:3000',
    secret: mail?.secret ?? randomBytes(32).toString('base64url'),
  });
  if (sections || articles || comments || ads.slots || ads.campaigns || liveEntries)
    await bumpContentVersion(db);
  return { adminEmail: DEMO_ADMIN_EMAIL, adminPassword: admin.password, sections, articles };
}

async function ensureUser(
  db: Db,
  user: { email: string; name: string; role: 'admin' | 'editor' | 'author' | 'moderator' },
): Promise<{ password: string | undefined }> {
  if (await findUserByEmail(db, user.email)) return { password: undefined };
  const { password } = await addUser(db, user);
  return { password };
}

async function seedArticle(
  db: Db,
  { demo, index, store, now }: { demo: DemoArticle; index: number; store: MediaStore; now: Date },
): Promise<boolean> {
  const slug = slugify(demo.title);
  if (await findArticleBySlug(db, slug)) return false;
  const section = await findSectionBySlug(db, demo.section);
  if (!section)
    throw new Error(`Demo article "${demo.title}" names unknown section ${demo.section}`);
  const author = await findUserByEmail(db, demo.authorEmail);
  const image = await seedPhoto(db, { demo, seed: index + 1, store, now });
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
  const body = demo.body.trim();
  await db.transaction().execute(async (trx) => {
    const article = await insertArticle(trx, {
      slug,
      section_id: section.id,
      kicker: demo.kicker,
      title: demo.title,
      standfirst: demo.standfirst,
      body,
      body_html: renderMarkdown(body, 'fr'),
      signature: demo.signature,
      author_id: author?.id ?? null,
      status: 'published',
      published_at: hoursAgo(demo.hoursAgo),
      updated_at: demo.updatedHoursAgo === undefined ? null : hoursAgo(demo.updatedHoursAgo),
      created_at: hoursAgo(demo.hoursAgo + 2),
      image_id: image.id,
      image_credit: demo.photo.credit,
      image_caption: demo.photo.caption,
      image_alt: demo.photo.alt,
      comments: 'open',
      version: 1,
      agency: demo.agency ?? '',
    });
    await replaceArticleTags(trx, article.id, demo.tags);
    const coauthors = [];
    for (const email of demo.coauthorEmails ?? []) {
      const member = await findUserByEmail(trx, email);
      if (member) coauthors.push(member.id);
    }
    await replaceArticleCoauthors(trx, article.id, coauthors);
    for (const c of demo.corrections ?? [])
      await insertCorrection(trx, {
        articleId: article.id,
        text: c.text,
        publishedAt: new Date(now.getTime() - c.hoursAgo * 3_600_000),
        addedBy: null,
      });
  });
  return true;
}

async function seedPhoto(
  db: Db,
  { demo, seed, store, now }: { demo: DemoArticle; seed: number; store: MediaStore; now: Date },
): Promise<{ id: number }> {
  const svg = renderDemoPhotoSvg({ theme: demo.photo.theme, seed, width: 1600, height: 900 });
  const input = await sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
  const hash = createHash('sha256').update(input).digest('hex').slice(0, 10);
  const file = `demo-${demo.photo.theme}-${seed}-${hash}`;
  const existing = await findMediaByFile(db, file);
  if (existing) return existing;
  const info = await writeImageVariants({ input, store, baseName: file });
  return insertMedia(db, {
    file,
    mime: 'image/jpeg',
    width: info.width,
    height: info.height,
    alt: demo.photo.alt,
    credit: demo.photo.credit,
    caption: demo.photo.caption,
    variants: JSON.stringify(info.variants),
    created_at: now.toISOString(),
  });
}
