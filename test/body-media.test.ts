import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { embedOf } from '../src/articles/body-media.ts';
import {
  bodyMediaIds,
  renderBodyMedia,
  type BodyMediaItem,
} from '../src/articles/body-media-render.ts';
import { renderMarkdown } from '../src/articles/markdown.ts';
import type { ImageVariant } from '../src/media/image-variants.ts';

// Issue 14: photos, galleries and embeds in the article body, from the Markdown the newsroom
// types to what each edition shows.

function item(id: number, overrides: Partial<BodyMediaItem> = {}): BodyMediaItem {
  const variants: ImageVariant[] = [320, 640, 1024].flatMap((width) =>
    (['jpeg', 'webp'] as const).map((format) => ({
      width,
      height: Math.round((width * 9) / 16),
      format,
      file: `p${id}-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`,
      bytes: width * 60,
    })),
  );
  return {
    id,
    width: 1600,
    height: 900,
    alt: `Photo ${id} de la bibliothèque`,
    credit: 'Crédit bibliothèque',
    caption: 'Légende bibliothèque',
    variants,
    ...overrides,
  };
}

const render = (
  md: string,
  edition: 'full' | 'lite' | 'feed' = 'full',
  media = [item(12), item(13)],
  base = '',
) => parse(renderBodyMedia(renderMarkdown(md), { edition, media, base, locale: 'fr' }));

describe('a photo in the body', () => {
  test('is a responsive, lazy picture with its size, caption and credit', () => {
    const doc = render('Avant.\n\n![Le marché de Niamey](media:12 "AFP")\n\nAprès.');
    const figure = doc.querySelector('figure.body-photo')!;
    const img = figure.querySelector('img')!;
    assert.equal(img.getAttribute('width'), '1600');
    assert.equal(img.getAttribute('height'), '900');
    assert.equal(img.getAttribute('loading'), 'lazy');
    assert.equal(img.getAttribute('src'), '/media/p12-1024.jpg');
    assert.equal(
      img.getAttribute('srcset'),
      '/media/p12-320.jpg 320w, /media/p12-640.jpg 640w, /media/p12-1024.jpg 1024w',
    );
    assert.match(img.getAttribute('sizes')!, /44rem/);
    assert.match(figure.querySelector('source')!.getAttribute('srcset')!, /p12-320\.webp 320w/);
    assert.equal(img.getAttribute('alt'), 'Photo 12 de la bibliothèque');
    assert.equal(figure.querySelector('.caption')!.text, 'Le marché de Niamey');
    assert.equal(figure.querySelector('.credit')!.text, 'Crédit photo\u00A0: AFP');
    assert.deepEqual(
      doc.querySelectorAll('p').map((p) => p.text),
      ['Avant.', 'Après.'],
    );
  });

  test('takes the library’s caption and credit where none is typed', () => {
    const figure = render('![](media:12)').querySelector('figure.body-photo')!;
    assert.equal(figure.querySelector('.caption')!.text, 'Légende bibliothèque');
    assert.match(figure.querySelector('.credit')!.text, /Crédit bibliothèque$/);
  });

  test('is served from MEDIA_PUBLIC_URL when set', () => {
    const img = render('![x](media:12)', 'full', [item(12)], 'https://cdn.example').querySelector(
      'img',
    )!;
    assert.equal(img.getAttribute('src'), 'https://cdn.example/media/p12-1024.jpg');
  });

  test('whose number is not in the library is left out, the page intact', () => {
    const html = renderBodyMedia(renderMarkdown('Un.\n\n![Disparue](media:999 "X")\n\nDeux.'), {
      edition: 'full',
      media: [],
      locale: 'fr',
    });
    assert.equal(html.trim(), '<p>Un.</p>\n\n<p>Deux.</p>');
  });

  test('in the light edition is a link to the picture, no image', () => {
    const doc = render('![Le marché](media:12 "AFP")', 'lite');
    assert.equal(doc.querySelectorAll('img').length, 0);
    const link = doc.querySelector('figure.body-photo a.photo-on-tap')!;
    assert.equal(link.getAttribute('href'), '/media/p12-640.jpg');
    assert.match(link.text, /Voir la photo/);
    assert.equal(doc.querySelector('.caption')!.text, 'Le marché');
  });

  test('in a feed is a plain image at an absolute address', () => {
    const doc = render('![Le marché](media:12 "AFP")', 'feed', [item(12)], 'https://site.example');
    const img = doc.querySelector('img')!;
    assert.equal(img.getAttribute('src'), 'https://site.example/media/p12-1024.jpg');
    assert.equal(img.getAttribute('width'), '1024');
    assert.equal(doc.querySelectorAll('picture, source').length, 0);
  });

  test('typed with hostile text stays text', () => {
    const md =
      '![<img src=x onerror=alert(1)>"](media:12 "\\" onmouseover=alert(1) <script>alert(1)</script>")';
    const doc = render(md, 'full', [item(12, { alt: '' })]);
    assert.equal(doc.querySelectorAll('script').length, 0);
    const imgs = doc.querySelectorAll('img');
    assert.equal(imgs.length, 1);
    assert.equal(imgs[0]!.getAttribute('onerror'), undefined);
    assert.equal(imgs[0]!.getAttribute('alt'), '<img src=x onerror=alert(1)>"');
    assert.match(doc.querySelector('.credit')!.text, /<script>alert\(1\)<\/script>/);
  });

  test('beside text, or in a javascript: address, is no photo', () => {
    assert.deepEqual(bodyMediaIds(renderMarkdown('Voyez ![x](media:12) ici.')), []);
    const html = renderMarkdown('![x](javascript:alert(1))\n\n[y](javascript:alert(1))');
    assert.doesNotMatch(html, /href="javascript|<img|<figure/);
  });
});

describe('a gallery', () => {
  test('is two or more photo lines in a row, each with its own caption and credit', () => {
    const md = '![Un](media:12 "A")\n![Deux](media:13 "B")\n![Perdue](media:77)';
    assert.deepEqual(bodyMediaIds(renderMarkdown(md)), [12, 13, 77]);
    const gallery = render(md).querySelector('div.gallery')!;
    const figures = gallery.querySelectorAll('figure.body-photo');
    assert.equal(figures.length, 2);
    assert.deepEqual(
      figures.map((f) => f.querySelector('.caption')!.text),
      ['Un', 'Deux'],
    );
    assert.match(figures[1]!.querySelector('img')!.getAttribute('sizes')!, /22rem/);
  });

  test('with none of its photos left is not shown at all', () => {
    const html = renderBodyMedia(renderMarkdown('![Un](media:1)\n![Deux](media:2)'), {
      edition: 'full',
      media: [],
      locale: 'fr',
    });
    assert.equal(html.trim(), '');
  });
});

describe('an embed', () => {
  const cases = [
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube'],
    ['https://youtu.be/dQw4w9WgXcQ?t=42', 'YouTube'],
    ['https://www.facebook.com/lemonde.fr/posts/123456', 'Facebook'],
    ['https://x.com/jack/status/20', 'X'],
    ['https://twitter.com/jack/status/20', 'X'],
    ['https://www.tiktok.com/@rfi/video/7300000000000000000', 'TikTok'],
    ['https://www.instagram.com/p/C0abcDEF123/', 'Instagram'],
  ] as const;
  for (const [url, name] of cases) {
    test(`of ${name} (${url}) is a card with the provider and the link, nothing loaded`, () => {
      const doc = render(`Avant.\n\n${url}\n\nAprès.`);
      const card = doc.querySelector('figure.embed')!;
      assert.ok(card, 'an embed card');
      assert.equal(card.querySelector('.embed-provider')!.text, name);
      assert.equal(card.querySelector('.embed-link a')!.getAttribute('href'), url);
      assert.equal(doc.querySelectorAll('iframe, script, img').length, 0);
      const button = card.querySelector('button.embed-show');
      if (name === 'YouTube') {
        assert.equal(button!.text, 'Afficher le contenu de YouTube');
        assert.ok(button!.hasAttribute('hidden'), 'shown by the script only');
        assert.match(
          card.getAttribute('data-embed-src')!,
          /^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ(\?start=42)?$/,
        );
      } else {
        // Their players need their own scripts: the card opens the post in a new tab.
        assert.equal(button, null);
        assert.equal(card.querySelector('.embed-link a')!.getAttribute('target'), '_blank');
      }
    });
  }

  test('in the light edition and in feeds is a plain link', () => {
    for (const edition of ['lite', 'feed'] as const) {
      const doc = render('https://www.youtube.com/watch?v=dQw4w9WgXcQ', edition);
      assert.equal(doc.querySelectorAll('figure, button, iframe').length, 0);
      assert.equal(
        doc.querySelector('p > a')!.getAttribute('href'),
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      );
    }
  });

  test('is only a bare link alone on its line', () => {
    for (const md of [
      'Regardez https://www.youtube.com/watch?v=dQw4w9WgXcQ ce soir',
      '[La vidéo](https://www.youtube.com/watch?v=dQw4w9WgXcQ)',
      '> https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ\nhttps://x.com/jack/status/20',
    ]) {
      const doc = render(md);
      assert.equal(doc.querySelectorAll('figure').length, 0, md);
      assert.ok(doc.querySelector('a[href^="https://"]'), md);
    }
  });

  test('of an unknown site, a channel page or a hostile address is not one', () => {
    for (const url of [
      'https://example.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/@rfi',
      'https://www.youtube.com/watch?v=short',
      'https://x.com/jack',
      'https://user:pass@x.com/jack/status/20',
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ',
    ])
      assert.equal(embedOf(url), undefined, url);
    const html = renderMarkdown('javascript:alert(1)//www.youtube.com/watch?v=dQw4w9WgXcQ');
    assert.doesNotMatch(html, /href="javascript|<figure/);
  });
});
