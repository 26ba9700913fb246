import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { seedDemo } from '../src/seed/seed.ts';
import { verifyPassword } from '../src/users/password.ts';
import { DEMO_ADMIN_EMAIL } from '../src/seed/demo-sections.ts';
import { Browser } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

for (const dialect of testDialects()) {
  describe(`demo content on ${dialect.name}`, () => {
    let t: TestApp;
    let adminPassword: string | undefined;
    before(async () => {
      t = await createTestApp(dialect);
      adminPassword = (
        await seedDemo({
          db: t.db,
          store: t.media,
          clock: t.clock,
          mail: { publicUrl: t.config.publicUrl, secret: t.config.sessionSecret },
        })
      ).adminPassword;
    });
    after(() => t.close());

    test('seeds a fictional publication with sections, articles and a demo admin', async () => {
      const sections = await t.db.selectFrom('sections').selectAll().execute();
      assert.ok(sections.length >= 4);
      assert.ok(
        ['politique', 'securite', 'economie', 'societe'].every((s) =>
          sections.some((x) => x.slug === s),
        ),
      );
      const articles = await t.db
        .selectFrom('articles')
        .selectAll()
        .where('status', '=', 'published')
        .execute();
      assert.ok(articles.length >= 12);
      for (const a of articles) {
        const words = a.body.split(/\s+/).filter(Boolean).length;
        assert.ok(words >= 400 && words <= 1200, `${a.slug}: ${words} words`);
        assert.ok(
          a.kicker &&
            a.standfirst &&
            a.signature &&
            a.image_id &&
            a.image_credit &&
            a.image_caption,
          a.slug,
        );
        assert.match(a.body_html, /<h2>/, `${a.slug} has subheadings`);
      }
      assert.ok(articles.some((a) => a.image_caption === "Image d'illustration"));
      assert.ok(articles.some((a) => a.signature === 'Agence Fleuve Info'));
      assert.ok(articles.some((a) => a.author_id !== null && a.signature !== 'La Rédaction'));
      // One finished live page (issue 15), with its entries: two pinned, one with a photo.
      const live = articles.filter((a) => a.live === 1);
      assert.equal(live.length, 1);
      assert.ok(live[0]!.live_ended_at, 'its coverage has ended');
      const entries = await t.db
        .selectFrom('live_entries')
        .selectAll()
        .where('article_id', '=', live[0]!.id)
        .execute();
      assert.ok(entries.length >= 8, `${entries.length} entries`);
      assert.equal(entries.filter((e) => e.pinned === 1).length, 2);
      assert.equal(entries.filter((e) => /\(media:\d+ /.test(e.body)).length, 1);
      const admin = await t.db
        .selectFrom('users')
        .selectAll()
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      assert.ok(
        adminPassword && (await verifyPassword(adminPassword, admin.password_hash)),
        'printed password works',
      );
    });

    test('the « Canal WhatsApp » page shows the demo’s stories of the day with their visits', async () => {
      const desk = new Browser(t);
      await desk.login(DEMO_ADMIN_EMAIL, adminPassword!);
      const doc = parse((await desk.get('/admin/whatsapp')).body);
      assert.ok(doc.querySelectorAll('.wa-item').length >= 1, 'stories published today');
      const total = /(\d+)$/.exec(doc.querySelector('.wa-total')!.text)!;
      assert.ok(Number(total[1]) > 0, 'visits through the short links today');
    });

    test('seeding again adds nothing and keeps the admin password', async () => {
      const count = async () => (await t.db.selectFrom('articles').select('id').execute()).length;
      const visits = async () =>
        (await t.db.selectFrom('short_link_visits').select('visits').execute()).map(Number);
      const visitsBefore = await visits();
      const views = async () =>
        (await t.db.selectFrom('article_views').select('views').execute()).length;
      const before = await count();
      const viewRows = await views();
      assert.ok(viewRows > 0, 'the demo has view counts');
      const report = await seedDemo({ db: t.db, store: t.media, clock: t.clock });
      assert.equal(await views(), viewRows);
      assert.equal(report.articles, 0);
      assert.equal(report.sections, 0);
      assert.equal(report.adminPassword, undefined);
      assert.equal(await count(), before);
      assert.deepEqual(await visits(), visitsBefore);
    });

    test('every demo page renders with its parts, and articles stay under 50 KB of HTML + CSS', async () => {
      const home = await t.app.inject('/');
      assert.equal(home.statusCode, 200);
      const doc = parse(home.body);
      assert.match(doc.querySelector('title')?.text ?? '', /^Le Veilleur/);
      // The demo's seeded view counts fill « Les plus lus ».
      assert.equal(doc.querySelectorAll('.most-read li').length, 5);
      const cssHref = doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
      const cssBytes = (await t.app.inject(cssHref)).rawPayload.length;
      const sections = await t.db.selectFrom('sections').select('slug').execute();
      for (const { slug } of sections)
        assert.equal((await t.app.inject(`/${slug}`)).statusCode, 200, slug);

      const rows = await t.db
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.slug', 's.slug as section'])
        .execute();
      for (const row of rows) {
        const res = await t.app.inject(`/${row.section}/${row.slug}`);
        assert.equal(res.statusCode, 200, row.slug);
        const page = parse(res.body);
        for (const part of [
          '.kicker',
          'h1',
          '.standfirst',
          '.signature',
          'figure.photo img',
          'figcaption .credit',
          '.body h2',
          'time',
        ]) {
          assert.ok(page.querySelector(part), `${row.slug} has ${part}`);
        }
        JSON.parse(page.querySelector('script[type="application/ld+json"]')?.text ?? '');
        // Article pages carry the style sheet inline; count the file only when linked.
        const weight = res.rawPayload.length + (res.body.includes(cssHref) ? cssBytes : 0);
        assert.ok(weight < 50 * 1024, `${row.slug}: ${weight} bytes of HTML + CSS`);
      }
    });

    test('the demo has a small newsletter archive, already delivered, and no address on a public page', async () => {
      const editions = await t.db
        .selectFrom('newsletter_editions')
        .select(['id', 'subject', 'status'])
        .orderBy('id')
        .execute();
      assert.equal(editions.length, 3, 'seeded once, even when seeded again');
      assert.ok(editions.every((e) => e.status === 'sent'));
      const subscribers = await t.db.selectFrom('newsletter_subscribers').select('email').execute();
      assert.ok(subscribers.length >= 5);
      assert.ok(subscribers.every((s) => s.email.endsWith('@example.org')));
      const queued = await t.db
        .selectFrom('outbox')
        .select('id')
        .where('kind', '=', 'newsletter-edition')
        .where('status', 'in', ['queued', 'sending'])
        .execute();
      assert.equal(queued.length, 0, 'nothing left to send');
      const archive = await t.app.inject('/newsletter/archives');
      assert.equal(archive.statusCode, 200);
      for (const e of editions) {
        const page = await t.app.inject(`/newsletter/archives/${e.id}`);
        assert.equal(page.statusCode, 200);
        for (const { email } of subscribers) {
          assert.ok(!archive.body.includes(email));
          assert.ok(!page.body.includes(email));
        }
      }
      const admin = new Browser(t, '192.0.2.78');
      await admin.login(DEMO_ADMIN_EMAIL, adminPassword!);
      const report = await admin.get(`/admin/newsletter/editions/${editions[2]!.id}`);
      assert.match(report.body, /4 envoyés, 0 en file, 0 en échec, 1 refusé/);
      assert.match(report.body, /adresse-inconnue@example\.org/);
    });

    test('the demo has one ended alert: in the newsroom’s past alerts, on no reader page', async () => {
      const alerts = await t.db.selectFrom('site_alerts').selectAll().execute();
      assert.equal(alerts.length, 1, 'seeded once, even when seeded again');
      assert.ok(alerts[0]!.ends_at < t.clock.now().toISOString());
      for (const url of ['/', '/securite', '/lite'])
        assert.doesNotMatch((await t.app.inject(url)).body, /class="site-alert"/, url);
      const admin = new Browser(t, '192.0.2.77');
      await admin.login(DEMO_ADMIN_EMAIL, adminPassword!);
      const page = parse((await admin.get('/admin/alerte')).body);
      assert.match(page.querySelector('.alert-current')!.text, /Aucune alerte en ligne/);
      assert.match(page.querySelector('.alert-history')!.text, /Coupure de la RN1.*terminée le/s);
    });
  });
}
