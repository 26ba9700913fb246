import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildImage, buildSection } from './helpers/factories.ts';
import type { Browser } from './helpers/http.ts';
import { hiddenValue } from './helpers/http.ts';
import { buildNewsroom, createArticle, signIn as signInAs } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let n = 0;

for (const dialect of testDialects()) {
  describe(`article editor preview and autosave on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      await buildNewsroom(t.db);
    });
    after(() => t.close());

    const signIn = (email: string) => signInAs(t, email);

    function fields(extra: Record<string, string> = {}) {
      return {
        kicker: 'BUDGET',
        title: `Le collectif budgétaire arrive au Parlement ${++n}`,
        standfirst: 'Le gouvernement présente un collectif.',
        sectionId: String(section.id),
        body: 'Premier paragraphe.',
        signature: 'Awa Auteure',
        tags: 'budget',
        comments: 'open',
        ...extra,
      };
    }

    /** Creates a draft through the form; returns its id and the editor page's token and version. */
    async function draft(member: Browser) {
      const id = await createArticle(member, fields());
      const page = await member.get(`/admin/articles/${id}`);
      return {
        id,
        csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
      };
    }

    async function postJson(
      member: Browser,
      url: string,
      payload: unknown,
      token: string | undefined,
    ) {
      return t.app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: member.cookie,
          'content-type': 'application/json',
          ...(token ? { 'x-csrf-token': token } : {}),
        },
        payload: JSON.stringify(payload),
      });
    }

    async function bodyOf(id: number) {
      const row = await t.db
        .selectFrom('articles')
        .select(['body', 'body_html', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row;
    }

    test('the editor page links the editor script and carries the article’s id and status', async () => {
      const author = await signIn('auteur@griot.test');
      const { id } = await draft(author);
      const doc = parse((await author.get(`/admin/articles/${id}`)).body);
      const form = doc.querySelector('#article-form')!;
      assert.equal(form.getAttribute('data-article-id'), String(id));
      assert.equal(form.getAttribute('data-status'), 'draft');
      assert.ok(doc.querySelector('.article-preview.body'));
      assert.ok(doc.querySelector('.md-toolbar button[data-md="h2"]'));
      const src = doc.querySelector('script[src^="/assets/editor."]')?.getAttribute('src');
      assert.ok(src, 'the script is linked');
      const asset = await author.get(src!);
      assert.equal(asset.statusCode, 200);
      assert.match(asset.headers['content-type'] as string, /javascript/);
    });

    test('the preview renders the body as the site does, sanitized and with French typography', async () => {
      const author = await signIn('auteur@griot.test');
      const page = await author.get('/admin/articles/nouveau');
      const res = await postJson(
        author,
        '/admin/articles/apercu',
        {
          body: '## Intertitre\n\nIl a dit : « oui » !\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))',
          title: 'Quoi ?',
          kicker: '',
          standfirst: '',
        },
        hiddenValue(page.body, '_csrf'),
      );
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const { html, title } = res.json() as { html: string; title: string };
      assert.match(html, /<h2>Intertitre<\/h2>/);
      assert.match(html, /Il a dit\u00A0: «\u00A0oui\u00A0»\u202F!/);
      assert.doesNotMatch(html, /<script/i, 'raw HTML is escaped, never passed through');
      assert.match(html, /&lt;script&gt;/);
      assert.doesNotMatch(html, /href="javascript:/i);
      assert.equal(title, 'Quoi\u202F?');
    });

    test('the preview shows the whole article as readers see it: section, kicker, photo with caption and credit, signature', async () => {
      const author = await signIn('auteur@griot.test');
      const image = await buildImage(t.db, t.dataDir);
      const page = await author.get('/admin/articles/nouveau');
      const res = await postJson(
        author,
        '/admin/articles/apercu',
        {
          body: 'Le texte.',
          title: 'Le prix\ndu mil',
          kicker: 'MARCHÉS',
          standfirst: 'Le chapô.',
          signature: 'Awa <b>Auteure</b>',
          sectionId: String(section.id),
          imageId: String(image.id),
          imageCredit: 'AFI',
          imageCaption: 'Le marché de Dounzé',
          imageAlt: 'Des étals de mil',
          imageIsIllustration: true,
        },
        hiddenValue(page.body, '_csrf'),
      );
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const { article } = res.json() as { article: string };
      const doc = parse(article);
      assert.equal(doc.querySelector('.section-label')?.text, 'Économie');
      assert.equal(doc.querySelector('.kicker')?.text, 'MARCHÉS');
      assert.equal(doc.querySelector('.preview-title')?.text, 'Le prix du mil', 'one line');
      assert.equal(doc.querySelector('.standfirst')?.text, 'Le chapô.');
      assert.equal(doc.querySelector('.byline .signature')?.text, 'Awa <b>Auteure</b>');
      assert.doesNotMatch(article, /<b>/, 'escaped');
      const img = doc.querySelector('figure.photo img')!;
      assert.match(img.getAttribute('src') ?? '', /^\/media\/test-[\w-]+\.jpg$/);
      assert.equal(img.getAttribute('alt'), 'Des étals de mil (photo d’illustration)');
      assert.equal(
        doc.querySelector('figure.photo figcaption')?.text,
        'Photo d’illustration. Le marché de Dounzé — Crédit photo\u00A0: AFI',
        'as on the article page',
      );
      assert.equal(doc.querySelector('.article-preview.body p')?.text, 'Le texte.');

      // The editor page renders the same preview before the script asks for it.
      const id = await createArticle(
        author,
        fields({ imageId: String(image.id), imageCredit: 'AFI', kicker: 'MARCHÉS' }),
      );
      const editor = parse((await author.get(`/admin/articles/${id}`)).body);
      const shown = editor.querySelector('.editor-preview [data-preview="article"]')!;
      assert.equal(shown.querySelector('.section-label')?.text, 'Économie');
      assert.match(shown.querySelector('figure.photo .credit')?.text ?? '', /AFI/);
      assert.equal(shown.querySelector('.byline .signature')?.text, 'Awa Auteure');
    });

    test('the preview signs as the article page will: co-authors in order, then the agency', async () => {
      const author = await signIn('auteur@griot.test');
      const page = await author.get('/admin/articles/nouveau');
      const ids = Object.fromEntries(
        (await t.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [
          u.email,
          u.id,
        ]),
      );
      await t.db
        .updateTable('users')
        .set({ byline: 'C. <i>Édition</i>' })
        .where('email', '=', 'chef@griot.test')
        .execute();
      const byline = async (values: Record<string, unknown>) => {
        const res = await postJson(
          author,
          '/admin/articles/apercu',
          { body: 'x', title: 'T', signature: 'Signature libre', ...values },
          hiddenValue(page.body, '_csrf'),
        );
        assert.equal(res.statusCode, 200, res.body.slice(0, 300));
        const { article } = res.json() as { article: string };
        assert.doesNotMatch(article, /<i>/, 'escaped');
        return parse(article).querySelector('.byline .signature')?.text;
      };
      // Co-authors take precedence over the free-text signature, with their public names.
      assert.equal(
        await byline({
          coauthors: [ids['chef@griot.test'], ids['auteur@griot.test']],
          agency: 'AFP',
        }),
        'C. <i>Édition</i> et Awa Auteure, avec AFP',
      );
      assert.equal(await byline({ agency: 'AFP' }), 'Signature libre, avec AFP');
      assert.equal(await byline({ signature: '', agency: 'AFP' }), 'AFP');
      // An unknown or malformed id signs nothing and is no error.
      assert.equal(await byline({ coauthors: [999999] }), 'Signature libre');
      assert.equal(await byline({ coauthors: 'abc' }), 'Signature libre');
      await t.db
        .updateTable('users')
        .set({ byline: '' })
        .where('email', '=', 'chef@griot.test')
        .execute();
    });

    test('an autosave bumps the version, and the next manual save with that version succeeds', async () => {
      const author = await signIn('auteur@griot.test');
      const d = await draft(author);
      const res = await postJson(
        author,
        `/admin/articles/${d.id}/brouillon`,
        { ...fields(), body: '## Intertitre\n\nTexte sauvé tout seul.', version: d.version },
        d.csrf,
      );
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const saved = res.json() as { version: number; savedAt: string; time: string };
      assert.equal(saved.version, Number(d.version) + 1);
      assert.equal(saved.savedAt, t.clock.now().toISOString());
      assert.match(saved.time, /^\d{1,2}\u00A0h\u00A0\d{2}$/);
      const row = await bodyOf(d.id);
      assert.equal(row.body, '## Intertitre\n\nTexte sauvé tout seul.');
      assert.match(row.body_html, /<h2>Intertitre<\/h2>/);

      const manual = await author.post(`/admin/articles/${d.id}`, {
        _csrf: d.csrf,
        version: String(saved.version),
        ...fields({ body: 'Version finale.' }),
      });
      assert.equal(manual.statusCode, 303, manual.body.slice(0, 300));
      assert.equal((await bodyOf(d.id)).body, 'Version finale.');
    });

    test('a run of autosaves keeps one revision « Enregistrement automatique », kept up to date', async () => {
      const author = await signIn('auteur@griot.test');
      const d = await draft(author);
      let version = Number(d.version);
      const start = t.clock.now();
      try {
        for (const words of ['Premier jet.', 'Premier jet, suite.', 'Premier jet, suite et fin.']) {
          t.clock.advance(5_000);
          const res = await postJson(
            author,
            `/admin/articles/${d.id}/brouillon`,
            { ...fields(), body: words, version },
            d.csrf,
          );
          assert.equal(res.statusCode, 200, res.body.slice(0, 300));
          version = (res.json() as { version: number }).version;
        }
        const revisions = async () =>
          t.db
            .selectFrom('article_revisions')
            .select(['version', 'note', 'snapshot', 'edited_at'])
            .where('article_id', '=', d.id)
            .orderBy('version')
            .execute();
        let rows = await revisions();
        assert.deepEqual(
          rows.map((r) => r.note),
          ['created', 'autosave'],
        );
        assert.equal(rows[1]!.version, version);
        assert.equal(rows[1]!.edited_at, t.clock.now().toISOString());
        assert.match(rows[1]!.snapshot, /suite et fin/);

        // A save by hand starts a new revision; the next autosave, a new autosave revision.
        const manual = await author.post(`/admin/articles/${d.id}`, {
          _csrf: d.csrf,
          version: String(version),
          ...fields({ body: 'Relu et enregistré.' }),
        });
        assert.equal(manual.statusCode, 303, manual.body.slice(0, 300));
        t.clock.advance(5_000);
        const after = await postJson(
          author,
          `/admin/articles/${d.id}/brouillon`,
          { ...fields(), body: 'Relu, puis retouché.', version: version + 1 },
          d.csrf,
        );
        assert.equal(after.statusCode, 200, after.body.slice(0, 300));
        rows = await revisions();
        assert.deepEqual(
          rows.map((r) => r.note),
          ['created', 'autosave', 'saved', 'autosave'],
        );
        const page = await author.get(`/admin/articles/${d.id}/versions`);
        assert.match(page.body, /Enregistrement automatique/);
      } finally {
        t.clock.set(start);
      }
    });

    test('an autosave with a stale version is refused with 409 and overwrites nothing', async () => {
      const author = await signIn('auteur@griot.test');
      const editor = await signIn('chef@griot.test');
      const d = await draft(author);
      const page = await editor.get(`/admin/articles/${d.id}`);
      const theirs = await editor.post(`/admin/articles/${d.id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        ...fields({ body: 'Le texte du chef.' }),
      });
      assert.equal(theirs.statusCode, 303);
      const before = await bodyOf(d.id);
      const res = await postJson(
        author,
        `/admin/articles/${d.id}/brouillon`,
        { ...fields(), body: 'Mon texte en retard.', version: d.version },
        d.csrf,
      );
      assert.equal(res.statusCode, 409);
      assert.deepEqual(res.json(), { conflict: true });
      assert.deepEqual(await bodyOf(d.id), before);
    });

    test('an invalid draft is not autosaved and the errors come back by field', async () => {
      const author = await signIn('auteur@griot.test');
      const d = await draft(author);
      const res = await postJson(
        author,
        `/admin/articles/${d.id}/brouillon`,
        { ...fields(), title: 'x', version: d.version },
        d.csrf,
      );
      assert.equal(res.statusCode, 422);
      assert.deepEqual(res.json(), { errors: { title: 'titleLength' } });
      assert.equal((await bodyOf(d.id)).version, Number(d.version));
    });

    test('a published article is never autosaved', async () => {
      const editor = await signIn('chef@griot.test');
      const article = await buildArticle(t.db, { section, body: 'Texte publié.' });
      const page = await editor.get(`/admin/articles/${article.id}`);
      assert.equal(
        parse(page.body).querySelector('#article-form')?.getAttribute('data-status'),
        'published',
      );
      const res = await postJson(
        editor,
        `/admin/articles/${article.id}/brouillon`,
        { ...fields(), body: 'Réécrit en douce.', version: String(article.version) },
        hiddenValue(page.body, '_csrf'),
      );
      assert.equal(res.statusCode, 403);
      const row = await bodyOf(article.id);
      assert.equal(row.body, 'Texte publié.');
      assert.equal(row.version, article.version);
    });

    test('without a CSRF token the preview and the autosave are refused', async () => {
      const author = await signIn('auteur@griot.test');
      const d = await draft(author);
      const preview = await postJson(author, '/admin/articles/apercu', { body: 'x' }, undefined);
      assert.equal(preview.statusCode, 403);
      const save = await postJson(
        author,
        `/admin/articles/${d.id}/brouillon`,
        { ...fields(), version: d.version },
        undefined,
      );
      assert.equal(save.statusCode, 403);
      assert.equal((await bodyOf(d.id)).version, Number(d.version));
    });

    test('a moderator can neither preview nor autosave', async () => {
      const author = await signIn('auteur@griot.test');
      const d = await draft(author);
      const moderator = await signIn('modo@griot.test');
      const token = hiddenValue((await moderator.get('/admin/moderation')).body, '_csrf');
      assert.ok(token, 'the moderator has a valid token');
      const preview = await postJson(moderator, '/admin/articles/apercu', { body: 'x' }, token);
      assert.equal(preview.statusCode, 403);
      const save = await postJson(
        moderator,
        `/admin/articles/${d.id}/brouillon`,
        { ...fields(), version: d.version },
        token,
      );
      assert.equal(save.statusCode, 403);
      assert.equal((await bodyOf(d.id)).version, Number(d.version));
    });

    test('an author cannot autosave someone else’s draft', async () => {
      const editor = await signIn('chef@griot.test');
      const d = await draft(editor);
      const author = await signIn('auteur@griot.test');
      const token = hiddenValue((await author.get('/admin/articles/nouveau')).body, '_csrf');
      const res = await postJson(
        author,
        `/admin/articles/${d.id}/brouillon`,
        { ...fields(), version: d.version },
        token,
      );
      assert.equal(res.statusCode, 403);
      assert.equal((await bodyOf(d.id)).version, Number(d.version));
    });

    test('the editor shows the article’s current photo as a small thumbnail with its alt text', async () => {
      const author = await signIn('auteur@griot.test');
      const image = await buildImage(t.db, t.dataDir);
      const id = await createArticle(
        author,
        fields({ imageId: String(image.id), imageAlt: 'Des femmes au marché de Dounzé' }),
      );
      const doc = parse((await author.get(`/admin/articles/${id}`)).body);
      const thumb = doc.querySelector('#article-form img.picker-thumb')!;
      assert.equal(thumb.getAttribute('hidden'), undefined, 'shown, even before the script runs');
      assert.match(thumb.getAttribute('src') ?? '', /^\/media\/test-[\w-]+-320\.jpg$/);
      assert.equal(thumb.getAttribute('width'), '320');
      assert.equal(thumb.getAttribute('height'), '180');
      assert.equal(thumb.getAttribute('alt'), 'Des femmes au marché de Dounzé');
      assert.equal(thumb.getAttribute('data-media-id'), String(image.id));
      assert.ok(
        !doc.querySelector('.picker-panel img.picker-thumb'),
        'outside the picker, which stays hidden without JavaScript',
      );
      const remove = doc.querySelector('.media-picker button.picker-remove')!;
      assert.equal(remove.text, 'Retirer la photo');
      assert.equal(remove.getAttribute('hidden'), undefined);
      const file = await author.get(thumb.getAttribute('src')!);
      assert.equal(file.statusCode, 200);
      assert.match(file.headers['content-type'] as string, /image\/jpeg/);

      // Without an alt text of its own, the article's photo is described as the library has it.
      const plain = await createArticle(author, fields({ imageId: String(image.id) }));
      const plainDoc = parse((await author.get(`/admin/articles/${plain}`)).body);
      assert.equal(
        plainDoc.querySelector('img.picker-thumb')?.getAttribute('alt'),
        'Une image de test',
      );
    });

    test('a refused form keeps showing the photo it names, and none for a number the library lacks', async () => {
      const author = await signIn('auteur@griot.test');
      const image = await buildImage(t.db, t.dataDir);
      const thumbAfter = async (imageId: string) => {
        const form = await author.get('/admin/articles/nouveau');
        const res = await author.post('/admin/articles', {
          _csrf: hiddenValue(form.body, '_csrf'),
          ...fields({ title: 'No', imageId }),
        });
        assert.equal(res.statusCode, 422);
        return parse(res.body).querySelector('img.picker-thumb')!;
      };
      const kept = await thumbAfter(String(image.id));
      assert.equal(kept.getAttribute('data-media-id'), String(image.id));
      assert.equal(kept.getAttribute('hidden'), undefined);
      const unknown = await thumbAfter('999999');
      assert.equal(unknown.getAttribute('hidden'), '');
      assert.equal(unknown.getAttribute('src'), undefined);
      const blank = parse((await author.get('/admin/articles/nouveau')).body);
      assert.equal(blank.querySelector('img.picker-thumb')?.getAttribute('hidden'), '');
      assert.equal(blank.querySelector('button.picker-remove')?.getAttribute('hidden'), '');
    });
  });
}
