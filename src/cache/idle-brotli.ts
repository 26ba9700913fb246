import { Worker } from 'node:worker_threads';

/**
 * Brotli at the best quality for work that can wait (a cached page's upgrade): it runs on a
 * thread of its own at the lowest CPU priority (on Linux, SCHED_IDLE where util-linux's chrt is
 * installed, else a nice of 19), so it takes only what the readers leave.
 */
export interface IdleBrotli {
  compress(bytes: Buffer, params: Record<number, number>): Promise<Buffer>;
  /**
   * Whether the thread runs at the lowest priority (Linux: its nice value is 19). Elsewhere it
   * runs at the server's priority, and its user paces the work itself.
   */
  niced(): Promise<boolean>;
  close(): Promise<void>;
}

// The thread's code, a CommonJS script (it must run the same from the TypeScript sources and
// from the compiled bundle). On Linux, setpriority() on a thread id lowers that thread alone,
// and so does util-linux's chrt, which puts it in SCHED_IDLE: a nice of 19 alone still took
// 5–8 % of a core from a saturated server (Linux 6.18), and the readers' threads waited for it;
// a SCHED_IDLE thread runs only on a core nothing else wants, and gives it up at once.
const THREAD = `
const { parentPort } = require('node:worker_threads');
const { brotliCompressSync } = require('node:zlib');
const os = require('node:os');
let niced = false;
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  os.setPriority(tid, 19);
  niced = os.getPriority(tid) === 19;
  try {
    require('node:child_process').execFileSync('chrt', ['--idle', '-p', '0', String(tid)], {
      stdio: 'ignore',
      timeout: 5000,
    });
  } catch {}
} catch {}
parentPort.postMessage({ niced });
parentPort.on('message', ({ id, bytes, params }) => {
  try {
    // Copied into memory of its own (zlib's output may share a pooled slab), then handed over.
    const out = new Uint8Array(brotliCompressSync(bytes, { params }));
    parentPort.postMessage({ id, out }, [out.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

interface Reply {
  id?: number;
  out?: Uint8Array;
  error?: string;
  niced?: boolean;
}

const CLOSE_WAIT_MS = 2_000;

// The promise's end, or the delay's, whichever comes first (the timer keeps the process up).
async function settled(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}

/** Starts the thread on the first compression; close() stops it (it never holds the process). */
export function createIdleBrotli(): IdleBrotli {
  let worker: Worker | undefined;
  let ready: Promise<boolean> | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

  function start(): Worker {
    if (worker) return worker;
    const w = new Worker(THREAD, { eval: true });
    ready = new Promise((resolve) => {
      w.once('message', (m: Reply) => resolve(m.niced === true));
      w.once('exit', () => resolve(false));
    });
    w.on('message', (m: Reply) => {
      if (m.id === undefined) return;
      const job = waiting.get(m.id);
      waiting.delete(m.id);
      if (!waiting.size) w.unref();
      if (m.out) {
        // The thread hands over a buffer of exactly the output: memory of its own.
        job?.resolve(Buffer.from(m.out.buffer, m.out.byteOffset, m.out.byteLength));
      } else job?.reject(new Error(m.error ?? 'brotli failed'));
    });
    // A thread that dies fails what it had; the next compression starts another.
    const gone = (error: Error) => {
      if (worker !== w) return;
      worker = undefined;
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
    };
    w.on('error', gone);
    w.on('exit', (code) => gone(new Error(`the compression thread exited (${code})`)));
    // Idle, the thread never holds the process (after the listeners: adding one refs it again);
    // it does while it has work.
    w.unref();
    worker = w;
    return w;
  }

  return {
    compress(bytes, params) {
      const w = start();
      const id = next++;
      return new Promise((resolve, reject) => {
        if (!waiting.size) w.ref();
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, bytes, params });
      });
    },
    niced() {
      start();
      return ready!;
    },
    async close() {
      const w = worker;
      worker = undefined;
      // Waited for at most a couple of seconds, on a timer that holds the process: in CI,
      // terminate() of a thread with a compression in flight was seen never to settle, with
      // nothing left to keep the event loop alive (a test's after hook then never ended).
      if (w) await settled(w.terminate(), CLOSE_WAIT_MS);
      for (const job of waiting.values()) job.reject(new Error('the compression thread stopped'));
      waiting.clear();
    },
  };
}
