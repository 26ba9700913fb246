import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from '../src/articles/markdown.ts';
import { slugify, uniqueSlug } from '../src/articles/slug.ts';
import { formatDate, formatDateTime, isoInZone } from '../src/web/dates.ts';
import { frenchSpacing } from '../src/web/typography.ts';

test('slugs transliterate French accents', () => {
  assert.equal(slugify('Sécurité'), 'securite');
  assert.equal(slugify('Économie'), 'economie');
  assert.equal(
    slugify('Société : l’école à Dounzé, « enfin » ?'),
    'societe-l-ecole-a-dounze-enfin',
  );
  assert.equal(slugify('Œuvres et cœurs'), 'oeuvres-et-coeurs');
  assert.equal(slugify('!!!'), 'article');
});

test('long slugs are cut at a word boundary', () => {
  const slug = slugify('Un titre très long '.repeat(10));
  assert.ok(slug.length <= 80);
  assert.doesNotMatch(slug, /-$/);
});

test('uniqueSlug appends a number when the slug is taken', async () => {
  const taken = new Set(['budget', 'budget-2']);
  assert.equal(await uniqueSlug('budget', async (s) => taken.has(s)), 'budget-3');
  assert.equal(await uniqueSlug('neuf', async (s) => taken.has(s)), 'neuf');
});

test('French spacing makes the spaces before ; : ! ? and inside « » non-breaking', () => {
  assert.equal(
    frenchSpacing('Vraiment ? Oui ! Ainsi : non ; « bien »'),
    'Vraiment\u202F? Oui\u202F! Ainsi\u00A0: non\u202F; «\u00A0bien\u00A0»',
  );
  assert.equal(frenchSpacing('«Collé»'), '«\u00A0Collé\u00A0»');
  assert.equal(
    frenchSpacing('À 14:05, voir https://example.org?page=2!'),
    'À 14:05, voir https://example.org?page=2!',
  );
});

test('Markdown renders subheadings, quotes, lists and links, sanitized', () => {
  const html = renderMarkdown(
    '# Titre\n\nTexte : ici.\n\n## Intertitre\n\n> « Citation »\n\n- a\n- b\n\n[lien](https://example.org) [mal](javascript:alert(1)) <script>alert(1)</script> <b onclick="x">gras</b>',
  );
  assert.match(html, /<h2>Titre<\/h2>/, 'h1 is demoted: the page has one h1');
  assert.match(html, /<h2>Intertitre<\/h2>/);
  assert.match(html, /<blockquote>\s*<p>«\u00A0Citation\u00A0»<\/p>\s*<\/blockquote>/);
  assert.match(html, /<ul>\s*<li>a<\/li>/);
  assert.match(html, /<a href="https:\/\/example.org" rel="noopener">lien<\/a>/);
  assert.match(html, /Texte\u00A0: ici/);
  // Raw HTML and bad links stay visible as inert text, never as tags or live links.
  assert.doesNotMatch(html, /<script|href="javascript:|<b[ >]|<[^>]*onclick/);
  assert.match(html, /&lt;script&gt;/);
});

test('dates read in French in the newsroom time zone', () => {
  const zone = { locale: 'fr' as const, timeZone: 'Africa/Niamey' };
  assert.equal(
    formatDateTime('2026-11-23T13:05:00Z', zone),
    '23 novembre 2026 à 14\u00A0h\u00A005',
  );
  assert.equal(formatDateTime('2026-01-01T07:00:00Z', zone), '1er janvier 2026 à 8\u00A0h\u00A000');
  assert.equal(formatDate('2026-12-31T23:30:00Z', zone), '1er janvier 2027');
  assert.equal(
    formatDateTime('2026-11-23T13:05:00Z', { locale: 'en', timeZone: 'UTC' }),
    '23 November 2026 at 13:05',
  );
});

test('ISO dates carry the newsroom offset', () => {
  assert.equal(isoInZone('2026-11-23T13:05:00Z', 'Africa/Niamey'), '2026-11-23T14:05:00+01:00');
  assert.equal(isoInZone('2026-11-23T13:05:00Z', 'UTC'), '2026-11-23T13:05:00+00:00');
  assert.equal(isoInZone('2026-07-01T12:00:00Z', 'Europe/Paris'), '2026-07-01T14:00:00+02:00');
});
