import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { bumpContentVersion } from '../src/cache/content-version.queries.ts';
import { publishScheduledJob } from '../src/jobs/publish-scheduled.ts';
import { updateSiteSettings } from '../src/settings/setting.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildSection } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { buildNewsroom, createArticle, signIn as signInAs } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

let n = 0;

for (const dialect of testDialects()) {
  describe(`article editor and workflow on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      await buildNewsroom(t.db);
    });
    after(() => t.close());

    const signIn = (email: string) => signInAs(t, email);

    function fields(extra: Record<string, string> = {}) {
      return {
        kicker: 'BUDGET',
        title: `Le budget rectificatif arrive à l’Assemblée ${++n}`,
        standfirst: 'Le gouvernement présente un collectif budgétaire.',
        sectionId: String(section.id),
        body: 'Premier paragraphe.\n\n## Un intertitre\n\nSuite du texte : fin.',
        signature: 'Awa Auteure',
        tags: 'budget, Assemblée ',
        comments: 'open',
        ...extra,
      };
    }

    const create = (member: Browser, extra: Record<string, string> = {}) =>
      createArticle(member, fields(extra));

    async function act(
      member: Browser,
      id: number,
      transition: string,
      extra: Record<string, string> = {},
    ) {
      const page = await member.get(`/admin/articles/${id}`);
      return member.post(`/admin/articles/${id}/etat`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        transition,
        ...extra,
      });
    }

    test('an author writes a draft and submits it; it is not on the site until an editor publishes it', async () => {
      const author = await signIn('auteur@griot.test');
      const id = await create(author);
      const row = await t.db
        .selectFrom('articles')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'draft');
      assert.match(row.body_html, /<h2>Un intertitre<\/h2>/);
      assert.match(row.slug, /^le-budget-rectificatif-arrive-a-l-assemblee-\d+$/);
      const tags = await t.db
        .selectFrom('article_tags')
        .select('tag')
        .where('article_id', '=', id)
        .orderBy('tag')
        .execute();
      assert.deepEqual(
        tags.map((x) => x.tag),
        ['assemblée', 'budget'],
      );

      assert.equal((await act(author, id, 'publish')).statusCode, 403, 'authors cannot publish');
      assert.equal((await act(author, id, 'submit')).statusCode, 303);
      const list = parse(
        (await (await signIn('chef@griot.test')).get('/admin/articles?etat=submitted')).body,
      );
      assert.ok(
        list.querySelector(`a[href="/admin/articles/${id}"]`),
        'the editor sees it in review',
      );

      assert.equal((await new Browser(t).get(`/politique/${row.slug}`)).statusCode, 404);
      const editor = await signIn('chef@griot.test');
      assert.equal((await act(editor, id, 'publish')).statusCode, 303);
      const page = await new Browser(t).get(`/politique/${row.slug}`);
      assert.equal(page.statusCode, 200);
      assert.match(parse(page.body).querySelector('h1')?.text ?? '', /Le budget rectificatif/);
    });

    test('an author cannot edit someone else’s article, nor their own once published; a moderator has no access', async () => {
      const author = await signIn('auteur@griot.test');
      const id = await create(author);
      const other = await signIn('autre@griot.test');
      const page = await other.get(`/admin/articles/${id}`);
      const res = await other.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        ...fields(),
      });
      assert.equal(res.statusCode, 403);
      await act(await signIn('chef@griot.test'), id, 'publish');
      const own = await author.get(`/admin/articles/${id}`);
      const again = await author.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(own.body, '_csrf'),
        version: hiddenValue(own.body, 'version'),
        ...fields(),
      });
      assert.equal(again.statusCode, 403);
      assert.equal(
        (await (await signIn('modo@griot.test')).get('/admin/articles')).statusCode,
        403,
      );
    });

    test('a second save from a stale form is refused instead of overwriting', async () => {
      const editor = await signIn('chef@griot.test');
      const id = await create(editor);
      const a = await editor.get(`/admin/articles/${id}`);
      const b = await (await signIn('chef@griot.test')).get(`/admin/articles/${id}`);
      const first = await editor.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(a.body, '_csrf'),
        version: hiddenValue(a.body, 'version'),
        ...fields({ title: 'Titre de la première personne' }),
      });
      assert.equal(first.statusCode, 303);
      const second = await editor.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(a.body, '_csrf'),
        version: hiddenValue(b.body, 'version'),
        ...fields({ title: 'Titre de la seconde personne' }),
      });
      assert.equal(second.statusCode, 409);
      assert.match(second.body, /a été modifié par Chef Édition/);
      assert.equal(
        // The title is a textarea (it grows with a long headline): its text is the value.
        parse(second.body).querySelector('#a-title')?.text,
        'Titre de la seconde personne',
      );
      const row = await t.db
        .selectFrom('articles')
        .select('title')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.title, 'Titre de la première personne');
      const revisions = await t.db
        .selectFrom('article_revisions')
        .select('version')
        .where('article_id', '=', id)
        .execute();
      assert.equal(revisions.length, 2, 'creation and the one accepted save');
    });

    test('invalid fields come back in French with the text kept', async () => {
      const editor = await signIn('chef@griot.test');
      const form = await editor.get('/admin/articles/nouveau');
      const res = await editor.post('/admin/articles', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...fields({ title: 'X', sectionId: '', slug: 'Pas Valide', body: 'Un texte à garder.' }),
      });
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      assert.match(doc.querySelector('#erreur-title')?.text ?? '', /entre 3 et 200 caractères/);
      assert.match(doc.querySelector('#erreur-sectionId')?.text ?? '', /Choisissez une rubrique/);
      assert.match(doc.querySelector('#erreur-slug')?.text ?? '', /lettres minuscules/);
      assert.equal(doc.querySelector('#a-body')?.text, 'Un texte à garder.');
    });

    test('a photo or section that is not (or no longer) there is a French message, not an error page', async () => {
      const editor = await signIn('chef@griot.test');
      const form = await editor.get('/admin/articles/nouveau');
      const res = await editor.post('/admin/articles', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...fields({ imageId: '987654', sectionId: '876543', body: 'Un texte à garder.' }),
      });
      assert.equal(res.statusCode, 422, res.body.slice(0, 300));
      const doc = parse(res.body);
      assert.match(doc.querySelector('#erreur-imageId')?.text ?? '', /n’existe pas \(ou plus\)/);
      assert.match(doc.querySelector('#erreur-sectionId')?.text ?? '', /Choisissez une rubrique/);
      assert.equal(doc.querySelector('#a-body')?.text, 'Un texte à garder.');
    });

    test('a scheduled article goes live when the worker runs after its time', async () => {
      const editor = await signIn('chef@griot.test');
      const id = await create(editor);
      // 13:30 in Niamey (UTC+1) is 12:30 UTC; the test clock stands at 12:00 UTC.
      assert.equal((await act(editor, id, 'schedule', { at: '2026-11-23T13:30' })).statusCode, 303);
      const row = await t.db
        .selectFrom('articles')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'scheduled');
      assert.equal(row.published_at, '2026-11-23T12:30:00.000Z');
      const past = await act(editor, id, 'schedule', { at: '2026-11-23T10:00' });
      assert.equal(past.statusCode, 422);
      const job = publishScheduledJob({ db: t.db, cache: t.cache });
      assert.equal(await job.run(t.clock.now()), 0);
      t.clock.set('2026-11-23T12:31:00.000Z');
      assert.equal(await job.run(t.clock.now()), 1);
      assert.equal((await new Browser(t).get(`/politique/${row.slug}`)).statusCode, 200);
      // The history says when it went live, and that nobody pressed a button.
      const versions = await editor.get(`/admin/articles/${id}/versions`);
      assert.match(versions.body, /Publication automatique/);
      assert.match(versions.body, /Mis en ligne à l’heure programmée/);
      t.clock.set('2026-11-23T12:00:00.000Z');
    });

    test('flagging an update shows « Mis à jour le »; a plain save does not', async () => {
      const editor = await signIn('chef@griot.test');
      const id = await create(editor);
      await act(editor, id, 'publish');
      const row = await t.db
        .selectFrom('articles')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      let page = await editor.get(`/admin/articles/${id}`);
      await editor.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        ...fields({ title: row.title, body: 'Coquille corrigée.' }),
      });
      assert.doesNotMatch(
        (await new Browser(t).get(`/politique/${row.slug}`)).body,
        /Mis à jour le/,
      );
      t.clock.advance(3_600_000);
      page = await editor.get(`/admin/articles/${id}`);
      await editor.post(`/admin/articles/${id}`, {
        _csrf: hiddenValue(page.body, '_csrf'),
        version: hiddenValue(page.body, 'version'),
        ...fields({ title: row.title, body: 'Nouveaux éléments.', flagUpdate: '1' }),
      });
      assert.match((await new Browser(t).get(`/politique/${row.slug}`)).body, /Mis à jour le/);
    });

    test('unpublished then published again, an article keeps its first date (marked updated) unless the editor asks for a new one', async () => {
      // Issue 14, bug 4: republishing moved the date to now in the page, RSS and the news sitemap.
      const editor = await signIn('chef@griot.test');
      const id = await create(editor);
      await act(editor, id, 'publish');
      const row = () =>
        t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      const first = (await row()).published_at!;
      t.clock.advance(2 * 3_600_000);
      await act(editor, id, 'unpublish', { confirme: '1' });
      t.clock.advance(3_600_000);
      // The editor offers the choice, naming the first date.
      const form = (await editor.get(`/admin/articles/${id}`)).body;
      assert.match(form, /name="newDate"/);
      assert.match(form, /garde sa date de première publication/);
      assert.equal((await act(editor, id, 'publish')).statusCode, 303);
      const again = await row();
      assert.equal(again.published_at, first);
      assert.equal(again.updated_at, t.clock.now().toISOString());
      const page = (await new Browser(t).get(`/politique/${again.slug}`)).body;
      assert.match(page, /Mis à jour le/);
      const rss = (await new Browser(t).get('/flux/rss.xml')).body;
      assert.ok(rss.includes(new Date(first).toUTCString()), 'RSS keeps the first date');
      const news = (await new Browser(t).get('/sitemaps/news.xml')).body;
      const dates = [...news.matchAll(/<news:publication_date>([^<]+)</g)].map((m) =>
        Date.parse(m[1]!),
      );
      assert.ok(dates.includes(Date.parse(first)), 'the news sitemap keeps the first date');
      assert.ok(!dates.includes(t.clock.now().getTime()), 'not the time of republishing');
      // Asked for explicitly: today's date.
      await act(editor, id, 'unpublish', { confirme: '1' });
      t.clock.advance(60_000);
      await act(editor, id, 'publish', { newDate: '1' });
      assert.equal((await row()).published_at, t.clock.now().toISOString());
      // A brand-new article offers no such choice.
      const fresh = await create(editor);
      assert.doesNotMatch((await editor.get(`/admin/articles/${fresh}`)).body, /name="newDate"/);
    });

    /** Posts the new-article form with one of the action bar's buttons. */
    async function submitNew(member: Browser, extra: Record<string, string>) {
      const form = await member.get('/admin/articles/nouveau');
      return member.post('/admin/articles', {
        _csrf: hiddenValue(form.body, '_csrf'),
        ...fields(extra),
      });
    }
    const articleRow = (id: number) =>
      t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const idIn = (location: unknown) =>
      Number(/\/admin\/articles\/(\d+)/.exec(String(location))![1]);
    const countArticles = async () =>
      Number(
        (
          await t.db
            .selectFrom('articles')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('the action bar offers what fits: publish to an editor, submit to an author, the dangerous actions apart', async () => {
      const editor = await signIn('chef@griot.test');
      const author = await signIn('auteur@griot.test');
      const buttons = (html: string) =>
        parse(html)
          .querySelectorAll('.action-bar button')
          .map((b) => `${b.getAttribute('name')}=${b.getAttribute('value')}`);
      const editorNew = (await editor.get('/admin/articles/nouveau')).body;
      assert.deepEqual(buttons(editorNew), ['intent=save', 'intent=publish']);
      assert.ok(parse(editorNew).querySelector('#a-at'), 'a date to schedule with');
      const authorNew = (await author.get('/admin/articles/nouveau')).body;
      assert.deepEqual(buttons(authorNew), ['intent=save', 'intent=submit']);
      assert.equal(parse(authorNew).querySelector('#a-at'), null);

      const id = idIn((await submitNew(editor, { intent: 'publish' })).headers.location);
      const published = parse((await editor.get(`/admin/articles/${id}`)).body);
      assert.deepEqual(buttons(published.toString()), [
        'intent=save',
        'transition=unpublish',
        'transition=archive',
      ]);
      const danger = published.querySelectorAll('.action-danger button.btn-danger');
      assert.equal(danger.length, 2, 'apart from the main actions, in red');
      for (const b of danger) {
        assert.equal(b.getAttribute('formaction'), `/admin/articles/${id}/etat`);
        const dialog = published.querySelector(`dialog#${b.getAttribute('data-confirm')}`);
        assert.ok(dialog, 'a dialog for the script');
        assert.equal(dialog.querySelector('input[name="confirme"]')?.getAttribute('value'), '1');
        assert.ok(dialog.querySelector('input[name="_csrf"]')?.getAttribute('value'));
      }
    });

    test('« Publier » on a new article creates and publishes it in one submit', async () => {
      const editor = await signIn('chef@griot.test');
      const res = await submitNew(editor, { intent: 'publish', at: '' });
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /\?etat=1$/);
      const row = await articleRow(idIn(res.headers.location));
      assert.equal(row.status, 'published');
      assert.equal(row.published_at, t.clock.now().toISOString());
      const reader = await new Browser(t).get(`/politique/${row.slug}`);
      assert.equal(reader.statusCode, 200);
      assert.match(reader.body, new RegExp(row.title));
      const notes = await t.db
        .selectFrom('article_revisions')
        .select('note')
        .where('article_id', '=', row.id)
        .orderBy('version')
        .execute();
      assert.deepEqual(
        notes.map((r) => r.note),
        ['created', 'status:publish'],
      );
    });

    test('« Publier » with a future date schedules the new article; a past date saves nothing', async () => {
      const editor = await signIn('chef@griot.test');
      const res = await submitNew(editor, { intent: 'publish', at: '2099-01-15T09:30' });
      assert.equal(res.statusCode, 303);
      const row = await articleRow(idIn(res.headers.location));
      assert.equal(row.status, 'scheduled');
      assert.equal(row.published_at, '2099-01-15T08:30:00.000Z', 'nine thirty in Niamey (UTC+1)');
      const before = await countArticles();
      const past = await submitNew(editor, {
        intent: 'schedule',
        at: '2001-01-01T09:00',
        title: 'Un article programmé dans le passé',
      });
      assert.equal(past.statusCode, 422);
      assert.match(past.body, /Choisissez une date de publication dans le futur/);
      assert.equal(
        parse(past.body).querySelector('#a-title')?.text,
        'Un article programmé dans le passé',
        'the text is kept',
      );
      assert.equal(await countArticles(), before, 'nothing saved');
    });

    test('an author submits a new draft in one step, and cannot publish it that way', async () => {
      const author = await signIn('auteur@griot.test');
      const res = await submitNew(author, { intent: 'submit' });
      assert.equal(res.statusCode, 303);
      const row = await articleRow(idIn(res.headers.location));
      assert.equal(row.status, 'draft');
      assert.equal(row.submitted_at, t.clock.now().toISOString());
      const before = await countArticles();
      const refused = await submitNew(author, { intent: 'publish' });
      assert.equal(refused.statusCode, 403);
      assert.equal(await countArticles(), before, 'nothing saved');
    });

    test('unpublishing or archiving asks for confirmation: unconfirmed changes nothing, confirmed does', async () => {
      const editor = await signIn('chef@griot.test');
      const id = idIn(
        (
          await submitNew(editor, {
            intent: 'publish',
            title: 'Le budget <adopté> de justesse',
          })
        ).headers.location,
      );
      const asked = await act(editor, id, 'unpublish');
      assert.equal(asked.statusCode, 200);
      assert.equal((await articleRow(id)).status, 'published', 'not yet');
      const page = parse(asked.body);
      assert.equal(
        page.querySelector('h1')?.text,
        'Dépublier «\u00A0Le budget <adopté> de justesse\u00A0»\u202F?',
      );
      assert.doesNotMatch(asked.body, /<adopté>/, 'the title is escaped');
      assert.match(page.querySelector('.confirm-page')!.text, /disparaîtra du site/);
      assert.equal(page.querySelector('.masthead'), null, 'the newsroom frame, not the reader’s');
      const form = page.querySelector(`form[action="/admin/articles/${id}/etat"]`)!;
      assert.equal(form.querySelector('input[name="confirme"]')?.getAttribute('value'), '1');
      assert.equal(
        form.querySelector('input[name="transition"]')?.getAttribute('value'),
        'unpublish',
      );
      assert.equal(
        page.querySelector('a.button-quiet')?.getAttribute('href'),
        `/admin/articles/${id}`,
      );

      // The confirmation is a form like any other: no token, no change.
      const forged = await editor.post(`/admin/articles/${id}/etat`, {
        version: hiddenValue(asked.body, 'version'),
        transition: 'unpublish',
        confirme: '1',
      });
      assert.equal(forged.statusCode, 403);
      assert.equal((await articleRow(id)).status, 'published');

      const confirmed = await editor.post(`/admin/articles/${id}/etat`, {
        _csrf: hiddenValue(asked.body, '_csrf'),
        version: hiddenValue(asked.body, 'version'),
        transition: 'unpublish',
        confirme: '1',
      });
      assert.equal(confirmed.statusCode, 303);
      assert.equal((await articleRow(id)).status, 'draft');

      const archive = await act(editor, id, 'archive');
      assert.equal(archive.statusCode, 200);
      assert.match(parse(archive.body).querySelector('h1')!.text, /^Archiver/);
      assert.equal((await articleRow(id)).status, 'draft');
      assert.equal((await act(editor, id, 'archive', { confirme: '1' })).statusCode, 303);
      assert.equal((await articleRow(id)).status, 'archived');

      // Someone who may not unpublish is refused at once, not offered a confirmation.
      const other = idIn((await submitNew(editor, { intent: 'publish' })).headers.location);
      const author = await signIn('auteur@griot.test');
      assert.equal((await act(author, other, 'unpublish')).statusCode, 403);
    });

    test('a title is one line: line breaks sent with it are joined', async () => {
      const editor = await signIn('chef@griot.test');
      const res = await submitNew(editor, {
        title: '  Le budget\r\nadopté\n\n de justesse  ',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(
        (await articleRow(idIn(res.headers.location))).title,
        'Le budget adopté de justesse',
      );
    });

    test('the editor shows the page weight and warns over the budget', async () => {
      const editor = await signIn('chef@griot.test');
      const id = await create(editor);
      const page = parse((await editor.get(`/admin/articles/${id}`)).body);
      const note = page.querySelector('.page-weight');
      assert.match(
        note?.text ?? '',
        /Poids au premier affichage sur un téléphone de 360\u00A0px de large\u00A0: \d+(,\d)?\u00A0Ko à densité d’écran 2, \d+(,\d)?\u00A0Ko à densité d’écran 3 \(budget 300\u00A0Ko\)/,
      );
      // Without a photo, the same weight at both densities: the page, its icon, their headers.
      const [two, three] = note!
        .querySelectorAll('data')
        .map((d) => Number(d.getAttribute('value')));
      assert.ok(two! > 2_000 && two === three, `${two}, ${three}`);
      assert.ok(!note?.classList.contains('alert'));
      await updateSiteSettings(t.db, { pageWeightBudgetKb: 1 });
      await bumpContentVersion(t.db);
      const heavy = parse((await editor.get(`/admin/articles/${id}`)).body).querySelector(
        '.page-weight',
      );
      assert.ok(heavy?.classList.contains('alert'));
      assert.match(heavy?.text ?? '', /au-dessus du budget/);
      await updateSiteSettings(t.db, { pageWeightBudgetKb: 300 });
      await bumpContentVersion(t.db);
    });

    test('saving without a CSRF token is refused', async () => {
      const editor = await signIn('chef@griot.test');
      const res = await editor.post('/admin/articles', { ...fields() });
      assert.equal(res.statusCode, 403);
    });
  });
}
