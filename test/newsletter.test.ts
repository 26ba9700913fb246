import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ArticleRow } from '../src/articles/article.table.ts';
import { createSmtpMailer, type Mailer } from '../src/mail/mailer.ts';
import { insertOutboxMail } from '../src/mail/outbox.queries.ts';
import { sendOutboxJob, withoutAddress } from '../src/mail/send-outbox.ts';
import {
  csvCell,
  deliveryState,
  normalizeEmail,
  signConfirmToken,
  signUnsubscribeToken,
  toCsv,
  verifyConfirmToken,
  verifyUnsubscribeToken,
} from '../src/newsletter/newsletter.ts';
import { newsletterJob } from '../src/newsletter/send-edition.ts';
import { newsletterMailStillWanted } from '../src/newsletter/subscribe.ts';
import { insertPendingSubscriber } from '../src/newsletter/subscriber.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildSection } from './helpers/factories.ts';
import { Browser, hiddenValue } from './helpers/http.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';
import { startSmtpServer } from './helpers/smtp.ts';

const SECRET = 'test-secret-that-is-long-enough-for-signing-cookies';

describe('newsletter logic', () => {
  test('addresses are trimmed and lower-cased; anything else is refused', () => {
    assert.equal(normalizeEmail('  Awa.Diallo@Example.ORG '), 'awa.diallo@example.org');
    assert.equal(normalizeEmail('pas-une-adresse'), null);
    assert.equal(normalizeEmail('a@b'), null);
    assert.equal(normalizeEmail(''), null);
    assert.equal(normalizeEmail(`${'a'.repeat(250)}@example.org`), null);
  });

  test('a confirmation token names its subscriber until it expires, and not once altered', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const token = signConfirmToken(SECRET, 42, new Date(now.getTime() + 60_000));
    assert.equal(verifyConfirmToken(SECRET, token, now), 42);
    assert.equal(verifyConfirmToken(SECRET, token, new Date(now.getTime() + 60_000)), null);
    assert.equal(verifyConfirmToken('another-secret', token, now), null);
    assert.equal(verifyConfirmToken(SECRET, token.replace(/^42/, '43'), now), null);
    assert.equal(verifyConfirmToken(SECRET, `${token}.x`, now), null);
    // A confirmation token is no unsubscribe token, and the reverse.
    assert.equal(verifyUnsubscribeToken(SECRET, token), null);
    const unsubscribe = signUnsubscribeToken(SECRET, 42);
    assert.equal(verifyUnsubscribeToken(SECRET, unsubscribe), 42);
    assert.equal(verifyConfirmToken(SECRET, unsubscribe, now), null);
    assert.equal(verifyUnsubscribeToken(SECRET, unsubscribe.replace(/^42/, '7')), null);
  });

  test('CSV cells are quoted when needed and defused when a spreadsheet would run them', () => {
    assert.equal(csvCell('awa@example.org'), 'awa@example.org');
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('+33 6 00'), "'+33 6 00");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('deux\nlignes'), '"deux\nlignes"');
    assert.equal(csvCell(null), '');
    assert.equal(
      toCsv([
        ['a', 'b'],
        ['c', null],
      ]),
      'a,b\r\nc,\r\n',
    );
  });

  test('a permanent refusal is a bounce, other give-ups are failures', () => {
    assert.equal(deliveryState({ status: 'sent', last_error: null }), 'sent');
    assert.equal(deliveryState({ status: 'sending', last_error: null }), 'queued');
    assert.equal(deliveryState({ status: null, last_error: null }), 'queued');
    assert.equal(
      deliveryState({ status: 'failed', last_error: "Can't send mail - 550 5.1.1 No such user" }),
      'bounced',
    );
    assert.equal(deliveryState({ status: 'failed', last_error: 'ECONNREFUSED' }), 'failed');
    assert.equal(deliveryState({ status: 'cancelled', last_error: 'x' }), 'cancelled');
  });
});

/** A received message's headers, unfolded, and its decoded (quoted-printable) text. */
function readMail(raw: string): { headers: string; body: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest
    .join('\n\n')
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (m) =>
      Buffer.from(m.replaceAll('=', ''), 'hex').toString('utf8'),
    );
  return { headers: head.replace(/\r?\n[ \t]+/g, ' '), body };
}

function header(raw: string, name: string): string | undefined {
  const line = readMail(raw)
    .headers.split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

for (const dialect of testDialects()) {
  describe(`newsletter on ${dialect.name}`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let mailer: Mailer;
    let section: Section;
    let articles: ArticleRow[];
    let editor: Browser;
    let client = 0;

    const outbox = () =>
      sendOutboxJob({
        db: t.db,
        dialect: t.dialect,
        mailer,
        log: { warn: () => {}, info: () => {} },
        stillWanted: newsletterMailStillWanted(t.db),
        clock: t.clock,
      });
    const queue = () =>
      newsletterJob({ db: t.db, publicUrl: 'https://griot.test', secret: SECRET });
    const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

    /** Drains what is due: the newsletter's batches, then the outbox. */
    async function deliver() {
      for (let i = 0; i < 10; i++) {
        const queued = await queue().run(t.clock.now());
        const sent = await outbox().run(t.clock.now());
        if (!queued && !sent) return;
      }
    }

    async function subscribe(email: string, reader = new Browser(t, `198.51.100.${++client}`)) {
      const page = await reader.get('/newsletter');
      assert.equal(page.statusCode, 200);
      return reader.post('/newsletter', { _csrf: hiddenValue(page.body, '_csrf'), email });
    }

    /** Subscribes and confirms through the mailed link, as a reader does. */
    async function subscribeAndConfirm(email: string) {
      const reader = new Browser(t, `198.51.100.${++client}`);
      assert.equal((await subscribe(email, reader)).statusCode, 303);
      await deliver();
      const mail = mailsTo(email).at(-1);
      assert.ok(mail, `a confirmation mail to ${email}`);
      const link = /https:\/\/griot\.test(\/newsletter\/confirmation\/[0-9A-Za-z._-]+)/.exec(
        readMail(mail.raw).body,
      )?.[1];
      assert.ok(link, 'the mail holds the confirmation link');
      const page = await reader.get(link);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Je confirme mon inscription/);
      const done = await reader.post(link, { _csrf: hiddenValue(page.body, '_csrf') });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /inscription est confirmée/);
    }

    async function composeAndSend(subject: string, ids: number[]) {
      const home = await editor.get('/admin/newsletter');
      const created = await editor.post('/admin/newsletter/editions', {
        _csrf: hiddenValue(home.body, '_csrf'),
        kind: 'special',
      });
      assert.equal(created.statusCode, 303);
      const path = String(created.headers.location).split('?')[0]!;
      const form = await editor.get(path);
      const saved = await editor.post(path, {
        _csrf: hiddenValue(form.body, '_csrf'),
        subject,
        intro: 'Bonjour,\n\nVoici l’essentiel.',
        articles: ids.map(String),
      });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
      const ready = await editor.get(path);
      const sent = await editor.post(`${path}/envoyer`, {
        _csrf: hiddenValue(ready.body, '_csrf'),
      });
      assert.equal(sent.statusCode, 303);
      assert.match(String(sent.headers.location), /fait=envoyee/);
      return { path, id: Number(/(\d+)$/.exec(path)![1]) };
    }

    before(async () => {
      t = await createTestApp(dialect);
      smtp = await startSmtpServer();
      mailer = createSmtpMailer({ smtpUrl: smtp.url, from: 'Griot <no-reply@griot.test>' });
      await buildNewsroom(t.db);
      section = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      articles = [];
      for (const title of ['Le budget adopté', 'La saison des pluies', 'Un match décisif'])
        articles.push(await buildArticle(t.db, { section, title }));
      editor = await signIn(t, 'chef@griot.test');
    });
    after(async () => {
      mailer.close();
      await t.close();
      await smtp.close();
    });

    test('a reader subscribes, confirms, gets one letter with one-click unsubscribe headers, unsubscribes in one click and gets no more', async () => {
      // The archive, cached while empty: sending drops it (the `newsletter` key).
      assert.match((await t.app.inject('/newsletter/archives')).body, /Aucune lettre envoyée/);
      await subscribeAndConfirm('awa@example.org');
      await subscribeAndConfirm('binta@example.org');
      // Asked but never confirmed: receives no letter.
      assert.equal((await subscribe('pas.confirme@example.org')).statusCode, 303);
      await deliver();
      const before = smtp.received.length;

      const first = await composeAndSend('Les nouvelles du jour', [
        articles[0]!.id,
        articles[1]!.id,
      ]);
      await deliver();
      assert.match((await t.app.inject('/newsletter/archives')).body, /Les nouvelles du jour/);
      const letters = smtp.received.slice(before);
      assert.deepEqual(letters.map((m) => m.to.join()).sort(), [
        'awa@example.org',
        'binta@example.org',
      ]);
      const awa = letters.find((m) => m.to.includes('awa@example.org'))!;
      const unsubscribe = header(awa.raw, 'List-Unsubscribe');
      assert.match(
        unsubscribe ?? '',
        /^<https:\/\/griot\.test\/newsletter\/desabonnement\/[0-9A-Za-z._-]+>$/,
      );
      assert.equal(header(awa.raw, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
      const { body } = readMail(awa.raw);
      // Straight links to the articles, no pixel, no redirect.
      assert.ok(body.includes(`https://griot.test/politique/${articles[0]!.slug}`));
      assert.ok(!/<img/i.test(body), 'no image (no tracking pixel)');
      assert.ok(body.includes(`https://griot.test/newsletter/archives/${first.id}`));
      // French typography went through the outbox.
      assert.match(readMail(awa.raw).headers, /Subject: /);

      // The mail client's one-click POST: no cookie, no CSRF token, from elsewhere.
      const url = unsubscribe!.slice('<https://griot.test'.length, -1);
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://mail.example',
        },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /ne recevrez plus notre lettre/);
      const row = await t.db
        .selectFrom('newsletter_subscribers')
        .select('status')
        .where('email', '=', 'awa@example.org')
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'unsubscribed');

      const next = smtp.received.length;
      await composeAndSend('Édition spéciale : les résultats', [articles[2]!.id]);
      await deliver();
      assert.deepEqual(
        smtp.received.slice(next).map((m) => m.to.join()),
        ['binta@example.org'],
      );

      // The report: two sent for the first letter, the addresses only there.
      const report = await editor.get(first.path);
      assert.match(report.body, /2 courriels\u00A0: 2 envoyés, 0 en file/);
      assert.match(report.body, /<svg class="daily-chart"/);
    });

    test('the unsubscribe link first shows a button, and a forged one unsubscribes nobody', async () => {
      const reader = new Browser(t, '198.51.100.200');
      const page = await reader.get(`/newsletter/desabonnement/${signUnsubscribeToken(SECRET, 1)}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Me désabonner/);
      assert.ok(!page.body.includes('@example.org'), 'the page shows no address');
      const forged = await t.app.inject({
        method: 'POST',
        url: '/newsletter/desabonnement/1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      assert.equal(forged.statusCode, 400);
      // Some mail clients post the one field as multipart/form-data (RFC 8058 allows both).
      const multipart = await t.app.inject({
        method: 'POST',
        url: `/newsletter/desabonnement/${signUnsubscribeToken(SECRET, 2)}`,
        headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
        payload:
          '--XyZ\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--XyZ--\r\n',
      });
      assert.equal(multipart.statusCode, 200);
      const binta = await t.db
        .selectFrom('newsletter_subscribers')
        .select(['id', 'status'])
        .where('id', '=', 2)
        .executeTakeFirstOrThrow();
      assert.equal(binta.status, 'unsubscribed');
      await t.db
        .updateTable('newsletter_subscribers')
        .set({ status: 'confirmed', unsubscribed_at: null })
        .where('id', '=', 2)
        .execute();
      const expired = signConfirmToken(SECRET, 1, new Date('2026-11-01T00:00:00Z'));
      assert.equal((await reader.get(`/newsletter/confirmation/${expired}`)).statusCode, 400);
    });

    test('subscribing a known address answers exactly as for a new one, and mails at most once per quarter hour', async () => {
      const fresh = await subscribe('nouvelle@example.org');
      const confirmed = await subscribe('binta@example.org');
      const again = await subscribe('nouvelle@example.org');
      for (const res of [fresh, confirmed, again]) {
        assert.equal(res.statusCode, 303);
        assert.equal(res.headers.location, '/newsletter?fait=envoye');
      }
      const mails = await t.db
        .selectFrom('outbox')
        .select(['to_address', 'kind'])
        .where('kind', '=', 'newsletter-confirm')
        .where('to_address', 'in', ['nouvelle@example.org', 'binta@example.org'])
        .execute();
      // Binta is confirmed already: nothing; the new address: one mail for two requests.
      assert.equal(mails.filter((m) => m.to_address === 'binta@example.org').length, 1);
      assert.equal(mails.filter((m) => m.to_address === 'nouvelle@example.org').length, 1);
      const page = await new Browser(t).get('/newsletter?fait=envoye');
      assert.match(page.body, /Vérifiez votre boîte aux lettres/);
    });

    test('a bad address comes back with a French error and what was typed', async () => {
      const res = await subscribe('awa chez exemple');
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Indiquez une adresse électronique valide/);
      assert.match(res.body, /value="awa chez exemple"/);
      assert.match(res.body, /aria-invalid="true"/);
    });

    test('one client asking for many addresses is slowed down', async () => {
      const reader = new Browser(t, '203.0.113.77');
      for (let i = 1; i <= 5; i++)
        assert.equal((await subscribe(`flot${i}@example.org`, reader)).statusCode, 303);
      const refused = await subscribe('flot6@example.org', reader);
      assert.equal(refused.statusCode, 429);
      assert.match(refused.body, /Trop de demandes/);
      assert.match(refused.body, /value="flot6@example.org"/);
    });

    test('the subscription form needs its CSRF token', async () => {
      const res = await new Browser(t).post('/newsletter', { email: 'sans.jeton@example.org' });
      assert.equal(res.statusCode, 403);
    });

    test('a second click on « Envoyer » and two workers at once queue one mail per subscriber', async () => {
      const home = await editor.get('/admin/newsletter');
      const created = await editor.post('/admin/newsletter/editions', {
        _csrf: hiddenValue(home.body, '_csrf'),
        kind: 'digest',
      });
      const path = String(created.headers.location).split('?')[0]!;
      const form = await editor.get(path);
      await editor.post(path, {
        _csrf: hiddenValue(form.body, '_csrf'),
        subject: 'La lettre du jour',
        intro: '',
        articles: [String(articles[0]!.id)],
      });
      const token = hiddenValue((await editor.get(path)).body, '_csrf');
      const clicks = await Promise.all([
        editor.post(`${path}/envoyer`, { _csrf: token }),
        editor.post(`${path}/envoyer`, { _csrf: token }),
      ]);
      const flags = clicks
        .map((r) => /fait=([a-z-]+)/.exec(String(r.headers.location))?.[1])
        .sort();
      assert.deepEqual(flags, ['deja-envoyee', 'envoyee']);
      const id = Number(/(\d+)$/.exec(path)![1]);
      // Two instances' workers, at the same moment, then again (a restart).
      await Promise.all([queue().run(t.clock.now()), queue().run(t.clock.now())]);
      await queue().run(t.clock.now());
      const rows = await t.db
        .selectFrom('outbox')
        .select('to_address')
        .where('dedupe_key', 'like', `newsletter-edition:${id}:%`)
        .execute();
      const confirmed = await t.db
        .selectFrom('newsletter_subscribers')
        .select('email')
        .where('status', '=', 'confirmed')
        .execute();
      assert.equal(rows.length, confirmed.length);
      assert.equal(new Set(rows.map((r) => r.to_address)).size, rows.length);
      const edition = await t.db
        .selectFrom('newsletter_editions')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(edition.status, 'sent');
    });

    test('a letter queued before its reader unsubscribed is cancelled, not sent', async () => {
      const sub = await insertPendingSubscriber(t.db, {
        email: 'parti@example.org',
        now: t.clock.now(),
        by: 'x',
      });
      await t.db
        .updateTable('newsletter_subscribers')
        .set({ status: 'unsubscribed' })
        .where('id', '=', sub!.id)
        .execute();
      await insertOutboxMail(t.db, {
        kind: 'newsletter-edition',
        dedupeKey: 'newsletter-edition:999:parti',
        refId: sub!.id,
        to: 'parti@example.org',
        subject: 'Une lettre',
        text: 'Texte',
        html: '<p>Texte</p>',
        now: t.clock.now(),
      });
      await deliver();
      assert.equal(mailsTo('parti@example.org').length, 0);
      const mail = await t.db
        .selectFrom('outbox')
        .select('status')
        .where('dedupe_key', '=', 'newsletter-edition:999:parti')
        .executeTakeFirstOrThrow();
      assert.equal(mail.status, 'cancelled');
    });

    test('the archive lists sent letters with their web version, and shows no address anywhere public', async () => {
      const archive = await t.app.inject('/newsletter/archives');
      assert.equal(archive.statusCode, 200);
      assert.match(archive.body, /Les nouvelles du jour/);
      const id = Number(/\/newsletter\/archives\/(\d+)/.exec(archive.body)![1]);
      const subscribers = await t.db.selectFrom('newsletter_subscribers').select('email').execute();
      assert.ok(subscribers.length > 3);
      for (const url of [
        '/',
        '/newsletter',
        '/newsletter/archives',
        `/newsletter/archives/${id}`,
        '/lite/newsletter/archives',
        `/lite/newsletter/archives/${id}`,
        `/politique/${articles[0]!.slug}`,
        '/flux/rss.xml',
      ]) {
        const res = await t.app.inject(url);
        assert.equal(res.statusCode, 200, url);
        for (const { email } of subscribers)
          assert.ok(!res.body.includes(email), `${email} on ${url}`);
      }
      // A draft has no public page.
      const home = await editor.get('/admin/newsletter');
      const draft = await editor.post('/admin/newsletter/editions', {
        _csrf: hiddenValue(home.body, '_csrf'),
        kind: 'special',
      });
      const draftId = /(\d+)\?/.exec(String(draft.headers.location))![1];
      assert.equal((await t.app.inject(`/newsletter/archives/${draftId}`)).statusCode, 404);
    });

    test('the subscribers list and its CSV export are for the newsletter’s managers only', async () => {
      await insertPendingSubscriber(t.db, {
        email: '=cmd|calc@example.org',
        now: t.clock.now(),
        by: 'x',
      });
      const author = await signIn(t, 'auteur@griot.test');
      const moderator = await signIn(t, 'modo@griot.test');
      for (const member of [author, moderator])
        for (const url of [
          '/admin/newsletter',
          '/admin/newsletter/abonnes',
          '/admin/newsletter/abonnes.csv',
        ]) {
          const res = await member.get(url);
          assert.equal(res.statusCode, 403, url);
          assert.ok(!res.body.includes('@example.org'), url);
        }
      const list = await editor.get('/admin/newsletter/abonnes?q=binta');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /binta@example\.org/);
      assert.ok(!list.body.includes('awa@example.org'), 'the search filters');
      const csv = await editor.get('/admin/newsletter/abonnes.csv');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /attachment; filename="abonnes-/);
      const lines = csv.body.split('\r\n');
      assert.equal(lines[0], 'adresse,etat,inscrit_le,confirme_le,desabonne_le');
      assert.ok(
        lines.some((l) => l.startsWith("'=cmd|calc@example.org,pending,")),
        csv.body,
      );
      assert.ok(lines.some((l) => l.startsWith('binta@example.org,confirmed,')));
    });

    test('the subscribers list pages by 50, its pager keeping the search', async () => {
      for (let i = 0; i < 51; i++)
        await insertPendingSubscriber(t.db, {
          email: `lecteur${String(i).padStart(2, '0')}@pages.example`,
          now: t.clock.now(),
          by: 'x',
        });
      const first = await editor.get('/admin/newsletter/abonnes?q=pages.example');
      assert.equal(first.statusCode, 200);
      assert.equal((first.body.match(/@pages\.example<\/td>/g) ?? []).length, 50);
      assert.match(first.body, /<th scope="col">Adresse<\/th>/);
      assert.match(
        first.body,
        /<nav class="pager"[^>]*>\s*<i><\/i><span>Page 1 sur 2<\/span><a rel="next" href="\/admin\/newsletter\/abonnes\?q=pages\.example&amp;page=2">/,
      );
      const second = await editor.get('/admin/newsletter/abonnes?q=pages.example&page=2');
      assert.equal((second.body.match(/@pages\.example<\/td>/g) ?? []).length, 1);
      assert.match(
        second.body,
        /<a rel="prev" href="\/admin\/newsletter\/abonnes\?q=pages\.example">/,
      );
      const none = await editor.get('/admin/newsletter/abonnes?q=personne.example');
      assert.match(none.body, /<p>Aucun abonné\.<\/p>/);
      assert.ok(!none.body.includes('class="pager"'));
    });

    test('the HTML preview is the mail as sent, in a sandbox', async () => {
      const home = await editor.get('/admin/newsletter');
      const created = await editor.post('/admin/newsletter/editions', {
        _csrf: hiddenValue(home.body, '_csrf'),
        kind: 'special',
      });
      const path = String(created.headers.location).split('?')[0]!;
      const form = await editor.get(path);
      await editor.post(path, {
        _csrf: hiddenValue(form.body, '_csrf'),
        subject: 'Aperçu <script>alert(1)</script>',
        intro: 'Une intro : <b>pas de gras</b>',
        articles: [String(articles[1]!.id)],
      });
      const page = await editor.get(path);
      assert.ok(!page.body.includes('<script>alert(1)'));
      assert.match(page.body, /Une intro\u00A0: &lt;b&gt;pas de gras&lt;\/b&gt;/);
      const preview = await editor.get(`${path}/apercu`);
      assert.equal(preview.statusCode, 200);
      assert.match(String(preview.headers['content-security-policy']), /sandbox/);
      assert.match(String(preview.headers['content-security-policy']), /default-src 'none'/);
      assert.ok(!preview.body.includes('<script>alert(1)'));
      assert.ok(preview.body.includes(articles[1]!.title));
      const refused = await editor.post(path, {
        _csrf: hiddenValue(page.body, '_csrf'),
        subject: '',
        intro: 'Texte gardé',
        articles: [],
      });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /Écrivez l’objet de la lettre/);
      assert.match(refused.body, /Texte gardé/);
    });
  });
}

describe('mail log lines', () => {
  test('an SMTP refusal is logged without the recipient’s address', () => {
    const refusal = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 550 <awa@example.org>: unknown"),
      {
        responseCode: 550,
        command: 'RCPT TO',
        response: '550 <awa@example.org>: unknown',
        rejected: ['awa@example.org'],
      },
    );
    const logged = withoutAddress(refusal, 'awa@example.org') as Error & Record<string, unknown>;
    assert.ok(logged instanceof Error);
    assert.ok(!JSON.stringify({ ...logged, message: logged.message }).includes('awa@example.org'));
    assert.match(logged.message, /550 <<destinataire>>: unknown/);
    assert.equal(logged.responseCode, 550);
    assert.equal(logged.command, 'RCPT TO');
  });
});
