import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  campaignPhase,
  clickThroughRate,
  csvRecord,
  expectedImpressionsToDate,
  fillDays,
  isUnderDelivering,
  measureDelivery,
  reportCsv,
  timeElapsedShare,
  type ReportCampaign,
} from '../src/ads/ad-report.ts';
import { adReportStringsFor } from '../src/ads/ad-report.strings.ts';
import { labelIndexes, niceCeiling } from '../src/web/daily-chart.tsx';

const now = new Date('2026-11-23T12:00:00.000Z');
const timeZone = 'Africa/Niamey';

// Ten days, half elapsed at `now`: an even pace would have shown half the cap by now.
const campaign = (values: Partial<ReportCampaign> = {}): ReportCampaign => ({
  id: 1,
  name: 'Soldes',
  advertiserName: 'Maison Diallo',
  status: 'active',
  startsAt: '2026-11-18T12:00:00.000Z',
  endsAt: '2026-11-28T12:00:00.000Z',
  totalCap: 10_000,
  dailyCap: null,
  allSections: true,
  reportKey: 'k',
  ...values,
});

describe('ad report figures', () => {
  test('the click-through rate is clicks per impression, and unknown before any impression', () => {
    assert.equal(clickThroughRate(5, 400), 0.0125);
    assert.equal(clickThroughRate(0, 0), null);
  });

  test('a campaign’s phase follows its status and its dates', () => {
    assert.equal(campaignPhase(campaign(), now), 'running');
    assert.equal(campaignPhase(campaign({ status: 'draft' }), now), 'draft');
    assert.equal(campaignPhase(campaign({ status: 'paused' }), now), 'paused');
    assert.equal(
      campaignPhase(campaign({ startsAt: '2026-11-24T00:00:00.000Z' }), now),
      'scheduled',
    );
    assert.equal(campaignPhase(campaign({ endsAt: '2026-11-23T12:00:00.000Z' }), now), 'ended');
    assert.equal(campaignPhase(campaign({ status: 'ended' }), now), 'ended');
  });

  test('time elapsed and the even pace are measured over the dates', () => {
    assert.equal(timeElapsedShare(campaign(), now), 0.5);
    assert.equal(expectedImpressionsToDate(campaign(), now), 5000);
    assert.equal(timeElapsedShare(campaign({ endsAt: '2026-11-20T12:00:00.000Z' }), now), 1);
    const later = { startsAt: '2026-11-30T00:00:00.000Z', endsAt: '2026-12-10T00:00:00.000Z' };
    assert.equal(timeElapsedShare(campaign(later), now), 0);
    assert.equal(timeElapsedShare(campaign({ endsAt: null }), now), null);
    assert.equal(expectedImpressionsToDate(campaign({ totalCap: null }), now), null);
  });

  test('a running campaign under 80 % of an even pace is under-delivering', () => {
    assert.equal(isUnderDelivering(campaign(), 3999, now), true);
    assert.equal(isUnderDelivering(campaign(), 4000, now), false);
  });

  test('without a total cap, an end date, a day of running or a running status, nothing is under-delivering', () => {
    assert.equal(isUnderDelivering(campaign({ totalCap: null }), 0, now), false);
    assert.equal(isUnderDelivering(campaign({ endsAt: null }), 0, now), false);
    assert.equal(isUnderDelivering(campaign({ status: 'paused' }), 0, now), false);
    assert.equal(
      isUnderDelivering(campaign({ endsAt: '2026-11-22T12:00:00.000Z' }), 0, now),
      false,
    );
    const sinceThisMorning = campaign({
      startsAt: '2026-11-23T00:00:00.000Z',
      endsAt: '2026-11-24T00:00:00.000Z',
    });
    assert.equal(isUnderDelivering(sinceThisMorning, 0, now), false);
    const sinceADay = campaign({ startsAt: '2026-11-22T12:00:00.000Z' });
    assert.equal(isUnderDelivering(sinceADay, 0, now), true);
  });

  test('every newsroom day from the start to today is listed, zeros included', () => {
    // Midnight on 1 November in Niamey (UTC+1) to midnight on 1 December: 30 days.
    const month = campaign({
      startsAt: '2026-10-31T23:00:00.000Z',
      endsAt: '2026-11-30T23:00:00.000Z',
    });
    const days = fillDays(month, [{ day: '2026-11-03', impressions: 10, clicks: 1 }], {
      now,
      timeZone,
    });
    assert.equal(days.length, 23);
    assert.equal(days[0]!.day, '2026-11-01');
    assert.equal(days.at(-1)!.day, '2026-11-23');
    assert.deepEqual(days[1], { day: '2026-11-02', impressions: 0, clicks: 0 });
    assert.deepEqual(days[2], { day: '2026-11-03', impressions: 10, clicks: 1 });
  });

  test('an ended campaign stops at its last day, and a day counted outside the dates still shows', () => {
    const ended = campaign({
      startsAt: '2026-11-09T23:00:00.000Z',
      endsAt: '2026-11-14T23:00:00.000Z',
    });
    const days = fillDays(ended, [{ day: '2026-11-16', impressions: 3, clicks: 0 }], {
      now,
      timeZone,
    });
    assert.deepEqual(
      days.map((d) => d.day),
      ['10', '11', '12', '13', '14', '15', '16'].map((d) => `2026-11-${d}`),
    );
    const scheduled = campaign({ startsAt: '2026-12-01T00:00:00.000Z', endsAt: null });
    assert.deepEqual(fillDays(scheduled, [], { now, timeZone }), []);
  });

  test('delivery adds up the days and counts those that reached the daily cap', () => {
    const delivery = measureDelivery(
      campaign({ dailyCap: 1000 }),
      [
        { day: '2026-11-19', impressions: 1000, clicks: 10 },
        { day: '2026-11-20', impressions: 600, clicks: 5 },
        { day: '2026-11-21', impressions: 1000, clicks: 10 },
      ],
      now,
    );
    assert.deepEqual(delivery, {
      impressions: 2600,
      clicks: 25,
      ctr: 25 / 2600,
      capShare: 0.26,
      timeShare: 0.5,
      expectedToDate: 5000,
      dailyCapDays: 2,
      underDelivering: true,
    });
  });
});

describe('ad report CSV', () => {
  test('fields holding the separator, quotes or line breaks are quoted; formulas are defused', () => {
    assert.equal(
      csvRecord(['a;b', 'dit "oui"', 'deux\nlignes', '=SOMME(A1)', 'simple', 12]),
      '"a;b";"dit ""oui""";"deux\nlignes";\'=SOMME(A1);simple;12',
    );
  });

  test('the file starts with a BOM, uses semicolons, CRLF and French decimal commas', () => {
    const csv = reportCsv([
      { day: '2026-11-01', impressions: 400, clicks: 5 },
      { day: '2026-11-02', impressions: 0, clicks: 0 },
    ]);
    assert.equal(
      csv,
      '\uFEFFdate;impressions;clics;CTR\r\n2026-11-01;400;5;1,25%\r\n2026-11-02;0;0;\r\n',
    );
  });
});

describe('ad report formatting', () => {
  test('French figures group thousands with a narrow no-break space and write « 1,25 % » unbroken', () => {
    const l = adReportStringsFor('fr');
    assert.equal(l.number(1_234_567), '1\u202F234\u202F567');
    assert.equal(l.rate(0.0125), '1,25\u00A0%');
    assert.equal(l.percent(0.62), '62\u00A0%');
    assert.equal(l.rate(null), '—');
    assert.equal(l.day('2026-11-01'), 'dim. 1 nov. 2026');
    assert.equal(adReportStringsFor('en').rate(0.0125), '1.25%');
  });

  test('chart scales round up to a round number, so bars fill most of the height', () => {
    assert.deepEqual(
      [0, 1, 3, 7, 18, 45, 1500, 20_001].map(niceCeiling),
      [1, 1, 3, 8, 20, 50, 1500, 25_000],
    );
  });

  test('the day axis labels at most five days, the first and the last among them', () => {
    assert.deepEqual(labelIndexes(3), [0, 1, 2]);
    assert.deepEqual(labelIndexes(23), [0, 6, 11, 17, 22]);
  });
});
