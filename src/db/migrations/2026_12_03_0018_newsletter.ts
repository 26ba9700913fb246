import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/** The newsletter: subscribers (double opt-in), editions and one delivery row per edition and subscriber. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('newsletter_subscribers')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('requested_at', t.timestamp, (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', t.timestamp)
    .addColumn('unsubscribed_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('newsletter_subscribers_status_idx')
    .on('newsletter_subscribers')
    .columns(['status', 'id'])
    .execute();
  await db.schema
    .createIndex('newsletter_subscribers_requested_idx')
    .on('newsletter_subscribers')
    .columns(['requested_by', 'requested_at'])
    .execute();
  await db.schema
    .createTable('newsletter_editions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('article_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sent_at', t.timestamp)
    .addColumn('finished_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('newsletter_editions_status_idx')
    .on('newsletter_editions')
    .columns(['status', 'sent_at'])
    .execute();
  await db.schema
    .createTable('newsletter_deliveries')
    .addColumn('edition_id', 'integer', (c) =>
      c.notNull().references('newsletter_editions.id').onDelete('cascade'),
    )
    .addColumn('subscriber_id', 'integer', (c) =>
      c.notNull().references('newsletter_subscribers.id').onDelete('cascade'),
    )
    .addColumn('outbox_id', 'integer', (c) => c.references('outbox.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('newsletter_deliveries_pk', ['edition_id', 'subscriber_id'])
    .execute();
  await db.schema
    .createIndex('newsletter_deliveries_subscriber_idx')
    .on('newsletter_deliveries')
    .columns(['subscriber_id', 'edition_id'])
    .execute();
  // The sending pace counts the last minute's deliveries.
  await db.schema
    .createIndex('newsletter_deliveries_created_idx')
    .on('newsletter_deliveries')
    .column('created_at')
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('newsletter_deliveries').execute();
  await db.schema.dropTable('newsletter_editions').execute();
  await db.schema.dropTable('newsletter_subscribers').execute();
}
