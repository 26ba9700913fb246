import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { test } from 'node:test';
import { jsx } from 'hono/jsx';

// Every entry into an AsyncLocalStorage in this process, counted before the renderer loads.
let entered = 0;
for (const method of ['run', 'enterWith'] as const) {
  const original = AsyncLocalStorage.prototype[method] as (...args: unknown[]) => unknown;
  (AsyncLocalStorage.prototype as unknown as Record<string, unknown>)[method] = function (
    this: AsyncLocalStorage<unknown>,
    ...args: unknown[]
  ) {
    entered++;
    return original.apply(this, args);
  };
}
const { Link, renderDocument, renderFragment } = await import('../src/web/render.ts');

test('pages render without entering an AsyncLocalStorage (no async hooks for the process)', async () => {
  const html = await renderDocument(
    jsx(
      'html',
      { lang: 'fr' },
      jsx(
        'head',
        {},
        jsx('title', {}, 'Titre : essai'),
        jsx('meta', { name: 'description', content: 'Résumé ?' }),
      ),
      jsx(
        'body',
        {},
        jsx('svg', { viewBox: '0 0 10 10' }, jsx('path', { strokeWidth: '2', d: 'M0 0' })),
        jsx('p', {}, 'Avant ', jsx('em', {}, 'après !')),
      ),
    ),
  );
  assert.equal(
    html,
    '<!DOCTYPE html><html lang="fr"><head><title>Titre\u00A0: essai</title>' +
      '<meta name="description" content="Résumé\u202F?"/></head><body>' +
      '<svg viewBox="0 0 10 10"><path stroke-width="2" d="M0 0"></path></svg>' +
      '<p>Avant <em>après\u202F!</em></p></body></html>',
  );
  assert.equal(await renderFragment(jsx('b', {}, 'x')), '<b>x</b>');
  assert.equal(entered, 0);
});

test('a Link is written where it stands, its values escaped, its blocking kept', async () => {
  const html = await renderDocument(
    jsx(
      'html',
      { lang: 'en' },
      jsx(
        'head',
        {},
        Link({ rel: 'canonical', href: '/a?b=1&c="2"' }),
        jsx('title', {}, 'T'),
        Link({ rel: 'expect', href: '#texte', blocking: 'render' }),
        Link({
          rel: 'alternate',
          href: '/f',
          type: 'application/rss+xml',
          title: '<Flux> & « co »',
        }),
      ),
      jsx('body', {}, 'x'),
    ),
  );
  assert.equal(
    html,
    '<!DOCTYPE html><html lang="en"><head>' +
      '<link rel="canonical" href="/a?b=1&amp;c=&quot;2&quot;"/><title>T</title>' +
      '<link rel="expect" href="#texte" blocking="render"/>' +
      '<link rel="alternate" href="/f" type="application/rss+xml" title="&lt;Flux&gt; &amp; « co »"/>' +
      '</head><body>x</body></html>',
  );
  assert.equal(entered, 0);
});
