import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { createIdleBrotli } from '../src/cache/idle-brotli.ts';
import { procStatFields } from './helpers/proc-stat.ts';

const text = Buffer.from(
  Array.from({ length: 4000 }, (_, i) => `<p>Entrée ${i % 97} du direct</p>`).join(''),
);
const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 18 };

// Each thread of this process by its scheduling policy (0 is the default, SCHED_OTHER, and 5 is
// SCHED_IDLE).
async function threadPolicies(): Promise<Map<string, number>> {
  const tids = readdirSync('/proc/self/task');
  const stats = await Promise.all(tids.map((tid) => procStatFields(`/proc/self/task/${tid}/stat`)));
  return new Map(tids.map((tid, i) => [tid, Number(stats[i]![38])]));
}
const SCHED_IDLE = 5;
const hasChrt = process.platform === 'linux' && spawnSync('chrt', ['--version']).status === 0;

test('the idle thread compresses as brotli would, at the lowest priority, the server thread untouched', async () => {
  const priority = os.getPriority();
  const idle = createIdleBrotli();
  try {
    const out = await idle.compress(text, params);
    assert.deepEqual(out, brotliCompressSync(text, { params }));
    assert.equal(brotliDecompressSync(out).toString(), text.toString());
    // Memory of its own: nothing else shares the bytes the cache keeps.
    assert.equal(out.byteOffset, 0);
    assert.equal(out.buffer.byteLength, out.length);
    if (process.platform === 'linux') assert.equal(await idle.niced(), true);
    assert.equal(os.getPriority(), priority);
    // Where util-linux's chrt is (Debian has it), the thread runs only on a core nothing else
    // wants: one thread of this process in SCHED_IDLE, and the server's own thread as it was.
    if (hasChrt) {
      const policies = await threadPolicies();
      assert.equal([...policies.values()].filter((p) => p === SCHED_IDLE).length, 1);
      assert.equal(policies.get(String(process.pid)), 0);
    }
    // Several at once come back each to its own caller.
    const many = await Promise.all(
      [1, 5, 9].map((q) => idle.compress(text, { [constants.BROTLI_PARAM_QUALITY]: q })),
    );
    for (const b of many) assert.equal(brotliDecompressSync(b).toString(), text.toString());
  } finally {
    await idle.close();
  }
});

test('closing fails what waits, and a later compression starts a new thread', async () => {
  const idle = createIdleBrotli();
  const waiting = idle.compress(text, params);
  await idle.close();
  await assert.rejects(waiting, /stopped|exited/);
  const again = await idle.compress(text, { [constants.BROTLI_PARAM_QUALITY]: 4 });
  assert.equal(brotliDecompressSync(again).toString(), text.toString());
  await idle.close();
});
