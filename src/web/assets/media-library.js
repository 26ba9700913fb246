/* global window, fetch, FormData, DOMParser */
// The media library as the article editor's two pickers use it: the lead photo's (editor.js)
// and the body's « Photo » button (body-media.js). It searches the library, lists the results as
// buttons, uploads a photo, and wires a search box. Loaded (deferred) before both.
(function () {
  'use strict';

  // Lists the library's photos matching `q` in `o.results` (buttons carrying their index in the
  // answer), saying « loading » and « none » in `o.message`; resolves to the items.
  function list(q, o) {
    o.message.textContent = o.t.loading;
    return fetch('/admin/medias.json?q=' + encodeURIComponent(q), { credentials: 'same-origin' })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (items) {
        o.results.textContent = '';
        o.message.textContent = items.length ? '' : o.t.none;
        items.forEach(function (item, i) {
          var li = document.createElement('li');
          var choice = document.createElement('button');
          choice.type = 'button';
          choice.className = 'picker-item';
          choice.setAttribute('data-index', String(i));
          if (o.label) choice.setAttribute('aria-label', o.label(item));
          var img = document.createElement('img');
          img.src = item.url || '';
          img.alt = item.alt || item.caption || '#' + item.id;
          img.loading = 'lazy';
          choice.appendChild(img);
          li.appendChild(choice);
          o.results.appendChild(li);
        });
        return items;
      });
  }

  // Uploads a photo with its credit, caption and text alternative; resolves to its id, or
  // rejects with the library's own error message (or `failed`).
  function upload(file, meta, csrf, failed) {
    var data = new FormData();
    data.append('_csrf', csrf);
    data.append('credit', meta.credit);
    data.append('caption', meta.caption);
    data.append('alt', meta.alt);
    data.append('file', file);
    // The library answers with a redirect to the new item's page: its address names the id.
    return fetch('/admin/medias', { method: 'POST', credentials: 'same-origin', body: data }).then(
      function (res) {
        var match = /\/admin\/medias\/(\d+)/.exec(res.url);
        if (res.ok && match) return Number(match[1]);
        return res.text().then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var alert = doc.querySelector('[role="alert"]');
          throw new Error(alert ? alert.textContent.trim() : failed);
        });
      },
    );
  }

  // Searches as the editor types (after a pause) and on Enter, which must not submit the article.
  function wireSearch(search, run) {
    var timer = null;
    search.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        run(search.value);
      }, 300);
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        run(search.value);
      }
    });
  }

  window.griotMediaLibrary = { list: list, upload: upload, wireSearch: wireSearch };
})();
