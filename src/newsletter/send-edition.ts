import { articlePath } from '../articles/article.ts';
import {
  liveArticles,
  summaryColumns,
  toSummary,
  type SummaryRow,
} from '../articles/article.queries.ts';
import { bumpContentVersion } from '../cache/content-version.queries.ts';
import type { Db } from '../db/database.ts';
import type { Job } from '../jobs/worker.ts';
import { insertOutboxMail } from '../mail/outbox.queries.ts';
import { findSiteSettings } from '../settings/setting.queries.ts';
import {
  countDeliveriesInFlight,
  countDeliveriesSince,
  insertDelivery,
  linkDeliveryMail,
  listConfirmedAwaiting,
  listSendingEditions,
  markEditionSending,
  markEditionSent,
} from './edition.queries.ts';
import { editionMessage, personalize } from './newsletter-mails.tsx';
import {
  NEWSLETTER_ARCHIVE_KEY,
  readIdList,
  readItems,
  signUnsubscribeToken,
  type EditionContent,
  type EditionItem,
} from './newsletter.ts';
import type { EditionRow } from './newsletter.table.ts';
import { EDITION_MAIL_KIND } from './subscribe.ts';

/**
 * The pace of sending. The outbox worker sends at most 20 mails per run (every 5 s); the
 * newsletter never keeps more than WINDOW of its mails waiting there, so a password link or a
 * comment notice queued during a send of 20,000 letters waits behind at most WINDOW of them, and
 * never queues more than PER_MINUTE a minute (what a modest SMTP relay accepts).
 */
export const NEWSLETTER_PACE = { batch: 50, window: 100, perMinute: 240 };

/** The published articles with these ids, in the order given (unpublished ones left out). */
export async function loadEditionItems(db: Db, ids: number[]): Promise<EditionItem[]> {
  if (!ids.length) return [];
  const rows = (await liveArticles(db)
    .select(summaryColumns)
    .where('a.id', 'in', ids)
    .execute()) as SummaryRow[];
  const byId = new Map(rows.map((r) => [r.id, toSummary(r)]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    return a
      ? [{ id, kicker: a.kicker, title: a.title, standfirst: a.standfirst, path: articlePath(a) }]
      : [];
  });
}

/** What an edition shows: a sent one as it was sent, a draft with its articles as they are now. */
export async function loadEditionContent(db: Db, edition: EditionRow): Promise<EditionContent> {
  const items =
    edition.status === 'draft'
      ? await loadEditionItems(db, readIdList(edition.article_ids))
      : readItems(edition.items);
  return { kind: edition.kind, subject: edition.subject, intro: edition.intro, items };
}

/**
 * « Envoyer »: freezes a draft's articles and marks it sending, once. A second click, from the
 * same member or another one, finds it no longer a draft and changes nothing. The mails are
 * queued by newsletterJob; the public archive shows the edition from now on.
 */
export async function startSendingEdition(
  db: Db,
  { edition, by, now }: { edition: EditionRow; by: number | null; now: Date },
): Promise<boolean> {
  const items = await loadEditionItems(db, readIdList(edition.article_ids));
  return db.transaction().execute(async (trx) => {
    const started = await markEditionSending(trx, {
      id: edition.id,
      items: JSON.stringify(items),
      by,
      now,
    });
    if (started) await bumpContentVersion(trx, [NEWSLETTER_ARCHIVE_KEY]);
    return started;
  });
}

/**
 * The worker job that queues the mails of editions being sent, a batch per run at the pace
 * above. Each mail is claimed by inserting its (edition, subscriber) delivery row, unique, in the
 * transaction that queues it: whichever instance inserts the row queues the mail, any other
 * finds it there and skips it, and a crash between runs leaves nothing half done. An edition
 * with no confirmed subscriber left to queue is marked sent.
 */
export function newsletterJob({
  db,
  publicUrl,
  secret,
  pace = NEWSLETTER_PACE,
}: {
  db: Db;
  publicUrl: string;
  secret: string;
  pace?: { batch: number; window: number; perMinute: number };
}): Job {
  return {
    name: 'newsletter',
    async run(now) {
      const editions = await listSendingEditions(db);
      if (!editions.length) return 0;
      const settings = await findSiteSettings(db);
      let queued = 0;
      for (const edition of editions) {
        const [inFlight, lastMinute] = await Promise.all([
          countDeliveriesInFlight(db, EDITION_MAIL_KIND),
          countDeliveriesSince(db, new Date(now.getTime() - 60_000)),
        ]);
        const room = Math.min(pace.batch, pace.window - inFlight, pace.perMinute - lastMinute);
        if (room <= 0) break;
        const awaiting = await listConfirmedAwaiting(db, { editionId: edition.id, limit: room });
        if (!awaiting.length) {
          await markEditionSent(db, edition.id, now);
          continue;
        }
        const message = await editionMessage(
          { settings, publicUrl },
          { id: edition.id, content: await loadEditionContent(db, edition) },
        );
        for (const subscriber of awaiting) {
          const mail = personalize(message, signUnsubscribeToken(secret, subscriber.id));
          const dedupeKey = `${EDITION_MAIL_KIND}:${edition.id}:${subscriber.id}`;
          const done = await db.transaction().execute(async (trx) => {
            const claimed = await insertDelivery(trx, {
              editionId: edition.id,
              subscriberId: subscriber.id,
              now,
            });
            if (!claimed) return false;
            await insertOutboxMail(trx, {
              kind: EDITION_MAIL_KIND,
              dedupeKey,
              refId: subscriber.id,
              to: subscriber.email,
              ...mail,
              locale: settings.locale,
              now,
            });
            await linkDeliveryMail(trx, {
              editionId: edition.id,
              subscriberId: subscriber.id,
              dedupeKey,
            });
            return true;
          });
          if (done) queued++;
        }
      }
      return queued;
    },
  };
}
