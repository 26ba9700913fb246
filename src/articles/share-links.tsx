import type { Locale } from '../settings/site-settings.ts';
import { inlineScripts } from '../web/inline-code.ts';
import { trustedHtml } from '../web/render.ts';

const fr = {
  heading: 'Partager cet article',
  on: (network: string) => `Partager sur ${network}`,
  email: 'E-mail',
  emailLabel: 'Envoyer par e-mail',
  copy: 'Copier le lien',
  linkLabel: 'Lien de l’article',
  copied: 'Lien copié',
};

const en: typeof fr = {
  heading: 'Share this article',
  on: (network) => `Share on ${network}`,
  email: 'Email',
  emailLabel: 'Send by email',
  copy: 'Copy the link',
  linkLabel: 'Link to the article',
  copied: 'Link copied',
};

/** What a shared article says about itself. */
export interface Shared {
  kicker: string;
  title: string;
  standfirst: string;
  /** The canonical URL. */
  url: string;
  /**
   * The short link (`/a/<id>`) WhatsApp messages carry instead: it leads to the light edition,
   * which suits readers on WhatsApp, and counts the visit as one from WhatsApp.
   */
  shortUrl?: string;
}

/** One share link: the network's name (visible), its accessible name and its address. */
export interface ShareLink {
  network: 'whatsapp' | 'facebook' | 'x' | 'telegram' | 'email';
  text: string;
  label: string;
  href: string;
}

/** The headline as it is shared: « KICKER — title », or the title alone. */
export function shareHeadline(a: Pick<Shared, 'kicker' | 'title'>): string {
  return a.kicker ? `${a.kicker} — ${a.title}` : a.title;
}

/** The message a reader sends: headline, standfirst, then the link, a blank line between each. */
export function shareMessage(a: Shared): string {
  return [shareHeadline(a), a.standfirst, a.url].filter(Boolean).join('\n\n');
}

/** The share links of an article: plain URLs, no script or tracker from the networks. */
export function shareLinks(a: Shared, locale: Locale): ShareLink[] {
  const s = locale === 'en' ? en : fr;
  const e = encodeURIComponent;
  const headline = shareHeadline(a);
  return [
    {
      network: 'whatsapp',
      text: 'WhatsApp',
      label: s.on('WhatsApp'),
      href: `https://wa.me/?text=${e(shareMessage({ ...a, url: a.shortUrl ?? a.url }))}`,
    },
    {
      network: 'facebook',
      text: 'Facebook',
      label: s.on('Facebook'),
      href: `https://www.facebook.com/sharer/sharer.php?u=${e(a.url)}`,
    },
    {
      network: 'x',
      text: 'X',
      label: s.on('X'),
      href: `https://x.com/intent/post?text=${e(headline)}&url=${e(a.url)}`,
    },
    {
      network: 'telegram',
      text: 'Telegram',
      label: s.on('Telegram'),
      href: `https://t.me/share/url?url=${e(a.url)}&text=${e(headline)}`,
    },
    {
      network: 'email',
      text: s.email,
      label: s.emailLabel,
      href: `mailto:?subject=${e(headline)}&body=${e(shareMessage(a))}`,
    },
  ];
}

/** The « Partager » block of an article page: network links and a copyable link. */
export function ShareLinks({ article, locale }: { article: Shared; locale: Locale }) {
  const s = locale === 'en' ? en : fr;
  return (
    <section class="share" aria-label={s.heading}>
      <ul>
        {shareLinks(article, locale).map((l) => (
          <li>
            <a
              class={`share-${l.network}`}
              href={l.href}
              aria-label={l.label}
              {...(l.network === 'email' ? {} : { target: '_blank', rel: 'noopener' })}
            >
              {l.text}
            </a>
          </li>
        ))}
        <li>
          <details class="share-copy">
            <summary>{s.copy}</summary>
            <label>
              <span>{s.linkLabel}</span>
              <input type="url" readonly value={article.url} />
            </label>
            <output data-done={s.copied} />
          </details>
        </li>
      </ul>
      <script>{trustedHtml(inlineScripts.shareCopy)}</script>
    </section>
  );
}
