import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { shareMessage } from '../src/articles/share-links.tsx';
import { buildArticle, buildImage, buildSection } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';
import { frenchSpacing } from '../src/web/typography.ts';

test('the shared message is the headline, the standfirst and the link, a blank line apart', () => {
  assert.equal(
    shareMessage({
      kicker: 'TENSION',
      title: 'Titre',
      standfirst: 'Chapô.',
      url: 'https://x.test/a',
    }),
    'TENSION — Titre\n\nChapô.\n\nhttps://x.test/a',
  );
  assert.equal(
    shareMessage({ kicker: '', title: 'Titre', standfirst: '', url: 'https://x.test/a' }),
    'Titre\n\nhttps://x.test/a',
  );
});

for (const dialect of testDialects()) {
  describe(`share links on ${dialect.name}`, () => {
    let t: TestApp;
    let path: string;
    let articleId: number;
    const title = 'Crue du fleuve : « l’eau monte » <vite> & "fort"';
    const url = () => `https://griot.test${path}`;

    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
      const image = await buildImage(t.db, t.dataDir);
      const article = await buildArticle(t.db, {
        section,
        title,
        slug: 'crue-du-fleuve',
        kicker: 'ALERTE',
        image_id: image.id,
      });
      path = `/societe/${article.slug}`;
      articleId = article.id;
    });
    after(() => t.close());

    async function shareBlock() {
      const res = await t.app.inject(path);
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      const block = doc.querySelector('article.article header section.share');
      assert.ok(block, 'a share block at the end of the article header');
      const link = (cls: string) => block.querySelector(`a.share-${cls}`)!;
      return { res, doc, block, link };
    }

    test('each network gets the headline, standfirst and canonical link, encoded', async () => {
      const { link } = await shareBlock();
      const standfirst =
        'Un chapô de deux phrases qui résume l’article. Il donne envie de lire la suite !';
      const message = `ALERTE — ${title}\n\n${standfirst}\n\n${url()}`;

      // WhatsApp carries the article's short link, counted and leading to this article.
      const shortUrl = `https://griot.test/a/${articleId}`;
      const wa = new URL(link('whatsapp').getAttribute('href')!);
      assert.equal(wa.origin + wa.pathname, 'https://wa.me/');
      assert.equal(
        wa.searchParams.get('text'),
        `ALERTE — ${title}\n\n${standfirst}\n\n${shortUrl}`,
      );
      assert.match(wa.search, /%0A%0A/, 'line breaks encoded');
      const followed = await t.app.inject(new URL(shortUrl).pathname);
      assert.equal(followed.statusCode, 302);
      assert.equal(followed.headers.location, `/lite${path}`);

      const fb = new URL(link('facebook').getAttribute('href')!);
      assert.equal(fb.origin + fb.pathname, 'https://www.facebook.com/sharer/sharer.php');
      assert.equal(fb.searchParams.get('u'), url());

      const x = new URL(link('x').getAttribute('href')!);
      assert.equal(x.origin + x.pathname, 'https://x.com/intent/post');
      assert.equal(x.searchParams.get('text'), `ALERTE — ${title}`);
      assert.equal(x.searchParams.get('url'), url());

      const tg = new URL(link('telegram').getAttribute('href')!);
      assert.equal(tg.origin + tg.pathname, 'https://t.me/share/url');
      assert.equal(tg.searchParams.get('url'), url());
      assert.equal(tg.searchParams.get('text'), `ALERTE — ${title}`);

      const mail = link('email').getAttribute('href')!;
      assert.ok(mail.startsWith('mailto:?'));
      const q = new URLSearchParams(mail.slice('mailto:?'.length));
      assert.equal(q.get('subject'), `ALERTE — ${title}`);
      assert.equal(q.get('body'), message);
    });

    test('links open safely, carry accessible names, and the link can be copied without script', async () => {
      const { block, link, res } = await shareBlock();
      for (const n of ['whatsapp', 'facebook', 'x', 'telegram']) {
        assert.equal(link(n).getAttribute('rel'), 'noopener', n);
        assert.equal(link(n).getAttribute('target'), '_blank', n);
        assert.match(link(n).getAttribute('aria-label')!, /^Partager sur /, n);
        assert.ok(
          link(n).getAttribute('aria-label')!.includes(link(n).text),
          'visible text in the name',
        );
      }
      assert.equal(link('email').getAttribute('aria-label'), 'Envoyer par e-mail');
      const copy = block.querySelector('details.share-copy');
      assert.equal(copy?.querySelector('summary')?.text, 'Copier le lien');
      const input = copy?.querySelector('input');
      assert.equal(input?.getAttribute('value'), url());
      assert.ok(input?.hasAttribute('readonly'));
      assert.ok(copy?.querySelector('label')?.text.includes('Lien de l’article'));
      // No script file anywhere on the page, let alone a third party's.
      assert.doesNotMatch(res.body, /<script[^>]+src=/);
      const inline = block.querySelector('script')!.text;
      assert.ok(inline.length < 400, `${inline.length} bytes of inline script`);
    });

    test('a title with quotes, angle brackets and ampersands is escaped in the markup', async () => {
      const { res, doc } = await shareBlock();
      assert.doesNotMatch(res.body, /<vite>/);
      assert.match(res.body, /&lt;vite&gt; &amp; &quot;fort&quot;|&lt;vite&gt; &amp; "fort"/);
      const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
      assert.equal(og, frenchSpacing(title));
    });

    test('the page names a 1200×630 JPEG share image for Open Graph and X', async () => {
      const { doc } = await shareBlock();
      const meta = (p: string) =>
        doc.querySelector(`meta[property="${p}"], meta[name="${p}"]`)?.getAttribute('content');
      assert.match(meta('og:image')!, /^https:\/\/griot\.test\/og\/\d+\.jpg$/);
      assert.equal(meta('og:image:width'), '1200');
      assert.equal(meta('og:image:height'), '630');
      assert.equal(meta('og:image:type'), 'image/jpeg');
      assert.equal(meta('twitter:image'), meta('og:image'));
      assert.equal(meta('twitter:card'), 'summary_large_image');
    });
  });
}
