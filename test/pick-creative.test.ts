import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isRobot } from '../src/ads/ad-delivery.ts';
import { pickCampaign, type DeliverableCampaign } from '../src/ads/pick-creative.ts';
import { seeded } from './helpers/random.ts';

const campaign = (id: number, values: Partial<DeliverableCampaign> = {}): DeliverableCampaign => ({
  id,
  tier: 'standard',
  weight: 1,
  slotIds: new Set([1]),
  sectionIds: null,
  startsAt: 0,
  endsAt: null,
  totalCap: null,
  dailyCap: null,
  ...values,
});

const none = () => ({ total: 0, today: 0 });
const here: { slotId: number; sectionId: number | null; now: number } = {
  slotId: 1,
  sectionId: 7,
  now: 1000,
};

describe('picking a campaign for a slot view', () => {
  test('weights share the views in proportion (10,000 seeded draws)', () => {
    const campaigns = [campaign(1, { weight: 3 }), campaign(2, { weight: 1 })];
    const random = seeded(42);
    const shown = { 1: 0, 2: 0 } as Record<number, number>;
    for (let i = 0; i < 10_000; i++) shown[pickCampaign(campaigns, here, none, random)!.id]!++;
    // Expected 7,500 / 2,500; the binomial standard deviation is about 43.
    assert.ok(Math.abs(shown[1]! - 7500) < 200, `weight 3 got ${shown[1]}`);
    assert.ok(Math.abs(shown[2]! - 2500) < 200, `weight 1 got ${shown[2]}`);
  });

  test('a higher tier always wins, whatever the weights', () => {
    const campaigns = [
      campaign(1, { tier: 'house', weight: 100 }),
      campaign(2, { tier: 'standard', weight: 50 }),
      campaign(3, { tier: 'sponsorship', weight: 1 }),
    ];
    const random = seeded(7);
    for (let i = 0; i < 1000; i++) assert.equal(pickCampaign(campaigns, here, none, random)!.id, 3);
    // Without the sponsorship, standard wins over house.
    for (let i = 0; i < 1000; i++)
      assert.equal(pickCampaign(campaigns.slice(0, 2), here, none, random)!.id, 2);
  });

  test('slot, section, dates and caps decide eligibility; none eligible means the house ad', () => {
    const random = seeded(1);
    const pick = (c: DeliverableCampaign, where = here, delivered = none) =>
      pickCampaign([c], where, delivered, random)?.id ?? null;
    assert.equal(pick(campaign(1, { slotIds: new Set([2]) })), null);
    assert.equal(pick(campaign(1, { sectionIds: new Set([7]) })), 1);
    assert.equal(pick(campaign(1, { sectionIds: new Set([8]) })), null);
    // A targeted campaign never runs on the home page (no section).
    assert.equal(
      pick(campaign(1, { sectionIds: new Set([7]) }), { ...here, sectionId: null }),
      null,
    );
    assert.equal(pick(campaign(1, { sectionIds: null }), { ...here, sectionId: null }), 1);
    assert.equal(pick(campaign(1, { startsAt: 1001 })), null);
    assert.equal(pick(campaign(1, { startsAt: 1000 })), 1);
    assert.equal(pick(campaign(1, { endsAt: 1000 })), null, 'the end is exclusive');
    assert.equal(pick(campaign(1, { endsAt: 1001 })), 1);
    assert.equal(
      pick(campaign(1, { totalCap: 5 }), here, () => ({ total: 5, today: 0 })),
      null,
    );
    assert.equal(
      pick(campaign(1, { totalCap: 5 }), here, () => ({ total: 4, today: 4 })),
      1,
    );
    assert.equal(
      pick(campaign(1, { dailyCap: 3 }), here, () => ({ total: 90, today: 3 })),
      null,
    );
    assert.equal(pick(campaign(1, { weight: 0 })), null);
  });

  test('a capped sponsorship gives way to the standard campaign below it', () => {
    const campaigns = [campaign(1, { tier: 'sponsorship', totalCap: 10 }), campaign(2)];
    const delivered = (c: DeliverableCampaign) => ({ total: c.id === 1 ? 10 : 0, today: 0 });
    assert.equal(pickCampaign(campaigns, here, delivered, seeded(3))!.id, 2);
  });
});

describe('telling robots and prefetches from readers', () => {
  const phone =
    'Mozilla/5.0 (Linux; Android 13; Tecno) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
  const view = (headers: Record<string, string>, method = 'GET') => ({ method, headers });
  test('a phone browser is a reader', () => {
    assert.equal(isRobot(view({ 'user-agent': phone })), false);
  });
  test('crawlers, empty user agents, prefetches and HEAD requests are not', () => {
    assert.equal(
      isRobot(
        view({
          'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
        }),
      ),
      true,
    );
    assert.equal(isRobot(view({ 'user-agent': 'curl/8.4.0' })), true);
    assert.equal(isRobot(view({})), true);
    assert.equal(isRobot(view({ 'user-agent': phone, 'sec-purpose': 'prefetch' })), true);
    assert.equal(isRobot(view({ 'user-agent': phone, purpose: 'prefetch' })), true);
    assert.equal(isRobot(view({ 'user-agent': phone, 'x-moz': 'prefetch' })), true);
    assert.equal(isRobot(view({ 'user-agent': phone }, 'HEAD')), true);
  });
});
