import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSharp } from '../src/media/sharp.ts';

test('sharp is loaded once, with the libvips operation cache off and one worker thread', async () => {
  const sharp = await loadSharp();
  assert.equal(await loadSharp(), sharp);
  const cache = sharp.cache();
  assert.deepEqual(
    [cache.memory.max, cache.files.max, cache.items.max],
    [0, 0, 0],
    'nothing kept between operations',
  );
  assert.equal(sharp.concurrency(), 1);
});
