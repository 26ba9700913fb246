import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { insertMissingAdSlots } from '../ads/ad-delivery.queries.ts';
import { defaultSlots } from '../ads/default-slots.ts';
import type { Db } from '../db/database.ts';
import { writeImageVariants } from '../media/image-variants.ts';
import type { MediaStore } from '../media/media-store.ts';
import { findMediaByFile, insertMedia } from '../media/media.queries.ts';

const DEMO_ADVERTISER = 'Boulangerie du Fleuve';

// A 300 × 250 creative (drawn at twice the size for sharp screens), written by us.
function bakeryCreativeSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="500" viewBox="0 0 600 500">
  <rect width="600" height="500" fill="#f3e3c3"/>
  <circle cx="470" cy="120" r="150" fill="#e9c98f"/>
  <ellipse cx="300" cy="330" rx="210" ry="70" fill="#c4843f"/>
  <ellipse cx="300" cy="318" rx="190" ry="52" fill="#d89a52"/>
  <path d="M150 318 q40 -30 80 0 M240 318 q40 -30 80 0 M330 318 q40 -30 80 0" stroke="#f6deb0" stroke-width="10" fill="none" stroke-linecap="round"/>
  <text x="40" y="92" font-family="DejaVu Serif, Georgia, serif" font-size="52" font-weight="700" fill="#5a2d0c">Boulangerie</text>
  <text x="40" y="150" font-family="DejaVu Serif, Georgia, serif" font-size="52" font-weight="700" fill="#5a2d0c">du Fleuve</text>
  <text x="40" y="200" font-family="DejaVu Sans, Arial, sans-serif" font-size="28" fill="#5a2d0c">Pain chaud dès 6 h, tous les jours</text>
  <rect x="40" y="420" width="300" height="52" rx="26" fill="#5a2d0c"/>
  <text x="190" y="455" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="24" font-weight="700" fill="#fff">Commander</text>
</svg>`;
}

/**
 * The default slots (each with its house ad) and one demo campaign: a bakery's image ad in the
 * in-article slot, everywhere, for a month. Added once; a rerun changes nothing.
 */
export async function seedDemoAds(
  db: Db,
  { store, now }: { store: MediaStore; now: Date },
): Promise<{ slots: number; campaigns: number }> {
  const slots = await insertMissingAdSlots(db, defaultSlots(now));
  const exists = await db
    .selectFrom('advertisers')
    .select('id')
    .where('name', '=', DEMO_ADVERTISER)
    .executeTakeFirst();
  if (exists) return { slots, campaigns: 0 };

  const input = await sharp(Buffer.from(bakeryCreativeSvg())).png().toBuffer();
  const file = `demo-pub-boulangerie-${createHash('sha256').update(input).digest('hex').slice(0, 10)}`;
  const media =
    (await findMediaByFile(db, file)) ??
    (await (async () => {
      const info = await writeImageVariants({ input, store, baseName: file });
      return insertMedia(db, {
        file,
        mime: 'image/png',
        width: info.width,
        height: info.height,
        alt: 'Boulangerie du Fleuve : pain chaud dès 6 h',
        credit: 'BOULANGERIE DU FLEUVE',
        caption: 'Publicité',
        variants: JSON.stringify(info.variants),
        created_at: now.toISOString(),
      });
    })());
  const slot = await db
    .selectFrom('ad_slots')
    .select('id')
    .where('key', '=', 'dans-l-article')
    .executeTakeFirst();
  if (!slot) return { slots, campaigns: 0 };

  await db.transaction().execute(async (trx) => {
    const advertiser = await trx
      .insertInto('advertisers')
      .values({
        name: DEMO_ADVERTISER,
        contact_name: 'Mariam Coulibaly',
        contact_email: 'contact@boulangerie-du-fleuve.example',
        contact_phone: '',
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const campaign = await trx
      .insertInto('ad_campaigns')
      .values({
        advertiser_id: advertiser.id,
        name: 'Pain chaud — novembre',
        tier: 'standard',
        weight: 1,
        status: 'active',
        starts_at: new Date(now.getTime() - 86_400_000).toISOString(),
        ends_at: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
        creative_kind: 'image',
        media_id: media.id,
        text_title: 'Boulangerie du Fleuve : pain chaud dès 6 h',
        text_body: '',
        link_url: 'https://boulangerie-du-fleuve.example/',
        all_sections: 1,
        total_cap: null,
        daily_cap: null,
        report_key: randomBytes(18).toString('base64url'),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('ad_campaign_slots')
      .values({ campaign_id: campaign.id, slot_id: slot.id })
      .execute();
  });
  return { slots, campaigns: 1 };
}
