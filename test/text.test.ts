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

test('dates computed from the zone offset read exactly as Intl writes them, across DST changes', () => {
  // Reference: Intl itself, field by field, for instants around daylight-saving changes, in
  // half- and quarter-hour zones, on the first of a month, and before 1900 (local mean time).
  const reference = (iso: string, timeZone: string, locale: 'fr' | 'en') => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
        timeZone,
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(iso))
        .map((part) => [part.type, part.value]),
    );
    const day = locale === 'fr' && p.day === '1' ? '1er' : p.day;
    return locale === 'fr'
      ? `${day} ${p.month} ${p.year} à ${Number(p.hour)}\u00A0h\u00A0${p.minute}`
      : `${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
  };
  const zones = [
    'UTC',
    'Africa/Niamey',
    'Europe/Paris',
    'America/St_Johns',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Africa/Casablanca',
    'Africa/Monrovia',
  ];
  const starts = [
    '2026-03-29T00:00:00Z',
    '2026-10-25T00:00:00Z',
    '2026-04-05T14:00:00Z',
    '1880-06-30T22:00:00Z',
  ];
  let checked = 0;
  for (const timeZone of zones)
    for (const start of starts)
      for (let minutes = 0; minutes < 6 * 60; minutes += 7) {
        const iso = new Date(Date.parse(start) + minutes * 60_000 + 13_000).toISOString();
        for (const locale of ['fr', 'en'] as const)
          assert.equal(
            formatDateTime(iso, { locale, timeZone }),
            reference(iso, timeZone, locale),
            `${iso} ${timeZone}`,
          );
        const inZone = isoInZone(iso, timeZone);
        const offset = /([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(inZone);
        const wall = Date.parse(inZone.slice(0, 19) + 'Z');
        const sign = offset?.[1] === '-' ? -1 : 1;
        const ms =
          sign *
          (Number(offset?.[2]) * 3600 + Number(offset?.[3]) * 60 + Number(offset?.[4] ?? 0)) *
          1000;
        assert.equal(wall - ms, Math.floor(Date.parse(iso) / 1000) * 1000, `${inZone} is ${iso}`);
        checked++;
      }
  assert.ok(checked > 1000);
});
