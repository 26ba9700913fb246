import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';

const run = promisify(execFile);
const setup = pathToFileURL(path.resolve('test/helpers/setup.ts')).href;

/**
 * The JSON log lines the real app writes (pino, on stdout) while it answers one plain request
 * and three proxied ones; run in a child process, as the log goes straight to file descriptor 1.
 */
async function logLinesOfProxiedRequests(trustProxy: boolean): Promise<Record<string, unknown>[]> {
  const script = `
    import { createTestApp, testDialects } from ${JSON.stringify(setup)};
    const t = await createTestApp(testDialects()[0], {
      config: { logLevel: 'warn', trustProxy: ${trustProxy} },
    });
    await t.app.inject('/healthz');
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      await t.app.inject({ url: '/login', headers: { 'x-forwarded-for': ip } });
    await t.close();
  `;
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { env: { ...process.env, TEST_DATABASE_URL: '' }, timeout: 60_000 },
  );
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('requests through a proxy the app does not trust', () => {
  test('are warned about once, naming the TRUST_PROXY setting', async () => {
    const lines = await logLinesOfProxiedRequests(false);
    const warnings = lines.filter((l) => l.setting === 'TRUST_PROXY');
    assert.equal(warnings.length, 1, JSON.stringify(lines));
    assert.equal(warnings[0]!.level, 40, 'at warn level');
    assert.match(String(warnings[0]!.msg), /X-Forwarded-For.*TRUST_PROXY/);
  });

  test('are not warned about when TRUST_PROXY is on', async () => {
    const lines = await logLinesOfProxiedRequests(true);
    assert.deepEqual(
      lines.filter((l) => l.setting === 'TRUST_PROXY'),
      [],
    );
  });
});
