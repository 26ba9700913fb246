import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { buildArticle, buildComment, buildSection } from './helpers/factories.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// The thread is written as templates rather than elements (web/render.ts, `template`): what
// readers typed must come out escaped in text and in attributes alike, and read as typed.
const NAMES = [
  '<script>alert(1)</script>',
  'Awa "la" Diallo',
  'Diop & fils <i>',
  '"><img src=x onerror=alert(1)>',
];
const BODY =
  'Voir http://example.org/"onmouseover="alert(1) et <b>gras</b>\nligne 2\n\n</p><p>para';

for (const dialect of testDialects()) {
  describe(`a comment thread's markup on ${dialect.name}`, () => {
    let t: TestApp;
    let path: string;

    before(async () => {
      t = await createTestApp(dialect);
      const section = await buildSection(t.db, { slug: 'societe', name: 'Société' });
      const article = await buildArticle(t.db, { section, title: 'Un fil à risques' });
      path = `/societe/${article.slug}`;
      let parent: number | null = null;
      for (const [i, name] of NAMES.entries()) {
        const c = await buildComment(t.db, article, {
          author_name: name,
          body: BODY,
          status: 'approved',
          created_at: `2026-11-23T0${i}:00:00.000Z`,
          // The last one answers the first.
          parent_id: i === NAMES.length - 1 ? parent : null,
        });
        parent ??= c.id;
      }
    });
    after(() => t.close());

    test('names and texts read as typed, escaped in text and attributes, nothing injected', async () => {
      const res = await t.app.inject(path);
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.equal(doc.querySelectorAll('img').length, 0);
      for (const script of doc.querySelectorAll('script'))
        assert.ok(!script.text.includes('alert'), script.text);
      const comments = doc.querySelectorAll('article.comment');
      assert.equal(comments.length, NAMES.length);
      const shown = comments.map((c) => c.querySelector('.comment-author')!.text);
      assert.deepEqual([...shown].sort(), [...NAMES].sort());
      for (const c of comments) {
        const name = c.querySelector('.comment-author')!.text;
        const report = c.querySelector('a.comment-report')!;
        assert.equal(report.getAttribute('aria-label'), `Signaler le commentaire de ${name}`);
        assert.equal(report.getAttribute('rel'), 'nofollow');
        assert.equal(Object.keys(report.attributes).sort().join(), 'aria-label,class,href,rel');
        const paragraphs = c.querySelectorAll('.comment-body p');
        assert.equal(paragraphs.length, 2);
        assert.equal(paragraphs[1]!.text, '</p><p>para');
        assert.equal(paragraphs[0]!.querySelectorAll('br').length, 1);
        const link = paragraphs[0]!.querySelector('a')!;
        assert.equal(link.getAttribute('href'), 'http://example.org/"onmouseover="alert(1)');
        assert.equal(link.getAttribute('rel'), 'nofollow ugc noopener');
        assert.ok(paragraphs[0]!.text.includes('<b>gras</b>'));
      }
      // The answer sits under the comment it answers, without a reply link of its own.
      const replies = doc.querySelectorAll('ol.thread > li > ol.replies article.comment');
      assert.equal(replies.length, 1);
      assert.equal(replies[0]!.querySelector('.comment-author')!.text, NAMES.at(-1));
      assert.equal(replies[0]!.querySelector('.comment-reply'), null);
      assert.equal(doc.querySelectorAll('ol.thread > li > article .comment-reply').length, 3);
    });
  });
}
