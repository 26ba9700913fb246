/* global window, fetch, DOMParser, setInterval, clearInterval */
// A live page's new entries without reloading (see live/live.pages.tsx). Every few seconds,
// while the tab is visible, asks for the entries after the newest one shown: a small fragment
// the server (and the CDN) caches per article and entry, so thousands of readers cost no query.
// New entries wait behind a « N nouvelles entrées » button, fixed on screen, so the text never
// moves under the reader's eyes; a tap puts them at the top of the feed. Without this script,
// the « Actualiser » link reloads the page.
(function () {
  'use strict';
  var live = document.querySelector('section.live[data-live-poll]');
  if (!live || !window.fetch || !window.DOMParser) return;
  var base = live.getAttribute('data-live-poll');
  var last = Number(live.getAttribute('data-live-last')) || 0;
  var every = (Number(live.getAttribute('data-live-every')) || 15) * 1000;
  var feed = live.querySelector('ol.live-feed');
  var button = live.querySelector('button.live-news-button');
  var pending = [];
  var timer = 0;
  var busy = false;
  var stopped = false;
  var lastAsked = Date.now();

  function label(n) {
    var one = button.getAttribute('data-one');
    var many = button.getAttribute('data-many');
    return n === 1 ? one : many.replace('{n}', String(n));
  }

  function pinnedList() {
    var list = live.querySelector('ol.live-pinned');
    if (list) return list;
    // The first pinned entry of the session: « L'essentiel » does not exist yet.
    var section = document.createElement('section');
    section.className = 'live-essentials';
    var title = document.createElement('h3');
    title.textContent = live.getAttribute('data-essentials') || '';
    list = document.createElement('ol');
    list.className = 'live-entries live-pinned';
    if (title.textContent) section.appendChild(title);
    section.appendChild(list);
    live.querySelector('.live-head').after(section);
    return list;
  }

  function show() {
    if (!pending.length) return;
    var first = null;
    // Pending entries are newest first, batch after batch: the newest batch came last.
    for (var i = pending.length - 1; i >= 0; i--) {
      var batch = pending[i];
      for (var j = batch.length - 1; j >= 0; j--) {
        var entry = batch[j];
        if (document.getElementById(entry.id)) continue;
        var list = entry.hasAttribute('data-pinned') ? pinnedList() : feed;
        list.insertBefore(entry, list.firstChild);
        first = entry;
      }
    }
    pending = [];
    button.hidden = true;
    var empty = live.querySelector('.live-empty');
    if (empty) empty.remove();
    if (first) {
      first.setAttribute('tabindex', '-1');
      first.focus({ preventScroll: true });
      live.querySelector('.live-head').scrollIntoView({ block: 'start' });
    }
  }

  function ended(text) {
    stopped = true;
    live.classList.remove('is-live');
    var title = live.querySelector('#direct-titre');
    if (title && text) title.textContent = text;
    var refresh = live.querySelector('.live-refresh');
    if (refresh) refresh.remove();
  }

  function ask() {
    if (busy || stopped) return;
    busy = true;
    lastAsked = Date.now();
    fetch(base + last, { headers: { accept: 'text/html' } })
      .then(function (res) {
        if (res.status === 404) {
          stopped = true;
          return '';
        }
        if (!res.ok) return '';
        return res.text();
      })
      .then(function (html) {
        busy = false;
        if (!html) return;
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var list = doc.querySelector('ol.live-fragment');
        if (!list) return;
        var entries = Array.prototype.slice.call(list.children);
        var newest = Number(list.getAttribute('data-live-last')) || last;
        if (entries.length) {
          pending.push(
            entries.map(function (e) {
              return document.importNode(e, true);
            }),
          );
          var n = 0;
          for (var i = 0; i < pending.length; i++) n += pending[i].length;
          button.textContent = label(n);
          button.hidden = false;
        }
        if (newest > last) last = newest;
        if (list.getAttribute('data-live-state') === 'ended')
          ended(list.getAttribute('data-live-ended-label'));
      })
      .catch(function () {
        busy = false;
      });
  }

  function schedule() {
    clearInterval(timer);
    timer = setInterval(function () {
      if (document.visibilityState === 'visible') ask();
    }, every);
  }

  button.addEventListener('click', show);
  document.addEventListener('visibilitychange', function () {
    // Back on the tab after a while: ask at once rather than at the next tick.
    if (document.visibilityState === 'visible' && Date.now() - lastAsked >= every) ask();
  });
  schedule();
})();
