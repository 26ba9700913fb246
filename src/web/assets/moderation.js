/* global window */
// Keyboard shortcuts for the moderation queue: j/k move, a/r/s decide, x selects, ? helps.
// They act only while focus is in the queue, and a switch turns them off (WCAG 2.1.4), remembered
// in this browser.
(function () {
  var items = Array.prototype.slice.call(document.querySelectorAll('.mod-item'));
  var queue = document.querySelector('.mod-queue');
  var help = document.getElementById('shortcuts');
  var all = document.getElementById('select-all');
  var hint = document.getElementById('shortcuts-hint');
  var switcher = document.getElementById('shortcuts-switch');
  var current = -1;
  var KEY = 'griot.moderation.shortcuts';
  var on = true;
  try {
    on = window.localStorage.getItem(KEY) !== 'off';
  } catch {
    // Storage refused (private mode): shortcuts stay on for this page.
  }
  if (queue && items.length) {
    if (hint) hint.hidden = !on;
    if (switcher) {
      switcher.hidden = false;
      var box = switcher.querySelector('input');
      box.checked = on;
      box.addEventListener('change', function () {
        on = box.checked;
        if (hint) hint.hidden = !on;
        if (!on && help) help.hidden = true;
        try {
          window.localStorage.setItem(KEY, on ? 'on' : 'off');
        } catch {
          // Not remembered; the switch still works on this page.
        }
      });
    }
  }
  function focus(i) {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, i));
    items[current].focus();
  }
  function press(action) {
    var item = items[current];
    if (!item) return;
    var button = item.querySelector('button[data-action="' + action + '"]');
    if (button) button.click();
  }
  items.forEach(function (item, i) {
    item.addEventListener('focus', function () {
      current = i;
    });
  });
  if (all) {
    all.hidden = false;
    all.querySelector('input').addEventListener('change', function (e) {
      items.forEach(function (item) {
        var box = item.querySelector('input[name="ids"]');
        if (box) box.checked = e.target.checked;
      });
    });
  }
  document.addEventListener('keydown', function (e) {
    if (!on || !queue || !(queue.contains(e.target) || (help && help.contains(e.target)))) return;
    var tag = (e.target && e.target.tagName) || '';
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(tag)) return;
    var key = e.key;
    if (key === 'j' || key === 'ArrowDown') focus(current + 1);
    else if (key === 'k' || key === 'ArrowUp') focus(current - 1);
    else if (key === 'a') press('approve');
    else if (key === 'r') press('reject');
    else if (key === 's') press('spam');
    else if (key === 'x') {
      var box = items[current] && items[current].querySelector('input[name="ids"]');
      if (box) box.checked = !box.checked;
    } else if (key === '?') {
      if (help) help.hidden = !help.hidden;
    } else if (key === 'Escape' && help) help.hidden = true;
    else return;
    e.preventDefault();
  });
  if (on && items.length && !location.hash) focus(0);
})();
