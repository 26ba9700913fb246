import type MarkdownIt from 'markdown-it';

type Renderer = InstanceType<typeof MarkdownIt>;
type StateCore = Parameters<Parameters<Renderer['core']['ruler']['push']>[1]>[0];
type Token = StateCore['tokens'][number];

// Newsrooms write one line per paragraph (and paste so from Word, WhatsApp or a web page), never
// Markdown's blank line between paragraphs. So a single line break inside a paragraph starts a
// new one, as WordPress's wpautop does; it is done on markdown-it's tokens, after parsing, so
// whatever Markdown already made of the lines stays: subheadings, lists (a line that continues
// an item stays in it), quotes, code, tables, and `  `/`\` hard breaks (<br>).

/** Splits a paragraph's inline tokens at the line breaks outside any emphasis or link. */
function splitAtLineBreaks(children: Token[]): Token[][] {
  const lines: Token[][] = [[]];
  let depth = 0;
  for (const token of children) {
    if (token.type === 'softbreak' && depth === 0) {
      lines.push([]);
      continue;
    }
    depth += token.nesting;
    lines[lines.length - 1]!.push(token);
  }
  return lines.filter((line) => line.length > 0);
}

function lineParagraphsRule(state: StateCore): void {
  const tokens: Token[] = [];
  const all = state.tokens;
  for (let i = 0; i < all.length; i++) {
    const [open, inline, close] = [all[i]!, all[i + 1], all[i + 2]];
    // A tight list item's paragraph is hidden (no <p>): its lines stay together.
    const plain =
      open.type === 'paragraph_open' &&
      !open.hidden &&
      inline?.type === 'inline' &&
      close?.type === 'paragraph_close';
    const lines = plain ? splitAtLineBreaks(inline.children ?? []) : [];
    if (lines.length < 2) {
      tokens.push(open);
      continue;
    }
    for (const children of lines) {
      const paragraph = new state.Token('inline', '', 0);
      paragraph.children = children;
      paragraph.level = inline!.level;
      paragraph.content = children.map((t) => t.content).join('');
      tokens.push(
        Object.assign(new state.Token('paragraph_open', 'p', 1), {
          level: open.level,
          block: true,
        }),
      );
      tokens.push(paragraph);
      tokens.push(
        Object.assign(new state.Token('paragraph_close', 'p', -1), {
          level: close!.level,
          block: true,
        }),
      );
    }
    i += 2;
  }
  state.tokens = tokens;
}

/** The markdown-it plugin that makes each line of a plain paragraph a paragraph of its own. */
export function lineParagraphs(md: Renderer): void {
  md.core.ruler.push('line_paragraphs', lineParagraphsRule);
}
