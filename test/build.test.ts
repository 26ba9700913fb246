import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { loadAssets } from '../src/web/assets.ts';
import { freePort } from './helpers/net.ts';

const run = promisify(execFile);

// `npm start` runs the compiled server (dist/, built by `npm run build`) rather than the
// TypeScript sources through tsx; this checks that what it reads from disk still resolves there.
describe('the compiled server (npm run build)', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-build-'));
    await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts']);
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('serves pages and static assets from dist/, loading commands on demand', async () => {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
    // An account first, so start finds a publication with an admin (no first-admin help).
    const added = await run(
      process.execPath,
      ['dist/main.js', 'user', 'add', '--email', 'a@example.org', '--name', 'A', '--role', 'admin'],
      { env },
    );
    assert.match(added.stdout, /Account created for a@example\.org/);
    const reindexed = await run(process.execPath, ['dist/main.js', 'reindex'], { env });
    assert.match(reindexed.stdout, /Articles indexed: 0/);

    const port = await freePort();
    const child = spawn(process.execPath, ['dist/main.js', 'start'], {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = `http://127.0.0.1:${port}`;
      await new Promise<void>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(
          () => reject(new Error(`not serving after 60 s:\n${out}`)),
          60_000,
        );
        const collect = (chunk: Buffer) => {
          out += chunk.toString();
          if (/Griot is running/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
      });
      const home = await fetch(url);
      assert.equal(home.status, 200);
      const css = /href="(\/assets\/site\.[0-9a-f]+\.css)"/.exec(await home.text())?.[1];
      assert.ok(css, 'the home page links its style sheet');
      const sheet = await fetch(url + css, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(sheet.status, 200);
      // The theme as the app serves it (minified at start-up: see web/assets.ts).
      assert.equal(await sheet.text(), (await loadAssets()).css.body.toString());
    } finally {
      child.kill('SIGTERM');
      assert.equal(await exited, 0, 'exits 0 after a graceful shutdown');
    }
  });
});
