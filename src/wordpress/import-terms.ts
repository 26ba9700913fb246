import { slugify } from '../articles/slug.ts';
import { SITE_KEY, bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { RESERVED_SLUGS } from '../sections/section-admin.routes.ts';
import { findSectionBySlug, insertSection, listSections } from '../sections/section.queries.ts';
import { findUserByEmail, insertUser } from '../users/user.queries.ts';
import { normalizeEmail } from '../users/user.ts';
import type { PostSection } from './import-posts.ts';
import { note, type ImportReport } from './import-report.ts';
import { htmlToText } from './wp-content.ts';
import { decodeSlug } from './wp-paths.ts';
import { insertImported, listImported } from './wordpress.queries.ts';
import type { WxrAuthor, WxrItem, WxrTerm } from './wxr.ts';

/** What the authors' and sections' import needs of the run. */
export interface RunContext {
  db: Db;
  clock: Clock;
  dryRun?: boolean | undefined;
}

const UNCATEGORIZED = { slug: 'non-classe', name: 'Non classé' };

/** Makes each author a disabled newsroom account (or finds theirs); returns login → our id. */
export async function importAuthors(
  options: RunContext,
  authors: WxrAuthor[],
  report: ImportReport,
): Promise<Map<string, number>> {
  const { db, dryRun } = options;
  const now = options.clock.now();
  const done = await listImported(
    db,
    'author',
    authors.map((a) => a.id),
  );
  const byLogin = new Map<string, number>();
  for (const author of authors) {
    const counts = report.counts.authors;
    const known = done.get(author.id);
    if (known !== undefined) {
      byLogin.set(author.login, known);
      counts.existing++;
      continue;
    }
    const email =
      normalizeEmail(author.email) || `${slugify(author.login) || author.id}@wordpress.invalid`;
    const existing = await findUserByEmail(db, email);
    if (existing) {
      note(report, 'author matched to the existing account with that email', email);
      counts.existing++;
      byLogin.set(author.login, existing.id);
      if (!dryRun)
        await insertImported(db, [{ kind: 'author', wpId: author.id, ourId: existing.id }], now);
      continue;
    }
    counts.added++;
    if (dryRun) continue;
    const name = htmlToText(author.displayName || author.login).slice(0, 100) || email;
    const user = await db.transaction().execute(async (trx) => {
      // No password and disabled: an admin enables the account and sends its invitation.
      const row = await insertUser(trx, {
        email,
        name,
        byline: name,
        role: 'author',
        password_hash: '',
        disabled_at: now.toISOString(),
        created_at: now.toISOString(),
      });
      await insertImported(trx, [{ kind: 'author', wpId: author.id, ourId: row.id }], now);
      return row;
    });
    byLogin.set(author.login, user.id);
  }
  return byLogin;
}

/** Finds or makes the section of each post: its primary category (Yoast's, else the first). */
export function sectionResolver(
  options: RunContext,
  categoriesById: Map<number, WxrTerm>,
  report: ImportReport,
) {
  const cache = new Map<string, Promise<PostSection>>();
  const make = async (slug: string, name: string, termId: number): Promise<PostSection> => {
    const existing = await findSectionBySlug(options.db, slug);
    if (existing) {
      report.counts.sections.existing++;
      return { id: existing.id, slug };
    }
    report.counts.sections.added++;
    if (options.dryRun) return { id: -1, slug };
    const now = options.clock.now();
    return options.db.transaction().execute(async (trx) => {
      const position = (await listSections(trx)).length;
      const section = await insertSection(trx, {
        slug,
        name: name.slice(0, 80),
        description: '',
        position,
        created_at: now.toISOString(),
      });
      await insertImported(trx, [{ kind: 'category', wpId: termId, ourId: section.id }], now);
      // A new section changes every page's navigation.
      await bumpContentVersion(trx, [SITE_KEY]);
      return { id: section.id, slug };
    });
  };
  return (item: WxrItem): Promise<PostSection> => {
    const categories = item.terms.filter((t) => t.domain === 'category');
    const primary = categoriesById.get(Number(item.meta._yoast_wpseo_primary_category));
    const term =
      categories.find((t) => primary && t.slug === primary.slug) ?? categories[0] ?? UNCATEGORIZED;
    let slug = sectionSlug(term.slug) || slugify(term.name);
    if (RESERVED_SLUGS.has(slug)) slug = `${slug}-rubrique`;
    const termId = [...categoriesById.values()].find((c) => c.slug === term.slug)?.id ?? 0;
    let section = cache.get(slug);
    if (!section) {
      section = make(slug, htmlToText(term.name) || slug, termId);
      cache.set(slug, section);
    }
    return section;
  };
}

/** Our slug for a WordPress category (its nicename, accents and all, made plain). */
export function sectionSlug(nicename: string): string {
  return nicename ? slugify(decodeSlug(nicename)) : '';
}
