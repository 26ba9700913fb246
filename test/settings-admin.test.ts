import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { findSiteSettings } from '../src/settings/setting.queries.ts';
import { buildSection, buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let ipCounter = 0;
const nextIp = () => `198.18.4.${++ipCounter}`;

for (const dialect of testDialects()) {
  describe(`site settings admin on ${dialect.name}`, () => {
    let t: TestApp;

    before(async () => {
      t = await createTestApp(dialect);
      await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      await buildUser(t.db, { email: 'admin@griot.test', role: 'admin' });
      await buildUser(t.db, { email: 'editeur@griot.test', role: 'editor' });
    });
    after(() => t.close());

    async function signIn(email = 'admin@griot.test') {
      const member = new Browser(t, nextIp());
      await member.login(email, TEST_PASSWORD);
      return member;
    }

    const valid = {
      siteName: 'Le Veilleur',
      tagline: 'Le quotidien du fleuve',
      locale: 'fr',
      timeZone: 'Africa/Dakar',
      timeZoneOther: '',
      contactEmail: 'redaction@leveilleur.example',
    };

    test('an admin saves a new publication name and the home page shows it', async () => {
      const admin = await signIn();
      // Cache the home page under the old name first.
      assert.match(
        parse((await t.app.inject('/')).body).querySelector('title')?.text ?? '',
        /Griot/,
      );
      const form = await admin.get('/admin/reglages');
      assert.equal(form.statusCode, 200);
      const res = await admin.post('/admin/reglages', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...valid,
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/reglages?fait=1');
      const home = parse((await t.app.inject('/')).body);
      assert.match(home.querySelector('title')?.text ?? '', /Le Veilleur/);
      assert.equal(home.querySelector('.brand')?.text, 'Le Veilleur');
      assert.equal(home.querySelector('.tagline')?.text, 'Le quotidien du fleuve');
      const saved = await findSiteSettings(t.db);
      assert.equal(saved.timeZone, 'Africa/Dakar');
      assert.equal(saved.contactEmail, 'redaction@leveilleur.example');
      const after = parse((await admin.get(res.headers.location as string)).body);
      assert.match(after.querySelector('[role="status"]')?.text ?? '', /Réglages enregistrés/);
      assert.equal(after.querySelector('#site-name')?.getAttribute('value'), 'Le Veilleur');
      assert.equal(
        after.querySelector('#time-zone option[selected]')?.getAttribute('value'),
        'Africa/Dakar',
      );
    });

    test('the reader options are ticked by default, and unticking them is stored', async () => {
      const admin = await signIn();
      const form = await admin.get('/admin/reglages');
      const page = parse(form.body);
      assert.equal(page.querySelector('input[name="feedFullText"]')?.hasAttribute('checked'), true);
      assert.equal(
        page.querySelector('input[name="liteForSaveData"]')?.hasAttribute('checked'),
        true,
      );
      // A form without the reader boxes (an older tab) leaves them as they are.
      const untouched = await admin.post('/admin/reglages', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...valid,
      });
      assert.equal(untouched.statusCode, 303);
      assert.equal((await findSiteSettings(t.db)).feedFullText, true);
      // Unticked boxes send nothing; the hidden marker says they were on the form.
      const res = await admin.post('/admin/reglages', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...valid,
        readerOptions: '1',
        liteForSaveData: '1',
      });
      assert.equal(res.statusCode, 303);
      const saved = await findSiteSettings(t.db);
      assert.equal(saved.feedFullText, false);
      assert.equal(saved.liteForSaveData, true);
      const again = parse((await admin.get('/admin/reglages')).body);
      assert.equal(
        again.querySelector('input[name="feedFullText"]')?.hasAttribute('checked'),
        false,
      );
      await admin.post('/admin/reglages', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...valid,
        readerOptions: '1',
        feedFullText: '1',
        liteForSaveData: '1',
      });
      assert.equal((await findSiteSettings(t.db)).feedFullText, true);
    });

    test('a time zone typed by hand wins over the list', async () => {
      const admin = await signIn();
      const form = await admin.get('/admin/reglages');
      const res = await admin.post('/admin/reglages', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...valid,
        timeZoneOther: 'Africa/Djibouti',
      });
      assert.equal(res.statusCode, 303);
      assert.equal((await findSiteSettings(t.db)).timeZone, 'Africa/Djibouti');
      const again = parse((await admin.get('/admin/reglages')).body);
      assert.equal(
        again.querySelector('#time-zone-other')?.getAttribute('value'),
        'Africa/Djibouti',
      );
    });

    test('an unknown time zone is refused in French and what was typed is kept', async () => {
      const admin = await signIn();
      const form = await admin.get('/admin/reglages');
      const before = await findSiteSettings(t.db);
      const res = await admin.post('/admin/reglages', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...valid,
        siteName: 'Un autre nom',
        timeZoneOther: 'Afrique/Niamey',
        contactEmail: 'pas-une-adresse',
      });
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      const errors = doc.querySelector('.form-errors')?.text ?? '';
      assert.match(errors, /Ce fuseau horaire est inconnu/);
      assert.match(errors, /pas une adresse électronique valide/);
      assert.equal(doc.querySelector('#site-name')?.getAttribute('value'), 'Un autre nom');
      assert.equal(doc.querySelector('#time-zone-other')?.getAttribute('value'), 'Afrique/Niamey');
      assert.equal(doc.querySelector('#contact-email')?.getAttribute('value'), 'pas-une-adresse');
      assert.deepEqual(await findSiteSettings(t.db), before);
    });

    test('an editor gets 403 on the settings page and its form', async () => {
      const editor = await signIn('editeur@griot.test');
      assert.equal((await editor.get('/admin/reglages')).statusCode, 403);
      const token = hiddenValue((await editor.get('/admin')).body, '_csrf');
      const res = await editor.post('/admin/reglages', {
        _csrf: token,
        ...valid,
        siteName: 'Pris',
      });
      assert.equal(res.statusCode, 403);
      assert.notEqual((await findSiteSettings(t.db)).siteName, 'Pris');
    });

    test('a settings form without its CSRF token gets 403', async () => {
      const admin = await signIn();
      await admin.get('/admin/reglages');
      const res = await admin.post('/admin/reglages', { ...valid, siteName: 'Sans jeton' });
      assert.equal(res.statusCode, 403);
      assert.notEqual((await findSiteSettings(t.db)).siteName, 'Sans jeton');
    });
  });
}
