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

test('serving from PostgreSQL without SESSION_SECRET is refused, saying how to make one', async () => {
  const env = { DATA_DIR: dir, DATABASE_URL: 'postgres://griot@db.internal/griot' };
  await assert.rejects(loadConfig(env, { serving: true }), (err: Error) => {
    assert.ok(err instanceof ConfigError);
    assert.match(err.message, /SESSION_SECRET: required with DATABASE_URL, and the same on every/);
    assert.match(err.message, /openssl rand -hex 32/);
    return true;
  });
  // Commands that serve nothing (migrate, user add…) still run without it.
  assert.ok((await loadConfig(env)).sessionSecret.length >= 32);
  const secret = 'a'.repeat(64);
  const served = await loadConfig({ ...env, SESSION_SECRET: secret }, { serving: true });
  assert.equal(served.sessionSecret, secret);
  // SQLite keeps generating and keeping one in DATA_DIR.
  assert.ok((await loadConfig({ DATA_DIR: dir }, { serving: true })).sessionSecret.length >= 32);
});

test('the PostgreSQL pool, statement timeout and shutdown deadline are configurable', async () => {
  const defaults = await loadConfig({ DATA_DIR: dir });
  assert.equal(defaults.pgPoolMax, 10);
  assert.equal(defaults.pgStatementTimeoutMs, 0);
  assert.equal(defaults.shutdownTimeoutMs, 10_000);
  const set = await loadConfig({
    DATA_DIR: dir,
    PG_POOL_MAX: '25',
    PG_STATEMENT_TIMEOUT_MS: '15000',
    SHUTDOWN_TIMEOUT_MS: '30000',
  });
  assert.deepEqual(
    [set.pgPoolMax, set.pgStatementTimeoutMs, set.shutdownTimeoutMs],
    [25, 15_000, 30_000],
  );
  await assert.rejects(loadConfig({ DATA_DIR: dir, PG_POOL_MAX: '0' }), /PG_POOL_MAX/);
});
