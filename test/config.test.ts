import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'griot-config-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('defaults give a working local configuration', async () => {
  const config = await loadConfig({ DATA_DIR: dir });
  assert.equal(config.port, 3000);
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.dataDir, dir);
});

test('a missing SESSION_SECRET is generated once and kept in DATA_DIR', async () => {
  const first = await loadConfig({ DATA_DIR: dir });
  const second = await loadConfig({ DATA_DIR: dir });
  assert.ok(first.sessionSecret.length >= 32);
  assert.equal(first.sessionSecret, second.sessionSecret);
  assert.equal(
    (await readFile(path.join(dir, 'session-secret'), 'utf8')).trim(),
    first.sessionSecret,
  );
});

test('invalid values are all reported with clear messages', async () => {
  await assert.rejects(
    loadConfig({
      DATA_DIR: dir,
      PORT: 'abc',
      DATABASE_URL: 'mysql://x',
      PUBLIC_URL: 'example.org',
      SESSION_SECRET: 'short',
    }),
    (err: Error) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, /PORT: must be a number/);
      assert.match(err.message, /DATABASE_URL: must start with postgres:\/\//);
      assert.match(err.message, /PUBLIC_URL: must be an absolute http\(s\) URL/);
      assert.match(err.message, /SESSION_SECRET: must be at least 32 characters/);
      return true;
    },
  );
});

test('PUBLIC_URL loses its trailing slash', async () => {
  const config = await loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'https://leveilleur.example/' });
  assert.equal(config.publicUrl, 'https://leveilleur.example');
});
