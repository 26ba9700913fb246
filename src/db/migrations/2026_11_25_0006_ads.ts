import type { Kysely } from 'kysely';
import { columnTypes } from '../schema-helpers.ts';

/** Ads: slots with their house ad, advertisers, campaigns and their daily counts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('ad_slots')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('placement', 'text', (c) => c.notNull())
    .addColumn('paragraph', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('phone_width', 'integer', (c) => c.notNull())
    .addColumn('phone_height', 'integer', (c) => c.notNull())
    .addColumn('desktop_width', 'integer', (c) => c.notNull())
    .addColumn('desktop_height', 'integer', (c) => c.notNull())
    .addColumn('house_title', 'text', (c) => c.notNull())
    .addColumn('house_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('house_url', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('advertisers')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ad_campaigns')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('advertiser_id', 'integer', (c) =>
      c.notNull().references('advertisers.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull().defaultTo('standard'))
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp)
    .addColumn('creative_kind', 'text', (c) => c.notNull())
    .addColumn('media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('text_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('link_url', 'text', (c) => c.notNull())
    .addColumn('all_sections', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('total_cap', 'integer')
    .addColumn('daily_cap', 'integer')
    .addColumn('report_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ad_campaigns_status_idx')
    .on('ad_campaigns')
    .columns(['status', 'ends_at'])
    .execute();

  await db.schema
    .createTable('ad_campaign_slots')
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('ad_campaigns.id').onDelete('cascade'),
    )
    .addColumn('slot_id', 'integer', (c) =>
      c.notNull().references('ad_slots.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('ad_campaign_slots_pk', ['campaign_id', 'slot_id'])
    .execute();

  await db.schema
    .createTable('ad_campaign_sections')
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('ad_campaigns.id').onDelete('cascade'),
    )
    .addColumn('section_id', 'integer', (c) =>
      c.notNull().references('sections.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('ad_campaign_sections_pk', ['campaign_id', 'section_id'])
    .execute();

  await db.schema
    .createTable('ad_stats')
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('ad_campaigns.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('impressions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clicks', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('ad_stats_pk', ['campaign_id', 'day'])
    .execute();

  await db.schema
    .createTable('ad_slot_stats')
    .addColumn('slot_id', 'integer', (c) =>
      c.notNull().references('ad_slots.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('ad_slot_stats_pk', ['slot_id', 'day'])
    .execute();

  await db.schema
    .createTable('ad_click_marks')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
}

/** Drops what up() created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'ad_click_marks',
    'ad_slot_stats',
    'ad_stats',
    'ad_campaign_sections',
    'ad_campaign_slots',
    'ad_campaigns',
    'advertisers',
    'ad_slots',
  ])
    await db.schema.dropTable(table).execute();
}
