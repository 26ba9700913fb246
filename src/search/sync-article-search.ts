import { dialectOf, type DialectName } from '../db/connect.ts';
import type { DbOrTrx } from '../db/database.ts';
import { pickRelated, relatedTerms } from './related.ts';
import { listRelatedTexts, replaceRelated } from './related.queries.ts';
import {
  deleteSearchDocument,
  listRelatedCandidateIds,
  listSearchSources,
  upsertSearchDocument,
  type SearchDocument,
} from './search.queries.ts';
import { plainText } from './search-text.ts';

/** How many index matches are rescored to choose an article's related articles. */
const CANDIDATES = 40;

/**
 * Brings an article's search entry and related articles up to date with its row: indexed and
 * related when published, out of the index otherwise. Call it in the transaction that changed
 * the article; the engine is read from the handle unless given.
 */
export async function syncArticleSearch(
  trx: DbOrTrx,
  articleId: number,
  dialect: DialectName = dialectOf(trx),
): Promise<void> {
  const [source] = await listSearchSources(trx, [articleId]);
  if (!source?.published) {
    await deleteSearchDocument(trx, dialect, articleId);
    await replaceRelated(trx, articleId, []);
    return;
  }
  await indexDocument(trx, dialect, source);
  await refreshRelated(trx, dialect, articleId);
}

/** Writes one article's index entry from its stored text. */
export async function indexDocument(
  db: DbOrTrx,
  dialect: DialectName,
  source: SearchDocument,
): Promise<void> {
  await upsertSearchDocument(db, dialect, { ...source, body: plainText(source.body) });
}

/** Recomputes an article's related articles from the index (on publish, edit and reindex). */
export async function refreshRelated(
  db: DbOrTrx,
  dialect: DialectName,
  articleId: number,
): Promise<void> {
  const [text] = await listRelatedTexts(db, [articleId]);
  if (!text) return;
  const ids = await listRelatedCandidateIds(db, dialect, {
    terms: relatedTerms(text),
    articleId,
    limit: CANDIDATES,
  });
  const candidates = await listRelatedTexts(db, ids);
  await replaceRelated(db, articleId, pickRelated(text, candidates));
}
