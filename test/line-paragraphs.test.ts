import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from '../src/articles/markdown.ts';

const paragraphs = (html: string) => [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]);

test('each line of a plain paragraph is a paragraph of its own, as newsrooms type them', () => {
  const html = renderMarkdown(
    'Le marché central rouvre lundi.\nLes commerçants attendaient depuis six mois.\r\nLa mairie promet des travaux rapides.',
  );
  assert.deepEqual(paragraphs(html), [
    'Le marché central rouvre lundi.',
    'Les commerçants attendaient depuis six mois.',
    'La mairie promet des travaux rapides.',
  ]);
  assert.doesNotMatch(html, /<br/);
});

test('a line break inside bold or a link stays inside it, without a broken paragraph', () => {
  const html = renderMarkdown(
    'Premier **gras sur\ndeux lignes** suite.\nUn [lien sur\ndeux lignes](https://exemple.org/) fin.\nDernier.',
  );
  assert.deepEqual(paragraphs(html), [
    'Premier <strong>gras sur\ndeux lignes</strong> suite.',
    'Un <a href="https://exemple.org/" rel="noopener">lien sur\ndeux lignes</a> fin.',
    'Dernier.',
  ]);
});

test('lists, quotes, code, subheadings and hard breaks keep their Markdown meaning', () => {
  const html = renderMarkdown(
    [
      '## Les mesures',
      '- la gratuité des soins',
      '- un bus de plus',
      'qui continue le point',
      '',
      '> « Nous tiendrons parole »,',
      '> a dit la maire.',
      '',
      '```',
      'ligne un',
      'ligne deux',
      '```',
      '',
      'Adresse :  ',
      'rue du Fleuve',
      '',
      'Titre souligné',
      '---',
    ].join('\n'),
  );
  assert.match(html, /<h2>Les mesures<\/h2>/);
  assert.match(
    html,
    /<ul>\s*<li>la gratuité des soins<\/li>\s*<li>un bus de plus\nqui continue le point<\/li>\s*<\/ul>/,
    'a line that continues a tight list item stays in it',
  );
  assert.match(
    html,
    /<blockquote>\s*<p>«\u00A0Nous tiendrons parole\u00A0»,<\/p>\s*<p>a dit la maire.<\/p>\s*<\/blockquote>/,
  );
  assert.match(html, /<pre><code>ligne un\nligne deux\n<\/code><\/pre>/);
  assert.match(
    html,
    /<p>Adresse\u00A0:<br \/>\nrue du Fleuve<\/p>/,
    'two spaces still make a <br>',
  );
  assert.match(html, /<h2>Titre souligné<\/h2>/);
});

test('a blank line between paragraphs gives the same paragraphs as a single line break', () => {
  const source = 'Un.\nDeux.\nTrois *italique*.';
  assert.equal(renderMarkdown(source), renderMarkdown(source.replaceAll('\n', '\n\n')));
});
