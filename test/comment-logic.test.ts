import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';
import {
  BODY_MAX,
  NAME_MAX,
  bodyHash,
  buildThread,
  commentsOpen,
  normalizeBody,
  readCommentForm,
  validateComment,
  type PublicComment,
} from '../src/comments/comment.ts';
import { CommentText } from '../src/comments/comment-text.tsx';
import {
  signCommentToken,
  signFormStamp,
  signUnsubscribeToken,
  verifyCommentToken,
  verifyFormStamp,
  verifyUnsubscribeToken,
} from '../src/comments/comment-token.ts';
import { renderFragment } from '../src/web/render.ts';

// ---------------------------------------------------------------------------------------------
// 1. Validation
// ---------------------------------------------------------------------------------------------

const validFields = {
  name: 'Aïssa Maïga',
  email: 'aissa@exemple.org',
  body: 'Merci pour cet article.',
};

/** The errors for a form that is valid except for the fields given. */
function errorsFor(fields: Record<string, unknown>) {
  return validateComment(readCommentForm({ ...validFields, ...fields }));
}

describe('comment form validation', () => {
  test('a complete form has no errors', () => {
    assert.deepEqual(errorsFor({}), {});
  });

  test('the name is 2 to 80 characters after trimming', () => {
    assert.equal(errorsFor({ name: 'a' }).name, 'nameLength');
    assert.equal(errorsFor({ name: 'ab' }).name, undefined);
    assert.equal(errorsFor({ name: 'a'.repeat(NAME_MAX) }).name, undefined);
    assert.equal(errorsFor({ name: 'a'.repeat(NAME_MAX + 1) }).name, 'nameLength');
    assert.equal(errorsFor({ name: '     ' }).name, 'nameLength');
    assert.equal(errorsFor({ name: '' }).name, 'nameLength');
    assert.equal(errorsFor({ name: '   a   ' }).name, 'nameLength', 'one character once trimmed');
    assert.equal(errorsFor({ name: `  ${'a'.repeat(NAME_MAX)}  ` }).name, undefined);
    assert.equal(errorsFor({ name: ' \t ab \n ' }).name, undefined);
  });

  test('the email must be a valid address', () => {
    for (const email of ['nom@exemple.org', 'x@y.fr ', ' prenom.nom+tag@sous.exemple.ne']) {
      assert.equal(errorsFor({ email }).email, undefined, `${JSON.stringify(email)} is valid`);
    }
    for (const email of [
      'a@b',
      '@example.org',
      'a b@example.org',
      'nom@',
      'nom',
      '',
      '   ',
      'nom@@exemple.org',
      'nom@exemple..org',
      '<script>@exemple.org',
    ]) {
      assert.equal(
        errorsFor({ email }).email,
        'emailInvalid',
        `${JSON.stringify(email)} is invalid`,
      );
    }
  });

  test('the body is 2 to 5,000 characters after trimming', () => {
    assert.equal(errorsFor({ body: 'a' }).body, 'bodyLength');
    assert.equal(errorsFor({ body: 'ab' }).body, undefined);
    assert.equal(errorsFor({ body: 'a'.repeat(BODY_MAX) }).body, undefined);
    assert.equal(errorsFor({ body: 'a'.repeat(BODY_MAX + 1) }).body, 'bodyLength');
    assert.equal(errorsFor({ body: '' }).body, 'bodyLength');
    assert.equal(errorsFor({ body: ' \n\n  a \n ' }).body, 'bodyLength');
    assert.equal(errorsFor({ body: `\n\n${'a'.repeat(BODY_MAX)}\n\n  ` }).body, undefined);
  });

  test('several errors are reported together', () => {
    assert.deepEqual(validateComment(readCommentForm({})), {
      name: 'nameLength',
      email: 'emailInvalid',
      body: 'bodyLength',
    });
  });

  test('an overlong body is kept intact so it can be given back to the reader', () => {
    const body = 'Un long texte. '.repeat(500); // 7,500 characters
    const values = readCommentForm({ ...validFields, body });
    assert.equal(values.body, body);
    assert.equal(validateComment(values).body, 'bodyLength');
  });

  test('the body’s line endings are normalized to LF', () => {
    assert.equal(readCommentForm({ body: 'a\r\nb\rc\n\r\nd' }).body, 'a\nb\nc\n\nd');
  });

  test('notify is on for "1" and "on" only', () => {
    assert.equal(readCommentForm({ notify: '1' }).notify, true);
    assert.equal(readCommentForm({ notify: 'on' }).notify, true);
    for (const notify of [undefined, '', '0', 'off', 'false', ['on'], { on: true }, 1, true]) {
      assert.equal(readCommentForm({ notify }).notify, false, JSON.stringify(notify));
    }
  });

  test('parent is a positive integer or null', () => {
    assert.equal(readCommentForm({ parent: '12' }).parentId, 12);
    assert.equal(readCommentForm({ parent: '1' }).parentId, 1);
    for (const parent of [
      undefined,
      '',
      '0',
      '-3',
      '2.5',
      'abc',
      '12abc',
      'NaN',
      'Infinity',
      ['3'],
      { id: 3 },
      3,
    ]) {
      assert.equal(readCommentForm({ parent }).parentId, null, JSON.stringify(parent));
    }
  });

  test('non-string inputs do not throw and read as empty', () => {
    for (const body of [
      undefined,
      null,
      'name=x',
      42,
      [],
      {
        name: ['a', 'b'],
        email: { toString: () => 'x@y.fr' },
        body: ['texte', 'texte'],
        notify: ['1'],
        parent: [1],
      },
      { name: 12, email: null, body: true, notify: {}, parent: {} },
    ]) {
      const values = readCommentForm(body);
      assert.deepEqual(values, { name: '', email: '', body: '', notify: false, parentId: null });
      assert.doesNotThrow(() => validateComment(values));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Normalization and duplicate fingerprint
// ---------------------------------------------------------------------------------------------

describe('normalizeBody and bodyHash', () => {
  test('normalizeBody trims and keeps at most one blank line between paragraphs', () => {
    assert.equal(normalizeBody('  \n\n Bonjour \n\n  '), 'Bonjour');
    assert.equal(normalizeBody('Un\nDeux'), 'Un\nDeux');
    assert.equal(normalizeBody('Un\n\nDeux'), 'Un\n\nDeux');
    assert.equal(normalizeBody('Un\n\n\nDeux'), 'Un\n\nDeux');
    assert.equal(normalizeBody('Un\n\n\n\n\n\nDeux\n\n\nTrois'), 'Un\n\nDeux\n\nTrois');
    assert.equal(normalizeBody('Un  \n \t \n\t\nDeux'), 'Un\n\nDeux', 'blank-looking lines too');
  });

  test('bodyHash ignores case, spacing and punctuation', () => {
    const base = bodyHash('merci beaucoup');
    assert.match(base, /^[0-9a-f]{64}$/);
    for (const variant of [
      'Merci  beaucoup !',
      'MERCI BEAUCOUP',
      '  merci\n\nbeaucoup...  ',
      'Merci, beaucoup.',
      '« Merci beaucoup ! »',
    ]) {
      assert.equal(bodyHash(variant), base, variant);
    }
  });

  test('bodyHash differs for different words', () => {
    assert.notEqual(bodyHash('merci beaucoup'), bodyHash('merci bien'));
    assert.notEqual(bodyHash('merci beaucoup'), bodyHash('merci beaucoup encore'));
    assert.notEqual(bodyHash('mercibeaucoup'), bodyHash('merci beaucoup'));
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Text rendering
// ---------------------------------------------------------------------------------------------

const REL = 'nofollow ugc noopener';

async function render(body: string): Promise<string> {
  return renderFragment(CommentText({ body }));
}

/**
 * Fails unless the markup is inert: only p, br and a elements; a carries only href, rel and
 * target, an http(s) href and rel="nofollow ugc noopener"; no event handler; no comment.
 */
function assertInert(html: string): void {
  // Independently of any parser: every tag is one of the few the renderer may write.
  const tags = html.match(/<[^>]*>?/g) ?? [];
  for (const tag of tags) {
    assert.match(
      tag,
      /^<(?:p|\/p|br\/?|\/a|a href="https?:\/\/[^"<>]*" rel="nofollow ugc noopener" target="_blank")>$/,
      `unexpected markup ${tag} in ${html}`,
    );
  }
  // No event handler inside any tag (the same text outside a tag is harmless, escaped prose).
  for (const tag of tags) assert.doesNotMatch(tag, /\son[a-z]*\s*=/i, 'event handler');

  const root = parse(html, { comment: true });
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      assert.notEqual(child.nodeType, NodeType.COMMENT_NODE, `comment node in ${html}`);
      if (!(child instanceof HTMLElement)) continue;
      const tag = child.tagName.toLowerCase();
      assert.ok(['p', 'br', 'a'].includes(tag), `element <${tag}> in ${html}`);
      const attrs = Object.keys(child.attributes).map((a) => a.toLowerCase());
      for (const attr of attrs) {
        assert.doesNotMatch(attr, /^on/, `event handler ${attr} in ${html}`);
      }
      if (tag === 'a') {
        for (const attr of attrs) {
          assert.ok(['href', 'rel', 'target'].includes(attr), `attribute ${attr} on <a>`);
        }
        const href = child.getAttribute('href') ?? '';
        assert.match(href, /^https?:\/\//, `href ${href}`);
        assert.equal(child.getAttribute('rel'), REL);
      } else {
        assert.deepEqual(attrs, [], `attributes on <${tag}> in ${html}`);
      }
      walk(child);
    }
  };
  walk(root);
}

describe('CommentText rendering', () => {
  test('blank lines split paragraphs, single newlines become <br>', async () => {
    const html = await render('Premier paragraphe.\n\nDeuxième,\nsur deux lignes.\n\n\nTroisième.');
    assertInert(html);
    const root = parse(html);
    const ps = root.querySelectorAll('p');
    assert.equal(ps.length, 3);
    assert.equal(ps[0]!.text, 'Premier paragraphe.');
    assert.equal(ps[1]!.querySelectorAll('br').length, 1);
    assert.match(html, /<p>Deuxième,<br\/?>sur deux lignes\.<\/p>/);
    assert.equal(ps[2]!.text, 'Troisième.');
    assert.equal(root.querySelectorAll('br').length, 1);
  });

  test('http and https URLs become links with rel="nofollow ugc noopener"', async () => {
    const urls = [
      'https://example.org/article?id=3&page=2#commentaires',
      'http://exemple.fr',
      'https://www.rfi.fr/fr/afrique/',
    ];
    const html = await render(`Voir ${urls[0]} et\n${urls[1]}\n\nou ${urls[2]} !`);
    assertInert(html);
    const links = parse(html).querySelectorAll('a');
    assert.equal(links.length, urls.length);
    links.forEach((a, i) => {
      assert.equal(a.getAttribute('href'), urls[i]);
      assert.equal(a.getAttribute('rel'), REL);
      assert.equal(a.text, urls[i], 'the link text is the URL');
    });
  });

  test('javascript:, data: and vbscript: URLs are never links', async () => {
    for (const body of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      ' javascript:void(0)',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      'voir javascript:alert(1) et data:text/html,x puis vbscript:msgbox(1)',
    ]) {
      const html = await render(body);
      assertInert(html);
      assert.equal(parse(html).querySelectorAll('a').length, 0, body);
      assert.doesNotMatch(html, /href=/, body);
      assert.equal(parse(html).text, body);
    }
  });

  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<iframe src="javascript:alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    'javascript:alert(1)',
    '<body onload=alert(1)>',
    '<math><mtext></p><script>alert(1)</script>',
    "<style>@import 'http://evil'</style>",
    '<div style="background:url(javascript:alert(1))">',
    '<object data="data:text/html,<script>alert(1)</script>">',
    '<embed src=javascript:alert(1)>',
    '<form action=javascript:alert(1)><input type=submit>',
    '<details open ontoggle=alert(1)>',
    '<input autofocus onfocus=alert(1)>',
    '<marquee onstart=alert(1)>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    'http://example.org/"onmouseover="alert(1)',
    "https://example.org/'onmouseover='alert(1)",
    'https://example.org/<script>',
    'https://example.org/?q=<img src=x onerror=alert(1)>',
    "{{constructor.constructor('alert(1)')()}}",
    '<!--<script>alert(1)</script>-->',
    '<scr\u0000ipt>alert(1)</scr\u0000ipt>',
    '\u0000<img src=x onerror=alert(1)>',
    '\u2028<script>alert(1)</script>\u2029',
    '<a href="https://example.org" onclick="alert(1)">x</a>',
    '</p><script>alert(1)</script><p>',
    '<![CDATA[<script>alert(1)</script>]]>',
    '&#60;script&#62;alert(1)&#60;/script&#62;',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<img src="x` `<script>alert(1)</script>"` `>',
    'https://javascript:alert(1)@example.org',
  ];

  describe('classic XSS payloads render inert', () => {
    for (const payload of payloads) {
      test(JSON.stringify(payload), async () => {
        const html = await render(payload);
        assertInert(html);
        // Nothing lost: the reader sees exactly what was typed.
        assert.equal(parse(html).text, payload);
      });
    }
  });

  test('already-escaped text stays literally visible (double-escaped)', async () => {
    const html = await render('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62;');
    assert.equal(
      html,
      '<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; &amp;#60;b&amp;#62;</p>',
    );
  });

  test('quotes in a URL cannot break out of the href attribute', async () => {
    const html = await render('http://example.org/"onmouseover="alert(1)');
    assertInert(html);
    const links = parse(html).querySelectorAll('a');
    assert.equal(links.length, 1);
    assert.deepEqual(Object.keys(links[0]!.attributes).sort(), ['href', 'rel', 'target']);
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Tokens
// ---------------------------------------------------------------------------------------------

const SECRET = 'un-secret-de-test-suffisamment-long';
const OTHER_SECRET = 'un-autre-secret-de-test-tout-aussi-long';

/** The token with the character at `index` of its part `part` changed to another one. */
function alter(token: string, part: number, index: number): string {
  const parts = token.split('.');
  const s = parts[part]!;
  const c = s[index]!;
  const replacement = /\d/.test(c) ? String((Number(c) + 1) % 10) : c === 'A' ? 'B' : 'A';
  parts[part] = s.slice(0, index) + replacement + s.slice(index + 1);
  const altered = parts.join('.');
  assert.notEqual(altered, token);
  return altered;
}

/** Every single-character alteration of every position of a part of a token. */
function alterations(token: string, part: number): string[] {
  const length = token.split('.')[part]!.length;
  return Array.from({ length }, (_, i) => alter(token, part, i));
}

describe('private comment link token', () => {
  const expiresAt = new Date('2026-12-31T12:00:00.000Z');
  const before = new Date('2026-12-01T00:00:00.000Z');

  test('round-trips', () => {
    const token = signCommentToken(SECRET, 4217, expiresAt);
    assert.equal(verifyCommentToken(SECRET, token, before), 4217);
    assert.equal(verifyCommentToken(SECRET, signCommentToken(SECRET, 1, expiresAt), before), 1);
  });

  test('an altered id, expiry or MAC is refused', () => {
    const token = signCommentToken(SECRET, 4217, expiresAt);
    for (const part of [0, 1, 2]) {
      for (const altered of alterations(token, part)) {
        assert.equal(verifyCommentToken(SECRET, altered, before), null, altered);
      }
    }
    // Pushing the expiry back with the old MAC does not work either.
    const [id, exp, mac] = token.split('.');
    assert.equal(verifyCommentToken(SECRET, `${id}.${Number(exp) + 86_400}.${mac}`, before), null);
    // Nor does pairing another comment's id with this MAC.
    assert.equal(verifyCommentToken(SECRET, `4218.${exp}.${mac}`, before), null);
  });

  test('a token signed with another secret is refused', () => {
    const token = signCommentToken(OTHER_SECRET, 4217, expiresAt);
    assert.equal(verifyCommentToken(SECRET, token, before), null);
  });

  test('an expired token is refused', () => {
    const token = signCommentToken(SECRET, 4217, expiresAt);
    assert.equal(verifyCommentToken(SECRET, token, new Date(expiresAt.getTime() - 1)), 4217);
    assert.equal(verifyCommentToken(SECRET, token, expiresAt), null);
    assert.equal(verifyCommentToken(SECRET, token, new Date(expiresAt.getTime() + 1)), null);
    assert.equal(verifyCommentToken(SECRET, token, new Date('2030-01-01T00:00:00Z')), null);
  });

  test('malformed tokens are refused', () => {
    const mac = signCommentToken(SECRET, 1, expiresAt).split('.')[2]!;
    for (const token of [
      '',
      '.',
      '..',
      'a.b.c',
      '1.2',
      '1..x',
      '.1.x',
      'abc',
      `x.1798718400.${mac}`,
      `-1.1798718400.${mac}`,
      `1.1798718400`,
      `1.1798718400.`,
    ]) {
      assert.equal(verifyCommentToken(SECRET, token, before), null, JSON.stringify(token));
    }
  });
});

describe('unsubscribe token', () => {
  const emails = ['lecteur@exemple.org', 'prénom.nom+griot@sous.exemple.ne'];

  test('round-trips', () => {
    for (const email of emails) {
      assert.equal(verifyUnsubscribeToken(SECRET, signUnsubscribeToken(SECRET, email)), email);
    }
  });

  test('an altered address or MAC, or another secret, is refused', () => {
    for (const email of emails) {
      const token = signUnsubscribeToken(SECRET, email);
      for (const part of [0, 1]) {
        for (const altered of alterations(token, part)) {
          assert.equal(verifyUnsubscribeToken(SECRET, altered), null, altered);
        }
      }
      // Another address with this address's MAC.
      const mac = token.split('.')[1]!;
      const otherPayload = Buffer.from('victime@exemple.org').toString('base64url');
      assert.equal(verifyUnsubscribeToken(SECRET, `${otherPayload}.${mac}`), null);
      assert.equal(verifyUnsubscribeToken(SECRET, signUnsubscribeToken(OTHER_SECRET, email)), null);
    }
    for (const token of ['', '.', 'abc', 'abc.', '.abc', 'a.b']) {
      assert.equal(verifyUnsubscribeToken(SECRET, token), null, JSON.stringify(token));
    }
  });
});

describe('form stamp', () => {
  const at = new Date('2026-11-23T10:20:30.789Z');

  test('round-trips to the second', () => {
    const stamp = signFormStamp(SECRET, at);
    assert.deepEqual(verifyFormStamp(SECRET, stamp), new Date('2026-11-23T10:20:30.000Z'));
  });

  test('an altered time or MAC, or another secret, is refused', () => {
    const stamp = signFormStamp(SECRET, at);
    for (const part of [0, 1]) {
      for (const altered of alterations(stamp, part)) {
        assert.equal(verifyFormStamp(SECRET, altered), null, altered);
      }
    }
    // Claiming the page was served earlier (to pass the minimum fill time) does not work.
    const [seconds, mac] = stamp.split('.');
    assert.equal(verifyFormStamp(SECRET, `${Number(seconds) - 60}.${mac}`), null);
    assert.equal(verifyFormStamp(SECRET, signFormStamp(OTHER_SECRET, at)), null);
    for (const token of ['', '.', 'abc', '123', '123.', '.abc', 'x.y']) {
      assert.equal(verifyFormStamp(SECRET, token), null, JSON.stringify(token));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Threads and closing
// ---------------------------------------------------------------------------------------------

function comment(id: number, parentId: number | null): PublicComment {
  return {
    id,
    parentId,
    authorName: `Lecteur ${id}`,
    body: `Commentaire ${id}`,
    createdAt: `2026-11-23T10:${String(id).padStart(2, '0')}:00.000Z`,
  };
}

describe('buildThread', () => {
  test('groups replies under their parents, in order, and drops orphans', () => {
    const parents = [comment(3, null), comment(1, null), comment(7, null)];
    const replies = [
      comment(10, 1),
      comment(11, 7),
      comment(12, 1),
      comment(13, 99), // parent not on this page
      comment(14, 1),
      comment(15, null), // not a reply at all
    ];
    const thread = buildThread(parents, replies);
    assert.deepEqual(
      thread.map((t) => t.id),
      [3, 1, 7],
    );
    assert.deepEqual(
      thread.map((t) => t.replies.map((r) => r.id)),
      [[], [10, 12, 14], [11]],
    );
    assert.deepEqual(thread[1]!.replies[0], comment(10, 1));
    assert.equal(thread[0]!.authorName, 'Lecteur 3');
    const shown = thread.flatMap((t) => t.replies.map((r) => r.id));
    assert.ok(!shown.includes(13) && !shown.includes(15));
  });

  test('an empty page has an empty thread', () => {
    assert.deepEqual(buildThread([], [comment(10, 1)]), []);
  });
});

describe('commentsOpen', () => {
  const publishedAt = '2026-11-01T08:00:00.000Z';
  const published = new Date(publishedAt).getTime();
  const day = 86_400_000;

  test('a closed article is never open', () => {
    const article = { comments: 'closed' as const, publishedAt };
    assert.equal(commentsOpen(article, 0, new Date(published)), false);
    assert.equal(commentsOpen(article, 30, new Date(published + 1000)), false);
  });

  test('0 days keeps comments open forever', () => {
    const article = { comments: 'open' as const, publishedAt };
    assert.equal(commentsOpen(article, 0, new Date(published)), true);
    assert.equal(commentsOpen(article, 0, new Date(published + 10 * 365 * day)), true);
  });

  test('N days closes comments N days after publication', () => {
    const article = { comments: 'open' as const, publishedAt };
    assert.equal(commentsOpen(article, 30, new Date(published)), true);
    assert.equal(commentsOpen(article, 30, new Date(published + 30 * day - 1)), true);
    assert.equal(commentsOpen(article, 30, new Date(published + 30 * day)), false);
    assert.equal(commentsOpen(article, 30, new Date(published + 30 * day + 1)), false);
    assert.equal(commentsOpen(article, 1, new Date(published + day - 1000)), true);
    assert.equal(commentsOpen(article, 1, new Date(published + day + 1000)), false);
  });
});
