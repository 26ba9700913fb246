import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { verifyFormStamp } from '../src/comments/comment-token.ts';
import { FORM_STAMP_TTL_MS, MIN_FILL_MS } from '../src/comments/comment.ts';
import type { Section } from '../src/sections/section.table.ts';
import { updateSiteSettings } from '../src/settings/setting.queries.ts';
import { inlineScripts } from '../src/web/inline-code.ts';
import { buildArticle, buildComment, buildSection } from './helpers/factories.ts';
import { Browser, formStamp } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let n = 0;
const nextIp = () => `198.20.${Math.floor(++n / 250)}.${(n % 250) + 1}`;

const UNSTAMPED_FR = /Vérification anti-robot\u00A0: votre commentaire n’est pas encore envoyé/;

/**
 * The fields a browser sends when the reader presses the form's button on this page, as the
 * page has them: hidden fields, typed values, a ticked box.
 */
function formOf(html: string): Record<string, string> {
  const form = parse(html).querySelector('#comment-form');
  assert.ok(form, 'the page has the comment form');
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll('input')) {
    const name = input.getAttribute('name');
    if (!name) continue;
    if (input.getAttribute('type') === 'checkbox' && !input.hasAttribute('checked')) continue;
    fields[name] =
      input.getAttribute('value') ?? (input.getAttribute('type') === 'checkbox' ? 'on' : '');
  }
  for (const area of form.querySelectorAll('textarea'))
    fields[area.getAttribute('name')!] = area.text;
  return fields;
}

for (const dialect of testDialects()) {
  describe(`the comment form's stamp on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let article: ArticleRow;
    let path: string;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Société', slug: 'societe' });
    });
    after(() => t.close());
    beforeEach(async () => {
      article = await buildArticle(t.db, { section, title: `Le puits de Tillabéri ${++n}` });
      path = `/societe/${article.slug}`;
    });

    const post = (reader: Browser, fields: Record<string, string>) =>
      reader.post(`/articles/${article.id}/commentaires`, fields);

    const typed = (fields: Record<string, string> = {}) => ({
      name: 'Hadiza Moussa',
      email: `hadiza${++n}@example.org`,
      body: `Le puits change tout pour le quartier, merci (${n}).`,
      notify: '1',
      website: '',
      ...fields,
    });

    async function storedCount(): Promise<number> {
      const rows = await t.db
        .selectFrom('comments')
        .select('id')
        .where('article_id', '=', article.id)
        .execute();
      return rows.length;
    }

    test('an article page is the same bytes from one second to the next, and carries no stamp', async () => {
      for (const edition of ['', '/lite']) {
        const url = `${edition}${path}`;
        const first = await t.app.inject(url);
        t.clock.advance(7_000);
        const second = await t.app.inject(url);
        t.clock.advance(61_000);
        const third = await t.app.inject(url);
        assert.equal(first.statusCode, 200, url);
        assert.equal(second.body, first.body, `${url}: the same bytes 7 s later`);
        assert.equal(third.body, first.body, `${url}: the same bytes a minute later`);
        assert.equal(third.headers.etag, first.headers.etag, url);
        assert.match(String(first.headers['cache-control']), /public/, url);
        const doc = parse(first.body);
        assert.ok(doc.querySelector('#comment-form'), `${url}: the form is there`);
        assert.equal(doc.querySelector('[name="stamp"]'), null, `${url}: no stamp field`);
        assert.doesNotMatch(first.body, /griot:stamp/, url);
        // Both editions carry the script that fetches the stamp when the reader starts writing.
        assert.ok(first.body.includes(inlineScripts.commentDraft), `${url}: the form's script`);
      }
      // Compressed too: one body for every reader, whatever the second.
      const br = { 'accept-encoding': 'br, gzip' };
      const a = await t.app.inject({ url: path, headers: br });
      t.clock.advance(3_000);
      const b = await t.app.inject({ url: path, headers: br });
      assert.equal(a.headers['content-encoding'], 'br');
      assert.ok(a.rawPayload.equals(b.rawPayload), 'the same brotli bytes');
    });

    test('the stamp is a private, uncached answer of a few dozen bytes that sets no cookie', async () => {
      const reader = new Browser(t, nextIp());
      await reader.get(path);
      for (const url of [
        '/commentaires/tampon',
        '/commentaires/tampon?x=1',
        '/lite/commentaires/tampon',
      ]) {
        const res = await t.app.inject({
          url,
          headers: { cookie: 'griot_mine=1.2.abc', 'accept-encoding': 'br, gzip' },
        });
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.headers['cache-control'], 'private, no-store', url);
        assert.equal(res.headers['set-cookie'], undefined, `${url}: no cookie`);
        assert.match(String(res.headers['content-type']), /^text\/plain/, url);
        assert.ok(res.body.length < 64, `${url}: ${res.body.length} bytes`);
        assert.deepEqual(verifyFormStamp(t.config.sessionSecret, res.body), t.clock.now(), url);
      }
      // Each request its own stamp, of its own second.
      const one = await formStamp(reader);
      t.clock.advance(1_000);
      assert.notEqual(await formStamp(reader), one);
    });

    test('a form posted too fast after its stamp is refused with every field kept, and can be sent again', async () => {
      const reader = new Browser(t, nextIp());
      await reader.get(path);
      const stamp = await formStamp(reader);
      t.clock.advance(MIN_FILL_MS - 500);
      const fields = typed();
      const res = await post(reader, { ...fields, stamp });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /n’a pas pu être vérifié/);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      const kept = formOf(res.body);
      for (const name of ['name', 'email', 'body', 'notify'] as const)
        assert.equal(kept[name], name === 'notify' ? '1' : fields[name], name);
      assert.notEqual(kept.stamp, stamp, 'a fresh stamp in the page given back');
      assert.equal(await storedCount(), 0);

      t.clock.advance(MIN_FILL_MS + 1_000);
      const again = await post(reader, kept);
      assert.equal(again.statusCode, 303);
      assert.equal(await storedCount(), 1);
    });

    test('a replayed post is refused: one comment stored', async () => {
      const reader = new Browser(t, nextIp());
      await reader.get(path);
      const stamp = await formStamp(reader);
      t.clock.advance(5_000);
      const fields = { ...typed(), stamp };
      assert.equal((await post(reader, fields)).statusCode, 303);
      // How long it took to write is kept for the moderation classifier.
      const stored = await t.db
        .selectFrom('comments')
        .select('fill_ms')
        .where('body', '=', fields.body)
        .executeTakeFirstOrThrow();
      // (The stamp tells the time to the second.)
      assert.ok(stored.fill_ms! >= 5_000 && stored.fill_ms! < 6_000, `${stored.fill_ms} ms`);
      const replay = await post(new Browser(t, nextIp()), fields);
      assert.ok([409, 429].includes(replay.statusCode), `replay: ${replay.statusCode}`);
      t.clock.advance(60_000);
      const later = await post(new Browser(t, nextIp()), { ...fields, email: 'autre@example.org' });
      assert.equal(later.statusCode, 409, 'the same text, later, from elsewhere');
      assert.match(later.body, /déjà été envoyé/);
      assert.equal(await storedCount(), 1);
    });

    test('a forged or altered stamp is refused, the text kept', async () => {
      const reader = new Browser(t, nextIp());
      const stamp = await formStamp(reader);
      t.clock.advance(5_000);
      const [seconds, mac] = stamp.split('.');
      for (const forged of [
        `${Number(seconds) - 60}.${mac}`,
        `${seconds}.${'A'.repeat(32)}`,
        'x',
      ]) {
        const fields = typed();
        const res = await post(reader, { ...fields, stamp: forged });
        assert.equal(res.statusCode, 422, forged);
        assert.match(res.body, /n’a pas pu être vérifié/, forged);
        assert.equal(formOf(res.body).body, fields.body);
      }
      assert.equal(await storedCount(), 0);
    });

    test('an expired stamp is refused, with every field kept', async () => {
      const reader = new Browser(t, nextIp());
      const stamp = await formStamp(reader);
      t.clock.advance(FORM_STAMP_TTL_MS + 1_000);
      const fields = typed();
      const res = await post(reader, { ...fields, stamp });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Ce formulaire a expiré/);
      assert.equal(formOf(res.body).body, fields.body);
      assert.equal(await storedCount(), 0);
    });

    test('a form sent without a stamp comes back to confirm, every field kept, and goes the second time', async () => {
      // A reply, so that the hidden parent is kept too.
      const parent = await buildComment(t.db, article, {
        author_name: 'Issoufou',
        body: 'Enfin de l’eau potable.',
        status: 'approved',
        created_at: t.clock.now().toISOString(),
        moderated_at: t.clock.now().toISOString(),
      });
      const reader = new Browser(t, nextIp());
      const page = await reader.get(`${path}?repondre=${parent.id}`);
      // What a browser without script sends: the page's form as the reader filled it in.
      const fields: Record<string, string> = {
        ...formOf(page.body),
        ...typed({ body: 'Sans script,\nsur deux lignes.' }),
      };
      assert.equal(fields.parent, String(parent.id));
      assert.equal(fields.stamp, undefined, 'the shared page has no stamp');
      const res = await post(reader, fields);
      assert.equal(res.statusCode, 422);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.equal(res.headers['set-cookie'], undefined);
      const doc = parse(res.body);
      const alert = doc.querySelector('#reagir .alert')?.text ?? '';
      assert.match(alert, UNSTAMPED_FR);
      assert.match(alert, /appuyez de nouveau sur «\u00A0Envoyer mon commentaire\u00A0»/);
      assert.equal(doc.querySelector('#comment-form button')?.text, 'Envoyer mon commentaire');
      assert.doesNotMatch(alert, /n’a pas pu être vérifié/, 'not the too-fast message');
      const kept = formOf(res.body);
      assert.deepEqual(
        { ...kept, stamp: undefined },
        { ...fields, notify: '1', stamp: undefined },
        'every field kept',
      );
      assert.ok(verifyFormStamp(t.config.sessionSecret, kept.stamp ?? ''), 'a fresh stamp');
      assert.equal(await storedCount(), 1, 'only the parent');

      // Pressed again at once: too fast, still kept; after a moment's reading, it goes.
      const hasty = await post(reader, kept);
      assert.equal(hasty.statusCode, 422);
      assert.equal(formOf(hasty.body).body, fields.body);
      t.clock.advance(MIN_FILL_MS + 500);
      const again = await post(reader, formOf(hasty.body));
      assert.equal(again.statusCode, 303);
      const row = await t.db
        .selectFrom('comments')
        .selectAll()
        .where('article_id', '=', article.id)
        .where('parent_id', '=', parent.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.body, 'Sans script,\nsur deux lignes.');
      assert.equal(row.notify_replies, 1);
    });

    test('an invalid form without a stamp gets its errors and a stamp, then goes once fixed', async () => {
      const reader = new Browser(t, nextIp());
      const res = await post(reader, typed({ email: 'pas-une-adresse' }));
      assert.equal(res.statusCode, 422);
      assert.match(parse(res.body).querySelector('#erreur-email')?.text ?? '', /adresse e-mail/);
      const kept = formOf(res.body);
      assert.ok(kept.stamp);
      t.clock.advance(5_000);
      const fixed = await post(reader, { ...kept, email: 'hadiza@example.org' });
      assert.equal(fixed.statusCode, 303);
    });
  });

  describe(`the comment form's stamp in English on ${dialect.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
      await updateSiteSettings(t.db, { locale: 'en' });
    });
    after(() => t.close());

    test('a form sent without a stamp asks, in English, to send it again', async () => {
      const section = await buildSection(t.db, { name: 'Society', slug: 'society' });
      const article = await buildArticle(t.db, { section, title: 'The well' });
      const res = await new Browser(t, nextIp()).post(`/articles/${article.id}/commentaires`, {
        name: 'Hadiza Moussa',
        email: 'hadiza@example.org',
        body: 'The well changes everything.',
      });
      assert.equal(res.statusCode, 422);
      assert.match(
        parse(res.body).querySelector('#reagir .alert')?.text ?? '',
        /Anti-robot check: your comment has not been sent yet\. .*press “Send my comment” again/,
      );
      assert.equal(parse(res.body).querySelector('#comment-form button')?.text, 'Send my comment');
    });
  });
}
