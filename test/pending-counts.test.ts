import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pendingCounts, splitCountKey, writePendingCounts } from '../src/db/pending-counts.ts';

test('pending counts add up by key and are taken all at once', async () => {
  const views = pendingCounts();
  views.add('7|2026-12-03');
  views.add('7|2026-12-03', 2);
  views.add('8|2026-12-03');
  assert.equal(views.size, 2);
  const written: [string, number][][] = [];
  await writePendingCounts([views], async ([batch]) => void written.push([...batch!]));
  assert.deepEqual(written, [
    [
      ['7|2026-12-03', 3],
      ['8|2026-12-03', 1],
    ],
  ]);
  assert.equal(views.size, 0);
});

test('counts a failed write could not store are kept for the next one, with those made since', async () => {
  const clicks = pendingCounts();
  const impressions = pendingCounts();
  clicks.add('1|2026-12-03');
  impressions.add('1|2026-12-03', 5);
  await assert.rejects(
    writePendingCounts([clicks, impressions], async () => {
      // Counting goes on while the write is under way.
      clicks.add('1|2026-12-03');
      throw new Error('database away');
    }),
    /database away/,
  );
  let seen: [string, number][][] = [];
  await writePendingCounts([clicks, impressions], async (batches) => {
    seen = batches.map((b) => [...b]);
  });
  assert.deepEqual(seen, [[['1|2026-12-03', 2]], [['1|2026-12-03', 5]]]);
});

test('a count key splits into its id and the rest', () => {
  assert.deepEqual(splitCountKey('42|2026-12-03'), [42, '2026-12-03']);
  assert.deepEqual(splitCountKey('42|2026-12-03|2026-12-03T10'), [42, '2026-12-03|2026-12-03T10']);
});
