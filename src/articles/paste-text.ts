// Plain text pasted into the article body (WhatsApp, a plain editor): one paragraph a line.

const LIST_LINE = /^(?:[-*+•·▪–]\s+|\d+[.)]\s+)/;
const URL_PART = /(https?:\/\/\S+|[\w.+-]+@[\w-]+\.[\w.-]+)/;
const OPENS = String.raw`(^|[\s(«"'“‘\[])`;
const CLOSES = String.raw`(?=$|[\s.,;:!?)»"'”’…\]])`;
const WHATSAPP_BOLD = new RegExp(`${OPENS}\\*(?=[^\\s*])([^*\\n]*?[^\\s*])\\*${CLOSES}`, 'g');
const WHATSAPP_ITALIC = new RegExp(`${OPENS}_(?=[^\\s_])([^_\\n]*?[^\\s_])_${CLOSES}`, 'g');

/** WhatsApp's *gras* and _italique_ as Markdown, leaving addresses and links untouched. */
function whatsappMarks(line: string): string {
  return line
    .split(URL_PART)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(WHATSAPP_BOLD, '$1**$2**').replace(WHATSAPP_ITALIC, '$1*$2*'),
    )
    .join('');
}

/**
 * Turns plain text from the clipboard (WhatsApp, a plain editor) into the body's Markdown: each
 * line its own paragraph, trimmed; a run of list lines stays one list.
 */
export function pastedTextToMarkdown(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => whatsappMarks(line.replace(/^[•·▪–]\s+/, '- ')));
  return lines
    .map(
      (line, i) =>
        (i > 0 && LIST_LINE.test(line) && LIST_LINE.test(lines[i - 1]!) ? '\n' : '\n\n') + line,
    )
    .join('')
    .trim();
}
