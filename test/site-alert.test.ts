import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection, buildUser } from './helpers/factories.ts';
import { hiddenValue, type Browser } from './helpers/http.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createOtherInstance, createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// The test clock starts at 2026-11-23T12:00Z; the newsroom's zone (Africa/Niamey) is UTC+1.
const START = '2026-11-23T12:00:00.000Z';
const MINUTE = 60_000;

for (const dialect of testDialects()) {
  describe(`site alert on ${dialect.name}`, () => {
    let t: TestApp;
    let securite: Section;
    let article: ArticleRow;
    let editor: Browser;

    const readerUrls = () => [
      '/',
      '/securite',
      `/securite/${article.slug}`,
      '/lite',
      '/lite/securite',
      `/lite/securite/${article.slug}`,
    ];

    /** The banner of a reader page, or null. */
    function banner(html: string) {
      return parse(html).querySelector('section.site-alert');
    }

    async function raise(
      fields: { text: string; linkUrl?: string; endsAt: string },
      member = editor,
    ) {
      const form = await member.get('/admin/alerte');
      return member.post('/admin/alerte', {
        _csrf: hiddenValue(form.body, '_csrf'),
        text: fields.text,
        linkUrl: fields.linkUrl ?? '',
        endsAt: fields.endsAt,
      });
    }

    async function lower(member = editor) {
      const form = await member.get('/admin/alerte');
      return member.post('/admin/alerte/retirer', { _csrf: hiddenValue(form.body, '_csrf') });
    }

    async function warm(app: TestApp['app']) {
      for (const url of readerUrls()) assert.equal((await app.inject(url)).statusCode, 200, url);
    }

    before(async () => {
      t = await createTestApp(dialect, { now: START });
      await buildNewsroom(t.db);
      securite = await buildSection(t.db, { name: 'Sécurité', slug: 'securite' });
      article = await buildArticle(t.db, {
        section: securite,
        title: 'Patrouilles renforcées sur la route du nord',
      });
      editor = await signIn(t, 'chef@griot.test');
    });
    after(() => t.close());
    beforeEach(async () => {
      t.clock.set(START);
      await t.db.deleteFrom('site_alerts').execute();
      t.cache.invalidate();
    });

    test('an editor raises an alert: it is at the very top of home, section, article and light pages, cached ones included', async () => {
      await warm(t.app);
      for (const url of readerUrls()) assert.equal(banner((await t.app.inject(url)).body), null);

      const res = await raise({
        text: 'Attaque près de Tillabéri : ce que l’on sait',
        linkUrl: `/securite/${article.slug}`,
        endsAt: '2026-11-23T15:00',
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      assert.equal(res.headers.location, '/admin/alerte?fait=lancee');

      for (const url of readerUrls()) {
        const page = await t.app.inject(url);
        const shown = banner(page.body);
        assert.ok(shown, `banner on ${url}`);
        // A labelled landmark with a visible word, not colour alone.
        const labelId = shown.getAttribute('aria-labelledby')!;
        assert.equal(shown.querySelector(`#${labelId}`)?.text, 'Alerte');
        assert.match(shown.text, /Attaque près de Tillabéri\u00A0: ce que l’on sait/);
        const lite = url.startsWith('/lite');
        assert.equal(
          shown.querySelector('a')?.getAttribute('href'),
          `${lite ? '/lite' : ''}/securite/${article.slug}`,
        );
        // Before anything else the reader sees: the masthead (or the light header).
        const body = page.body;
        const header = lite ? body.indexOf('<header>') : body.indexOf('<header class="masthead"');
        assert.ok(body.indexOf('class="site-alert"') < header, `banner first on ${url}`);
      }
      const admin = await editor.get('/admin/alerte?fait=lancee');
      assert.match(admin.body, /Alerte lancée/);
      assert.match(admin.body, /Jusqu’au 23 novembre 2026 à 15\u00A0h\u00A000/);
      assert.match(admin.body, /Retirer l’alerte/);
      // The layout changed: the site key is in the change log, which the CDN purge job follows.
      const keys = await t.db.selectFrom('content_changes').select('key').execute();
      assert.ok(keys.some((k) => k.key === 'site'));
    });

    test('at its end time the alert leaves every page, cached ones too, and CDN copies never outlive it', async () => {
      assert.equal(
        (await raise({ text: 'Coupure de la RN1', endsAt: '2026-11-23T13:05' })).statusCode,
        303,
      );
      // Five minutes left: the CDN keeps the page a minute, then stale for the other four at most.
      const first = await t.app.inject('/');
      assert.ok(banner(first.body));
      assert.equal(first.headers['surrogate-control'], 'max-age=60, stale-while-revalidate=240');
      assert.equal(first.headers['cdn-cache-control'], 'max-age=60, stale-while-revalidate=240');
      t.clock.advance(4 * MINUTE + 30_000);
      const late = await t.app.inject('/');
      assert.ok(banner(late.body), 'still up 30 s before its end');
      assert.equal(late.headers['surrogate-control'], 'max-age=30');
      const cachedVersion = await t.db.selectFrom('content_versions').select('version').execute();

      t.clock.advance(30_000);
      for (const url of readerUrls()) {
        const page = await t.app.inject(url);
        assert.equal(banner(page.body), null, `no banner on ${url} at the end`);
        assert.equal(page.headers['surrogate-control'], 'max-age=60, stale-while-revalidate=600');
      }
      // Nothing was written: the end time alone took it down.
      assert.deepEqual(
        await t.db.selectFrom('content_versions').select('version').execute(),
        cachedVersion,
      );
      const admin = await editor.get('/admin/alerte');
      assert.match(admin.body, /Aucune alerte en ligne/);
      const past = parse(admin.body).querySelector('.alert-history');
      assert.match(past!.text, /Coupure de la RN1/);
      assert.match(past!.text, /terminée le 23 novembre 2026 à 13\u00A0h\u00A005/);
    });

    test('lowering the alert takes it off every page at once', async () => {
      await raise({ text: 'Couvre-feu à Niamey dès 20 h', endsAt: '2026-11-23T18:00' });
      await warm(t.app);
      assert.ok(banner((await t.app.inject('/')).body));
      const res = await lower();
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/alerte?fait=retiree');
      for (const url of readerUrls())
        assert.equal(banner((await t.app.inject(url)).body), null, url);
      const admin = await editor.get('/admin/alerte?fait=retiree');
      assert.match(admin.body, /Alerte retirée/);
      assert.match(
        parse(admin.body).querySelector('.alert-history')!.text,
        /Couvre-feu à Niamey.*retirée le 23 novembre 2026 à 13\u00A0h\u00A000 par Chef Édition/s,
      );
      // Lowering again changes nothing and says so.
      const again = await lower();
      assert.equal(again.headers.location, '/admin/alerte?fait=aucune');
    });

    test('a new alert replaces the one up', async () => {
      await raise({ text: 'Première alerte', endsAt: '2026-11-23T18:00' });
      await raise({ text: 'Deuxième alerte', endsAt: '2026-11-23T19:00' });
      const shown = banner((await t.app.inject('/')).body)!;
      assert.match(shown.text, /Deuxième alerte/);
      assert.doesNotMatch(shown.text, /Première/);
      const up = await t.db
        .selectFrom('site_alerts')
        .select('text')
        .where('lowered_at', 'is', null)
        .execute();
      assert.deepEqual(up, [{ text: 'Deuxième alerte' }]);
    });

    test('raising, lowering and the end reach another instance on the same database within its cache TTL', async () => {
      const ttlMs = 2_000;
      const instance = await createOtherInstance(t, { now: START, cacheTtlMs: ttlMs });
      const { app: other, clock } = instance;
      try {
        await warm(other);
        await raise({ text: 'Alerte sur deux serveurs', endsAt: '2026-11-23T13:10' });
        clock.advance(ttlMs);
        for (const url of readerUrls())
          assert.match(banner((await other.inject(url)).body)?.text ?? '', /deux serveurs/, url);

        await lower();
        clock.advance(ttlMs);
        for (const url of readerUrls())
          assert.equal(banner((await other.inject(url)).body), null, url);

        // Raised again; the other instance then reads no log at all until its end has passed.
        t.clock.advance(MINUTE);
        await raise({ text: 'Alerte qui finit seule', endsAt: '2026-11-23T13:10' });
        clock.set(t.clock.now());
        clock.advance(ttlMs);
        await warm(other);
        assert.ok(banner((await other.inject('/')).body));
        clock.set('2026-11-23T12:10:00.000Z');
        for (const url of readerUrls())
          assert.equal(banner((await other.inject(url)).body), null, url);
      } finally {
        await instance.close();
      }
    });

    test('the alert’s text and link are escaped; a script link is refused', async () => {
      const text = '<script>alert(1)</script><img src=x onerror=alert(2)> & « ça »';
      const res = await raise({ text, linkUrl: '/securite', endsAt: '2026-11-23T18:00' });
      assert.equal(res.statusCode, 303);
      for (const url of ['/', '/lite']) {
        const page = await t.app.inject(url);
        assert.doesNotMatch(page.body, /<script>alert\(1\)/);
        assert.doesNotMatch(page.body, /<img src=x/);
        assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
        assert.equal(
          banner(page.body)!.querySelector('a')!.text,
          text.replace(/« /, '«\u00A0').replace(/ »/, '\u00A0»'),
        );
      }
      const admin = await editor.get('/admin/alerte');
      assert.doesNotMatch(admin.body, /<script>alert\(1\)/);

      for (const linkUrl of [
        'javascript:alert(1)',
        '//evil.example/x',
        '/x"onmouseover="alert(1)',
      ]) {
        const refused = await raise({ text: 'Lien piégé', linkUrl, endsAt: '2026-11-23T18:00' });
        assert.equal(refused.statusCode, 422, linkUrl);
        assert.match(refused.body, /Le lien doit être l’adresse d’une page du site/);
      }
    });

    test('a form with mistakes comes back in French with what was typed; nothing is raised', async () => {
      const cases: [Record<string, string>, RegExp][] = [
        [{ text: '', endsAt: '2026-11-23T18:00' }, /Écrivez le texte de l’alerte/],
        [{ text: 'x'.repeat(161), endsAt: '2026-11-23T18:00' }, /ne doit pas dépasser 160/],
        [{ text: 'Fin passée', endsAt: '2026-11-23T12:30' }, /L’heure de fin est déjà passée/],
        [{ text: 'Trop long', endsAt: '2026-11-27T12:00' }, /au plus 72 heures/],
        [{ text: 'Sans fin', endsAt: 'demain' }, /Indiquez la date et l’heure de fin/],
      ];
      for (const [fields, message] of cases) {
        const res = await raise({
          text: fields.text!,
          endsAt: fields.endsAt!,
          linkUrl: 'https://exemple.ne/direct',
        });
        assert.equal(res.statusCode, 422, fields.text);
        assert.equal(res.headers['cache-control'], 'private, no-store');
        assert.match(res.body, message);
        assert.match(res.body, /L’alerte n’a pas été lancée/);
        const doc = parse(res.body);
        assert.equal(doc.querySelector('#alerte-texte')?.getAttribute('value'), fields.text);
        assert.equal(
          doc.querySelector('#alerte-lien')?.getAttribute('value'),
          'https://exemple.ne/direct',
        );
      }
      assert.equal((await t.db.selectFrom('site_alerts').select('id').execute()).length, 0);
    });

    test('only editors and admins raise or lower it, and only with the form’s CSRF token', async () => {
      const author = await signIn(t, 'auteur@griot.test');
      const moderator = await signIn(t, 'modo@griot.test');
      for (const member of [author, moderator]) {
        assert.equal((await member.get('/admin/alerte')).statusCode, 403);
        const token = hiddenValue((await member.get('/admin')).body, '_csrf');
        const res = await member.post('/admin/alerte', {
          _csrf: token,
          text: 'Intrus',
          endsAt: '2026-11-23T18:00',
        });
        assert.equal(res.statusCode, 403);
        assert.doesNotMatch((await member.get('/admin')).body, /href="\/admin\/alerte"/);
      }
      const noToken = await editor.post('/admin/alerte', {
        text: 'Sans jeton',
        endsAt: '2026-11-23T18:00',
      });
      assert.equal(noToken.statusCode, 403);
      const visitor = await t.app.inject({
        method: 'POST',
        url: '/admin/alerte',
        payload: { text: 'x' },
      });
      assert.equal(visitor.statusCode, 303);
      assert.match(String(visitor.headers.location), /^\/login\?next=/);
      assert.equal((await t.db.selectFrom('site_alerts').select('id').execute()).length, 0);

      await raise({ text: 'Alerte à retirer', endsAt: '2026-11-23T18:00' });
      const refused = await editor.post('/admin/alerte/retirer', {});
      assert.equal(refused.statusCode, 403);
      assert.ok(banner((await t.app.inject('/')).body), 'still up');
      // An admin may, like an editor.
      await buildUser(t.db, { email: 'admin-alerte@griot.test', role: 'admin' });
      const admin = await signIn(t, 'admin-alerte@griot.test');
      assert.equal((await lower(admin)).headers.location, '/admin/alerte?fait=retiree');
      assert.equal(banner((await t.app.inject('/')).body), null);
    });
  });
}
