import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allCaps } from '../src/moderation/rules/all-caps.ts';
import { bannedWords } from '../src/moderation/rules/banned-words.ts';
import { blockedDomain } from '../src/moderation/rules/blocked-domain.ts';
import { detectLanguage } from '../src/moderation/rules/detect-language.ts';
import { otherLanguage } from '../src/moderation/rules/other-language.ts';
import { rules, screenComment } from '../src/moderation/rules/pipeline.ts';
import { regular } from '../src/moderation/rules/regular.ts';
import { rejectedHistory } from '../src/moderation/rules/rejected-history.ts';
import { repeatedText } from '../src/moderation/rules/repeated-text.ts';
import type { RuleContext } from '../src/moderation/rules/rule.ts';
import { suspectWords } from '../src/moderation/rules/suspect-words.ts';
import { tooManyLinks } from '../src/moderation/rules/too-many-links.ts';
import { findListedWords } from '../src/moderation/rules/words.ts';
import {
  defaultModerationSettings,
  moderationSettingsFromRows,
  moderationSettingsToRows,
  parseList,
  readModerationSettingsForm,
  type ModerationSettings,
} from '../src/moderation/moderation-settings.ts';

function context(
  settings: Partial<ModerationSettings> = {},
  rest: Partial<Omit<RuleContext, 'settings'>> = {},
): RuleContext {
  return {
    settings: { ...defaultModerationSettings, ...settings },
    siteLanguage: 'fr',
    sameTextElsewhere: 0,
    byEmail: { approved: 0, rejected: 0 },
    byClient: { approved: 0, rejected: 0 },
    ...rest,
  };
}
const fine = 'Merci pour cet article très complet sur la rentrée des classes à Kalanga.';
const c = (body: string, authorName = 'Mariama') => ({ body, authorName });

describe('word lists', () => {
  test('entries match whole words, folded, phrases in a row, and a trailing * as a prefix', () => {
    const list = ['con', 'arnaque*', 'grosse bêtise', 'ÉNERVÉ'];
    assert.deepEqual(findListedWords('Un conseil avisé', list), []);
    assert.deepEqual(findListedWords('Quel CON !', list), ['con']);
    assert.deepEqual(findListedWords('Ces arnaqueurs encore', list), ['arnaque*']);
    assert.deepEqual(findListedWords('une grosse   betise', list), ['grosse bêtise']);
    assert.deepEqual(findListedWords('Je suis enerve', list), ['ÉNERVÉ']);
    assert.deepEqual(findListedWords('grosse, et bêtise', list), []);
  });

  test('a banned word sends to spam with the word in the reason, in French and English', () => {
    const r = bannedWords(c('Quelle ordure, ce ministre'), context({ bannedWords: ['ordure'] }));
    assert.equal(r.verdict, 'spam');
    assert.equal(r.label, 'banned-words');
    assert.match(r.reason.fr, /Mot interdit : « ordure »/);
    assert.match(r.reason.en, /Banned word: « ordure »/);
    assert.equal(bannedWords(c(fine), context({ bannedWords: ['ordure'] })).verdict, 'ok');
    // The name counts too: spammers put their brand there.
    assert.equal(
      bannedWords(c(fine, 'ordure'), context({ bannedWords: ['ordure'] })).verdict,
      'spam',
    );
  });

  test('a suspect word flags', () => {
    const r = suspectWords(c('Encore un vendu !'), context({ suspectWords: ['vendu', 'traître'] }));
    assert.equal(r.verdict, 'flag');
    assert.equal(r.label, 'suspect-words');
    assert.equal(suspectWords(c(fine), context({ suspectWords: ['vendu'] })).verdict, 'ok');
  });
});

describe('links', () => {
  const three = 'Voir https://a.example/x, http://b.example et www.c.example/page';
  test('more links than allowed flags, as many as allowed does not', () => {
    assert.equal(tooManyLinks(c(three), context({ maxLinks: 2 })).verdict, 'flag');
    assert.match(tooManyLinks(c(three), context({ maxLinks: 2 })).reason.fr, /3 liens/);
    assert.equal(tooManyLinks(c(three), context({ maxLinks: 3 })).verdict, 'ok');
    assert.equal(tooManyLinks(c(fine), context({ maxLinks: 0 })).verdict, 'ok');
  });

  test('a link to a blocked domain or its subdomain sends to spam; a look-alike does not', () => {
    const ctx = context({ blockedDomains: ['casino.example'] });
    assert.equal(blockedDomain(c('Gagnez https://casino.example/bonus'), ctx).verdict, 'spam');
    assert.equal(blockedDomain(c('Gagnez www.WIN.Casino.example'), ctx).verdict, 'spam');
    assert.equal(blockedDomain(c('Lisez https://notcasino.example'), ctx).verdict, 'ok');
    assert.equal(blockedDomain(c('casino.example sans lien'), ctx).verdict, 'ok');
  });
});

describe('repeated text, capitals, language, history', () => {
  test('the same text on other articles flags', () => {
    assert.equal(repeatedText(c(fine), context()).verdict, 'ok');
    const r = repeatedText(c(fine), context({}, { sameTextElsewhere: 3 }));
    assert.equal(r.verdict, 'flag');
    assert.match(r.reason.fr, /3 autres articles/);
  });

  test('capitals flag from the threshold, short shouts and normal text do not', () => {
    const shout = 'ARRÊTEZ DE NOUS MENTIR, TOUT LE MONDE SAIT CE QUI SE PASSE ICI';
    assert.equal(allCaps(c(shout), context()).verdict, 'flag');
    assert.equal(allCaps(c('BRAVO !'), context()).verdict, 'ok');
    assert.equal(allCaps(c(fine), context()).verdict, 'ok');
    assert.equal(allCaps(c(shout), context({ capsPercent: 100 })).verdict, 'flag');
    assert.equal(
      allCaps(c(`${shout} mais pas tout à fait`), context({ capsPercent: 100 })).verdict,
      'ok',
    );
  });

  test('the detector tells French, English, other languages and too little text apart', () => {
    assert.equal(detectLanguage(fine), 'fr');
    assert.equal(detectLanguage('Je ne suis pas du tout d’accord avec ce que dit le maire.'), 'fr');
    assert.equal(
      detectLanguage('This is a great article and I think the mayor is right about it.'),
      'en',
    );
    assert.equal(
      detectLanguage('Ina son wannan labari sosai, na gode wa marubuci sosai kwarai'),
      'other',
    );
    assert.equal(detectLanguage('Это очень интересная статья о городе и его жителях'), 'other');
    assert.equal(detectLanguage('Bravo !'), 'unknown');
  });

  test('a comment in another language than the site’s flags', () => {
    const english = c('This is a great article and I think the mayor is right about it.');
    assert.equal(otherLanguage(english, context()).verdict, 'flag');
    assert.match(otherLanguage(english, context()).reason.fr, /anglais/);
    assert.equal(otherLanguage(english, context({}, { siteLanguage: 'en' })).verdict, 'ok');
    assert.equal(otherLanguage(c(fine), context()).verdict, 'ok');
  });

  test('an address or a client mostly refused flags, a short history does not', () => {
    const refused = { approved: 1, rejected: 3 };
    assert.equal(rejectedHistory(c(fine), context({}, { byEmail: refused })).verdict, 'flag');
    assert.match(
      rejectedHistory(c(fine), context({}, { byClient: refused })).reason.fr,
      /ce poste/,
    );
    assert.equal(
      rejectedHistory(c(fine), context({}, { byEmail: { approved: 0, rejected: 2 } })).verdict,
      'ok',
    );
    assert.equal(
      rejectedHistory(c(fine), context({ rejectedPercent: 80 }, { byEmail: refused })).verdict,
      'ok',
    );
  });

  test('enough approved comments make a habitué; 0 turns the label off', () => {
    const history = { byEmail: { approved: 5, rejected: 0 } };
    assert.equal(regular(c(fine), context({}, history)).verdict, 'trusted');
    assert.match(regular(c(fine), context({}, history)).reason.fr, /Habitué : 5/);
    assert.equal(regular(c(fine), context({ regularAfter: 6 }, history)).verdict, 'ok');
    assert.equal(regular(c(fine), context({ regularAfter: 0 }, history)).verdict, 'ok');
  });
});

describe('the pipeline', () => {
  test('a plain comment passes with nothing to say', () => {
    assert.deepEqual(screenComment(c(fine), context()), { outcome: 'ok', verdicts: [] });
  });

  test('the gravest verdict decides, and every rule that spoke is kept in order', () => {
    const s = screenComment(
      c('VENDU ! ORDURE ! TOUT LE MONDE LE SAIT ET PERSONNE NE DIT RIEN'),
      context(
        { bannedWords: ['ordure'], suspectWords: ['vendu'] },
        { byEmail: { approved: 9, rejected: 0 } },
      ),
    );
    assert.equal(s.outcome, 'spam');
    assert.deepEqual(
      s.verdicts.map((v) => v.label),
      ['banned-words', 'suspect-words', 'all-caps', 'regular'],
    );
  });

  test('a flag outweighs a habitué’s trust; trust alone is the outcome', () => {
    const regularCtx = { byEmail: { approved: 9, rejected: 0 } };
    assert.equal(screenComment(c(fine), context({}, regularCtx)).outcome, 'trusted');
    assert.equal(
      screenComment(c('Encore un vendu'), context({ suspectWords: ['vendu'] }, regularCtx)).outcome,
      'flag',
    );
  });

  test('the rules are one per label, in the order the queue shows them', () => {
    const labels = rules.map((rule) => rule(c(''), context()).label);
    assert.equal(new Set(labels).size, rules.length);
    assert.deepEqual(labels.slice(0, 2), ['banned-words', 'blocked-domain']);
  });
});

describe('the rules’ settings', () => {
  test('lists are one entry a line (or comma), trimmed, deduplicated, bounded', () => {
    assert.deepEqual(parseList(' ordure \n\nOrdure, vendu ;  grosse   bêtise\0'), [
      'ordure',
      'vendu',
      'grosse bêtise',
    ]);
    assert.equal(parseList('x,'.repeat(2000)).length, 1);
    assert.equal(parseList(Array.from({ length: 900 }, (_, i) => `m${i}`).join('\n')).length, 500);
  });

  test('stored rows round-trip; missing or bad values fall back to the defaults', () => {
    const s: ModerationSettings = {
      ...defaultModerationSettings,
      bannedWords: ['ordure', 'grosse bêtise'],
      blockedDomains: ['casino.example'],
      maxLinks: 0,
      autoApproveRegulars: true,
    };
    assert.deepEqual(moderationSettingsFromRows(moderationSettingsToRows(s)), s);
    assert.deepEqual(moderationSettingsFromRows([]), defaultModerationSettings);
    assert.equal(
      moderationSettingsFromRows([{ key: 'moderation_max_links', value: '-3' }]).maxLinks,
      defaultModerationSettings.maxLinks,
    );
    assert.equal(defaultModerationSettings.autoApproveRegulars, false);
  });

  test('the form refuses numbers out of their limits', () => {
    const r = readModerationSettingsForm({
      maxLinks: '2',
      regularAfter: 'x',
      capsPercent: '0',
      rejectedPercent: '60',
    });
    assert.deepEqual(r, { ok: false, errors: { regularAfter: true, capsPercent: true } });
    const good = readModerationSettingsForm({
      bannedWords: 'ordure',
      blockedDomains: 'Casino.Example',
      maxLinks: '2',
      regularAfter: '5',
      capsPercent: '70',
      rejectedPercent: '60',
      autoApproveRegulars: '1',
    });
    assert.ok(good.ok);
    assert.deepEqual(good.settings.blockedDomains, ['casino.example']);
    assert.equal(good.settings.autoApproveRegulars, true);
  });
});
