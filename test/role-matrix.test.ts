import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { insertComment } from '../src/comments/comment.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import type { Role, User } from '../src/users/user.table.ts';
import { buildArticle, buildSection, buildUser, TEST_PASSWORD } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

/**
 * Who may do what in the newsroom, as issue 4 states it: an author writes and edits own drafts,
 * submits them, cannot publish; an editor edits, schedules, publishes any article, manages
 * sections; a moderator moderates only; an admin does everything, site settings included.
 * Moderating comments (editors too) and the outbox (editors and admins) come from the comments issue.
 * Users (invite, change role, disable, send a link) are the admin's alone.
 * Ads (slots, advertisers, campaigns) are managed by editors and admins (issue 5).
 * The site alert (the banner over every reader page) is raised and lowered by editors and admins (issue 15).
 * The newsletter (letters, subscribers and their addresses) is managed by editors and admins (issue 15).
 * « submit own draft » is refused to editors and admins: they publish directly, there is no review.
 */
const MATRIX = `
  action                     admin  editor  author  moderator
  view /admin                yes    yes     yes     yes
  list articles              yes    yes     yes     no
  create article             yes    yes     yes     no
  edit own draft             yes    yes     yes     no
  edit another's draft       yes    yes     no      no
  submit own draft           no     no      yes     no
  publish                    yes    yes     no      no
  publish own draft          yes    yes     no      no
  schedule                   yes    yes     no      no
  unpublish                  yes    yes     no      no
  archive                    yes    yes     no      no
  view moderation queue      yes    yes     no      yes
  decide a comment           yes    yes     no      yes
  change comment settings    yes    yes     no      no
  view outbox                yes    yes     no      no
  upload media               yes    yes     yes     no
  manage sections            yes    yes     no      no
  edit site settings         yes    no      no      no
  list users                 yes    no      no      no
  invite a user              yes    no      no      no
  change a user's role       yes    no      no      no
  disable a user             yes    no      no      no
  send a password link       yes    no      no      no
  view ads                   yes    yes     no      no
  manage ads                 yes    yes     no      no
  raise an alert             yes    yes     no      no
  view newsletter subscribers  yes  yes     no      no
  export newsletter subscribers yes yes     no      no
  compose a newsletter       yes    yes     no      no
`;

const ROLES: Role[] = ['admin', 'editor', 'author', 'moderator'];

function readMatrix(table: string): { action: string; allowed: Record<Role, boolean> }[] {
  const [, ...rows] = table.trim().split('\n');
  return rows.map((line) => {
    const words = line.trim().split(/\s+/);
    const cells = words.slice(-4);
    return {
      action: words.slice(0, -4).join(' '),
      allowed: Object.fromEntries(ROLES.map((r, i) => [r, cells[i] === 'yes'])) as Record<
        Role,
        boolean
      >,
    };
  });
}

let n = 0;

for (const dialect of testDialects()) {
  describe(`role × action matrix on ${dialect.name}`, () => {
    let t: TestApp;
    let section: Section;
    let writer: User;
    const users = {} as Record<Role, User>;
    const members = {} as Record<Role, Browser>;
    let jpeg: Buffer;

    before(async () => {
      t = await createTestApp(dialect);
      section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      writer = await buildUser(t.db, { email: 'plume@griot.test', role: 'author' });
      for (const role of ROLES) {
        users[role] = await buildUser(t.db, { email: `${role}@griot.test`, role });
        members[role] = new Browser(t, `192.0.2.${++n}`);
        await members[role].login(`${role}@griot.test`, TEST_PASSWORD);
      }
      jpeg = await sharp({
        create: { width: 400, height: 300, channels: 3, background: { r: 90, g: 120, b: 60 } },
      })
        .jpeg()
        .toBuffer();
    });
    after(() => t.close());

    // Every member can load /admin, whose sign-out form carries a CSRF token.
    const csrf = async (member: Browser) => hiddenValue((await member.get('/admin')).body, '_csrf');

    const article = (authorId: number, values: Partial<ArticleRow> = {}) =>
      buildArticle(t.db, {
        section,
        title: `Article de la matrice ${++n}`,
        author_id: authorId,
        status: 'draft',
        published_at: null,
        ...values,
      });

    const fields = () => ({
      kicker: 'MATRICE',
      title: `Un titre écrit par la matrice ${++n}`,
      standfirst: 'Un chapô.',
      sectionId: String(section.id),
      body: 'Un paragraphe.',
      signature: 'La rédaction',
      tags: '',
      comments: 'open',
    });

    const edit = async (member: Browser, a: ArticleRow) =>
      member.post(`/admin/articles/${a.id}`, {
        _csrf: await csrf(member),
        version: String(a.version),
        ...fields(),
      });

    const move = async (
      member: Browser,
      a: ArticleRow,
      transition: string,
      extra: Record<string, string> = {},
    ) =>
      member.post(`/admin/articles/${a.id}/etat`, {
        _csrf: await csrf(member),
        version: String(a.version),
        transition,
        ...extra,
      });

    const pendingComment = async () => {
      const a = await article(writer.id, {
        status: 'published',
        published_at: '2026-11-20T08:00:00.000Z',
      });
      return insertComment(t.db, {
        article_id: a.id,
        article_title: a.title,
        parent_id: null,
        author_name: 'Lecteur',
        author_email: 'lecteur@example.org',
        body: 'Un avis.',
        body_hash: `matrice-${++n}`,
        status: 'pending',
        notify_replies: 0,
        ip_hash: 'x',
        created_at: '2026-11-23T11:00:00.000Z',
        moderated_at: null,
        moderated_by: null,
        reason: null,
      });
    };

    const upload = async (member: Browser) => {
      const form = new FormData();
      form.append('_csrf', await csrf(member));
      form.append('credit', 'AGENCE TEST');
      form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'photo.jpg');
      const encoded = new Response(form);
      return t.app.inject({
        method: 'POST',
        url: '/admin/medias',
        headers: {
          cookie: member.cookie,
          'content-type': encoded.headers.get('content-type')!,
          origin: 'https://griot.test',
        },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
    };

    const colleague = () =>
      buildUser(t.db, { email: `collegue-${++n}@griot.test`, role: 'author' });

    type Act = (member: Browser, me: User) => Promise<LightMyRequestResponse>;
    const actions: Record<string, Act> = {
      'view /admin': (m) => m.get('/admin'),
      'list articles': (m) => m.get('/admin/articles'),
      'create article': async (m) =>
        m.post('/admin/articles', { _csrf: await csrf(m), ...fields() }),
      'edit own draft': async (m, me) => edit(m, await article(me.id)),
      "edit another's draft": async (m) => edit(m, await article(writer.id)),
      'submit own draft': async (m, me) => move(m, await article(me.id), 'submit'),
      publish: async (m) =>
        move(m, await article(writer.id, { submitted_at: '2026-11-23T10:00:00.000Z' }), 'publish'),
      'publish own draft': async (m, me) =>
        move(m, await article(me.id, { submitted_at: '2026-11-23T10:00:00.000Z' }), 'publish'),
      schedule: async (m) =>
        move(
          m,
          await article(writer.id, { submitted_at: '2026-11-23T10:00:00.000Z' }),
          'schedule',
          {
            at: '2026-11-30T10:00',
          },
        ),
      unpublish: async (m) =>
        move(
          m,
          await article(writer.id, {
            status: 'published',
            published_at: '2026-11-20T08:00:00.000Z',
          }),
          'unpublish',
          // The confirmed request (unconfirmed, it only shows the confirmation).
          { confirme: '1' },
        ),
      archive: async (m) =>
        move(
          m,
          await article(writer.id, {
            status: 'published',
            published_at: '2026-11-20T08:00:00.000Z',
          }),
          'archive',
          // The confirmed request (unconfirmed, it only shows the confirmation).
          { confirme: '1' },
        ),
      'view moderation queue': (m) => m.get('/admin/moderation'),
      'decide a comment': async (m) => {
        const c = await pendingComment();
        return m.post('/admin/moderation/decider', {
          _csrf: await csrf(m),
          decision: `approve:${c.id}:pending`,
        });
      },
      'change comment settings': async (m) =>
        m.post('/admin/moderation/reglages', { _csrf: await csrf(m), autoCloseDays: '30' }),
      'view outbox': (m) => m.get('/admin/courriels'),
      'upload media': (m) => upload(m),
      'manage sections': async (m) =>
        m.post('/admin/rubriques', {
          _csrf: await csrf(m),
          name: `Rubrique de la matrice ${++n}`,
          slug: '',
          description: '',
        }),
      'edit site settings': async (m) =>
        m.post('/admin/reglages', {
          _csrf: await csrf(m),
          siteName: 'Griot',
          tagline: 'L’information, vérifiée.',
          locale: 'fr',
          timeZone: 'Africa/Niamey',
          contactEmail: '',
        }),
      'list users': (m) => m.get('/admin/utilisateurs'),
      'invite a user': async (m) =>
        m.post('/admin/utilisateurs', {
          _csrf: await csrf(m),
          name: 'Invité de la matrice',
          email: `invite-${++n}@griot.test`,
          role: 'author',
        }),
      "change a user's role": async (m) =>
        m.post(`/admin/utilisateurs/${(await colleague()).id}`, {
          _csrf: await csrf(m),
          name: 'Collègue',
          role: 'editor',
        }),
      'disable a user': async (m) =>
        m.post(`/admin/utilisateurs/${(await colleague()).id}/desactiver`, {
          _csrf: await csrf(m),
        }),
      'send a password link': async (m) =>
        m.post(`/admin/utilisateurs/${(await colleague()).id}/lien`, { _csrf: await csrf(m) }),
      'view ads': (m) => m.get('/admin/publicite'),
      'manage ads': async (m) =>
        m.post('/admin/publicite/annonceurs', {
          _csrf: await csrf(m),
          name: `Annonceur de la matrice ${++n}`,
          contactName: '',
          contactEmail: 'pub@annonceur.example',
          contactPhone: '',
        }),
      'raise an alert': async (m) =>
        m.post('/admin/alerte', {
          _csrf: await csrf(m),
          text: `Alerte de la matrice ${++n}`,
          linkUrl: '',
          endsAt: '2026-11-23T18:00',
        }),
      'view newsletter subscribers': (m) => m.get('/admin/newsletter/abonnes'),
      'export newsletter subscribers': (m) => m.get('/admin/newsletter/abonnes.csv'),
      'compose a newsletter': async (m) =>
        m.post('/admin/newsletter/editions', { _csrf: await csrf(m), kind: 'special' }),
    };

    test('the matrix names every action once, and only known actions', () => {
      assert.deepEqual(
        readMatrix(MATRIX)
          .map((r) => r.action)
          .sort(),
        Object.keys(actions).sort(),
      );
    });

    for (const { action, allowed } of readMatrix(MATRIX))
      for (const role of ROLES)
        test(`${role} ${allowed[role] ? 'may' : 'may not'} ${action}`, async () => {
          const res = await actions[action]!(members[role], users[role]);
          if (allowed[role])
            assert.ok(
              (res.statusCode >= 200 && res.statusCode < 300) || res.statusCode === 303,
              `expected 2xx or 303, got ${res.statusCode}: ${res.body.slice(0, 200)}`,
            );
          else {
            assert.equal(res.statusCode, 403, res.body.slice(0, 200));
            // A refused form must be refused by the policy, not by a bad CSRF token (also a 403).
            assert.match(res.body, /Accès refusé/);
          }
        });
  });
}
