/**
 * What pages carry inline rather than as files: a few hundred bytes each, for which a request
 * of their own would cost more on a slow network than the bytes. The Content-Security-Policy
 * allows exactly these texts, by their SHA-256 hashes computed at start-up
 * (http/security-headers.ts), so a page writes them unchanged and nothing else inline runs.
 */

/** Inline scripts of reader pages. */
export const inlineScripts = {
  // Opening « Copier le lien » also copies the link when the browser allows. Without script the
  // field is there to select.
  shareCopy: `for(const d of document.querySelectorAll('.share-copy'))d.addEventListener('toggle',()=>{const i=d.querySelector('input'),o=d.querySelector('output');if(d.open&&navigator.clipboard)navigator.clipboard.writeText(i.value).then(()=>{o.textContent=o.dataset.done},()=>{});i.select()})`,
  // Keeps what the reader types in this browser until the comment is accepted, so nothing is
  // lost if the connection or the server drops when they send it. And at the reader's first touch
  // of the form, fetches its stamp (when they began, for the minimum fill time): shared pages carry
  // none. Without it the form still goes, and the server gives it back to be sent again.
  commentDraft: `(function(){var f=document.getElementById('comment-form');if(!f)return;var s;function g(){if(s||!window.fetch||f.elements.namedItem('stamp'))return;s=fetch('/commentaires/tampon').then(function(r){if(!r.ok)throw r;return r.text()}).then(function(v){var i=f.appendChild(document.createElement('input'));i.type='hidden';i.name='stamp';i.value=v},function(){s=0})}f.addEventListener('focusin',g);f.addEventListener('input',g);if(!window.localStorage)return;var k='griot-draft:'+f.getAttribute('data-article'),b=f.elements.namedItem('body'),n=f.elements.namedItem('name'),e=f.elements.namedItem('email');try{if(document.querySelector('.comment-thanks')){localStorage.removeItem(k)}else{var d=JSON.parse(localStorage.getItem(k)||'null');if(d&&!b.value)b.value=d.b||''}var who=JSON.parse(localStorage.getItem('griot-who')||'null');if(who){if(!n.value)n.value=who.n||'';if(!e.value)e.value=who.e||''}}catch(x){}f.addEventListener('input',function(){try{localStorage.setItem(k,JSON.stringify({b:b.value}));localStorage.setItem('griot-who',JSON.stringify({n:n.value,e:e.value}))}catch(x){}})})();`,
  // The light article's « Voir la photo » link shows the photo in its place (keyboard focus
  // follows); a click that asks for a new tab or window is left to the browser.
  photoOnTap: `for(const a of document.querySelectorAll('a.photo-on-tap'))a.addEventListener('click',e=>{if(e.button||e.ctrlKey||e.metaKey||e.shiftKey||e.altKey)return;e.preventDefault();const i=new Image(+a.dataset.width,+a.dataset.height);i.alt=a.dataset.alt;i.tabIndex=-1;i.src=a.href;a.replaceWith(i);i.focus()})`,
} as const;

/** Inline style sheets. */
export const inlineStyles = {
  // The whole theme of the light edition: one request less, and under 2 KB. System fonts only;
  // the comment form's honeypot must stay out of sight here too.
  lite: `body{margin:0 auto;max-width:42rem;padding:0 .8rem;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}a{color:#0a58a8}h1,h2,h3{line-height:1.2}h1{font-size:1.55rem}h2{font-size:1.25rem}h3{font-size:1.1rem}img{max-width:100%;height:auto}header,nav{padding:.4rem 0}[role=search] input{width:60%}.brand{font-size:1.3rem;font-weight:700;color:inherit;text-decoration:none}nav ul,.site-foot ul,.share ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}.kicker,.section-label{font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em}.standfirst{font-weight:600}.meta,.byline,figcaption,.hint,.comment-note{font-size:.875rem;color:#555}figure{margin:1rem 0}summary{cursor:pointer;color:#0a58a8}input,textarea,button{font:inherit;max-width:100%;box-sizing:border-box}textarea,#comment-form input:not([type=checkbox]),.share input{display:block;width:100%}.cards,.headlines,.thread,.replies{list-style:none;padding:0}.cards li,.headlines li{border-top:1px solid #ddd}.story-title{margin:.2rem 0}.meta{margin:.2rem 0 .6rem}.rubric-title .more{display:block;font-size:.85rem;font-weight:400}.replies{padding-left:1rem}.field-error,.alert{color:#a00}.hp,.visually-hidden,.skip:not(:focus){position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}.site-foot{border-top:1px solid #ccc;margin-top:2rem;font-size:.9rem}blockquote{margin:1rem 0;padding-left:.8rem;border-left:3px solid #ccc}.site-alert{background:#8f1d16;color:#fff;margin:0 -.8rem;padding:.4rem .8rem;font-weight:600}.site-alert p{margin:0;line-height:1.35}.site-alert a{color:#fff}.site-alert-label{background:#fff;color:#8f1d16;padding:0 .3rem;text-transform:uppercase;font-size:.8rem}.live-label,.live-badge{color:#8f1d16;font-weight:700;text-transform:uppercase;font-size:.8rem;margin:.3rem .4rem 0 0}.live-entries{list-style:none;padding:0}.live-entry{border-top:1px solid #ddd}.live-entry-meta{font-size:.875rem;margin:.4rem 0 0}`,
} as const;
