/* global window, fetch, FormData, URLSearchParams, Event */
// The article editor, enhanced: Markdown toolbar, live preview, autosave of drafts, a warning
// before leaving with unsaved changes, the slug from the title, a growing title, the action
// bar's labels and confirmation dialogs, and the photo picker.
// Without this script the form works as it is.
(function () {
  'use strict';
  var form = document.getElementById('article-form');
  var stringsEl = document.getElementById('editor-strings');
  if (!form || !stringsEl) return;
  var t = JSON.parse(stringsEl.textContent || '{}');
  var body = form.elements.namedItem('body');
  var csrf = form.elements.namedItem('_csrf').value;
  var articleId = form.getAttribute('data-article-id');
  var status = form.getAttribute('data-status');
  var statusLine = form.querySelector('.editor-status');

  function field(name) {
    return form.elements.namedItem(name);
  }
  function say(text, kind) {
    statusLine.hidden = !text;
    statusLine.textContent = text || '';
    statusLine.className = 'editor-status' + (kind ? ' is-' + kind : '');
  }

  // The form's content as it would be sent, without the token and version.
  function snapshot() {
    var params = new URLSearchParams(new FormData(form));
    params.delete('_csrf');
    params.delete('version');
    return params.toString();
  }
  var saved = snapshot();
  var submitting = false;

  // --- Markdown toolbar -------------------------------------------------------------------
  function replaceSelection(text, selectFrom, selectTo) {
    var start = body.selectionStart;
    body.focus();
    // execCommand keeps the browser's undo history; setRangeText is the fallback.
    if (!document.execCommand || !document.execCommand('insertText', false, text)) {
      body.setRangeText(text, body.selectionStart, body.selectionEnd, 'end');
      body.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (selectFrom !== undefined) body.setSelectionRange(start + selectFrom, start + selectTo);
  }
  function wrap(mark, placeholder) {
    var selected = body.value.slice(body.selectionStart, body.selectionEnd) || placeholder;
    replaceSelection(mark + selected + mark, mark.length, mark.length + selected.length);
  }
  function prefixLines(prefix) {
    var value = body.value;
    var start = value.lastIndexOf('\n', body.selectionStart - 1) + 1;
    var last = body.selectionEnd;
    // A selection ending just after a line break stops at that line.
    if (last > body.selectionStart && value[last - 1] === '\n') last -= 1;
    var end = value.indexOf('\n', last);
    if (end === -1) end = value.length;
    var lines = value.slice(start, end).split('\n');
    var all = lines.every(function (l) {
      return l.indexOf(prefix) === 0;
    });
    var out = lines
      .map(function (l) {
        return all ? l.slice(prefix.length) : l.replace(/^(#+ |> |- )/, '').replace(/^/, prefix);
      })
      .join('\n');
    body.setSelectionRange(start, end);
    replaceSelection(out, lines.length > 1 ? 0 : out.length, out.length);
  }
  function link() {
    var selected = body.value.slice(body.selectionStart, body.selectionEnd) || t.linkText;
    var text = '[' + selected + '](https://)';
    replaceSelection(text, selected.length + 3, text.length - 1);
  }
  var tools = {
    h2: function () {
      prefixLines('## ');
    },
    bold: function () {
      wrap('**', t.bold);
    },
    italic: function () {
      wrap('*', t.italic);
    },
    link: link,
    quote: function () {
      prefixLines('> ');
    },
    list: function () {
      prefixLines('- ');
    },
  };
  var toolbar = form.querySelector('.md-toolbar');
  if (toolbar && body) {
    toolbar.hidden = false;
    toolbar.addEventListener('click', function (e) {
      var button = e.target.closest('button[data-md]');
      if (button && tools[button.getAttribute('data-md')]) tools[button.getAttribute('data-md')]();
    });
    body.addEventListener('keydown', function (e) {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      var key = e.key.toLowerCase();
      if (key === 'b') tools.bold();
      else if (key === 'i') tools.italic();
      else return;
      e.preventDefault();
    });
  }

  // --- Live preview: the whole article as readers will see it ------------------------------
  var preview = document.querySelector('.editor-preview');
  var previewLabel = preview && preview.querySelector('.editor-preview-label');
  var previewLabelText = previewLabel && previewLabel.textContent;
  var previewArticle = preview && preview.querySelector('[data-preview="article"]');
  var previewTimer = null;
  var previewSeq = 0;
  var previewFields = [
    'body',
    'title',
    'kicker',
    'standfirst',
    'signature',
    'agency',
    'sectionId',
    'imageId',
    'imageCredit',
    'imageCaption',
    'imageAlt',
    'imageIsIllustration',
  ];
  function refreshPreview() {
    var seq = ++previewSeq;
    var values = {};
    previewFields.forEach(function (name) {
      var input = field(name);
      if (!input) return;
      values[name] = input.type === 'checkbox' ? input.checked : input.value;
    });
    // The ticked co-authors, in the form's order (the order they sign in).
    values.coauthors = Array.prototype.map.call(
      form.querySelectorAll('input[name="coauthors"]:checked'),
      function (box) {
        return Number(box.value);
      },
    );
    // Assistive technologies (and tests) can tell when the preview is being redrawn.
    preview.setAttribute('aria-busy', 'true');
    fetch('/admin/articles/apercu', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(values),
    })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (data) {
        // A slow answer must not replace a newer one.
        if (seq !== previewSeq) return;
        // The server renders it, escaped and sanitized, in the reader page's markup.
        previewArticle.innerHTML = data.article;
        // A new article's slug follows its title, by the server's rule, until typed by hand.
        if (slugFollowsTitle && !slugTouched && typeof data.slug === 'string')
          slug.value = data.slug;
        preview.classList.remove('is-stale');
        previewLabel.textContent = previewLabelText;
        preview.removeAttribute('aria-busy');
      })
      .catch(function () {
        if (seq !== previewSeq) return;
        preview.classList.add('is-stale');
        previewLabel.textContent = previewLabelText + ' — ' + t.previewFailed;
        preview.removeAttribute('aria-busy');
      });
  }
  function schedulePreview(e) {
    var name = e.target && e.target.name;
    if (previewFields.indexOf(name) === -1 && name !== 'coauthors') return;
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(refreshPreview, 400);
  }
  if (previewArticle && body) {
    preview.hidden = false;
    form.addEventListener('input', schedulePreview);
    form.addEventListener('change', schedulePreview);
    refreshPreview();
  }

  // --- The title: one line that grows with a long headline --------------------------------
  var title = field('title');
  if (title && title.tagName === 'TEXTAREA') {
    // Enter would break the headline: the server joins lines anyway, so it does nothing here.
    title.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') e.preventDefault();
    });
    // Browsers without `field-sizing: content` grow it by hand.
    if (!(window.CSS && window.CSS.supports && window.CSS.supports('field-sizing', 'content'))) {
      var fit = function () {
        title.style.height = 'auto';
        title.style.height = title.scrollHeight + 2 + 'px';
      };
      title.addEventListener('input', fit);
      window.addEventListener('resize', fit);
      fit();
    }
  }

  // --- The action bar: « Programmer » once a date is set; confirmations as dialogs ----------
  var when = field('at');
  var publishButton = form.querySelector('button[data-publish]');
  if (when && publishButton) {
    var relabel = function () {
      var dated = !!when.value;
      publishButton.textContent = publishButton.getAttribute(
        dated ? 'data-schedule' : 'data-publish',
      );
      publishButton.value = dated ? 'schedule' : 'publish';
    };
    when.addEventListener('input', relabel);
    when.addEventListener('change', relabel);
    relabel();
  }
  form.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('button[data-confirm]');
    var dialog = button && document.getElementById(button.getAttribute('data-confirm'));
    // Without <dialog>, the button leads to the confirmation page.
    if (!dialog || typeof dialog.showModal !== 'function') return;
    e.preventDefault();
    dialog.showModal();
  });

  // --- Autosave (existing drafts only) and the unsaved-changes warning ----------------------
  var autosaving = !!articleId && status === 'draft';
  // The autosave request on its way, if any (a promise), else false.
  var inFlight = false;
  function setVersion(version) {
    // The workflow form carries the version too; both must follow the autosave.
    document.querySelectorAll('input[name="version"]').forEach(function (input) {
      input.value = String(version);
    });
  }
  function autosave() {
    if (!autosaving || inFlight || submitting) return;
    var current = snapshot();
    if (current === saved) return;
    say(t.saving);
    var params = new URLSearchParams(new FormData(form));
    inFlight = fetch('/admin/articles/' + articleId + '/brouillon', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
      body: params.toString(),
    })
      .then(function (res) {
        return res
          .json()
          .catch(function () {
            return {};
          })
          .then(function (data) {
            if (res.ok) {
              setVersion(data.version);
              saved = current;
              say(t.saved.replace('{time}', data.time), 'ok');
            } else if (res.status === 409 || res.status === 403 || res.status === 404) {
              autosaving = false;
              say(t.conflict, 'error');
            } else if (res.status === 422) say(t.invalid, 'warn');
            else say(t.failed, 'warn');
          });
      })
      .catch(function () {
        say(t.failed, 'warn');
      })
      .then(function () {
        inFlight = false;
      });
  }
  if (autosaving) window.setInterval(autosave, 5000);
  else
    // Forms that do not save themselves say when they hold changes not saved yet.
    form.addEventListener('input', function () {
      say(snapshot() === saved ? '' : t.unsaved, 'warn');
    });
  form.addEventListener('submit', function (e) {
    // An autosave on its way will change the version the form carries: send the form once it
    // is back, or the server would take this save for a conflicting one.
    if (inFlight) {
      e.preventDefault();
      var submitter = e.submitter;
      inFlight.then(function () {
        form.requestSubmit(submitter);
      });
      return;
    }
    submitting = true;
  });
  window.addEventListener('beforeunload', function (e) {
    if (submitting || snapshot() === saved) return;
    e.preventDefault();
    e.returnValue = '';
  });

  // --- Slug from the title, on a new article while the slug is empty and untouched ----------
  // The live preview's answer carries the slug the server makes of the title (one rule, in
  // src/articles/slug.ts); it fills the field above.
  var slug = field('slug');
  var slugFollowsTitle = !articleId && !!slug && !!field('title') && !slug.value;
  var slugTouched = false;
  if (slugFollowsTitle) {
    slug.addEventListener('input', function () {
      slugTouched = true;
    });
  }

  // --- Photo picker -----------------------------------------------------------------------
  var picker = form.querySelector('.media-picker');
  var library = window.griotMediaLibrary;
  if (!picker || !library) return;
  var panel = picker.querySelector('.picker-panel');
  var open = picker.querySelector('.picker-open');
  var search = picker.querySelector('#picker-q');
  var results = picker.querySelector('.picker-results');
  var message = picker.querySelector('.picker-message');
  var remove = picker.querySelector('.picker-remove');
  // The current photo's thumbnail sits outside the picker, so it shows without this script too.
  var thumb = form.querySelector('.picker-thumb');
  var upload = picker.querySelector('#picker-file');
  var found = [];
  picker.hidden = false;

  function showThumb(id, url, alt) {
    thumb.setAttribute('data-media-id', String(id));
    // The server gave the current photo's size; another photo has its own.
    thumb.removeAttribute('width');
    thumb.removeAttribute('height');
    thumb.src = url;
    thumb.alt = alt || '';
    thumb.hidden = false;
  }
  // The library's credit, caption and text alternative fill a field only where the editor has
  // typed nothing: an empty field, or one still holding what an earlier pick put there.
  var fromLibrary = {};
  function fillDefault(name, value) {
    var input = field(name);
    if (input.value !== '' && input.value !== fromLibrary[name]) return;
    input.value = value || '';
    fromLibrary[name] = input.value;
  }
  function choose(item) {
    field('imageId').value = String(item.id);
    fillDefault('imageCredit', item.credit);
    fillDefault('imageCaption', item.caption);
    fillDefault('imageAlt', item.alt);
    if (item.url) showThumb(item.id, item.url, item.alt);
    else thumb.hidden = true;
    remove.hidden = false;
    changed();
    message.textContent = t.chosen.replace('{id}', item.id);
  }
  // Set from code, the fields fire no input event: tell the unsaved-changes line ourselves.
  function changed() {
    field('imageId').dispatchEvent(new Event('input', { bubbles: true }));
  }
  remove.addEventListener('click', function () {
    ['imageId', 'imageCredit', 'imageCaption', 'imageAlt'].forEach(function (name) {
      field(name).value = '';
    });
    thumb.hidden = true;
    remove.hidden = true;
    changed();
    message.textContent = t.removed;
    open.focus();
  });
  // A number typed by hand: the thumbnail shows only while it is still the photo it pictures.
  field('imageId').addEventListener('input', function () {
    var id = field('imageId').value.trim();
    thumb.hidden = !id || id !== thumb.getAttribute('data-media-id');
    remove.hidden = !id;
  });
  function list(q) {
    return library.list(q, { results: results, message: message, t: t }).then(function (items) {
      found = items;
      return items;
    });
  }
  function toggle(show) {
    panel.hidden = !show;
    open.setAttribute('aria-expanded', String(show));
    if (show) {
      list(search.value).catch(function () {
        message.textContent = t.none;
      });
      search.focus();
    }
  }
  open.addEventListener('click', function () {
    toggle(panel.hidden);
  });
  picker.querySelector('.picker-close').addEventListener('click', function () {
    toggle(false);
    open.focus();
  });
  library.wireSearch(search, list);
  results.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-index]');
    if (button) choose(found[Number(button.getAttribute('data-index'))]);
  });
  upload.addEventListener('change', function () {
    var file = upload.files && upload.files[0];
    if (!file) return;
    message.textContent = t.uploading;
    var meta = {
      credit: field('imageCredit').value,
      caption: field('imageCaption').value,
      alt: field('imageAlt').value,
    };
    library
      .upload(file, meta, csrf, t.uploadFailed)
      .then(function (id) {
        upload.value = '';
        search.value = '';
        return list('').then(function (items) {
          var item = items.filter(function (m) {
            return m.id === id;
          })[0];
          choose(item || { id: id, credit: '', caption: '', alt: '' });
          message.textContent = t.uploaded;
        });
      })
      .catch(function (err) {
        message.textContent = (err && err.message) || t.uploadFailed;
      });
  });
})();
