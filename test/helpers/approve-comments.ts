// Test-only script: a moderator's process approving comments over the database named by
// DATA_DIR / DATABASE_URL, as an app instance does. It prints `ready` once connected, waits for
// a line on stdin, then approves the comment ids given as arguments, LANES at a time, printing
// `approved <id>` or `already <id>` as each decision commits (stdout to a pipe is synchronous,
// so a line printed is a decision committed, even if the process is killed right after).
import { createInterface } from 'node:readline';
import { connect } from '../../src/db/connect.ts';
import { decideComment } from '../../src/moderation/decide-comment.ts';
import { findSiteSettings } from '../../src/settings/setting.queries.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const ids = process.argv.slice(2).map(Number);
const { db } = connect({
  dataDir: env('DATA_DIR'),
  databaseUrl: process.env.DATABASE_URL || undefined,
});
const site = {
  settings: await findSiteSettings(db),
  publicUrl: env('PUBLIC_URL'),
  secret: env('SESSION_SECRET'),
};
const actor = { id: Number(env('ACTOR_ID')), name: env('ACTOR_NAME') };

process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();

let next = 0;
async function lane(): Promise<void> {
  while (next < ids.length) {
    const commentId = ids[next++]!;
    const result = await decideComment(db, {
      commentId,
      decision: 'approve',
      expected: 'pending',
      actor,
      reason: null,
      site,
      now: new Date(),
    });
    process.stdout.write(`${result.ok ? 'approved' : result.reason} ${commentId}\n`);
  }
}
await Promise.all(Array.from({ length: Number(process.env.LANES ?? 3) }, lane));
await db.destroy();
process.stdout.write('done\n');
