/* global window, Event */
// The article editor's « Photo » button: picks a photo of the media library (or uploads one)
// and inserts it at the cursor as `![Légende](media:123 "Crédit")`, alone in its paragraph (or
// on the next line of a gallery). Without this script the syntax is typed by hand (see the help
// under the body field).
(function () {
  'use strict';
  var form = document.getElementById('article-form');
  // The lead photo's radio buttons are for browsers without script: the picker (editor.js)
  // replaces them. Hidden, they stay on « keep », which leaves the choice to the picker's field;
  // they stay enabled, or the form would differ from what editor.js took for saved.
  var choices = form && form.querySelector('.lead-photo-choices');
  var picker = form && form.querySelector('.media-picker');
  if (choices && picker && !picker.hidden) choices.hidden = true;
  var stringsEl = document.getElementById('body-media-strings');
  var button = document.querySelector('.md-toolbar .md-photo');
  var panel = document.getElementById('body-media-panel');
  var library = window.griotMediaLibrary;
  if (!form || !stringsEl || !button || !panel || !library) return;
  var t = JSON.parse(stringsEl.textContent || '{}');
  var body = form.elements.namedItem('body');
  var csrf = form.elements.namedItem('_csrf').value;
  var search = document.getElementById('body-media-q');
  var gallery = document.getElementById('body-media-gallery');
  var results = panel.querySelector('.body-media-results');
  var message = panel.querySelector('.body-media-message');
  var upload = document.getElementById('body-media-file');
  var uploadCaption = document.getElementById('body-media-caption');
  var uploadCredit = document.getElementById('body-media-credit');
  var found = [];
  // Where the cursor was when the panel opened: choosing a photo moves the focus away.
  var selection = { start: 0, end: 0 };
  button.hidden = false;

  // Markdown: brackets and backslashes in a caption, quotes in a credit, are escaped; no line breaks.
  function oneLine(text) {
    return String(text || '')
      .replace(/\s+/g, ' ')
      .trim();
  }
  function syntaxOf(item) {
    var caption = oneLine(item.caption).replace(/[\\[\]]/g, '\\$&');
    var credit = oneLine(item.credit).replace(/[\\"]/g, '\\$&');
    return '![' + caption + '](media:' + item.id + (credit ? ' "' + credit + '"' : '') + ')';
  }

  function insert(item) {
    var value = body.value;
    var start = Math.min(selection.start, value.length);
    var end = Math.min(selection.end, value.length);
    var before = value.slice(0, start);
    var after = value.slice(end);
    var joinGallery = gallery.checked && /!\[[^\]\n]*\]\(media:\d+[^)\n]*\)\n?$/.test(before);
    var pre;
    if (before === '' || /\n\n$/.test(before)) pre = '';
    else if (joinGallery) pre = /\n$/.test(before) ? '' : '\n';
    else pre = /\n$/.test(before) ? '\n' : '\n\n';
    var post = after === '' || /^\n\n/.test(after) ? '' : /^\n/.test(after) ? '\n' : '\n\n';
    var line = syntaxOf(item);
    var text = pre + line + post;
    body.focus();
    body.setSelectionRange(start, end);
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    if (!document.execCommand || !document.execCommand('insertText', false, text)) {
      body.setRangeText(text, start, end, 'end');
      body.dispatchEvent(new Event('input', { bubbles: true }));
    }
    // The cursor ends just after the photo line, so the next choice can join it in a gallery.
    var caret = start + pre.length + line.length;
    body.setSelectionRange(caret, caret);
    selection = { start: caret, end: caret };
    message.textContent = t.inserted.replace('{id}', item.id);
  }

  function list(q) {
    return library
      .list(q, {
        results: results,
        message: message,
        t: t,
        label: function (item) {
          return t.choose.replace('{id}', item.id);
        },
      })
      .then(function (items) {
        found = items;
        return items;
      });
  }

  function toggle(show) {
    panel.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
    if (show) {
      selection = { start: body.selectionStart, end: body.selectionEnd };
      list(search.value).catch(function () {
        message.textContent = t.none;
      });
      search.focus();
    }
  }
  button.addEventListener('click', function () {
    toggle(panel.hidden);
  });
  panel.querySelector('.body-media-close').addEventListener('click', function () {
    toggle(false);
    body.focus();
  });
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      toggle(false);
      body.focus();
    }
  });
  library.wireSearch(search, list);
  [uploadCaption, uploadCredit].forEach(function (input) {
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') e.preventDefault();
    });
  });
  results.addEventListener('click', function (e) {
    var choice = e.target.closest('button[data-index]');
    if (choice) insert(found[Number(choice.getAttribute('data-index'))]);
  });
  upload.addEventListener('change', function () {
    var file = upload.files && upload.files[0];
    if (!file) return;
    message.textContent = t.uploading;
    var meta = {
      credit: uploadCredit.value,
      caption: uploadCaption.value,
      alt: uploadCaption.value,
    };
    library
      .upload(file, meta, csrf, t.uploadFailed)
      .then(function (id) {
        var typed = { id: id, caption: uploadCaption.value, credit: uploadCredit.value };
        upload.value = '';
        uploadCaption.value = '';
        uploadCredit.value = '';
        search.value = '';
        return list('').then(function (items) {
          var item = items.filter(function (m) {
            return m.id === id;
          })[0];
          // A photo already in the library (the same file) keeps its own caption and credit.
          insert(item || typed);
        });
      })
      .catch(function (err) {
        message.textContent = (err && err.message) || t.uploadFailed;
      });
  });
})();
