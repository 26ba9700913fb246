import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nameAfterDe, publicationAfterDe } from '../src/settings/publication-name.ts';
import { findSiteSettings } from '../src/settings/setting.queries.ts';
import { hiddenValue } from './helpers/http.ts';
import { decideComment } from '../src/moderation/decide-comment.ts';
import { buildArticle, buildComment, buildSection, buildUser } from './helpers/factories.ts';
import { signIn as signInAs } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

// Issue 14, bug 5: mails said « l'équipe de Le Veilleur ». French contracts and elides.

test('the name after « de », as French writes it', () => {
  assert.equal(nameAfterDe('Le Veilleur'), 'du Veilleur');
  assert.equal(nameAfterDe('Les Échos du Sahel'), 'des Échos du Sahel');
  assert.equal(nameAfterDe('L’Express'), 'de L’Express');
  assert.equal(nameAfterDe('Afrique Hebdo'), 'd’Afrique Hebdo');
  assert.equal(nameAfterDe('Horizon'), 'd’Horizon');
  assert.equal(nameAfterDe('La Voix du Nord'), 'de La Voix du Nord');
  assert.equal(nameAfterDe('Griot'), 'de Griot');
  // A setting wins where no rule can know (an aspirated h).
  assert.equal(
    publicationAfterDe({ siteName: 'Le Hérisson', siteNameAfterDe: 'du Hérisson' }),
    'du Hérisson',
  );
  assert.equal(
    publicationAfterDe({ siteName: 'Le Veilleur', siteNameAfterDe: ' ' }),
    'du Veilleur',
  );
});

for (const dialect of testDialects()) {
  describe(`the publication's name after « de » on ${dialect.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await buildUser(t.db, { email: 'admin@griot.test', role: 'admin' });
    });
    after(() => t.close());

    async function saveSettings(fields: Record<string, string>) {
      const admin = await signInAs(t, 'admin@griot.test');
      const page = await admin.get('/admin/reglages');
      return admin.post('/admin/reglages', {
        _csrf: hiddenValue(page.body, '_csrf'),
        siteName: 'Le Veilleur',
        tagline: '',
        locale: 'fr',
        timeZone: 'Africa/Niamey',
        contactEmail: '',
        ...fields,
      });
    }

    test('the settings show the automatic form, take an override, and refuse a wrong one with the text kept', async () => {
      assert.equal((await saveSettings({ siteNameAfterDe: '' })).statusCode, 303);
      const admin = await signInAs(t, 'admin@griot.test');
      const form = (await admin.get('/admin/reglages')).body;
      assert.match(form, /placeholder="du Veilleur"/);
      const feed = (await t.app.inject('/flux/rss.xml')).body;
      assert.match(feed, /Les derniers articles du Veilleur\./);

      const wrong = await saveSettings({ siteNameAfterDe: 'le Veilleur' });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /en commençant par de, du, des ou d’/);
      assert.match(wrong.body, /value="le Veilleur"/);

      assert.equal((await saveSettings({ siteNameAfterDe: 'de notre Veilleur' })).statusCode, 303);
      assert.equal((await findSiteSettings(t.db)).siteNameAfterDe, 'de notre Veilleur');
    });

    test('comment mails sign « l’équipe du Veilleur »', async () => {
      await saveSettings({ siteNameAfterDe: '' });
      const section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      const article = await buildArticle(t.db, { section });
      const comment = await buildComment(t.db, article, { author_email: 'awa@example.org' });
      const modo = await buildUser(t.db, { email: 'modo@griot.test', role: 'moderator' });
      const result = await decideComment(t.db, {
        commentId: comment.id,
        decision: 'approve',
        expected: 'pending',
        actor: { id: modo.id, name: modo.name },
        reason: null,
        site: {
          settings: await findSiteSettings(t.db),
          publicUrl: t.config.publicUrl,
          secret: t.config.sessionSecret,
        },
        now: t.clock.now(),
      });
      assert.equal(result.ok, true);
      const mail = await t.db
        .selectFrom('outbox')
        .selectAll()
        .where('to_address', '=', 'awa@example.org')
        .executeTakeFirstOrThrow();
      assert.match(mail.text_body, /validé par l’équipe du Veilleur/);
      assert.match(mail.text_body, /— L’équipe du Veilleur/);
      assert.match(mail.html_body, /L’équipe du Veilleur/);
      assert.doesNotMatch(mail.text_body + mail.html_body, /de Le Veilleur/);
    });
  });
}
