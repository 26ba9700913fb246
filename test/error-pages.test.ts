import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createTestApp, testDialects } from './helpers/setup.ts';

for (const dialect of testDialects()) {
  describe(`error pages on ${dialect.name}`, () => {
    test('a failure inside a page gives the French 500 page, not a stack trace', async () => {
      const t = await createTestApp(dialect);
      try {
        // Losing the database is the classic server-side failure.
        await t.db.destroy();
        const res = await t.app.inject('/');
        assert.equal(res.statusCode, 500);
        assert.match(res.headers['content-type'] as string, /text\/html/);
        assert.match(res.headers['cache-control'] as string, /no-store/);
        const doc = parse(res.body);
        assert.equal(doc.querySelector('h1')?.text, 'Une erreur est survenue');
        assert.equal(doc.querySelector('html')?.getAttribute('lang'), 'fr');
        assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
        // The health check says so as a load balancer expects: 503, with the reason.
        const health = await t.app.inject('/healthz');
        assert.equal(health.statusCode, 503);
        assert.equal(health.json().reason, 'database: the query failed');
      } finally {
        await t.app.close();
        await t.database.close();
      }
    });
  });
}
