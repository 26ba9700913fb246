import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { renderMarkdown } from '../src/articles/markdown.ts';
import { pastedHtmlToMarkdown } from '../src/articles/paste-html.ts';
import { pastedTextToMarkdown } from '../src/articles/paste-text.ts';
import { PASTE_HTML_MAX } from '../src/articles/paste.routes.ts';
import * as samples from './helpers/clipboard-samples.ts';
import { payloads, payloadText } from './helpers/xss-payloads.ts';
import type { Browser } from './helpers/http.ts';
import { hiddenValue } from './helpers/http.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

/** The tags a rendered paste may hold: paragraphs, subheadings, bold, italics, links, lists. */
const KEPT = new Set(['p', 'h2', 'h3', 'strong', 'em', 'a', 'ul', 'ol', 'li']);

function tagsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/<([a-z0-9]+)/g)].map((m) => m[1]!))];
}

describe('converting a paste into the body’s Markdown', () => {
  const cases = [
    ['Word', samples.WORD_HTML, samples.WORD_MARKDOWN],
    ['LibreOffice', samples.LIBREOFFICE_HTML, samples.LIBREOFFICE_MARKDOWN],
    ['Google Docs', samples.GOOGLE_DOCS_HTML, samples.GOOGLE_DOCS_MARKDOWN],
    ['a web page', samples.WEB_PAGE_HTML, samples.WEB_PAGE_MARKDOWN],
  ] as const;
  for (const [source, html, markdown] of cases)
    test(`${source}: paragraphs, subheadings, bold, italics and links, nothing else`, () => {
      const converted = pastedHtmlToMarkdown(html);
      assert.equal(converted, markdown);
      const rendered = renderMarkdown(converted);
      for (const tag of tagsOf(rendered)) assert.ok(KEPT.has(tag), `<${tag}> in ${rendered}`);
      assert.doesNotMatch(rendered, /style=|class=|<img|MsoNormal|o:p|docs-internal|javascript:/);
    });

  test('Word: the title style and « Titre 1 » are subheadings; the review comment, the image and <o:p> go', () => {
    const html = renderMarkdown(pastedHtmlToMarkdown(samples.WORD_HTML));
    assert.deepEqual(
      parse(html)
        .querySelectorAll('h2')
        .map((h) => h.text),
      ['Le pont de Kalanga rouvre', 'Un chantier attendu'],
    );
    assert.doesNotMatch(html, /AD1|Vérifier la date|clip_image|msocom/);
    assert.equal(parse(html).querySelectorAll('p').length, 3, 'the empty paragraph is dropped');
  });

  test('Google Docs: its whole-fragment <b> is not bold; a short line wholly in bold is a subheading', () => {
    const md = samples.GOOGLE_DOCS_MARKDOWN;
    assert.doesNotMatch(md, /^\*\*Le lycée/);
    assert.match(md, /^## Une équipe soudée$/m);
    // Bold that starts a sentence stays bold, in its paragraph.
    assert.match(md, /^\*\*Neuf élèves sur dix\*\* veulent/m);
  });

  test('one bold line pasted alone stays bold; a long bold paragraph or one ending a sentence too', () => {
    assert.equal(pastedHtmlToMarkdown('<p><b>Un mot en gras</b></p>'), '**Un mot en gras**');
    const long =
      'Une phrase entière en gras, qui dépasse nettement la longueur d’un intertitre ordinaire de journal';
    assert.equal(
      pastedHtmlToMarkdown(`<p>Avant.</p><p><b>${long} ici</b></p><p><b>Court.</b></p>`),
      `Avant.\n\n**${long} ici**\n\n**Court.**`,
    );
  });

  test('Markdown characters in pasted text stay text', () => {
    const md = pastedHtmlToMarkdown(
      '<p>1. Premier point</p><p># pas un titre, *pas gras* et [pas un lien](x)</p>',
    );
    assert.equal(
      md,
      '1\\. Premier point\n\n\\# pas un titre, \\*pas gras\\* et \\[pas un lien\\](x)',
    );
    assert.deepEqual(tagsOf(renderMarkdown(md)), ['p']);
  });

  test('links keep only http, https and mailto addresses', () => {
    assert.equal(
      pastedHtmlToMarkdown(
        '<p><a href="mailto:redaction@exemple.org">écrire</a> <a href="tel:+22790000000">appeler</a> <a href="data:text/html,x">voir</a> <a href="#ancre">plus haut</a> <a href="https://exemple.org/a (b)">page</a></p>',
      ),
      '[écrire](mailto:redaction@exemple.org) appeler voir plus haut [page](https://exemple.org/a%20%28b%29)',
    );
  });

  test('bold or italics split into runs are one; bold inside a subheading is just the subheading', () => {
    assert.equal(
      pastedHtmlToMarkdown(
        '<p><b>Le </b><b>marché</b> ouvre <i>dès</i><i>demain</i>, <span style="font-style:italic">très </span><i>tôt</i>.</p><h2><b>Un</b> <i>titre</i></h2>',
      ),
      '**Le marché** ouvre *dèsdemain*, *très tôt*.\n\n## Un titre',
    );
  });

  test('WhatsApp: one paragraph per line, trimmed; *gras* and _italique_ become Markdown', () => {
    const md = pastedTextToMarkdown(samples.WHATSAPP_TEXT);
    assert.equal(md, samples.WHATSAPP_MARKDOWN);
    const html = renderMarkdown(md);
    assert.match(html, /<strong>Incendie au marché de Dounfa<\/strong>/);
    assert.match(html, /<em>4 heures du matin<\/em>/);
    assert.match(html, /href="https:\/\/exemple.org\/photos\/marche_dounfa_2026"/);
    assert.equal(parse(html).querySelectorAll('p').length, 6);
    assert.equal(parse(html).querySelectorAll('li').length, 2);
  });

  test('WhatsApp’s *gras* is bold, Markdown’s **gras** is not marked twice; addresses keep _ and *', () => {
    assert.equal(
      pastedTextToMarkdown(
        'Le **budget** et le *plan*\r\ncontact : awa_dansira@exemple.org, a*b*c',
      ),
      'Le **budget** et le **plan**\n\ncontact : awa_dansira@exemple.org, a*b*c',
    );
  });
});

test('no payload of the XSS corpus pasted as HTML or as text comes out live', () => {
  let checked = 0;
  for (let i = 0; i < payloads.length; i++) {
    const payload = payloadText(i, 1);
    for (const [kind, markdown] of [
      ['html', pastedHtmlToMarkdown(payload)],
      ['text', pastedTextToMarkdown(payload)],
    ] as const) {
      const html = renderMarkdown(markdown);
      const label = `${payloads[i]!.category}/${payloads[i]!.name} as ${kind}: ${html}`;
      for (const el of parse(html).querySelectorAll('*')) {
        // Pasted HTML can only give what we keep; pasted text is Markdown, sanitized as typed.
        if (kind === 'html') assert.ok(KEPT.has(el.rawTagName), label);
        for (const name of Object.keys(el.attributes)) {
          assert.ok(['href', 'title', 'rel', 'start', 'align'].includes(name), label);
          // An address with a scheme (as browsers read one) has one of ours; typed Markdown may
          // give a relative one, which runs nothing.
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(el.attributes[name] ?? '')?.[1];
          if (name === 'href' && scheme !== undefined)
            assert.ok(['http', 'https', 'mailto', 'tel'].includes(scheme.toLowerCase()), label);
          if (name === 'href' && kind === 'html') assert.ok(scheme, label);
        }
        checked++;
      }
    }
  }
  assert.ok(checked > 0);
});

test('paste.js sends HTML up to the size the endpoint converts', () => {
  const script = readFileSync(new URL('../src/web/assets/paste.js', import.meta.url), 'utf8');
  assert.equal(Number(/var HTML_MAX = (\d+);/.exec(script)?.[1]), PASTE_HTML_MAX);
});

for (const dialect of testDialects()) {
  describe(`the paste endpoint on ${dialect.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await buildNewsroom(t.db);
    });
    after(() => t.close());

    const tokenOf = async (member: Browser) =>
      hiddenValue((await member.get('/admin/articles/nouveau')).body, '_csrf');

    const paste = (member: Browser | null, payload: unknown, token?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/admin/articles/collage',
        headers: {
          ...(member ? { cookie: member.cookie } : {}),
          'content-type': 'application/json',
          ...(token ? { 'x-csrf-token': token } : {}),
        },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });

    test('the article editor loads the paste script', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const page = await author.get('/admin/articles/nouveau');
      const src = parse(page.body)
        .querySelector('script[src^="/assets/paste."]')
        ?.getAttribute('src');
      assert.ok(src, 'the script is linked');
      const asset = await author.get(src!);
      assert.equal(asset.statusCode, 200);
      assert.match(asset.body, /\/admin\/articles\/collage/);
    });

    test('an author gets the clipboard’s HTML as Markdown, never cached', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const res = await paste(
        author,
        { html: samples.GOOGLE_DOCS_HTML, text: 'ignoré quand il y a du HTML' },
        await tokenOf(author),
      );
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.deepEqual(res.json(), { markdown: samples.GOOGLE_DOCS_MARKDOWN });
      assert.equal(res.headers['cache-control'], 'private, no-store');
    });

    test('plain text alone (or with HTML that has no text or cannot be read) is converted line by line', async () => {
      const editor = await signIn(t, 'chef@griot.test');
      const token = await tokenOf(editor);
      const text = await paste(editor, { text: samples.WHATSAPP_TEXT }, token);
      assert.equal(text.statusCode, 200, text.body.slice(0, 300));
      assert.deepEqual(text.json(), { markdown: samples.WHATSAPP_MARKDOWN });
      const image = await paste(
        editor,
        { html: '<img src="https://exemple.org/a.jpg">', text: 'Une ligne\nune autre' },
        token,
      );
      assert.deepEqual(image.json(), { markdown: 'Une ligne\n\nune autre' });
      // A frameset has no body: turndown cannot read it, and the plain text is taken instead.
      const frameset = await paste(
        editor,
        { html: '<frameset><frame src="https://exemple.org/"></frameset>', text: 'Du texte' },
        token,
      );
      assert.equal(frameset.statusCode, 200);
      assert.deepEqual(frameset.json(), { markdown: 'Du texte' });
    });

    test('without a CSRF token, or from another site, nothing is converted', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const missing = await paste(author, { html: '<p>Texte</p>' });
      assert.equal(missing.statusCode, 403);
      assert.doesNotMatch(missing.body, /markdown/);
      const wrong = await paste(author, { html: '<p>Texte</p>' }, 'pas-un-jeton');
      assert.equal(wrong.statusCode, 403);
      const crossSite = await t.app.inject({
        method: 'POST',
        url: '/admin/articles/collage',
        headers: {
          cookie: author.cookie,
          'content-type': 'application/json',
          'x-csrf-token': await tokenOf(author),
          'sec-fetch-site': 'cross-site',
        },
        payload: JSON.stringify({ html: '<p>Texte</p>' }),
      });
      assert.equal(crossSite.statusCode, 403);
    });

    test('a moderator is refused and a visitor sent to the login page', async () => {
      const moderator = await signIn(t, 'modo@griot.test');
      const token = hiddenValue((await moderator.get('/admin')).body, '_csrf');
      const refused = await paste(moderator, { html: '<p>Texte</p>' }, token);
      assert.equal(refused.statusCode, 403);
      assert.doesNotMatch(refused.body, /"markdown"/);
      const visitor = await paste(null, { html: '<p>Texte</p>' });
      assert.equal(visitor.statusCode, 303);
      assert.match(visitor.headers.location as string, /^\/login\?next=/);
    });

    test('HTML past the limit is refused, and a body far past it is not even read', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const token = await tokenOf(author);
      const atLimit = '<p>a</p>'.padEnd(PASTE_HTML_MAX, ' ');
      const ok = await paste(author, { html: atLimit }, token);
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), { markdown: 'a' });
      const tooLong = await paste(author, { html: `${atLimit} ` }, token);
      assert.equal(tooLong.statusCode, 400);
      const huge = await paste(author, { html: 'x'.repeat(3 * PASTE_HTML_MAX + 1) }, token);
      assert.equal(huge.statusCode, 413);
    });
  });
}
