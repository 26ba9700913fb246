import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { freePort } from './helpers/net.ts';

const run = promisify(execFile);
const main = path.resolve('src/main.ts');

/** Resolves with the output once `pattern` shows up on stdout, or rejects after the deadline. */
function waitForOutput(
  child: ReturnType<typeof spawn>,
  pattern: RegExp,
  ms: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms:\n${out}`)), ms);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

describe('the griot command (SQLite)', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'griot-cli-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test('start --demo migrates, seeds, serves, prints the admin login, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'start', '--demo'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await waitForOutput(child, /Griot is running[\s\S]*password \S+/, 90_000);
      const url = `http://localhost:${port}`;
      assert.match(out, new RegExp(`Griot is running on SQLite: ${url}`));
      const [, email, password] = /as (\S+) with password (\S+)/.exec(out) ?? [];
      assert.equal(email, 'admin@leveilleur.example');
      assert.ok(password && password.length >= 20);

      const health = await fetch(`${url}/healthz`);
      const { workerLastRunSecondsAgo, ...status } = (await health.json()) as Record<
        string,
        unknown
      >;
      assert.deepEqual(status, { status: 'ok', database: 'sqlite' });
      assert.equal(typeof workerLastRunSecondsAgo, 'number');
      const home = await fetch(url);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /Le Veilleur/);
      // The demo photos are drawn in a child process: the server itself never loads libvips,
      // nor keeps the native memory the seed's image work leaves behind.
      if (process.platform === 'linux') {
        const maps = await readFile(`/proc/${child.pid}/maps`, 'utf8');
        assert.doesNotMatch(maps, /libvips/, 'the serving process has not loaded sharp');
      }
    } finally {
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      child.kill('SIGTERM');
      assert.equal(await exited, 0, 'exits 0 after a graceful shutdown');
    }
  });

  test('user add creates an account and prints a generated password', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        main,
        'user',
        'add',
        '--email',
        'Moussa@Example.org',
        '--name',
        'Moussa Daré',
        '--role',
        'moderator',
      ],
      {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      },
    );
    assert.match(
      stdout,
      /Account created for Moussa@Example.org \(moderator\)\.\nPassword: \S{20,}/,
    );
  });

  test('reindex rebuilds the search index of the seeded articles, with progress', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', main, 'reindex'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    const [, count] = /Articles indexed: (\d+)/.exec(stdout) ?? [];
    assert.ok(Number(count) > 10, stdout);
    assert.match(stderr, new RegExp(`Search index ${count}/${count}`));
    assert.match(stderr, new RegExp(`Related articles ${count}/${count}`));
  });

  test('a bad configuration is refused with a clear message', async () => {
    await assert.rejects(
      run(process.execPath, ['--import', 'tsx', main, 'migrate'], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: 'abc' },
      }),
      (err: { stderr: string; code: number }) => {
        assert.equal(err.code, 1);
        assert.match(err.stderr, /Invalid configuration:\n {2}PORT: must be a number/);
        return true;
      },
    );
  });
});
