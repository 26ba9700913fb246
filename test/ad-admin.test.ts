import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { findContentVersion } from '../src/cache/content-version.queries.ts';
import { AD_IMAGE_MAX_BYTES } from '../src/ads/ad-creative.ts';
import {
  emptyCampaignForm,
  localToUtc,
  validateCampaign,
  type CampaignFormValues,
} from '../src/ads/save-campaign.ts';
import { isHouseUrl, isWebUrl } from '../src/ads/ad-admin.forms.ts';
import { insertMedia } from '../src/media/media.queries.ts';
import type { Section } from '../src/sections/section.table.ts';
import { buildArticle, buildImage, buildSection, buildUser } from './helpers/factories.ts';
import { hiddenValue, type Browser } from './helpers/http.ts';
import { buildNewsroom, signIn } from './helpers/newsroom.ts';
import { createTestApp, testDialects, type TestApp } from './helpers/setup.ts';

describe('campaign validation (pure)', () => {
  const choices = { advertiserIds: [1], slotIds: [10, 11], sectionIds: [5, 6] };
  const valid: CampaignFormValues = {
    ...emptyCampaignForm(new Date('2026-11-23T12:00:00.000Z'), 'Africa/Niamey'),
    advertiserId: '1',
    name: 'Rentrée',
    creativeKind: 'text',
    textTitle: 'La rentrée à petits prix',
    linkUrl: 'https://annonceur.example/rentree',
    slotIds: ['10'],
  };
  const check = (form: Partial<CampaignFormValues>, hasFile = false) =>
    validateCampaign({ ...valid, ...form }, { timeZone: 'Africa/Niamey', choices, hasFile });

  test('a datetime-local value is a wall-clock time in the newsroom zone', () => {
    assert.equal(localToUtc('2026-12-01T08:00', 'Africa/Niamey'), '2026-12-01T07:00:00.000Z');
    // Paris is on summer time in July (UTC+2) and winter time in December (UTC+1).
    assert.equal(localToUtc('2026-07-01T08:00', 'Europe/Paris'), '2026-07-01T06:00:00.000Z');
    assert.equal(localToUtc('2026-02-31T08:00', 'Africa/Niamey'), null);
    assert.equal(localToUtc('demain', 'Africa/Niamey'), null);
  });

  test('a valid form gives its columns; the new form starts now in the newsroom zone', () => {
    assert.equal(valid.startsAt, '2026-11-23T13:00');
    const { errors, fields } = check({ sectionsScope: 'some', sectionIds: ['6', '6', '99'] });
    assert.deepEqual(errors, []);
    assert.equal(fields?.starts_at, '2026-11-23T12:00:00.000Z');
    assert.equal(fields?.all_sections, 0);
    assert.deepEqual(fields?.sectionIds, [6]);
    assert.equal(fields?.media_id, null);
  });

  test('each rule names its error', () => {
    const errorsOf = (form: Partial<CampaignFormValues>, hasFile = false) =>
      check(form, hasFile).errors;
    assert.deepEqual(errorsOf({ advertiserId: '2' }), ['advertiser-missing']);
    assert.deepEqual(errorsOf({ weight: '0' }), ['weight-invalid']);
    assert.deepEqual(errorsOf({ weight: '101' }), ['weight-invalid']);
    assert.deepEqual(errorsOf({ tier: 'gold' }), ['tier-invalid']);
    assert.deepEqual(errorsOf({ endsAt: '2026-11-23T13:00' }), ['ends-at-before-start']);
    assert.deepEqual(errorsOf({ slotIds: ['99'] }), ['slots-missing']);
    assert.deepEqual(errorsOf({ sectionsScope: 'some' }), ['sections-missing']);
    assert.deepEqual(errorsOf({ textTitle: 'x'.repeat(61) }), ['title-too-long']);
    assert.deepEqual(errorsOf({ textBody: 'x'.repeat(141) }), ['body-too-long']);
    assert.deepEqual(errorsOf({ linkUrl: 'javascript:alert(1)' }), ['link-url-invalid']);
    assert.deepEqual(errorsOf({ linkUrl: 'ftp://annonceur.example' }), ['link-url-invalid']);
    assert.deepEqual(errorsOf({ totalCap: '0', dailyCap: '1.5' }), [
      'total-cap-invalid',
      'daily-cap-invalid',
    ]);
    assert.deepEqual(errorsOf({ creativeKind: 'image', textTitle: '' }), [
      'image-missing',
      'alt-missing',
    ]);
    // A file sent along stands for the image; the alt text may be longer than a text ad's title.
    assert.deepEqual(errorsOf({ creativeKind: 'image', textTitle: 'x'.repeat(100) }, true), []);
  });

  test('links: a house ad may lead to a page of the site, never to another host by //', () => {
    assert.ok(isHouseUrl('/annoncez-chez-nous'));
    assert.ok(isHouseUrl('https://annonceur.example/'));
    assert.ok(!isHouseUrl('//evil.example/'));
    assert.ok(!isHouseUrl('/\\evil.example/'));
    assert.ok(!isHouseUrl('javascript:alert(1)'));
    assert.ok(!isWebUrl('/annoncez-chez-nous'));
  });
});

for (const dialect of testDialects()) {
  describe(`ads admin on ${dialect.name}`, () => {
    let t: TestApp;
    let politique: Section;
    let economie: Section;
    let editor: Browser;
    let slotIds: number[];
    let advertiserId: number;

    before(async () => {
      t = await createTestApp(dialect);
      await buildNewsroom(t.db);
      await buildUser(t.db, { email: 'admin@griot.test', role: 'admin' });
      politique = await buildSection(t.db, { name: 'Politique', slug: 'politique' });
      economie = await buildSection(t.db, { name: 'Économie', slug: 'economie' });
      editor = await signIn(t, 'chef@griot.test');
    });
    after(() => t.close());

    /** Posts a form with the CSRF token of the page it sits on. */
    async function send(
      member: Browser,
      page: string,
      url: string,
      fields: Record<string, string | string[]>,
    ): Promise<LightMyRequestResponse> {
      const token = hiddenValue((await member.get(page)).body, '_csrf');
      return member.post(url, { _csrf: token, ...fields });
    }

    /** Posts the campaign form as browsers do (multipart), with an optional image file. */
    async function sendMultipart(
      member: Browser,
      url: string,
      fields: Record<string, string | string[]>,
      file?: Buffer,
    ): Promise<LightMyRequestResponse> {
      const form = new FormData();
      const page = await member.get('/admin/publicite/campagnes/nouvelle');
      form.append('_csrf', hiddenValue(page.body, '_csrf'));
      for (const [k, v] of Object.entries(fields))
        for (const one of ([] as string[]).concat(v)) form.append(k, one);
      if (file) form.append('imageFile', new Blob([new Uint8Array(file)]), 'pub.png');
      const encoded = new Response(form);
      return t.app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: member.cookie,
          'content-type': encoded.headers.get('content-type')!,
          origin: 'https://griot.test',
        },
        payload: Buffer.from(await encoded.arrayBuffer()),
      });
    }

    const campaignFields = (over: Record<string, string | string[]> = {}) => ({
      advertiserId: String(advertiserId),
      name: 'Soldes de décembre',
      tier: 'standard',
      weight: '3',
      status: 'active',
      startsAt: '2026-12-01T08:00',
      endsAt: '2026-12-31T23:30',
      slots: [String(slotIds[0]), String(slotIds[2])],
      sectionsScope: 'some',
      sections: [String(economie.id)],
      creativeKind: 'text',
      mediaId: '',
      textTitle: 'Tout à moitié prix',
      textBody: 'Au grand marché, jusqu’au 31 décembre.',
      linkUrl: 'https://marche.example/soldes?utm=griot',
      totalCap: '100000',
      dailyCap: '',
      ...over,
    });

    const campaignId = (res: LightMyRequestResponse) => {
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      return Number(/\/campagnes\/(\d+)\?/.exec(res.headers.location as string)![1]);
    };

    test('a site without slots is offered the five usual ones, created once', async () => {
      const empty = await editor.get('/admin/publicite');
      assert.equal(empty.statusCode, 200);
      assert.match(parse(empty.body).querySelector('h1')!.text, /^Publicité$/);
      assert.match(empty.body, /Aucun emplacement pour l’instant/);
      for (let i = 0; i < 2; i++) {
        const res = await send(
          editor,
          '/admin/publicite',
          '/admin/publicite/emplacements/habituels',
          {},
        );
        assert.equal(res.statusCode, 303);
      }
      const slots = await t.db.selectFrom('ad_slots').selectAll().orderBy('position').execute();
      assert.deepEqual(
        slots.map((s) => s.key),
        ['haut-de-page', 'dans-l-article', 'fin-d-article', 'accueil', 'sous-le-titre'],
      );
      slotIds = slots.map((s) => s.id);
      const doc = parse((await editor.get('/admin/publicite')).body);
      const list = doc.querySelector('.ad-list')!.text.replace(/\s+/g, ' ');
      assert.match(list, /Bannière sous l’en-tête haut-de-page/);
      assert.match(list, /Dans l’article, après le 3e paragraphe/);
      assert.match(list, /Téléphone 320 × 100/);
      assert.match(list, /Écran large 728 × 90/);
      assert.ok(doc.querySelector(`a[href="/admin/publicite/emplacements/${slotIds[0]}"]`));
    });

    test('an editor adds an advertiser; a wrong email comes back in French, as typed', async () => {
      const bad = await send(editor, '/admin/publicite/annonceurs', '/admin/publicite/annonceurs', {
        name: 'Grand Marché de Niamey',
        contactName: 'Aïcha Moussa',
        contactEmail: 'aicha.marche.example',
        contactPhone: '+227 90 00 00 00',
      });
      assert.equal(bad.statusCode, 422);
      const doc = parse(bad.body);
      assert.match(
        doc.querySelector('.form-errors')!.text,
        /L’adresse électronique n’est pas valide/,
      );
      assert.equal(
        doc.querySelector('#advertiser-name')?.getAttribute('value'),
        'Grand Marché de Niamey',
      );
      assert.equal(
        doc.querySelector('#advertiser-contact-email')?.getAttribute('aria-invalid'),
        'true',
      );

      const res = await send(editor, '/admin/publicite/annonceurs', '/admin/publicite/annonceurs', {
        name: 'Grand Marché de Niamey',
        contactName: 'Aïcha Moussa',
        contactEmail: 'aicha@marche.example',
        contactPhone: '+227 90 00 00 00',
      });
      assert.equal(res.statusCode, 303);
      const row = await t.db
        .selectFrom('advertisers')
        .selectAll()
        .where('name', '=', 'Grand Marché de Niamey')
        .executeTakeFirstOrThrow();
      assert.equal(row.contact_email, 'aicha@marche.example');
      assert.equal(row.contact_phone, '+227 90 00 00 00');
      advertiserId = row.id;
      assert.equal(
        res.headers.location,
        `/admin/publicite/annonceurs/${row.id}?fait=annonceur-cree`,
      );
      const page = await editor.get(res.headers.location as string);
      assert.match(page.body, /Annonceur ajouté/);
    });

    test('a text campaign for one section is stored with its slots, UTC dates and a report key', async () => {
      const versionBefore = await findContentVersion(t.db);
      const id = campaignId(
        await sendMultipart(editor, '/admin/publicite/campagnes', campaignFields()),
      );
      const row = await t.db
        .selectFrom('ad_campaigns')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.advertiser_id, advertiserId);
      assert.equal(row.creative_kind, 'text');
      assert.equal(row.media_id, null);
      assert.equal(row.weight, 3);
      assert.equal(row.status, 'active');
      // Africa/Niamey is UTC+1 all year.
      assert.equal(row.starts_at, '2026-12-01T07:00:00.000Z');
      assert.equal(row.ends_at, '2026-12-31T22:30:00.000Z');
      assert.equal(row.all_sections, 0);
      assert.equal(row.total_cap, 100000);
      assert.equal(row.daily_cap, null);
      assert.match(row.report_key, /^[\w-]{24}$/);
      const slots = await t.db
        .selectFrom('ad_campaign_slots')
        .select('slot_id')
        .where('campaign_id', '=', id)
        .orderBy('slot_id')
        .execute();
      assert.deepEqual(
        slots.map((s) => s.slot_id),
        [slotIds[0], slotIds[2]],
      );
      const sections = await t.db
        .selectFrom('ad_campaign_sections')
        .select('section_id')
        .where('campaign_id', '=', id)
        .execute();
      assert.deepEqual(
        sections.map((s) => s.section_id),
        [economie.id],
      );
      assert.ok((await findContentVersion(t.db)) > versionBefore);

      const page = parse(
        (await editor.get(`/admin/publicite/campagnes/${id}?fait=campagne-creee`)).body,
      );
      assert.match(page.querySelector('[role="status"]')!.text, /Campagne créée/);
      assert.ok(page.querySelector(`a[href="/admin/publicite/campagnes/${id}/rapport"]`));
      assert.ok(
        page.querySelector(`a[href="https://griot.test/annonceurs/rapport/${row.report_key}"]`),
      );
      assert.match(page.text, /Lien du rapport pour l’annonceur/);
      assert.equal(page.querySelector('#ad-starts-at')?.getAttribute('value'), '2026-12-01T08:00');
      // Before its start (the clock says 23 November) the active campaign is « programmée ».
      assert.match(
        page.querySelector('.ad-summary')!.text,
        /Programmée.*Statut enregistré\u00A0: Active/s,
      );
      assert.match(
        page.querySelector('.ad-summary')!.text,
        /Du 1er décembre 2026 à 8\u00A0h\u00A000/,
      );
    });

    test('a campaign made in the admin runs on reader pages of its section from its start', async () => {
      const phone = {
        'user-agent':
          'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
      };
      const inEconomie = await buildArticle(t.db, { section: economie });
      const inPolitique = await buildArticle(t.db, { section: politique });
      const id = campaignId(
        await sendMultipart(
          editor,
          '/admin/publicite/campagnes',
          campaignFields({
            tier: 'sponsorship',
            slots: [String(slotIds[0])],
            textTitle: 'Nouveautés du grand marché',
          }),
        ),
      );
      const topSlot = async (path: string) =>
        parse((await t.app.inject({ url: path, headers: phone })).body).querySelector(
          'aside.ad[data-slot="haut-de-page"]',
        )!.text;
      const start = t.clock.now();
      try {
        assert.match(await topSlot(`/economie/${inEconomie.slug}`), /Votre Pub ici\u202F!/);
        // 1 December, 08:00 in Niamey.
        t.clock.set('2026-12-01T07:00:00.000Z');
        assert.match(await topSlot(`/economie/${inEconomie.slug}`), /Nouveautés du grand marché/);
        assert.match(await topSlot('/economie'), /Nouveautés du grand marché/);
        assert.match(await topSlot(`/politique/${inPolitique.slug}`), /Votre Pub ici\u202F!/);
        assert.match(await topSlot('/'), /Votre Pub ici\u202F!/);
      } finally {
        t.clock.set(start);
        // The campaigns listed by the tests below are theirs alone.
        await t.db.deleteFrom('ad_campaigns').where('id', '=', id).execute();
      }
    });

    test('an image campaign uses a light library image, its title as alt text', async () => {
      const image = await buildImage(t.db, t.dataDir);
      const id = campaignId(
        await sendMultipart(
          editor,
          '/admin/publicite/campagnes',
          campaignFields({
            name: 'Bannière du marché',
            creativeKind: 'image',
            mediaId: String(image.id),
            textTitle: 'Grand Marché : tout à moitié prix jusqu’au 31 décembre',
            sectionsScope: 'some',
            sections: [String(politique.id)],
            startsAt: '2026-11-20T00:00',
            endsAt: '',
          }),
        ),
      );
      const row = await t.db
        .selectFrom('ad_campaigns')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.creative_kind, 'image');
      assert.equal(row.media_id, image.id);
      assert.equal(row.text_title, 'Grand Marché : tout à moitié prix jusqu’au 31 décembre');
      assert.equal(row.ends_at, null);
      const sections = await t.db
        .selectFrom('ad_campaign_sections')
        .select('section_id')
        .where('campaign_id', '=', id)
        .execute();
      assert.deepEqual(
        sections.map((s) => s.section_id),
        [politique.id],
      );
      const page = parse((await editor.get(`/admin/publicite/campagnes/${id}`)).body);
      assert.equal(
        page.querySelector(`input[name="mediaId"][value="${image.id}"]`)?.hasAttribute('checked'),
        true,
      );
    });

    test('the overview filters campaigns by their state now', async () => {
      const all = parse((await editor.get('/admin/publicite')).body);
      const tabs = all.querySelector('nav.tabs')!.text.replace(/\s+/g, ' ');
      assert.match(tabs, /Toutes 2/);
      assert.match(tabs, /En cours 1/);
      assert.match(tabs, /Programmées 1/);
      const running = parse((await editor.get('/admin/publicite?etat=running')).body);
      const names = running.querySelectorAll('#campagnes ~ .ad-list strong').map((s) => s.text);
      assert.deepEqual(names, ['Bannière du marché']);
      const scheduled = (await editor.get('/admin/publicite?etat=scheduled')).body;
      assert.match(scheduled, /Soldes de décembre/);
      assert.doesNotMatch(scheduled, /Bannière du marché/);
      assert.match(
        (await editor.get('/admin/publicite?etat=draft')).body,
        /Aucune campagne dans cet état/,
      );
    });

    test('a wrong campaign form comes back in French with everything typed kept', async () => {
      const image = await buildImage(t.db, t.dataDir);
      const before = await t.db.selectFrom('ad_campaigns').select('id').execute();
      const res = await sendMultipart(
        editor,
        '/admin/publicite/campagnes',
        campaignFields({
          name: '',
          weight: '250',
          tier: 'sponsorship',
          status: 'paused',
          startsAt: '2026-12-10T09:15',
          endsAt: '2026-12-01T09:15',
          slots: [String(slotIds[1]), String(slotIds[3])],
          sections: [String(politique.id), String(economie.id)],
          creativeKind: 'image',
          mediaId: String(image.id),
          textTitle: 'Une affiche du marché',
          linkUrl: 'marche.example',
          totalCap: '-5',
          dailyCap: '500',
        }),
      );
      assert.equal(res.statusCode, 422);
      assert.equal(
        (await t.db.selectFrom('ad_campaigns').select('id').execute()).length,
        before.length,
      );
      const doc = parse(res.body);
      const summary = doc.querySelector('.form-errors')!.text;
      for (const message of [
        /La campagne n’a pas été enregistrée/,
        /Indiquez le nom de la campagne\./,
        /Le poids doit être un nombre entier de 1 à 100\./,
        /La fin doit venir après le début\./,
        /La destination doit être une adresse complète en http:\/\/ ou https:\/\//,
        /Le plafond total doit être un nombre entier positif/,
      ])
        assert.match(summary, message);
      assert.equal(doc.querySelector('#ad-name')?.getAttribute('aria-invalid'), 'true');
      assert.equal(doc.querySelector('#ad-weight')?.getAttribute('value'), '250');
      assert.equal(doc.querySelector('#ad-starts-at')?.getAttribute('value'), '2026-12-10T09:15');
      assert.equal(doc.querySelector('#ad-ends-at')?.getAttribute('value'), '2026-12-01T09:15');
      assert.equal(doc.querySelector('#ad-link-url')?.getAttribute('value'), 'marche.example');
      assert.equal(doc.querySelector('#ad-total-cap')?.getAttribute('value'), '-5');
      assert.equal(doc.querySelector('#ad-daily-cap')?.getAttribute('value'), '500');
      assert.equal(
        doc.querySelector('#ad-text-title')?.getAttribute('value'),
        'Une affiche du marché',
      );
      const checked = (selector: string) =>
        doc
          .querySelectorAll(selector)
          .filter((el) => el.hasAttribute('checked'))
          .map((el) => el.getAttribute('value'));
      assert.deepEqual(checked('input[name="slots"]'), [String(slotIds[1]), String(slotIds[3])]);
      assert.deepEqual(checked('input[name="sections"]'), [
        String(politique.id),
        String(economie.id),
      ]);
      assert.deepEqual(checked('input[name="sectionsScope"]'), ['some']);
      assert.deepEqual(checked('input[name="tier"]'), ['sponsorship']);
      assert.deepEqual(checked('input[name="status"]'), ['paused']);
      assert.deepEqual(checked('input[name="creativeKind"]'), ['image']);
      assert.deepEqual(checked('input[name="mediaId"]'), [String(image.id)]);
      assert.equal(
        doc
          .querySelector(`#ad-advertiser option[value="${advertiserId}"]`)
          ?.hasAttribute('selected'),
        true,
      );
    });

    test('an image heavier than the limit is refused with its weight in KB', async () => {
      // A library item whose 1024-px WebP weighs 120 000 bytes.
      const variants = [320, 640, 1024, 1600].flatMap((width) =>
        (['jpeg', 'webp'] as const).map((format) => ({
          width,
          height: Math.round(width / 2),
          format,
          file: `lourde-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`,
          bytes: width === 1024 ? 120_000 : width * 20,
        })),
      );
      const heavy = await insertMedia(t.db, {
        file: 'lourde',
        mime: 'image/png',
        width: 1600,
        height: 800,
        alt: 'Une affiche trop lourde',
        credit: '',
        caption: '',
        variants: JSON.stringify(variants),
        created_at: '2026-11-22T00:00:00.000Z',
      });
      const res = await sendMultipart(
        editor,
        '/admin/publicite/campagnes',
        campaignFields({
          name: 'Affiche lourde',
          creativeKind: 'image',
          mediaId: String(heavy.id),
          textTitle: 'Une affiche',
        }),
      );
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      assert.match(
        doc.querySelector('.form-errors')!.text,
        /Cette image pèse 118 Ko dans sa plus grande version servie\u202F; une publicité ne peut pas dépasser 80 Ko par fichier\./,
      );
      assert.equal(
        doc.querySelector(`input[name="mediaId"][value="${heavy.id}"]`)?.hasAttribute('checked'),
        true,
      );
      assert.match(doc.querySelector('.is-heavy')!.text, /118 Ko — trop lourde/);
      const stored = await t.db
        .selectFrom('ad_campaigns')
        .select('id')
        .where('name', '=', 'Affiche lourde')
        .execute();
      assert.equal(stored.length, 0);
    });

    test('a noisy image sent with the form joins the library but is refused as too heavy', async () => {
      const noisy = await sharp({
        create: {
          width: 1100,
          height: 700,
          channels: 3,
          background: { r: 128, g: 128, b: 128 },
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .png()
        .toBuffer();
      const res = await sendMultipart(
        editor,
        '/admin/publicite/campagnes',
        campaignFields({ name: 'Affiche bruitée', creativeKind: 'image', textTitle: 'Du bruit' }),
        noisy,
      );
      assert.equal(res.statusCode, 422, res.body.slice(0, 300));
      const doc = parse(res.body);
      const summary = doc.querySelector('.form-errors')!.text;
      const kb = Number(/Cette image pèse (\d+) Ko/.exec(summary)?.[1]);
      assert.ok(kb * 1024 > AD_IMAGE_MAX_BYTES, summary);
      // The upload is now the picked image, so the form shows what was refused.
      const uploaded = await t.db
        .selectFrom('media')
        .select('id')
        .where('alt', '=', 'Du bruit')
        .executeTakeFirstOrThrow();
      assert.equal(
        doc.querySelector(`input[name="mediaId"][value="${uploaded.id}"]`)?.hasAttribute('checked'),
        true,
      );
    });

    test('a light image sent with the form becomes the campaign’s creative', async () => {
      const light = await sharp({
        create: { width: 728, height: 90, channels: 3, background: { r: 200, g: 40, b: 40 } },
      })
        .png()
        .toBuffer();
      const id = campaignId(
        await sendMultipart(
          editor,
          '/admin/publicite/campagnes',
          campaignFields({ name: 'Bannière rouge', creativeKind: 'image', textTitle: 'Rouge' }),
          light,
        ),
      );
      const row = await t.db
        .selectFrom('ad_campaigns as c')
        .innerJoin('media as m', 'm.id', 'c.media_id')
        .select(['m.alt', 'm.width'])
        .where('c.id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { alt: 'Rouge', width: 728 });
    });

    test('editing a campaign replaces its slots and sections and keeps its report key', async () => {
      const id = campaignId(
        await sendMultipart(
          editor,
          '/admin/publicite/campagnes',
          campaignFields({ name: 'À modifier' }),
        ),
      );
      const { report_key } = await t.db
        .selectFrom('ad_campaigns')
        .select('report_key')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const res = await sendMultipart(
        editor,
        `/admin/publicite/campagnes/${id}`,
        campaignFields({
          name: 'Modifiée',
          slots: [String(slotIds[3])],
          sectionsScope: 'all',
          sections: [String(politique.id)],
          status: 'paused',
        }),
      );
      assert.equal(
        res.headers.location,
        `/admin/publicite/campagnes/${id}?fait=campagne-enregistree`,
      );
      const row = await t.db
        .selectFrom('ad_campaigns')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.name, 'Modifiée');
      assert.equal(row.status, 'paused');
      assert.equal(row.all_sections, 1);
      assert.equal(row.report_key, report_key);
      const slots = await t.db
        .selectFrom('ad_campaign_slots')
        .select('slot_id')
        .where('campaign_id', '=', id)
        .execute();
      assert.deepEqual(
        slots.map((s) => s.slot_id),
        [slotIds[3]],
      );
      const sections = await t.db
        .selectFrom('ad_campaign_sections')
        .select('section_id')
        .where('campaign_id', '=', id)
        .execute();
      assert.deepEqual(sections, []);
    });

    test('an editor changes a slot’s sizes and house ad; an outside // link is refused', async () => {
      const url = `/admin/publicite/emplacements/${slotIds[1]}`;
      const fields = {
        name: 'Pavé dans l’article',
        placement: 'in-article',
        paragraph: '5',
        phoneWidth: '300',
        phoneHeight: '600',
        desktopWidth: '336',
        desktopHeight: '280',
        houseTitle: 'Annoncez ici',
        houseText: 'Touchez 50 000 lecteurs par jour',
        houseUrl: '//evil.example/',
        enabled: '1',
      };
      const bad = await send(editor, url, url, fields);
      assert.equal(bad.statusCode, 422);
      const doc = parse(bad.body);
      assert.match(doc.querySelector('.form-errors')!.text, /Le lien doit être une page du site/);
      assert.equal(doc.querySelector('#slot-phone-height')?.getAttribute('value'), '600');
      assert.equal(doc.querySelector('#slot-house-text')?.getAttribute('value'), fields.houseText);

      const res = await send(editor, url, url, { ...fields, houseUrl: '/annoncez-chez-nous' });
      assert.equal(res.statusCode, 303);
      const slot = await t.db
        .selectFrom('ad_slots')
        .selectAll()
        .where('id', '=', slotIds[1]!)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [
          slot.paragraph,
          slot.phone_width,
          slot.phone_height,
          slot.desktop_width,
          slot.desktop_height,
        ],
        [5, 300, 600, 336, 280],
      );
      assert.equal(slot.house_title, 'Annoncez ici');
      assert.equal(slot.house_text, 'Touchez 50 000 lecteurs par jour');
      assert.equal(slot.key, 'dans-l-article');

      // Unticked: the slot is hidden; an empty house title takes the default.
      await send(editor, url, url, {
        ...fields,
        houseUrl: '/annoncez-chez-nous',
        houseTitle: '',
        enabled: [],
      });
      const off = await t.db
        .selectFrom('ad_slots')
        .select(['enabled', 'house_title'])
        .where('id', '=', slotIds[1]!)
        .executeTakeFirstOrThrow();
      assert.deepEqual(off, { enabled: 0, house_title: 'Votre Pub ici !' });
    });

    test('sizes out of range are refused field by field', async () => {
      const res = await send(
        editor,
        '/admin/publicite/emplacements/nouveau',
        '/admin/publicite/emplacements',
        {
          key: 'Grand Format',
          name: 'Grand format',
          placement: 'home',
          paragraph: '',
          phoneWidth: '20',
          phoneHeight: '100',
          desktopWidth: '970',
          desktopHeight: '2000',
          houseTitle: '',
          houseText: '',
          houseUrl: 'https://griot.test/pub',
        },
      );
      assert.equal(res.statusCode, 422);
      const doc = parse(res.body);
      assert.match(doc.querySelector('#erreur-key')!.text, /lettres minuscules sans accent/);
      assert.match(doc.querySelector('#erreur-phone-width')!.text, /de 50 à 1200/);
      assert.match(doc.querySelector('#erreur-desktop-height')!.text, /de 30 à 1200/);
      assert.equal(doc.querySelector('#slot-phone-width')?.getAttribute('aria-invalid'), 'true');
      assert.equal(doc.querySelector('#slot-key')?.getAttribute('value'), 'grand format');
    });

    test('two slots created at once under one key: one is made, the other told in French', async () => {
      const members = [
        editor,
        await signIn(t, 'admin@griot.test'),
        await signIn(t, 'chef@griot.test'),
      ];
      const tokens = await Promise.all(
        members.map(async (m) =>
          hiddenValue((await m.get('/admin/publicite/emplacements/nouveau')).body, '_csrf'),
        ),
      );
      const answers = await Promise.all(
        members.map((m, i) =>
          m.post('/admin/publicite/emplacements', {
            _csrf: tokens[i]!,
            key: 'colonne-droite',
            name: `Colonne ${i}`,
            placement: 'home',
            paragraph: '3',
            phoneWidth: '300',
            phoneHeight: '250',
            desktopWidth: '300',
            desktopHeight: '600',
            houseTitle: '',
            houseText: '',
            houseUrl: '/annoncez-chez-nous',
            enabled: '1',
          }),
        ),
      );
      const statuses = answers.map((r) => r.statusCode).sort((a, b) => a - b);
      assert.equal(statuses[0], 303);
      for (const s of statuses.slice(1)) assert.ok([409, 422].includes(s), `answers ${statuses}`);
      for (const refused of answers.filter((r) => r.statusCode !== 303))
        assert.match(refused.body, /Cet identifiant est déjà celui d’un autre emplacement/);
      const rows = await t.db
        .selectFrom('ad_slots')
        .select('position')
        .where('key', '=', 'colonne-droite')
        .execute();
      // After the five usual slots.
      assert.deepEqual(rows, [{ position: 5 }]);
    });

    test('authors and moderators may neither see nor change ads', async () => {
      const campaign = await t.db.selectFrom('ad_campaigns').select('id').executeTakeFirstOrThrow();
      for (const email of ['auteur@griot.test', 'modo@griot.test']) {
        const member = await signIn(t, email);
        for (const url of [
          '/admin/publicite',
          '/admin/publicite/annonceurs',
          `/admin/publicite/annonceurs/${advertiserId}`,
          '/admin/publicite/emplacements/nouveau',
          `/admin/publicite/emplacements/${slotIds[0]}`,
          '/admin/publicite/campagnes/nouvelle',
          `/admin/publicite/campagnes/${campaign.id}`,
        ]) {
          const res = await member.get(url);
          assert.equal(res.statusCode, 403, `${email} GET ${url}`);
          assert.match(res.body, /Accès refusé/);
        }
        const token = hiddenValue((await member.get('/admin')).body, '_csrf');
        for (const [url, fields] of [
          ['/admin/publicite/annonceurs', { name: 'Intrus' }],
          ['/admin/publicite/emplacements/habituels', {}],
          [`/admin/publicite/emplacements/${slotIds[0]}`, { name: 'Intrus' }],
          ['/admin/publicite/campagnes', campaignFields({ name: 'Intruse' })],
          [`/admin/publicite/campagnes/${campaign.id}`, campaignFields({ name: 'Intruse' })],
        ] as const) {
          const res = await member.post(url, { _csrf: token, ...fields });
          assert.equal(res.statusCode, 403, `${email} POST ${url}`);
          assert.match(res.body, /Accès refusé/);
        }
      }
      const intruders = await t.db
        .selectFrom('advertisers')
        .select('id')
        .where('name', '=', 'Intrus')
        .execute();
      assert.equal(intruders.length, 0);
    });

    test('a form without its CSRF token is refused and changes nothing', async () => {
      const res = await editor.post('/admin/publicite/annonceurs', { name: 'Sans jeton' });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /Formulaire expiré/);
      const multipart = await editor.post(
        '/admin/publicite/campagnes',
        campaignFields({ name: 'Sans jeton' }),
      );
      assert.equal(multipart.statusCode, 403);
      const rows = await t.db
        .selectFrom('advertisers')
        .select('id')
        .where('name', '=', 'Sans jeton')
        .execute();
      assert.equal(rows.length, 0);
    });

    test('unknown ids are not found', async () => {
      for (const url of [
        '/admin/publicite/emplacements/99999',
        '/admin/publicite/annonceurs/99999',
        '/admin/publicite/campagnes/99999',
        '/admin/publicite/campagnes/abc',
      ])
        assert.equal((await editor.get(url)).statusCode, 404, url);
      const res = await send(
        editor,
        '/admin/publicite',
        '/admin/publicite/campagnes/99999',
        campaignFields(),
      );
      assert.equal(res.statusCode, 404);
    });
  });
}
