// Embeds in an article body: each is a card with a link (see articles/body-media-render.ts).
// Nothing of the provider loads until the reader taps « Afficher le contenu de … »; then the
// card gives way to the provider's privacy-enhanced player. Without this script, a link.
(function () {
  'use strict';
  var cards = document.querySelectorAll('figure.embed[data-embed-src]');
  for (var i = 0; i < cards.length; i++) {
    var button = cards[i].querySelector('button.embed-show');
    if (!button) continue;
    button.hidden = false;
    button.addEventListener('click', function (e) {
      var card = e.currentTarget.closest('figure');
      var frame = document.createElement('iframe');
      frame.src = card.getAttribute('data-embed-src');
      frame.title = card.getAttribute('data-embed-title') || '';
      frame.className = 'embed-frame';
      frame.setAttribute('allow', 'encrypted-media; fullscreen; picture-in-picture');
      frame.setAttribute('allowfullscreen', '');
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      card.classList.add('is-playing');
      card.replaceChildren(frame);
      frame.focus();
    });
  }
})();
