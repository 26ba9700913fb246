import type { Child } from 'hono/jsx';
import { publicationAfterDe } from '../settings/publication-name.ts';
import type { SiteSettings } from '../settings/site-settings.ts';
import { renderFragment } from '../web/render.ts';
import { frenchSpacing, frenchSpacingHtml } from '../web/typography.ts';
import { confirmPath, editionPath, unsubscribePath, type EditionContent } from './newsletter.ts';
import { newsletterStringsFor } from './newsletter.strings.ts';

/** A mail ready for the outbox: subject, both bodies and its extra headers. */
export interface NewsletterMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** What the newsletter's mails need to know about the site. */
export interface MailSite {
  settings: Pick<SiteSettings, 'siteName' | 'siteNameAfterDe' | 'locale'>;
  publicUrl: string;
}

/**
 * Stands for a subscriber's unsubscribe token in an edition rendered once: each subscriber's mail
 * is the same text with their own token put in (tokens are [0-9A-Za-z._-], safe in HTML and URLs).
 */
export const TOKEN_PLACEHOLDER = 'JETON-DESABONNEMENT';

const FONT = 'font-family:Georgia,serif;color:#1b1b1b';
const SMALL = 'font-family:Arial,sans-serif;font-size:13px;color:#5c5c5c';

async function document(locale: string, node: Child): Promise<string> {
  return `<!DOCTYPE html><html lang="${locale === 'en' ? 'en' : 'fr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin:0;padding:16px;background:#ffffff">${await renderFragment(node)}</body></html>`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** The typography the outbox applies to a mail in French, so a preview shows the mail as sent. */
export function typesetMessage(message: NewsletterMessage, locale: string): NewsletterMessage {
  if (locale !== 'fr') return message;
  return {
    ...message,
    subject: frenchSpacing(message.subject),
    text: frenchSpacing(message.text),
    html: frenchSpacingHtml(message.html),
  };
}

/** The double opt-in mail: one link, valid 7 days, and what to do if it was not asked for. */
export async function confirmationMessage(
  site: MailSite,
  token: string,
): Promise<NewsletterMessage> {
  const s = newsletterStringsFor(site.settings.locale).mail;
  const de = publicationAfterDe(site.settings);
  const link = `${site.publicUrl}${confirmPath(token)}`;
  return {
    subject: s.confirmSubject(site.settings.siteName),
    text: [s.confirmText(de), '', link, '', s.confirmIgnore, '', s.team(de)].join('\n'),
    html: await document(
      site.settings.locale,
      <div style={`${FONT};font-size:16px;line-height:1.5;max-width:560px`}>
        {s
          .confirmText(de)
          .split('\n\n')
          .map((p) => (
            <p>{p}</p>
          ))}
        <p>
          <a href={link} style="color:#14457a;font-weight:bold">
            {s.confirmButton}
          </a>
        </p>
        <p style={SMALL}>{s.confirmIgnore}</p>
        <p style={SMALL}>{s.team(de)}</p>
      </div>,
    ),
    headers: {},
  };
}

/**
 * An edition as a mail, with TOKEN_PLACEHOLDER where each subscriber's unsubscribe token goes:
 * plain links to the articles (no tracking pixel, no redirect), a link to the web version, and
 * the RFC 8058 one-click unsubscribe headers.
 */
export async function editionMessage(
  site: MailSite,
  edition: { id: number; content: EditionContent },
): Promise<NewsletterMessage> {
  const { locale, siteName } = site.settings;
  const s = newsletterStringsFor(locale).mail;
  const de = publicationAfterDe(site.settings);
  const { content } = edition;
  const web = `${site.publicUrl}${editionPath(edition.id)}`;
  const unsubscribe = `${site.publicUrl}${unsubscribePath(TOKEN_PLACEHOLDER)}`;
  const intro = paragraphs(content.intro);
  const text = [
    siteName,
    content.subject,
    '',
    ...intro.flatMap((p) => [p, '']),
    ...content.items.flatMap((item) => [
      ...(item.kicker ? [item.kicker.toUpperCase()] : []),
      item.title,
      ...(item.standfirst ? [item.standfirst] : []),
      `${site.publicUrl}${item.path}`,
      '',
    ]),
    s.readOnline,
    web,
    '',
    s.why(siteName),
    s.unsubscribe,
    unsubscribe,
    '',
    s.team(de),
  ].join('\n');
  const html = await document(
    locale,
    <div style={`${FONT};font-size:16px;line-height:1.5;max-width:600px;margin:0 auto`}>
      <p style={`${SMALL};margin:0 0 4px`}>
        <a href={web} style="color:#5c5c5c">
          {s.readOnline}
        </a>
      </p>
      <p style="font-size:26px;font-weight:bold;margin:0 0 4px">{siteName}</p>
      <h1 style="font-size:20px;line-height:1.3;margin:0 0 16px;border-bottom:3px solid #1b1b1b;padding-bottom:8px">
        {content.subject}
      </h1>
      {intro.map((p) => (
        <p>{p}</p>
      ))}
      {content.items.map((item) => (
        <div style="margin:20px 0;padding-top:12px;border-top:1px solid #ddd8cf">
          {item.kicker ? (
            <p style="font-family:Arial,sans-serif;font-size:12px;font-weight:bold;letter-spacing:0.05em;text-transform:uppercase;color:#b3261e;margin:0 0 4px">
              {item.kicker}
            </p>
          ) : null}
          <h2 style="font-size:19px;line-height:1.3;margin:0 0 6px">
            <a href={`${site.publicUrl}${item.path}`} style="color:#1b1b1b;text-decoration:none">
              {item.title}
            </a>
          </h2>
          {item.standfirst ? <p style="margin:0 0 6px">{item.standfirst}</p> : null}
          <p style="margin:0">
            <a href={`${site.publicUrl}${item.path}`} style="color:#14457a">
              {s.read}
            </a>
          </p>
        </div>
      ))}
      <hr style="border:0;border-top:1px solid #ddd8cf;margin:24px 0 12px" />
      <p style={SMALL}>{s.why(siteName)}</p>
      <p style={SMALL}>
        <a href={unsubscribe} style="color:#5c5c5c">
          {s.unsubscribe}
        </a>
      </p>
      <p style={SMALL}>{s.team(de)}</p>
    </div>,
  );
  return {
    subject: content.subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** One subscriber's copy of an edition rendered with TOKEN_PLACEHOLDER. */
export function personalize(message: NewsletterMessage, token: string): NewsletterMessage {
  const put = (s: string) => s.replaceAll(TOKEN_PLACEHOLDER, token);
  return {
    subject: message.subject,
    text: put(message.text),
    html: put(message.html),
    headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, put(v)])),
  };
}
