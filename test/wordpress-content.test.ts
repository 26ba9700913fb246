import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMarkdown } from '../src/articles/markdown.ts';
import { normalizeLegacyPath, legacyQueryPath } from '../src/redirects/redirect.ts';
import { commentText, wordpressToMarkdown, type PhotoLookup } from '../src/wordpress/wp-content.ts';
import { isoFromWordPress, postPaths, uploadsKey } from '../src/wordpress/wp-paths.ts';

const photos: PhotoLookup = ({ attachmentId, src }) =>
  attachmentId === 7 || src?.includes('/2024/05/pirogue')
    ? { id: 70, caption: 'Une pirogue', credit: 'M. Sow' }
    : attachmentId === 8
      ? { id: 80, caption: 'Le quai', credit: '' }
      : undefined;

describe('WordPress bodies to Markdown', () => {
  test('classic-editor line breaks become paragraphs; inline formatting and links stay', () => {
    const { markdown } = wordpressToMarkdown(
      'Première ligne avec <b>gras</b> et <i>italique</i>.\nDeuxième ligne.\n\n<a href="https://exemple.org/a_b">Un lien</a>',
      photos,
    );
    assert.equal(
      markdown,
      'Première ligne avec **gras** et *italique*.\n\nDeuxième ligne.\n\n[Un lien](https://exemple.org/a_b)',
    );
  });

  test('images of imported attachments, by class or by uploads path at any size, become photo lines', () => {
    const { markdown, missingImages } = wordpressToMarkdown(
      '<p><img src="https://old.example/wp-content/uploads/2024/05/pirogue-300x200.jpg" alt="Sur le fleuve"></p>' +
        '<p><img class="alignnone wp-image-8" src="x.jpg"></p>' +
        '<p><img src="https://ailleurs.example/photo.jpg" alt="hors import"></p>',
      photos,
    );
    assert.equal(markdown, '![Sur le fleuve](media:70 "M. Sow")\n\n![Le quai](media:80)');
    assert.equal(missingImages, 1);
  });

  test('[gallery], [embed], iframes and Gutenberg embeds become our galleries and embeds', () => {
    const { markdown } = wordpressToMarkdown(
      '[gallery ids="7,8"]\n\n[embed]https://twitter.com/griot/status/42[/embed]\n\n' +
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0" width="560"></iframe>',
      photos,
    );
    assert.equal(
      markdown,
      '![Une pirogue](media:70 "M. Sow")\n![Le quai](media:80)\n\n<https://twitter.com/griot/status/42>\n\n<https://www.youtube.com/watch?v=dQw4w9WgXcQ>',
    );
    assert.match(renderMarkdown(markdown), /data-griot-embed|youtube/i);
  });

  test('captions with brackets and credits with quotes stay inside their photo line', () => {
    const { markdown } = wordpressToMarkdown(
      '[caption id="attachment_7"]<img src="a.jpg"> Le [vieux] port, dit « "le quai" »[/caption]',
      photos,
    );
    assert.equal(markdown, '![Le \\[vieux\\] port, dit « "le quai" »](media:70 "M. Sow")');
  });

  test('unknown shortcodes are reported and kept as text; hostile markup does not survive', () => {
    const { markdown, unknownShortcodes } = wordpressToMarkdown(
      '<!-- wp:paragraph --><p>Avant [su_button url="x"]Clic[/su_button] après</p><!-- /wp:paragraph -->' +
        '<!-- wp:html --><p onclick="alert(1)">Texte<script>alert(2)</script><svg onload="alert(3)"></svg></p><!-- /wp:html -->',
      photos,
    );
    assert.deepEqual(unknownShortcodes, ['su_button']);
    const html = renderMarkdown(markdown);
    assert.match(html, /Avant \[su_button url=(&quot;|")x(&quot;|")\]Clic\[\/su_button\] après/);
    assert.doesNotMatch(html, /alert|onclick|onload|<script|<svg/);
  });

  test('comment text keeps its line breaks and loses its tags and entities', () => {
    assert.equal(
      commentText('<p>Bravo &amp; merci&nbsp;!<br>Deuxième ligne</p><p><a href="x">lien</a></p>'),
      'Bravo & merci\u00a0!\nDeuxième ligne\n\nlien',
    );
  });
});

describe('WordPress addresses and dates', () => {
  test('a post answers at its link, ?p=, the dated forms and its bare slug', () => {
    const paths = postPaths(
      {
        id: 12,
        link: 'https://old.example/actualite/%c3%a9t%c3%a9-sec/',
        slug: '%c3%a9t%c3%a9-sec',
        date: '2024-08-01 23:30:00',
      } as Parameters<typeof postPaths>[0],
      'https://old.example',
    );
    assert.deepEqual(paths, [
      '/?p=12',
      '/actualite/été-sec',
      '/2024/08/01/été-sec',
      '/2024/08/été-sec',
      '/été-sec',
    ]);
  });

  test('lookups normalize case, encoding and trailing slashes, and refuse dot segments', () => {
    assert.equal(normalizeLegacyPath('/2024/08/%C3%89T%C3%89-Sec/'), '/2024/08/été-sec');
    assert.equal(normalizeLegacyPath('/a//b///'), '/a/b');
    assert.equal(normalizeLegacyPath('/a/../etc'), undefined);
    assert.equal(normalizeLegacyPath('/%E0%A4%A'), '/%e0%a4%a');
    assert.equal(legacyQueryPath({ p: '12' }), '/?p=12');
    assert.equal(legacyQueryPath({ tag: 'Élections' }), '/?tag=élections');
    assert.equal(legacyQueryPath({ other: '1' }), undefined);
  });

  test('GMT dates become ISO strings; WordPress’s zero date is none', () => {
    assert.equal(isoFromWordPress('2024-05-12 08:30:00'), '2024-05-12T08:30:00.000Z');
    assert.equal(isoFromWordPress('0000-00-00 00:00:00'), undefined);
    assert.equal(
      uploadsKey('https://x/wp-content/uploads/2024/05/Photo-1024x768.JPG'),
      '2024/05/photo.jpg',
    );
    assert.equal(uploadsKey('2024/05/photo-scaled.jpg'), '2024/05/photo.jpg');
  });
});
