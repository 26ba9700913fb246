/* global window */
// The « Canal WhatsApp » page: « Copier » buttons put a message on the clipboard, and ticking
// stories rebuilds the digest at once. Without this script the texts sit in readonly textareas to
// select, and the form's button rebuilds the digest on the server.
(function () {
  function status(box, text) {
    var out = box.closest('.wa-copy').querySelector('.wa-copy-status');
    if (out) out.textContent = text;
  }

  function fallbackCopy(area) {
    area.focus();
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-copy]'), function (button) {
    var area = document.getElementById(button.getAttribute('data-copy'));
    if (!area) return;
    var hint = button.parentNode.querySelector('.wa-copy-hint');
    if (hint) hint.hidden = true;
    button.hidden = false;
    button.addEventListener('click', function () {
      var out = button.parentNode.querySelector('.wa-copy-status');
      var done = function () {
        status(area, out.getAttribute('data-done'));
      };
      var failed = function () {
        if (fallbackCopy(area)) done();
        else status(area, out.getAttribute('data-failed'));
      };
      status(area, '');
      if (window.navigator.clipboard && window.isSecureContext)
        window.navigator.clipboard.writeText(area.value).then(done, failed);
      else failed();
    });
  });

  var digest = document.getElementById('wa-digest-text');
  var holder = digest && digest.closest('[data-heading]');
  var boxes = document.querySelectorAll('.wa-choose input[name="choix"]');
  if (!digest || !holder || !boxes.length) return;
  var update = document.querySelector('.wa-update');
  if (update) update.hidden = true;
  function rebuild() {
    var parts = [holder.getAttribute('data-heading')];
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.checked) parts.push(box.getAttribute('data-entry'));
    });
    digest.value = parts.join('\n\n');
    status(digest, '');
  }
  Array.prototype.forEach.call(boxes, function (box) {
    box.addEventListener('change', rebuild);
  });
})();
