/* global fetch, Event */
// Clean pasting into the article body. What comes from a word processor, a web page or WhatsApp
// is turned by the server (POST /admin/articles/collage) into our Markdown, keeping paragraphs,
// subheadings, bold, italics, links and lists, and inserted where the cursor was, undoable.
// Without this script the browser pastes the plain text, which the site renders one paragraph
// per line.
(function () {
  'use strict';
  var form = document.getElementById('article-form');
  var body = document.getElementById('a-body');
  if (!form || !body) return;
  var csrf = form.elements.namedItem('_csrf').value;
  // PASTE_HTML_MAX in src/articles/paste.routes.ts: past it, only the plain text is sent.
  var HTML_MAX = 1000000;

  // Blank lines around what was pasted when it is several paragraphs, so it never runs into
  // the text before or after it.
  function spaced(markdown, before, after) {
    if (markdown.indexOf('\n') === -1) return markdown;
    var head = !before || /\n\n$/.test(before) ? '' : /\n$/.test(before) ? '\n' : '\n\n';
    var tail = !after || /^\n/.test(after) ? '' : '\n\n';
    return head + markdown + tail;
  }

  function insert(markdown, start, end, valueThen) {
    body.focus();
    // Typed into meanwhile: the text goes where the cursor is now.
    if (body.value === valueThen) body.setSelectionRange(start, end);
    var value = body.value;
    var text = spaced(
      markdown,
      value.slice(0, body.selectionStart),
      value.slice(body.selectionEnd),
    );
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    if (!document.execCommand || !document.execCommand('insertText', false, text)) {
      body.setRangeText(text, body.selectionStart, body.selectionEnd, 'end');
      body.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  body.addEventListener('paste', function (event) {
    var data = event.clipboardData;
    if (!data) return;
    var html = data.getData('text/html') || '';
    var text = data.getData('text/plain') || '';
    // A few words without formatting paste as the browser pastes them.
    if (!html && !/[\n*_]/.test(text)) return;
    event.preventDefault();
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var valueThen = body.value;
    body.setAttribute('aria-busy', 'true');
    fetch('/admin/articles/collage', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(html.length <= HTML_MAX ? { html: html, text: text } : { text: text }),
    })
      .then(function (res) {
        if (!res.ok) throw new Error('paste ' + res.status);
        return res.json();
      })
      .then(function (result) {
        insert(result.markdown || text, start, end, valueThen);
      })
      .catch(function () {
        // The server could not convert it: the plain text, as the browser would have pasted it.
        insert(text, start, end, valueThen);
      })
      .then(function () {
        body.removeAttribute('aria-busy');
      });
  });
})();
