import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  openSharedDatabase,
  startServer,
  type ServerProcess,
  type SharedDatabase,
} from './helpers/child-process.ts';
import { testDialects } from './helpers/setup.ts';

// Graceful shutdown of the real server (`griot start`) in a child process. A request is "in
// flight" once the server has answered its `Expect: 100-continue` (it has read the headers and
// routed it) and before the client sends its body: as slow as the test wants it to be.

const BODY = 'name=A&email=a%40example.org&body=Bonjour&website=&stamp=x';

interface SlowRequest {
  /** Sends the body: the server can then answer. */
  finish(): void;
  /** The response's status line and headers, once the server has answered. */
  response: Promise<string>;
  close(): void;
}

async function startSlowRequest(url: string, requestId: string): Promise<SlowRequest> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  const continued = new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.startsWith('HTTP/1.1 100')) resolve();
    });
    socket.on('error', reject);
  });
  const response = new Promise<string>((resolve, reject) => {
    socket.on('data', () => {
      const final = received.replace(/^HTTP\/1\.1 100[^\r]*\r\n\r\n/, '');
      if (final.includes('\r\n\r\n')) resolve(final.slice(0, final.indexOf('\r\n\r\n')));
    });
    socket.on('close', () => reject(new Error(`closed without an answer: ${received}`)));
  });
  response.catch(() => {});
  socket.write(
    `POST /articles/999999/commentaires HTTP/1.1\r\nHost: ${hostname}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${BODY.length}\r\n` +
      `Expect: 100-continue\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n`,
  );
  await continued;
  return { finish: () => socket.write(BODY), response, close: () => socket.destroy() };
}

const dialects = testDialects();
for (const dialect of dialects) {
  describe(`graceful shutdown on ${dialect.name}`, { timeout: 120_000 }, () => {
    let shared: SharedDatabase;
    const servers: ServerProcess[] = [];
    const sockets: SlowRequest[] = [];
    const server = async (env: Record<string, string>) => {
      const started = await startServer({ ...shared.env, LOG_LEVEL: 'info', ...env });
      servers.push(started);
      return started;
    };
    before(async () => {
      shared = await openSharedDatabase(dialect.name);
    });
    after(async () => {
      for (const request of sockets) request.close();
      for (const started of servers) await started.kill9();
      await shared.close();
    });

    test('a slow request under way finishes, logged with its id, then the process exits 0 (no secret in the log)', async () => {
      const app = await server({ SHUTDOWN_TIMEOUT_MS: '20000' });
      // An account link's token is a password's equal: the access log names the route instead.
      const link = await fetch(`${app.url}/compte/Zx9SecretToken0123456789abcdef?x=1`, {
        headers: { 'x-request-id': 'account-link-1' },
      });
      await link.arrayBuffer();
      const slow = await startSlowRequest(app.url, 'slow-request-1');
      sockets.push(slow);
      app.process.kill('SIGTERM');
      await app.waitFor(/shutting down/, 10_000);
      assert.equal(app.process.exitCode, null, 'still running while the request is under way');
      slow.finish();
      const head = await slow.response;
      assert.match(head, /^HTTP\/1\.1 [1-4]\d\d /);
      assert.match(head, /\r\nx-request-id: slow-request-1\r\n/i);
      assert.equal(await app.exited, 0);
      const line = app
        .output()
        .split('\n')
        .find((l) => l.includes('"reqId":"slow-request-1"') && l.includes('"msg":"request"'));
      assert.ok(line, `an access-log line for the request:\n${app.output()}`);
      const entry = JSON.parse(line) as Record<string, unknown>;
      assert.equal(entry.method, 'POST');
      assert.equal(entry.path, '/articles/999999/commentaires');
      assert.match(app.output(), /"reqId":"account-link-1".*"path":"\/compte\/:token"/);
      assert.doesNotMatch(app.output(), /Zx9SecretToken/);
    });

    if (dialect !== dialects[0]) return;

    test('a request that never finishes is cut at SHUTDOWN_TIMEOUT_MS', async () => {
      const app = await server({ SHUTDOWN_TIMEOUT_MS: '1500' });
      sockets.push(await startSlowRequest(app.url, 'never-finishes'));
      const since = Date.now();
      app.process.kill('SIGTERM');
      assert.equal(await app.exited, 1);
      const took = Date.now() - since;
      assert.ok(took >= 1400 && took < 10_000, `exited after ${took} ms`);
      assert.match(app.output(), /shutdown deadline passed/);
    });

    test('a second signal exits at once', async () => {
      const app = await server({ SHUTDOWN_TIMEOUT_MS: '120000' });
      sockets.push(await startSlowRequest(app.url, 'stuck'));
      app.process.kill('SIGTERM');
      await app.waitFor(/shutting down/, 10_000);
      const since = Date.now();
      app.process.kill('SIGINT');
      assert.equal(await app.exited, 1);
      assert.ok(Date.now() - since < 5000, 'well before the deadline');
      assert.match(app.output(), /second stop signal: exiting at once/);
    });
  });
}
