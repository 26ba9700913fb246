/**
 * The XSS corpus of the adversarial suite: hostile strings written for Griot's fields, each of
 * which, if it ever runs, calls `__xss(<id>)` (or raises a dialog carrying the id), so the test
 * knows which payload ran in which field. The ids say payload × field: id = payload * 100 + field.
 */

/** What a payload calls when it runs: a hook the test installs in every page, and the id. */
export interface Hook {
  id: number;
  /** `__xss(<id>)`: the call an executed payload makes. */
  call: string;
}

export interface Payload {
  /** Stable name, printed on failure with the id. */
  name: string;
  category: string;
  make(h: Hook): string;
}

const p = (category: string, name: string, make: (h: Hook) => string): Payload => ({
  name,
  category,
  make,
});

// Characters written as numeric references, the way filters that only look for words miss them.
const dec = (s: string) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
const hex = (s: string) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('');
const padded = (s: string) => [...s].map((c) => `&#0000${c.codePointAt(0)}`).join('');
const jsEsc = (s: string) =>
  [...s].map((c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).join('');

const tags: Payload[] = [
  p('tag', 'script', (h) => `<script>${h.call}</script>`),
  p('tag', 'script-upper', (h) => `<SCRIPT>${h.call}</SCRIPT>`),
  p('tag', 'script-mixed', (h) => `<ScRiPt>${h.call}</sCrIpT>`),
  p('tag', 'script-attr-space', (h) => `<script type="text/javascript">${h.call}</script>`),
  p('tag', 'script-module', (h) => `<script type=module>${h.call}</script>`),
  p('tag', 'script-slash', (h) => `<script/x>${h.call}</script>`),
  p('tag', 'script-nested', (h) => `<scr<script>ipt>${h.call}</scr</script>ipt>`),
  p('tag', 'script-unclosed', (h) => `<script>${h.call}//`),
  p('tag', 'script-src-data', (h) => `<script src="data:text/javascript,${h.call}"></script>`),
  p('tag', 'script-newline', (h) => `<script\n>${h.call}</script\n>`),
  p('tag', 'img-onerror', (h) => `<img src=x onerror=${h.call}>`),
  p('tag', 'img-onerror-quoted', (h) => `<img src="x" onerror="${h.call}">`),
  p('tag', 'img-slash', (h) => `<img/src=x/onerror=${h.call}>`),
  p('tag', 'img-backtick', (h) => `<img src=\`x\` onerror=\`${h.call}\`>`),
  p('tag', 'img-noquote-nospace', (h) => `<img src=x onerror="${h.call}"//`),
  p('tag', 'img-upper', (h) => `<IMG SRC=x ONERROR=${h.call}>`),
  p('tag', 'image-alias', (h) => `<image src=x onerror=${h.call}>`),
  p('tag', 'svg-onload', (h) => `<svg onload=${h.call}>`),
  p('tag', 'svg-slash-onload', (h) => `<svg/onload=${h.call}>`),
  p('tag', 'svg-script', (h) => `<svg><script>${h.call}</script></svg>`),
  p('tag', 'svg-script-href', (h) => `<svg><script href="data:,${h.call}"/></svg>`),
  p('tag', 'iframe-srcdoc', (h) => `<iframe srcdoc="<script>parent.${h.call}</script>"></iframe>`),
  p(
    'tag',
    'iframe-srcdoc-entities',
    (h) => `<iframe srcdoc="&lt;img src=x onerror=parent.${h.call}&gt;"></iframe>`,
  ),
  p('tag', 'iframe-onload', (h) => `<iframe onload=${h.call}></iframe>`),
  p('tag', 'details-ontoggle', (h) => `<details open ontoggle=${h.call}>`),
  p('tag', 'body-onload', (h) => `<body onload=${h.call}>`),
  p('tag', 'body-onpageshow', (h) => `<body onpageshow=${h.call}>`),
  p(
    'tag',
    'math-mglyph-style',
    (h) => `<math><mtext><table><mglyph><style><img src=x onerror=${h.call}>`,
  ),
  p('tag', 'input-autofocus', (h) => `<input autofocus onfocus=${h.call}>`),
  p('tag', 'select-autofocus', (h) => `<select autofocus onfocus=${h.call}></select>`),
  p('tag', 'textarea-autofocus', (h) => `<textarea autofocus onfocus=${h.call}></textarea>`),
  p('tag', 'keygen-autofocus', (h) => `<keygen autofocus onfocus=${h.call}>`),
  p('tag', 'video-source-onerror', (h) => `<video><source onerror=${h.call}></video>`),
  p('tag', 'audio-src-onerror', (h) => `<audio src=x onerror=${h.call}>`),
  p('tag', 'video-poster', (h) => `<video poster=javascript:${h.call}>`),
  p('tag', 'object-data', (h) => `<object data="javascript:${h.call}"></object>`),
  p('tag', 'embed-src', (h) => `<embed src="javascript:${h.call}">`),
  p('tag', 'marquee-onstart', (h) => `<marquee onstart=${h.call}>x</marquee>`),
  p('tag', 'style-onload', (h) => `<style onload=${h.call}></style>`),
  p('tag', 'link-onload', (h) => `<link rel=stylesheet href=x onerror=${h.call}>`),
  p(
    'tag',
    'meta-refresh',
    (h) => `<meta http-equiv="refresh" content="0;url=javascript:${h.call}">`,
  ),
  p('tag', 'base-href', (h) => `<base href="javascript:${h.call}//">`),
  p('tag', 'form-action', (h) => `<form action="javascript:${h.call}"><button>x</button></form>`),
  p('tag', 'button-formaction', (h) => `<form><button formaction=javascript:${h.call}>x</button>`),
  p('tag', 'isindex', (h) => `<isindex type=image src=1 onerror=${h.call}>`),
  p('tag', 'template-content', (h) => `<template><img src=x onerror=${h.call}></template>`),
  p(
    'tag',
    'noscript-breakout',
    (h) => `<noscript><p title="</noscript><img src=x onerror=${h.call}>">`,
  ),
  p('tag', 'xmp-breakout', (h) => `<xmp></xmp><img src=x onerror=${h.call}>`),
  p('tag', 'plaintext', (h) => `<plaintext><img src=x onerror=${h.call}>`),
  p('tag', 'frameset-onload', (h) => `<frameset onload=${h.call}>`),
  p(
    'tag',
    'object-html-data',
    (h) => `<object data="data:text/html,<script>parent.${h.call}</script>">`,
  ),
  p('tag', 'comment-breakout', (h) => `<!--><img src=x onerror=${h.call}>-->`),
  p('tag', 'cdata-breakout', (h) => `<![CDATA[><img src=x onerror=${h.call}>]]>`),
  p('tag', 'processing-instruction', (h) => `<?xml ><img src=x onerror=${h.call}>?>`),
  p('tag', 'null-byte-tag', (h) => `<img\u0000 src=x onerror=${h.call}>`),
  p('tag', 'tab-in-tag', (h) => `<img\tsrc=x\tonerror=${h.call}>`),
  p('tag', 'formfeed-in-tag', (h) => `<img\fsrc=x\fonerror=${h.call}>`),
];

// One handler per element that fires it by itself or on the first interaction.
const handlers: Payload[] = (
  [
    ['onerror', 'img src=x'],
    ['onload', 'img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="'],
    ['onanimationstart', 'b style="animation-name:spin"'],
    ['onanimationend', 'b style="animation:spin 1ms"'],
    ['ontransitionend', 'b style="transition:color 1ms"'],
    ['onfocusin', 'a href=# autofocus'],
    ['onblur', 'input autofocus'],
    ['onmouseover', 'div style="position:fixed;inset:0"'],
    ['onmouseenter', 'div style="position:fixed;inset:0"'],
    ['onpointerover', 'span style="display:block;position:fixed;inset:0"'],
    ['onpointerenter', 'p'],
    ['onmousemove', 'section'],
    ['onclick', 'a href=#'],
    ['ondblclick', 'b'],
    ['oncontextmenu', 'i'],
    ['onkeydown', 'div contenteditable'],
    ['onkeyup', 'input'],
    ['onkeypress', 'textarea'],
    ['oninput', 'input autofocus'],
    ['onchange', 'select'],
    ['onbeforeinput', 'div contenteditable'],
    ['oncopy', 'p'],
    ['onpaste', 'p contenteditable'],
    ['oncut', 'p'],
    ['ondrag', 'div draggable=true'],
    ['ondrop', 'div'],
    ['onscroll', 'div style="overflow:auto;height:10px"'],
    ['onwheel', 'div'],
    ['onresize', 'body'],
    ['onhashchange', 'body'],
    ['onmessage', 'body'],
    ['onpopstate', 'body'],
    ['onbeforeprint', 'body'],
    ['onafterscriptexecute', 'script'],
    ['onbeforetoggle', 'div popover id=x'],
    ['onsearch', 'input type=search'],
    ['oninvalid', 'input required'],
    ['onselect', 'input value=x autofocus'],
    ['onsubmit', 'form'],
    ['onreset', 'form'],
    ['onplay', 'video autoplay muted src=x'],
    ['onloadstart', 'video src=x'],
    ['onfocus', 'a href=# autofocus'],
    ['onfocus', 'iframe'],
    ['onfocus', 'svg tabindex=1 autofocus'],
    ['ontoggle', 'details'],
    ['onpointerdown', 'button'],
    ['ontouchstart', 'div'],
    ['onauxclick', 'u'],
    ['onbegin', 'svg><animate attributeName=x dur=1s'],
    ['onend', 'svg><set attributeName=x dur=1ms'],
    ['onrepeat', 'svg><animate dur=1ms repeatCount=2'],
  ] as const
).map(([event, tag], i) =>
  p('handler', `${event}-${i}`, (h) => `<${tag} ${event}="${h.call}">x</${tag.split(/[ >]/)[0]}>`),
);

// SVG and MathML: foreign content, where the parser's rules change.
const foreign: Payload[] = [
  p(
    'foreign',
    'svg-a-xlink',
    (h) => `<svg><a xlink:href="javascript:${h.call}"><text y=20>x</text></a></svg>`,
  ),
  p(
    'foreign',
    'svg-a-href',
    (h) => `<svg><a href="javascript:${h.call}"><rect width=9 height=9 /></a></svg>`,
  ),
  p(
    'foreign',
    'svg-animate-href',
    (h) =>
      `<svg><a><animate attributeName=href values=javascript:${h.call} /><text y=20>x</text></a></svg>`,
  ),
  p(
    'foreign',
    'svg-set-href',
    (h) =>
      `<svg><a><set attributeName=href to="javascript:${h.call}" /><text y=20>x</text></a></svg>`,
  ),
  p(
    'foreign',
    'svg-foreignobject',
    (h) => `<svg><foreignObject><img src=x onerror=${h.call}></foreignObject></svg>`,
  ),
  p(
    'foreign',
    'svg-style-breakout',
    (h) => `<svg><style><img src=x onerror=${h.call}></style></svg>`,
  ),
  p(
    'foreign',
    'svg-title-breakout',
    (h) => `<svg><title><![CDATA[</title><img src=x onerror=${h.call}>]]></title></svg>`,
  ),
  p('foreign', 'svg-image-onerror', (h) => `<svg><image href=x onerror=${h.call} /></svg>`),
  p(
    'foreign',
    'svg-use-data',
    (h) =>
      `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${h.call}'/></svg>#x"/></svg>`,
  ),
  p('foreign', 'svg-desc-html', (h) => `<svg><desc><img src=x onerror=${h.call}></desc></svg>`),
  p('foreign', 'svg-discard', (h) => `<svg><discard onbegin=${h.call}></svg>`),
  p(
    'foreign',
    'svg-handler-entity',
    (h) => `<svg><script>&#${'_'.charCodeAt(0)};_xss(${h.id})</script></svg>`,
  ),
  p('foreign', 'math-href', (h) => `<math href="javascript:${h.call}">x</math>`),
  p(
    'foreign',
    'math-maction',
    (h) =>
      `<math><maction actiontype=statusline xlink:href=javascript:${h.call}>x</maction></math>`,
  ),
  p(
    'foreign',
    'math-mi-xlink',
    (h) => `<math><mi xlink:href="data:x,<script>${h.call}</script>">x</mi></math>`,
  ),
  p(
    'foreign',
    'math-annotation',
    (h) =>
      `<math><annotation-xml encoding="text/html"><img src=x onerror=${h.call}></annotation-xml></math>`,
  ),
  p(
    'foreign',
    'math-style-mxss',
    (h) => `<math><style><img src=x onerror=${h.call}></style></math>`,
  ),
  p(
    'foreign',
    'svg-p-breakout',
    (h) => `<svg></p><style><a id="</style><img src=x onerror=${h.call}>">`,
  ),
  p(
    'foreign',
    'math-mtext-form',
    (h) =>
      `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img src=x onerror=${h.call}>">`,
  ),
  p(
    'foreign',
    'svg-font-face',
    (h) => `<svg><font-face-uri xlink:href="javascript:${h.call}"/></svg>`,
  ),
];

// Links: javascript:, data: and vbscript: in every case, with the tricks URL parsers forgive.
const schemes: Payload[] = [
  p('url', 'js-plain', (h) => `javascript:${h.call}`),
  p('url', 'js-upper', (h) => `JAVASCRIPT:${h.call}`),
  p('url', 'js-mixed', (h) => `JaVaScRiPt:${h.call}`),
  p('url', 'js-leading-space', (h) => ` javascript:${h.call}`),
  p('url', 'js-leading-control', (h) => `\u0001javascript:${h.call}`),
  p('url', 'js-tab', (h) => `jav\tascript:${h.call}`),
  p('url', 'js-newline', (h) => `java\nscript:${h.call}`),
  p('url', 'js-cr', (h) => `java\rscript:${h.call}`),
  p('url', 'js-entity-tab', (h) => `jav&#x09;ascript:${h.call}`),
  p('url', 'js-entity-newline', (h) => `jav&#10;ascript:${h.call}`),
  p('url', 'js-entity-named-tab', (h) => `jav&Tab;ascript:${h.call}`),
  p('url', 'js-entity-named-newline', (h) => `java&NewLine;script&colon;${h.call}`),
  p('url', 'js-entity-j', (h) => `&#106;avascript:${h.call}`),
  p('url', 'js-entity-decimal', (h) => `${dec('javascript')}:${h.call}`),
  p('url', 'js-entity-hex', (h) => `${hex('javascript:')}${h.call}`),
  p('url', 'js-entity-padded', (h) => `${padded('javascript:')}${h.call}`),
  p('url', 'js-entity-colon', (h) => `javascript&#58;${h.call}`),
  p('url', 'js-entity-no-semicolon', (h) => `&#x6A&#x61&#x76&#x61script:${h.call}`),
  p('url', 'js-percent', (h) => `javascript%3A${h.call}`),
  p('url', 'js-fullwidth-colon', (h) => `javascript：${h.call}`),
  p('url', 'js-comment', (h) => `javascript://%0a${h.call}`),
  p('url', 'js-void', (h) => `javascript:void(${h.call})`),
  p('url', 'vbscript', (h) => `vbscript:msgbox(${h.id})'${h.call}`),
  p('url', 'vbscript-upper', (h) => `VBSCRIPT:${h.call}`),
  p('url', 'data-html', (h) => `data:text/html,<script>${h.call}</script>`),
  p(
    'url',
    'data-html-base64',
    (h) => `data:text/html;base64,${Buffer.from(`<script>${h.call}</script>`).toString('base64')}`,
  ),
  p('url', 'data-svg', (h) => `data:image/svg+xml,<svg onload=${h.call}>`),
  p('url', 'data-upper', (h) => `DATA:text/html,<img src=x onerror=${h.call}>`),
  p('url', 'livescript', (h) => `livescript:${h.call}`),
  p('url', 'js-in-http', (h) => `http://x.example/"onmouseover="${h.call}`),
];

// The same schemes in the attributes that load or follow them.
const urlHosts: Payload[] = [
  p('url-host', 'a-href', (h) => `<a href="javascript:${h.call}">lien</a>`),
  p('url-host', 'a-href-entity', (h) => `<a href="&#106;avascript:${h.call}">lien</a>`),
  p('url-host', 'a-href-tab', (h) => `<a href="jav&#x09;ascript:${h.call}">lien</a>`),
  p('url-host', 'a-href-unquoted', (h) => `<a href=javascript:${h.call}>lien</a>`),
  p('url-host', 'iframe-src', (h) => `<iframe src="javascript:parent.${h.call}"></iframe>`),
  p(
    'url-host',
    'iframe-data',
    (h) => `<iframe src="data:text/html,<script>parent.${h.call}</script>"></iframe>`,
  ),
  p(
    'url-host',
    'area-href',
    (h) => `<map name=m><area href="javascript:${h.call}" shape=default></map>`,
  ),
  p('url-host', 'img-src-js', (h) => `<img src="javascript:${h.call}">`),
  p('url-host', 'input-image', (h) => `<input type=image src=x onerror=${h.call}>`),
  p('url-host', 'input-formaction', (h) => `<input type=submit formaction="javascript:${h.call}">`),
  p(
    'url-host',
    'link-href',
    (h) => `<link rel=import href="data:text/html,<script>${h.call}</script>">`,
  ),
  p(
    'url-host',
    'frame-src',
    (h) => `<frameset><frame src="javascript:parent.${h.call}"></frameset>`,
  ),
  p('url-host', 'a-ping', (h) => `<a href=# ping="javascript:${h.call}">x</a>`),
  p('url-host', 'a-vbscript', (h) => `<a href="vbscript:${h.call}">x</a>`),
  p(
    'url-host',
    'a-data',
    (h) =>
      `<a href="data:text/html;base64,${Buffer.from(`<script>${h.call}</script>`).toString('base64')}">x</a>`,
  ),
];

// Closing the element a value is printed in, or the attribute it sits in.
const breakouts: Payload[] = [
  p('breakout', 'dq-onmouseover', (h) => `" onmouseover="${h.call}" x="`),
  p('breakout', 'dq-autofocus', (h) => `" autofocus onfocus="${h.call}" x="`),
  p('breakout', 'sq-autofocus', (h) => `' autofocus onfocus='${h.call}' x='`),
  p('breakout', 'sq-onmouseover', (h) => `' onmouseover='${h.call}`),
  p('breakout', 'dq-close-tag', (h) => `"><script>${h.call}</script>`),
  p('breakout', 'sq-close-tag', (h) => `'><script>${h.call}</script>`),
  p('breakout', 'dq-close-img', (h) => `"><img src=x onerror=${h.call}>`),
  p('breakout', 'unquoted-space', (h) => `x onfocus=${h.call} autofocus`),
  p('breakout', 'backtick-attr', (h) => `\` onfocus=${h.call} autofocus x=\``),
  p('breakout', 'entity-quote', (h) => `&quot; onfocus=${h.call} autofocus x=&quot;`),
  p('breakout', 'entity-apos', (h) => `&#39; onfocus=${h.call} autofocus x=&#39;`),
  p('breakout', 'textarea', (h) => `</textarea><script>${h.call}</script>`),
  p('breakout', 'textarea-upper', (h) => `</TEXTAREA ><img src=x onerror=${h.call}>`),
  p('breakout', 'title', (h) => `</title><script>${h.call}</script>`),
  p('breakout', 'title-img', (h) => `</title><img src=x onerror=${h.call}>`),
  p('breakout', 'script', (h) => `</script><script>${h.call}</script>`),
  p('breakout', 'script-upper', (h) => `</SCRIPT><script>${h.call}</script>`),
  p('breakout', 'script-space', (h) => `</script ><img src=x onerror=${h.call}>`),
  p('breakout', 'style', (h) => `</style><script>${h.call}</script>`),
  p('breakout', 'style-img', (h) => `</style><img src=x onerror=${h.call}>`),
  p('breakout', 'noscript', (h) => `</noscript><img src=x onerror=${h.call}>`),
  p('breakout', 'option', (h) => `</option></select><img src=x onerror=${h.call}>`),
  p('breakout', 'iframe', (h) => `</iframe><img src=x onerror=${h.call}>`),
  p('breakout', 'comment', (h) => `--><img src=x onerror=${h.call}>`),
  p('breakout', 'comment-bang', (h) => `--!><img src=x onerror=${h.call}>`),
  p('breakout', 'pre', (h) => `</pre><img src=x onerror=${h.call}>`),
  p('breakout', 'a', (h) => `</a><img src=x onerror=${h.call}>`),
  p('breakout', 'svg-title', (h) => `</title></svg><img src=x onerror=${h.call}>`),
];

// Strings that end up in script: JSON-LD, the editor's settings, template literals.
const scriptStrings: Payload[] = [
  p('script', 'json-close-open', (h) => `</script><script>${h.call}//`),
  p('script', 'json-comment-open', (h) => `<!--<script>${h.call}</script>`),
  p('script', 'json-quote', (h) => `"};${h.call};//`),
  p('script', 'json-sq', (h) => `'};${h.call};//`),
  p('script', 'json-backslash', (h) => `\\"};${h.call};//`),
  p('script', 'line-separator', (h) => `\u2028${h.call}//\u2029`),
  p('script', 'paragraph-separator', (h) => `x\u2029";${h.call};"`),
  p('script', 'template-literal', (h) => `\${${h.call}}`),
  p('script', 'backtick-break', (h) => `\`;${h.call};\``),
  p(
    'script',
    'unicode-escape',
    (h) => `\\u003c/script\\u003e\\u003cscript\\u003e${h.call}\\u003c/script\\u003e`,
  ),
  p('script', 'js-escape-call', (h) => `<script>${jsEsc('__xss')}(${h.id})</script>`),
  p(
    'script',
    'eval-fromcharcode',
    (h) =>
      `<script>eval(String.fromCharCode(${[...h.call].map((c) => c.charCodeAt(0)).join(',')}))//__xss</script>`,
  ),
  p(
    'script',
    'html-comment-in-script',
    (h) => `<!--<script>--></script><script>${h.call}</script>`,
  ),
  p('script', 'close-ldjson', (h) => `</script ><script type="text/javascript">${h.call}</script>`),
  p('script', 'cdata-js', (h) => `]]></script><script>${h.call}</script><![CDATA[`),
];

// Markdown: links, images, autolinks, references, raw HTML.
const markdown: Payload[] = [
  p('markdown', 'link-js', (h) => `[lien](javascript:${h.call})`),
  p('markdown', 'link-js-upper', (h) => `[lien](JAVASCRIPT:${h.call})`),
  p('markdown', 'link-js-entity', (h) => `[lien](&#106;avascript:${h.call})`),
  p('markdown', 'link-js-percent', (h) => `[lien](javascript%3A${h.call})`),
  p('markdown', 'link-js-angle', (h) => `[lien](<javascript:${h.call}>)`),
  p('markdown', 'link-js-space', (h) => `[lien]( javascript:${h.call} )`),
  p('markdown', 'link-js-tab-entity', (h) => `[lien](jav&#x09;ascript:${h.call})`),
  p('markdown', 'link-vbscript', (h) => `[lien](vbscript:${h.call})`),
  p(
    'markdown',
    'link-data',
    (h) =>
      `[lien](data:text/html;base64,${Buffer.from(`<script>${h.call}</script>`).toString('base64')})`,
  ),
  p(
    'markdown',
    'link-title-breakout',
    (h) => `[lien](https://example.org "x\\" onmouseover=\\"${h.call}")`,
  ),
  p(
    'markdown',
    'link-title-quote',
    (h) => `[lien](https://example.org "a" onmouseover="${h.call}")`,
  ),
  p('markdown', 'link-text-html', (h) => `[<img src=x onerror=${h.call}>](https://example.org)`),
  p('markdown', 'image-onerror', (h) => `![x](x" onerror="${h.call})`),
  p('markdown', 'image-js', (h) => `![x](javascript:${h.call})`),
  p('markdown', 'image-alt-breakout', (h) => `![x" onerror="${h.call}](https://example.org/x.png)`),
  p('markdown', 'image-title', (h) => `![x](x.png "\\" onerror=\\"${h.call}")`),
  p('markdown', 'autolink-js', (h) => `<javascript:${h.call}>`),
  p('markdown', 'autolink-data', (h) => `<data:text/html,<script>${h.call}</script>>`),
  p('markdown', 'autolink-http-quote', (h) => `<https://example.org/"onmouseover="${h.call}">`),
  p('markdown', 'linkify-quote', (h) => `https://example.org/?"onmouseover="${h.call}"`),
  p('markdown', 'linkify-js', (h) => `www.example.org/javascript:${h.call}`),
  p('markdown', 'reference-js', (h) => `[lien][r${h.id}]\n\n[r${h.id}]: javascript:${h.call}`),
  p(
    'markdown',
    'reference-title',
    (h) => `[lien][t${h.id}]\n\n[t${h.id}]: https://example.org "\\" onclick=\\"${h.call}"`,
  ),
  p('markdown', 'reference-image', (h) => `![lien][i${h.id}]\n\n[i${h.id}]: javascript:${h.call}`),
  p('markdown', 'raw-html-block', (h) => `<div>\n<img src=x onerror=${h.call}>\n</div>`),
  p(
    'markdown',
    'raw-html-inline',
    (h) => `Texte <span onmouseover="${h.call}">survol</span> suite`,
  ),
  p('markdown', 'html-in-code', (h) => `\`<script>${h.call}</script>\``),
  p('markdown', 'fenced-html', (h) => '```html\n<script>' + h.call + '</script>\n```'),
  p('markdown', 'heading-html', (h) => `# <img src=x onerror=${h.call}>`),
  p('markdown', 'table-html', (h) => `| a | b |\n|---|---|\n| <img src=x onerror=${h.call}> | x |`),
  p('markdown', 'blockquote-html', (h) => `> <svg onload=${h.call}>`),
  p('markdown', 'nested-brackets', (h) => `[[x](javascript:${h.call})](https://example.org)`),
  p('markdown', 'escaped-bracket', (h) => `[x\\](javascript:${h.call})`),
  p('markdown', 'mailto-breakout', (h) => `[x](mailto:a@b.c"onmouseover="${h.call})`),
  p('markdown', 'link-newline-scheme', (h) => `[x](java\nscript:${h.call})`),
];

// Style sheets that run code in some browser, or smuggle markup.
const css: Payload[] = [
  p('css', 'expression', (h) => `<div style="width:expression(${h.call})">x</div>`),
  p('css', 'url-js', (h) => `<div style="background:url(javascript:${h.call})">x</div>`),
  p('css', 'import-js', (h) => `<style>@import 'javascript:${h.call}';</style>`),
  p('css', 'moz-binding', (h) => `<div style="-moz-binding:url(data:x,${h.call})">x</div>`),
  p('css', 'behavior', (h) => `<div style="behavior:url(javascript:${h.call})">x</div>`),
  p('css', 'style-close-attr', (h) => `red;}</style><img src=x onerror=${h.call}>`),
  p(
    'css',
    'style-escape',
    (h) => `<div style="background:\\75\\72\\6c(javascript:${h.call})">x</div>`,
  ),
  p(
    'css',
    'style-animation',
    (h) =>
      `<style>@keyframes x{}</style><b style="animation-name:x" onanimationstart="${h.call}">x</b>`,
  ),
  p('css', 'style-attr-breakout', (h) => `color:red" onmouseover="${h.call}`),
  p('css', 'style-comment', (h) => `<div style="x:/**/expression(${h.call})">x</div>`),
];

// Unicode that changes how text looks or how a parser reads it.
const unicode: Payload[] = [
  p('unicode', 'fullwidth-script', (h) => `＜script＞${h.call}＜/script＞`),
  p('unicode', 'fullwidth-img', (h) => `＜img src=x onerror=${h.call}＞`),
  p(
    'unicode',
    'rtl-override',
    (h) => `\u202E>tpircs/<${h.call}>tpircs<\u202C<script>${h.call}</script>`,
  ),
  p(
    'unicode',
    'zero-width-tag',
    (h) => `<\u200Bscript>${h.call}</script><scr\u200Dipt>${h.call}</script>`,
  ),
  p('unicode', 'zero-width-scheme', (h) => `[x](java\u200Bscript:${h.call})`),
  p('unicode', 'bom', (h) => `\uFEFF<script>${h.call}</script>`),
  p('unicode', 'small-less-than', (h) => `﹤script﹥${h.call}﹤/script﹥`),
  p('unicode', 'overlong-utf8', (h) => `%C0%BCscript%C0%BE${h.call}%C0%BC/script%C0%BE`),
  p('unicode', 'percent-encoded', (h) => `%3Cscript%3E${h.call}%3C%2Fscript%3E`),
  p('unicode', 'double-encoded', (h) => `%253Cscript%253E${h.call}%253C/script%253E`),
  p('unicode', 'html-entities-tag', (h) => `&lt;script&gt;${h.call}&lt;/script&gt;`),
  p('unicode', 'lone-surrogate', (h) => `\uD800<img src=x onerror=${h.call}>`),
  p('unicode', 'combining', (h) => `≮script>${h.call}</script>`),
  p('unicode', 'turkish-i', (h) => `<scrİpt>${h.call}</scrİpt>`),
  p('unicode', 'ideographic-space', (h) => `<img\u3000src=x\u3000onerror=${h.call}>`),
  p('unicode', 'nbsp-attr', (h) => `<img\u00A0src=x onerror=${h.call}>`),
];

// Mutation XSS: markup that sanitizers read one way and browsers re-parse another.
const mutation: Payload[] = [
  p(
    'mxss',
    'noscript-title',
    (h) => `<noscript><p title="</noscript><img src=x onerror=${h.call}>"></noscript>`,
  ),
  p(
    'mxss',
    'svg-style-img',
    (h) => `<svg><style>&lt;img src=x onerror=${h.call}&gt;</style></svg>`,
  ),
  p(
    'mxss',
    'math-mtext-mglyph',
    (h) =>
      `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=x onerror=${h.call}&gt;">`,
  ),
  p(
    'mxss',
    'form-nesting',
    (h) =>
      `<form id=x></form><form><math><mtext></form><form><mglyph><style></math><img src=x onerror=${h.call}>`,
  ),
  p('mxss', 'listing-newline', (h) => `<listing>&lt;img src=x onerror=${h.call}&gt;</listing>`),
  p('mxss', 'backtick-ie', (h) => `<img src="x\` \`<script>${h.call}</script>"\` \`>`),
  p('mxss', 'table-foster', (h) => `<table><img src=x onerror=${h.call}></table>`),
  p(
    'mxss',
    'select-foster',
    (h) => `<select><template><img src=x onerror=${h.call}></template></select>`,
  ),
  p('mxss', 'svg-p-close', (h) => `<svg><p><style><img src=x onerror=${h.call}>`),
  p(
    'mxss',
    'namespace-a',
    (h) => `<svg><a><foreignObject><a href="javascript:${h.call}">x</a></foreignObject></a></svg>`,
  ),
  p(
    'mxss',
    'dom-clobber',
    (h) =>
      `<a id=__xss href="javascript:${h.call}"></a><form name=csrf><input name=value value="${h.call}">`,
  ),
  p(
    'mxss',
    'textarea-in-svg',
    (h) => `<svg><textarea></textarea><img src=x onerror=${h.call}></svg>`,
  ),
  p(
    'mxss',
    'comment-in-attr',
    (h) => `<img alt="<!--" src=x><img src=x onerror=${h.call} alt="-->">`,
  ),
  p(
    'mxss',
    'iframe-in-noembed',
    (h) => `<noembed><img title="</noembed><img src=x onerror=${h.call}>"></noembed>`,
  ),
  p('mxss', 'xmp-title', (h) => `<xmp><p title="</xmp><img src=x onerror=${h.call}>">`),
  p('mxss', 'noframes', (h) => `<noframes><p title="</noframes><img src=x onerror=${h.call}>">`),
  p(
    'mxss',
    'template-shadow',
    (h) => `<div><template shadowrootmode=open><img src=x onerror=${h.call}></template></div>`,
  ),
];

// Raising dialogs instead of calling the hook: the test counts every dialog too.
const dialogs: Payload[] = [
  p('dialog', 'alert', (h) => `<script>alert(${h.id})</script>`),
  p('dialog', 'confirm', (h) => `<img src=x onerror=confirm(${h.id})>`),
  p('dialog', 'prompt', (h) => `<svg onload=prompt(${h.id})>`),
  p('dialog', 'alert-backticks', (h) => `<img src=x onerror=alert\`${h.id}\`>`),
  p('dialog', 'alert-top', (h) => `<img src=x onerror=top['al'+'ert'](${h.id})>`),
  p('dialog', 'print-dialog', (h) => `"><img src=x onerror=window.alert(${h.id})>`),
];

/** Every payload, in a stable order: its index is its number in the ids. */
export const payloads: Payload[] = [
  ...tags,
  ...handlers,
  ...foreign,
  ...schemes,
  ...urlHosts,
  ...breakouts,
  ...scriptStrings,
  ...markdown,
  ...css,
  ...unicode,
  ...mutation,
  ...dialogs,
];

/** The id of a payload in a field. */
export const xssId = (payload: number, field: number): number => payload * 100 + field;

/** The payload text for one field. */
export function payloadText(payload: number, field: number): string {
  const id = xssId(payload, field);
  return payloads[payload]!.make({ id, call: `__xss(${id})` });
}

/** Says which payload and field an id stands for. */
export function describeId(id: number): string {
  const payload = payloads[Math.floor(id / 100)];
  return `${payload ? `${payload.category}/${payload.name}` : 'unknown payload'} in field ${id % 100}`;
}
