import type { Db } from '../db/database.ts';
import { insertOutboxMail } from '../mail/outbox.queries.ts';
import { insertEdition } from '../newsletter/edition.queries.ts';
import { editionMessage, personalize } from '../newsletter/newsletter-mails.tsx';
import { signUnsubscribeToken } from '../newsletter/newsletter.ts';
import { loadEditionItems } from '../newsletter/send-edition.ts';
import { EDITION_MAIL_KIND } from '../newsletter/subscribe.ts';
import { findSiteSettings } from '../settings/setting.queries.ts';

const HOUR = 3_600_000;

/** Demo readers (example.org addresses, which reach no one): five confirmed, one who left. */
const READERS = [
  { email: 'aissata.lecture@example.org', status: 'confirmed' },
  { email: 'moussa.infos@example.org', status: 'confirmed' },
  { email: 'fatouma.k@example.org', status: 'confirmed' },
  { email: 'ibrahim.niamey@example.org', status: 'confirmed' },
  { email: 'adresse-inconnue@example.org', status: 'confirmed' },
  { email: 'hadiza.parti@example.org', status: 'unsubscribed' },
] as const;

/**
 * A small newsletter archive for the demo: six subscribers and three letters already delivered
 * (two daily letters and a special edition, 3, 2 and 1 days before the seed), each mail in the
 * outbox as sent, except one refused by the receiving server (a bounce, for the report). Added once.
 */
export async function seedDemoNewsletter(
  db: Db,
  {
    now,
    by,
    publicUrl,
    secret,
  }: { now: Date; by: number | null; publicUrl: string; secret: string },
): Promise<number> {
  const any = await db.selectFrom('newsletter_editions').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const settings = await findSiteSettings(db);
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const subscribers: { id: number; email: string }[] = [];
  for (const [i, r] of READERS.entries()) {
    const created = at(24 * 20 - i * 30).toISOString();
    const row = await db
      .insertInto('newsletter_subscribers')
      .values({
        email: r.email,
        status: r.status,
        created_at: created,
        requested_at: created,
        requested_by: 'demo',
        confirmed_at: created,
        unsubscribed_at: r.status === 'unsubscribed' ? at(30).toISOString() : null,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning(['id', 'email'])
      .executeTakeFirst();
    if (row && r.status === 'confirmed') subscribers.push(row);
  }
  const published = await db
    .selectFrom('articles')
    .select(['id', 'published_at'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .limit(12)
    .execute();
  const letters = [
    {
      kind: 'digest' as const,
      hoursAgo: 72,
      subject: 'La lettre du Veilleur — l’essentiel de la semaine',
      intro: 'Bonjour,\n\nVoici les articles que vous avez le plus lus ces derniers jours.',
      ids: published.slice(6, 10).map((a) => a.id),
    },
    {
      kind: 'digest' as const,
      hoursAgo: 48,
      subject: 'La lettre du Veilleur — les plus lus du jour',
      intro:
        'Bonjour,\n\nÉlections, pluies et football : les articles les plus lus des dernières 24 heures.',
      ids: published.slice(3, 7).map((a) => a.id),
    },
    {
      kind: 'special' as const,
      hoursAgo: 24,
      subject: 'Édition spéciale : ce que l’on sait de l’attaque de Tessaoua-Nord',
      intro:
        'Bonjour,\n\nNos journalistes suivent la situation heure par heure. Voici ce que l’on sait, et ce que l’on ignore encore.',
      ids: published.slice(0, 3).map((a) => a.id),
    },
  ];
  for (const letter of letters) {
    const sentAt = at(letter.hoursAgo);
    const items = await loadEditionItems(db, letter.ids);
    const edition = await insertEdition(db, {
      kind: letter.kind,
      subject: letter.subject,
      intro: letter.intro,
      articleIds: letter.ids,
      by,
      now: sentAt,
    });
    await db
      .updateTable('newsletter_editions')
      .set({
        status: 'sent',
        items: JSON.stringify(items),
        sent_by: by,
        sent_at: sentAt.toISOString(),
        finished_at: sentAt.toISOString(),
      })
      .where('id', '=', edition.id)
      .execute();
    const message = await editionMessage(
      { settings, publicUrl },
      { id: edition.id, content: { ...letter, items } },
    );
    for (const s of subscribers) {
      const dedupeKey = `${EDITION_MAIL_KIND}:${edition.id}:${s.id}`;
      const mail = personalize(message, signUnsubscribeToken(secret, s.id));
      await insertOutboxMail(db, {
        kind: EDITION_MAIL_KIND,
        dedupeKey,
        refId: s.id,
        to: s.email,
        ...mail,
        locale: settings.locale,
        now: sentAt,
      });
      const bounced = s.email.startsWith('adresse-inconnue');
      const row = await db
        .updateTable('outbox')
        .set(
          bounced
            ? {
                status: 'failed',
                attempts: 1,
                last_error:
                  "Can't send mail - all recipients were rejected: 550 5.1.1 <adresse-inconnue@example.org>: Recipient address rejected: User unknown",
              }
            : {
                status: 'sent',
                attempts: 1,
                sent_at: new Date(sentAt.getTime() + 60_000).toISOString(),
              },
        )
        .where('dedupe_key', '=', dedupeKey)
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('newsletter_deliveries')
        .values({
          edition_id: edition.id,
          subscriber_id: s.id,
          outbox_id: row.id,
          created_at: sentAt.toISOString(),
        })
        .execute();
    }
  }
  return letters.length;
}
