import type { Kysely } from 'kysely';

interface SlotRow {
  key: string;
  position: number;
}

/**
 * The « sous le titre » ad slot (just under an article's headline), for publications that
 * already have their slots. It comes hidden: no article page changes until the newsroom turns it
 * on in the ads admin. A database without slots gets all of them, this one shown, when its
 * publication is created.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const slots = db as unknown as Kysely<{ ad_slots: SlotRow & Record<string, unknown> }>;
  const existing = await slots.selectFrom('ad_slots').select(['key', 'position']).execute();
  if (!existing.length || existing.some((s) => s.key === 'sous-le-titre')) return;
  await slots
    .insertInto('ad_slots')
    .values({
      key: 'sous-le-titre',
      name: 'Sous le titre',
      placement: 'under-title',
      paragraph: 0,
      phone_width: 320,
      phone_height: 100,
      desktop_width: 728,
      desktop_height: 90,
      house_title: 'Votre Pub ici !',
      house_text: 'Annoncez auprès de nos lecteurs',
      house_url: '/annoncez-chez-nous',
      enabled: 0,
      position: Math.max(...existing.map((s) => Number(s.position))) + 1,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** Removes the slot, with what targeted it (its counts go with it). */
export async function down(db: Kysely<unknown>): Promise<void> {
  const d = db as unknown as Kysely<{
    ad_slots: { id: number; key: string };
    ad_campaign_slots: { slot_id: number };
    ad_slot_stats: { slot_id: number };
  }>;
  const slot = await d
    .selectFrom('ad_slots')
    .select('id')
    .where('key', '=', 'sous-le-titre')
    .executeTakeFirst();
  if (!slot) return;
  await d.deleteFrom('ad_campaign_slots').where('slot_id', '=', slot.id).execute();
  await d.deleteFrom('ad_slot_stats').where('slot_id', '=', slot.id).execute();
  await d.deleteFrom('ad_slots').where('id', '=', slot.id).execute();
}
