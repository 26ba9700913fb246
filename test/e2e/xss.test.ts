/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { raiseAlert } from '../../src/alerts/raise-alert.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isHouseUrl, isWebUrl } from '../../src/ads/ad-admin.forms.ts';
import { authorPath } from '../../src/authors/author.ts';
import { bumpContentVersion } from '../../src/cache/content-version.queries.ts';
import { COMMENT_LINK_TTL_MS, signCommentToken } from '../../src/comments/comment-token.ts';
import { updateSiteSettings } from '../../src/settings/setting.queries.ts';
import { defaultModerationSettings, parseList } from '../../src/moderation/moderation-settings.ts';
import { updateModerationSettings } from '../../src/moderation/moderation-settings.queries.ts';
import { insertEdition } from '../../src/newsletter/edition.queries.ts';
import { insertPendingSubscriber } from '../../src/newsletter/subscriber.queries.ts';
import { tagPath } from '../../src/tags/tag.ts';
import { buildAdvertiser, buildCampaign } from '../helpers/ad-factories.ts';
import { launchBrowser, serveForBrowser, signInThroughForm } from '../helpers/browser.ts';
import { buildUser } from '../helpers/factories.ts';
import { createTestApp, testDialects, type TestApp, type TestDialect } from '../helpers/setup.ts';
import {
  auditPage,
  createRecorder,
  formatFindings,
  installHook,
  submitFrom,
  visit,
  type XssRecorder,
} from '../helpers/xss-audit.ts';
import { payloads, payloadText } from '../helpers/xss-payloads.ts';
import {
  F,
  allPayloadsIn,
  group,
  groupCount,
  packed,
  seedXssSite,
  type XssGroup,
} from '../helpers/xss-site.ts';

// SQLite only: the markup is the same whatever the database (the text is stored and read back
// unchanged on both, which the rest of the suite checks), and a second pass would double the
// run time for no new rendering.
xssSuite(testDialects().find((d) => d.name === 'sqlite')!);

// Lone surrogates (one payload has one) cannot be percent-encoded; the browser would send U+FFFD.
const uri = (s: string) => encodeURIComponent(s.replace(/\p{Cs}/gu, '\uFFFD'));

function xssSuite(dialect: TestDialect) {
  describe(`the XSS corpus in Chromium (${dialect.name})`, () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let groups: XssGroup[];
    let reader: BrowserContext;
    let newsroom: BrowserContext;
    let r: Page;
    let n: Page;
    const rec: XssRecorder = createRecorder();
    const started = Date.now();

    before(async () => {
      t = await createTestApp(dialect, { now: new Date().toISOString() });
      await buildUser(t.db, { email: 'admin@griot.test', name: 'Admin', role: 'admin' });
      groups = await seedXssSite(t);
      base = await serveForBrowser(t);
      browser = await launchBrowser();
      reader = await browser.newContext();
      newsroom = await browser.newContext();
      await installHook(reader, rec);
      await installHook(newsroom, rec);
      r = await reader.newPage();
      n = await newsroom.newPage();
      await signInThroughForm(n, { base, email: 'admin@griot.test', next: '/admin' });
    });

    after(async () => {
      if (process.env.XSS_DUMP)
        (await import('node:fs')).writeFileSync(
          process.env.XSS_DUMP,
          JSON.stringify(rec.findings, null, 1),
        );
      await browser?.close();
      await t?.close();
      const fields = new Set([...rec.idsSeen].map((id) => id % 100)).size;
      console.log(
        `xss (${dialect.name}): ${payloads.length} payloads × ${fields} fields seen in pages, ` +
          `${rec.pagesRendered} pages rendered in Chromium, ${rec.documentsChecked} feeds checked, ` +
          `${rec.idsSeen.size} payload×field ids seen, ${rec.findings.length} findings, ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    });

    const clean = (what: string) =>
      assert.deepEqual(
        rec.findings.map((f) => `${f.kind} ${f.id} ${f.page}`),
        [],
        `${what}:\n${formatFindings(rec.findings)}`,
      );

    test('reader pages: home, sections, articles (full and light), authors, tags, threads', async () => {
      const slots = await t.db.selectFrom('ad_slots').select('id').orderBy('id').execute();
      for (const [k, slot] of slots.entries())
        await t.db
          .updateTable('ad_slots')
          .set({
            house_title: allPayloadsIn(slots.length, F.houseTitle)[k]!,
            house_text: allPayloadsIn(slots.length, F.houseText)[k]!,
          })
          .where('id', '=', slot.id)
          .execute();
      await bumpContentVersion(t.db);
      // The site alert, on every page from here on; the first one replaced, for the history.
      const [older, newer] = allPayloadsIn(2, F.alertText);
      for (const text of [older!, newer!])
        await raiseAlert(t.db, {
          text,
          linkUrl: '/',
          endsAt: new Date(t.clock.now().getTime() + 24 * 3_600_000),
          now: t.clock.now(),
          by: null,
        });

      await visit(r, `${base}/`, 'home', rec);
      await visit(r, `${base}/lite/`, 'home (light)', rec);
      for (const [g, x] of groups.entries()) {
        await visit(r, `${base}/${x.sectionSlug}`, `section ${g}`, rec);
        await visit(r, `${base}${x.articlePath}`, `article ${g}`, rec);
        await visit(r, `${base}/lite${x.articlePath}`, `article ${g} (light)`, rec);
        await visit(r, `${base}/direct/${x.articleId}/depuis/0`, `live fragment ${g}`, rec);
        // The pages of older entries (the article page shows the newest), full and light.
        const olderLink = (html: string) => /class="live-older"><a href="([^"]+)"/.exec(html)?.[1];
        let older = olderLink((await t.app.inject(x.articlePath)).body);
        assert.ok(older, `group ${g}'s live page links to its older entries`);
        while (older) {
          await visit(r, `${base}${older}`, `older live entries ${g}`, rec);
          await visit(r, `${base}/lite${older}`, `older live entries ${g} (light)`, rec);
          older = olderLink((await t.app.inject(older)).body);
        }
        await visit(
          r,
          `${base}${authorPath({ id: x.authorId, name: x.authorName })}`,
          `author ${g}`,
          rec,
        );
        await visit(r, `${base}${tagPath(x.tag)}`, `tag ${g}`, rec);
        // The reader who wrote the pending comment sees it, and replies to the thread's first one.
        const token = signCommentToken(
          t.config.sessionSecret,
          x.pendingId,
          new Date(t.clock.now().getTime() + COMMENT_LINK_TTL_MS),
        );
        await reader.addCookies([{ name: 'griot_mine', value: token, url: base }]);
        await visit(
          r,
          `${base}${x.articlePath}?repondre=${x.threadCommentId}`,
          `article ${g} replying, with own pending comment`,
          rec,
        );
        await visit(
          r,
          `${base}/commentaires/${x.pendingId}?jeton=${uri(token)}`,
          `private comment link ${g}`,
          rec,
        );
        await reader.clearCookies();
      }
      clean('reader pages');
    });

    test('search: results, excerpts and the query echoed back', async () => {
      for (const q of ['dounze', 'script onerror', 'javascript', 'svg onload img', 'xss'])
        await visit(r, `${base}/recherche?q=${uri(q)}`, `search ${q}`, rec);
      // Queries under the length limit, packed with payloads, then whole groups.
      const queries = packed(F.searchQuery, 200);
      // A sample through the results page; the long queries below echo every payload.
      const step = Math.ceil(queries.length / 12);
      for (const [k, q] of queries.filter((_, k) => k % step === 0).entries())
        await visit(r, `${base}/recherche?q=${uri(q)}`, `search query ${k}`, rec);
      for (let g = 0; g < groupCount; g++)
        await visit(
          r,
          `${base}/recherche?q=${uri(group(g, F.searchQuery))}&rubrique=${uri(group(g, F.searchQuery))}`,
          `search long query ${g}`,
          rec,
        );
      clean('search');
    });

    test('forms that echo what was sent: comment, login, error pages with the payload in the URL', async () => {
      // Each answer is the article again, with a fresh form stamp: the next post goes from it.
      await visit(r, `${base}${groups[0]!.articlePath}`, 'article before commenting', rec);
      // Names and emails come back cut to 500 characters: as many posts as that takes.
      const names = packed(F.echoName, 500);
      const emails = packed(F.echoEmail, 500);
      for (let k = 0; k < Math.max(names.length, emails.length); k++) {
        const x = groups[k % groupCount]!;
        t.clock.advance(5000);
        await submitFrom(
          r,
          `/articles/${x.articleId}/commentaires`,
          {
            name: names[k] ?? '',
            email: emails[k] ?? '',
            body: group(k % groupCount, F.echoBody, '\n\n'),
            parent: String(x.threadCommentId),
            website: '',
          },
          `comment form echo ${k}`,
          rec,
        );
      }
      // The login form keeps the email (at most 320 characters) when the password is wrong.
      await visit(r, `${base}/login`, 'login', rec);
      for (const [k, email] of packed(F.loginEmail, 320).entries())
        await submitFrom(
          r,
          '/login',
          { email, password: 'wrong password', next: group(k % groupCount, F.loginNext) },
          `login email echo ${k}`,
          rec,
        );
      for (let g = 0; g < groupCount; g++) {
        await visit(r, `${base}/login?next=${uri(group(g, F.loginNext))}`, `login next ${g}`, rec);
        const path = uri(group(g, F.errorPath));
        await visit(r, `${base}/${path}`, `error page ${g}`, rec, { expectOk: false });
        await visit(
          r,
          `${base}/${groups[g]!.sectionSlug}/${path}?page=${path}`,
          `error page in section ${g}`,
          rec,
          {
            expectOk: false,
          },
        );
      }
      clean('forms and error pages');
    });

    test('newsroom pages: editor, revisions, lists, media, users, sections, moderation, outbox', async () => {
      for (const path of [
        '/admin',
        '/admin/articles',
        '/admin/medias',
        '/admin/utilisateurs',
        '/admin/rubriques',
        '/admin/moderation',
        '/admin/moderation?statut=approved',
        '/admin/moderation?tri=indesirable',
        '/admin/moderation/statistiques',
        '/admin/courriels',
        '/admin/reglages',
        '/admin/alerte',
      ])
        await visit(n, base + path, path, rec);
      const titleQueries = packed(F.adminSearch, 200);
      const every = Math.ceil(titleQueries.length / 6);
      for (const [k, q] of titleQueries.filter((_, k) => k % every === 0).entries())
        await visit(
          n,
          `${base}/admin/articles?q=${uri(q)}&etat=${uri(q)}`,
          `article list search ${k}`,
          rec,
        );
      const mails = await t.db.selectFrom('outbox').select('id').execute();
      for (const m of mails.slice(0, 3))
        await visit(n, `${base}/admin/courriels/${m.id}`, `mail ${m.id}`, rec);
      for (const [g, x] of groups.entries()) {
        const editor = await n.goto(`${base}/admin/articles/${x.articleId}`);
        // The live preview: the editor's script puts the server's rendering into the page (the
        // whole article, shown once the script's first rendering is in).
        await n.waitForSelector('.editor-preview:not([hidden]):not([aria-busy])', {
          timeout: 10_000,
        });
        await n.waitForFunction(
          () =>
            (document.querySelector('[data-preview="article"] .article-preview')?.innerHTML
              .length ?? 0) > 0,
          undefined,
          { timeout: 10_000 },
        );
        await auditPage(n, `editor ${g}`, rec, editor);
        await visit(n, `${base}/admin/articles/${x.articleId}/versions`, `revisions ${g}`, rec);
        await visit(n, `${base}/admin/articles/${x.articleId}/direct`, `live entries ${g}`, rec);
        await visit(
          n,
          `${base}/admin/articles/${x.articleId}/versions/comparer?de=1&a=2`,
          `diff ${g}`,
          rec,
        );
        await visit(n, `${base}/admin/medias/${x.mediaId}`, `media ${g}`, rec);
        await visit(n, `${base}/admin/utilisateurs/${x.authorId}`, `user ${g}`, rec);
        await visit(n, `${base}/admin/rubriques/${x.sectionId}`, `section admin ${g}`, rec);
        // Forms sent back with their errors: a new article (slug attempt) and a section.
        await n.goto(`${base}/admin/articles/nouveau`);
        await submitFrom(
          n,
          '/admin/articles',
          {
            title: group(g, F.editorTitle),
            kicker: group(g, F.editorTitle),
            standfirst: group(g, F.editorTitle),
            body: group(g, F.editorBody, '\n\n'),
            slug: group(g, F.articleSlug),
            tags: group(g, F.articleSlug, ','),
            sectionId: String(x.sectionId),
            signature: group(g, F.editorTitle),
            imageCredit: group(g, F.editorTitle),
            correction: group(g, F.editorBody),
          },
          `new article echo ${g}`,
          rec,
        );
        await n.goto(`${base}/admin/rubriques`);
        await submitFrom(
          n,
          '/admin/rubriques',
          {
            name: group(g, F.sectionForm),
            slug: group(g, F.sectionSlug),
            description: group(g, F.sectionForm),
          },
          `section form echo ${g}`,
          rec,
        );
      }
      clean('newsroom pages');
    });

    // Issue 17: the rules' badges in the queue, the rules' form, the reports page, the report form.
    test('moderation rules and reports: badges, the rules form, reported comments, the report form', async () => {
      for (const [g, x] of groups.entries()) {
        await t.db
          .insertInto('comment_rule_verdicts')
          .values([
            {
              comment_id: x.pendingId,
              position: 0,
              label: 'suspect-words',
              verdict: 'flag',
              reason_fr: group(g, F.ruleReason),
              reason_en: group(g, F.ruleReason),
            },
          ])
          .execute();
        await t.db
          .insertInto('comment_reports')
          .values({
            comment_id: x.threadCommentId,
            reason: 'other',
            note: group(g, F.reportNote),
            reporter_hash: `xss-${g}`,
            created_at: t.clock.now().toISOString(),
          })
          .execute();
      }
      const words = packed(F.ruleWords, 100);
      await updateModerationSettings(t.db, {
        ...defaultModerationSettings,
        bannedWords: parseList(words.join('\n')),
        suspectWords: parseList(words.slice(0, 50).join('\n')),
        blockedDomains: parseList(words.slice(50, 100).join('\n')),
      });
      for (const path of [
        '/admin/moderation',
        '/admin/moderation?regle=suspect-words',
        '/admin/moderation/regles',
        '/admin/moderation/signalements',
      ])
        await visit(n, base + path, path, rec);
      await submitFrom(
        n,
        '/admin/moderation/regles',
        {
          bannedWords: words.slice(0, 20).join('\n'),
          maxLinks: words[0]!,
          capsPercent: words[1]!,
        },
        'rules form echo',
        rec,
      );
      for (const [g, x] of groups.entries()) {
        const form = `${base}/commentaires/${x.threadCommentId}/signaler`;
        await visit(r, form, `report form ${g}`, rec);
        await submitFrom(
          r,
          `/commentaires/${x.threadCommentId}/signaler`,
          { reason: group(g, F.reportNote).slice(0, 200), note: group(g, F.reportNote) },
          `report form echo ${g}`,
          rec,
        );
      }
      clean('moderation rules and reports');
    });

    test('newsletter: the archive, a letter online, the newsroom pages, the mail preview, subscribers and the form', async () => {
      const ids: number[] = [];
      for (const [g, x] of groups.entries()) {
        const edition = await insertEdition(t.db, {
          kind: 'special',
          subject: group(g, F.newsletterSubject),
          intro: group(g, F.newsletterIntro, '\n\n'),
          articleIds: [x.articleId],
          by: null,
          now: t.clock.now(),
        });
        ids.push(edition.id);
        // Every other letter sent, with its articles frozen as payloads (the archive shows those).
        if (g % 2 === 0)
          await t.db
            .updateTable('newsletter_editions')
            .set({
              status: 'sent',
              sent_at: t.clock.now().toISOString(),
              // This group's and the next one's payloads: every payload reaches a sent letter.
              items: JSON.stringify(
                [g, g + 1]
                  .filter((k) => k < groups.length)
                  .map((k) => ({
                    id: x.articleId,
                    kicker: group(k, F.newsletterItem),
                    title: group(k, F.newsletterItem),
                    standfirst: group(k, F.newsletterItem),
                    path: x.articlePath,
                  })),
              ),
            })
            .where('id', '=', edition.id)
            .execute();
      }
      for (const [k, email] of packed(F.newsletterEmail, 254).entries())
        await insertPendingSubscriber(t.db, { email, now: t.clock.now(), by: `xss-${k}` });
      await bumpContentVersion(t.db, ['newsletter']);
      await visit(r, `${base}/newsletter/archives`, 'newsletter archive', rec);
      await visit(r, `${base}/lite/newsletter/archives`, 'newsletter archive (light)', rec);
      for (const [g, id] of ids.entries()) {
        if (g % 2 === 0) await visit(r, `${base}/newsletter/archives/${id}`, `letter ${g}`, rec);
        await visit(n, `${base}/admin/newsletter/editions/${id}`, `letter admin ${g}`, rec);
        // The mail's HTML itself, as a mail client without our sandbox would show it (the
        // preview's CSP forbids scripts, so Chromium could not even run the audit there).
        const mail = await n.request.get(`${base}/admin/newsletter/editions/${id}/apercu`);
        assert.equal(mail.status(), 200);
        await n.setContent(await mail.text(), { waitUntil: 'load' });
        await auditPage(n, `letter mail ${g}`, rec, null);
      }
      await visit(n, `${base}/admin/newsletter`, 'newsletter admin', rec);
      // Every page of the subscribers' list (50 a page), so every address is shown once.
      const emails = packed(F.newsletterEmail, 254).length;
      for (let page = 1; page <= Math.ceil(emails / 50); page++)
        await visit(n, `${base}/admin/newsletter/abonnes?page=${page}`, `subscribers ${page}`, rec);
      for (const [k, q] of packed(F.newsletterEcho, 254).slice(0, 4).entries())
        await visit(
          n,
          `${base}/admin/newsletter/abonnes?q=${uri(q)}`,
          `subscriber search ${k}`,
          rec,
        );
      // The subscription form keeps what was typed when it is not an address.
      await visit(r, `${base}/newsletter`, 'newsletter form', rec);
      for (const [k, email] of packed(F.newsletterEcho, 300).entries())
        await submitFrom(r, '/newsletter', { email }, `newsletter form echo ${k}`, rec);
      clean('newsletter pages');
    });

    test('ads: campaigns in reader pages, the ads admin and the reports', async () => {
      const slots = await t.db.selectFrom('ad_slots').select('id').execute();
      for (const [g, x] of groups.entries()) {
        const advertiser = await buildAdvertiser(t.db, {
          name: group(g, F.advertiserName),
          contact_name: group(g, F.advertiserContact),
        });
        const campaign = await buildCampaign(t.db, {
          advertiser_id: advertiser.id,
          name: group(g, F.campaignName),
          tier: 'sponsorship',
          text_title: group(g, F.adTitle),
          text_body: group(g, F.adBody),
          starts_at: new Date(t.clock.now().getTime() - 86_400_000).toISOString(),
          ends_at: null,
          report_key: randomBytes(18).toString('base64url'),
          slotIds: slots.map((s) => s.id),
        });
        x.campaignId = campaign.id;
        x.reportKey = campaign.report_key;
        x.advertiserId = advertiser.id;
      }
      await bumpContentVersion(t.db);
      for (const path of ['/admin/publicite', '/admin/publicite/annonceurs', '/annoncez-chez-nous'])
        await visit(n, base + path, path, rec);
      for (const s of slots)
        await visit(n, `${base}/admin/publicite/emplacements/${s.id}`, `slot ${s.id}`, rec);
      for (const [g, x] of groups.entries()) {
        await visit(r, `${base}${x.articlePath}`, `article ${g} with campaigns`, rec);
        await visit(n, `${base}/admin/publicite/campagnes/${x.campaignId}`, `campaign ${g}`, rec);
        await visit(
          n,
          `${base}/admin/publicite/campagnes/${x.campaignId}/rapport`,
          `campaign report ${g}`,
          rec,
        );
        await visit(
          n,
          `${base}/admin/publicite/annonceurs/${x.advertiserId}`,
          `advertiser ${g}`,
          rec,
        );
        await visit(r, `${base}/annonceurs/rapport/${x.reportKey}`, `advertiser report ${g}`, rec);
      }
      await visit(r, `${base}/`, 'home with campaigns', rec);
      for (const value of allPayloadsIn(4, F.linkUrl)) {
        await n.goto(`${base}/admin/publicite/campagnes/nouvelle`);
        await submitFrom(
          n,
          '/admin/publicite/campagnes',
          { linkUrl: value, name: value, textTitle: value, textBody: value, advertiserId: '1' },
          'campaign form echo',
          rec,
        );
      }
      clean('ads');
    });

    test('link fields take only web addresses: no payload passes as a campaign or house-ad link', () => {
      const passed = payloads
        .map((_, i) => payloadText(i, F.linkUrl))
        .filter((url) => isWebUrl(url) || isHouseUrl(url))
        .filter(
          (url) => !/^(https?:|\/)/i.test(new URL(url, 'https://griot.test/').protocol + '//'),
        );
      assert.deepEqual(passed, []);
    });

    test('site settings: name, tagline and contact on every kind of page', async () => {
      const parts = 3;
      const names = allPayloadsIn(parts, F.siteName);
      const taglines = allPayloadsIn(parts, F.tagline);
      const contacts = allPayloadsIn(parts, F.contactEmail);
      for (let k = 0; k < parts; k++) {
        await updateSiteSettings(t.db, {
          siteName: names[k]!,
          tagline: taglines[k]!,
          contactEmail: contacts[k]!,
        });
        await bumpContentVersion(t.db);
        const x = groups[k]!;
        await visit(r, `${base}/`, `home, settings ${k}`, rec);
        await visit(r, `${base}${x.articlePath}`, `article, settings ${k}`, rec);
        await visit(r, `${base}/lite${x.articlePath}`, `light article, settings ${k}`, rec);
        await visit(r, `${base}/annoncez-chez-nous`, `advertise, settings ${k}`, rec);
        await visit(r, `${base}/recherche?q=dounze`, `search, settings ${k}`, rec);
        await visit(n, `${base}/admin/reglages`, `settings admin ${k}`, rec);
        await visit(n, `${base}/admin`, `dashboard, settings ${k}`, rec);
        await feeds(`settings ${k}`);
      }
      clean('settings');
    });

    // Feeds are XML: no element of ours carries markup, and the HTML they hold is sanitized.
    async function feeds(label: string) {
      const urls = ['/flux/rss.xml', '/flux/atom.xml', '/sitemaps/news.xml'];
      for (const x of groups) {
        urls.push(
          `/flux/rubrique/${x.sectionSlug}/rss.xml`,
          `/flux/rubrique/${x.sectionSlug}/atom.xml`,
        );
        urls.push(
          `/flux/auteur/${authorPath({ id: x.authorId, name: x.authorName }).slice('/auteurs/'.length)}/atom.xml`,
        );
        urls.push(`/flux/mot-cle/${uri(x.tag)}/rss.xml`);
      }
      const allowed =
        /^(\?xml|rss|channel|title|link|description|language|lastBuildDate|pubDate|item|guid|category|author|dc:creator|content:encoded|media:content|media:credit|media:description|media:title|atom:link|feed|id|updated|published|entry|summary|content|name|uri|rights|subtitle|generator|icon|logo|urlset|url|loc|lastmod|news:news|news:publication|news:name|news:language|news:publication_date|news:title|news:keywords|image:image|image:loc|image:caption|image:title|contributor|enclosure|media:thumbnail|copyright|ttl|webMaster|managingEditor|image|sy:updatePeriod|sy:updateFrequency)$/;
      const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true });
      for (const url of urls) {
        const res = await t.app.inject({ url });
        assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
        rec.documentsChecked++;
        assert.equal(XMLValidator.validate(res.body), true, `${url} is well-formed XML`);
        const where = `${label} ${url}`;
        if (/<script/i.test(res.body))
          rec.findings.push({ page: where, kind: 'raw', id: -1, detail: 'raw <script in the XML' });
        const walk = (nodes: Record<string, unknown>[]) => {
          for (const node of nodes) {
            for (const [name, value] of Object.entries(node)) {
              if (name === ':@' || name === '#text') continue;
              if (!allowed.test(name))
                rec.findings.push({
                  page: where,
                  kind: 'raw',
                  id: -1,
                  detail: `element <${name}>`,
                });
              if (Array.isArray(value)) {
                const type = (node[':@'] as Record<string, string> | undefined)?.['@_type'];
                if (/^(description|content:encoded)$/.test(name) || type === 'html')
                  for (const child of value as Record<string, unknown>[])
                    if (typeof child['#text'] === 'string') htmlAudit(child['#text'], where);
                walk(value as Record<string, unknown>[]);
              }
            }
          }
        };
        walk(parser.parse(res.body) as Record<string, unknown>[]);
      }
    }

    // The HTML a feed reader would show: no script, no handler, no script URL.
    function htmlAudit(html: string, where: string) {
      const banned = /^(script|iframe|frame|object|embed|style|svg|math|form|base|meta|link)$/i;
      for (const el of parse(html).querySelectorAll('*')) {
        const tag = el.rawTagName ?? '';
        const bad = banned.test(tag)
          ? `<${tag}>`
          : Object.entries(el.attributes).find(
              ([name, value]) =>
                name.toLowerCase().startsWith('on') ||
                // eslint-disable-next-line no-control-regex -- URL parsers drop C0 controls and spaces
                /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, '')),
            )?.[0];
        if (bad)
          rec.findings.push({
            page: where,
            kind: 'raw',
            id: Number(/(\d+)\)/.exec(el.toString())?.[1] ?? -1),
            detail: `${bad} in feed HTML: ${el.toString().slice(0, 120)}`,
          });
      }
    }

    test('feeds and sitemaps carry no markup but the sanitized bodies', async () => {
      await feeds('feeds');
      clean('feeds');
    });

    test('every field written was shown on some page, every payload in it', () => {
      const seen = new Map<number, Set<number>>();
      for (const id of rec.idsSeen) {
        const field = id % 100;
        if (!seen.has(field)) seen.set(field, new Set());
        seen.get(field)!.add(Math.floor(id / 100));
      }
      // Not echoed by design: `next` is reduced to a safe path, a 404 does not repeat the
      // address, link fields hold only what the forms accept.
      const notShown = new Set<number>([F.loginNext, F.errorPath, F.linkUrl]);
      // Sampled: a few packed queries through the results and list pages.
      // A query over 200 characters gets the help page, and section forms keep the first part of
      // a name or slug: these fields see a sample.
      // The moderation rules' word lists split entries at commas and keep 100 characters of each.
      const sampled = new Set<number>([
        F.adminSearch,
        F.searchQuery,
        F.sectionForm,
        F.sectionSlug,
        F.ruleWords,
      ]);
      const missing = Object.entries(F)
        .filter(([, field]) => !notShown.has(field) && !seen.has(field))
        .map(([name]) => name);
      assert.deepEqual(missing, [], 'fields never seen in a page');
      // Obfuscated calls (entities, \u escapes) are not counted, so "nearly all" payloads per field.
      const thin = [...seen]
        .filter(
          ([field, set]) =>
            !notShown.has(field) && !sampled.has(field) && set.size < payloads.length * 0.8,
        )
        .map(([field, set]) => `${field}: ${set.size}`);
      assert.deepEqual(thin, [], 'fields where few payloads reached a page');
    });

    test('the detectors see a payload that runs (control, on a page that does not escape)', async () => {
      const control = createRecorder();
      const context = await browser.newContext();
      await installHook(context, control);
      const page = await context.newPage();
      const unsafe = [0, 10, 17].map((i) => payloadText(i, 99)).join('');
      const dialog = payloads.findIndex((x) => x.category === 'dialog');
      await page.route(`${base}/control`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!DOCTYPE html><title>x</title>${unsafe}${payloadText(dialog, 99)}<a href="javascript:${'__xss'}(9999)">x</a>`,
        }),
      );
      await visit(page, `${base}/control`, 'control', control);
      await context.close();
      const kinds = new Set(control.findings.map((f) => f.kind));
      assert.deepEqual([...kinds].sort(), ['dialog', 'dom', 'executed', 'raw']);
      assert.ok(control.findings.some((f) => f.kind === 'executed' && f.id === 99));
    });
  });
}
