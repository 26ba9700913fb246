import type { Locale } from '../settings/site-settings.ts';
import { typeset } from '../web/typography.ts';

/** The path of an article's short link: the address WhatsApp messages carry. */
export function shortLinkPath(articleId: number): string {
  return `/a/${articleId}`;
}

/** The absolute short link of an article on the public site. */
export function shortLinkUrl(publicUrl: string, articleId: number): string {
  return `${publicUrl.replace(/\/+$/, '')}${shortLinkPath(articleId)}`;
}

/** What a WhatsApp message says about an article. */
export interface Messaged {
  id: number;
  kicker: string;
  title: string;
  standfirst: string;
}

/** Longest standfirst line a message carries, in characters. */
export const LINE_MAX = 180;

/**
 * Text set in WhatsApp's bold: `*…*`. WhatsApp has no escape, so an asterisk inside would end the
 * bold early; it becomes the look-alike « ∗ ». Spaces at the edges would stop the bold too.
 */
export function whatsappBold(text: string): string {
  // Line breaks and runs of spaces become one space; typeset no-break spaces stay.
  const inner = text
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/^[\s]+|[\s]+$/g, '')
    .replace(/\*/g, '∗');
  return inner ? `*${inner}*` : '';
}

/** The standfirst on one line, cut at a word and marked « … » when longer than LINE_MAX. */
export function oneLine(text: string, max = LINE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord || cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** One article's message: « KICKER — *Title* », its standfirst line and its short link. */
export function articleMessage(a: Messaged, { publicUrl, locale }: MessageOptions): string {
  const t = (s: string) => typeset(s.replace(/\s+/g, ' ').trim(), locale);
  const title = whatsappBold(t(a.title));
  const headline = a.kicker.trim() ? `${t(a.kicker)} — ${title}` : title;
  return [headline, t(oneLine(a.standfirst)), shortLinkUrl(publicUrl, a.id)]
    .filter(Boolean)
    .join('\n\n');
}

/** Where messages are sent from and in which language. */
export interface MessageOptions {
  publicUrl: string;
  locale: Locale;
}

/** One story of the digest: its bold title, its line and its short link, one under the other. */
export function digestEntry(a: Messaged, { publicUrl, locale }: MessageOptions): string {
  const t = (s: string) => typeset(s.replace(/\s+/g, ' ').trim(), locale);
  return [whatsappBold(t(a.title)), t(oneLine(a.standfirst)), shortLinkUrl(publicUrl, a.id)]
    .filter(Boolean)
    .join('\n');
}

/** The digest's first line: « *Publication* — l’essentiel du 3 décembre 2026 ». */
export function digestHeading(
  { siteName, date }: { siteName: string; date: string },
  locale: Locale,
): string {
  const words = locale === 'en' ? `the day’s top stories, ${date}` : `l’essentiel du ${date}`;
  return typeset(`${whatsappBold(siteName)} — ${words}`, locale);
}

/** The day's digest: its heading, then each story, a blank line apart (newest first as given). */
export function dailyDigest(
  { heading, articles }: { heading: string; articles: Messaged[] },
  options: MessageOptions,
): string {
  return [heading, ...articles.map((a) => digestEntry(a, options))].join('\n\n');
}
