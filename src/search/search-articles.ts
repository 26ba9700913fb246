import type { DialectName } from '../db/connect.ts';
import type { DbOrTrx } from '../db/database.ts';
import { excerptOf, markHits, type TextPart } from './excerpt.ts';
import { searchLiveArticles } from './search.queries.ts';
import { parseQuery, plainText, type QueryProblem } from './search-text.ts';

/** One search result as the page shows it. */
export interface SearchHit {
  id: number;
  slug: string;
  kicker: string;
  title: TextPart[];
  excerpt: TextPart[];
  publishedAt: string;
  section: { slug: string; name: string };
}

export type SearchOutcome =
  { ok: true; total: number; hits: SearchHit[] } | { ok: false; problem: QueryProblem };

/**
 * Searches published articles for what a reader typed: French stems, accents ignored, best
 * first, with the passage that holds the most searched words. Any input is safe.
 */
export async function searchArticles(
  db: DbOrTrx,
  dialect: DialectName,
  {
    query,
    sectionId,
    limit,
    offset,
  }: { query: string; sectionId?: number | undefined; limit: number; offset: number },
): Promise<SearchOutcome> {
  const parsed = parseQuery(query);
  if ('problem' in parsed) return { ok: false, problem: parsed.problem };
  const { total, rows } = await searchLiveArticles(db, dialect, {
    terms: parsed.terms,
    sectionId,
    limit,
    offset,
  });
  const stems = new Set(parsed.terms.map((t) => t.stem));
  return {
    ok: true,
    total,
    hits: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      kicker: r.kicker,
      title: markHits(r.title, stems),
      // A very long body is only searched for its passage in its first 20,000 characters.
      excerpt: excerptOf([plainText(r.body.slice(0, 20_000)), r.standfirst], stems),
      publishedAt: r.published_at,
      section: { slug: r.section_slug, name: r.section_name },
    })),
  };
}
