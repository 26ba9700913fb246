import { jsx, type Child } from 'hono/jsx';
import { html, raw } from 'hono/html';
import { frenchSpacingHtml } from './typography.ts';

/**
 * hono's JSX renders each document inside an AsyncLocalStorage, so that useContext() keeps a
 * provided value across an await in an async component. Griot uses neither, and the first
 * AsyncLocalStorage.run() turns async hooks on for the whole process: from then on every
 * promise, socket write and timer pays for them (5 % of a cached page's cost and 4 % of a
 * render, measured on the news-day pages). So hono is shown no AsyncLocalStorage when it first
 * looks for one (on its first render, here): it renders in the synchronous mode it has for
 * runtimes without one. test/render-mode.test.ts checks that no render enters one.
 */
function renderWithoutAsyncLocalStorage(): void {
  const { getBuiltinModule, mainModule } = process;
  process.getBuiltinModule = ((id: string) =>
    id === 'node:async_hooks' || id === 'async_hooks'
      ? undefined
      : getBuiltinModule(id)) as typeof getBuiltinModule;
  process.mainModule = undefined;
  try {
    String(jsx('i', {}));
  } finally {
    process.getBuiltinModule = getBuiltinModule;
    process.mainModule = mainModule;
  }
}
renderWithoutAsyncLocalStorage();

/**
 * Renders a page component to a complete HTML document, with French typography on everything
 * readers see when the document is in French (the layout's `<html lang>` says so), so no
 * interface string, title or ad has to remember it.
 */
export async function renderDocument(node: Child): Promise<string> {
  const html = '<!DOCTYPE html>' + String(await (node as Promise<string> | string));
  return html.startsWith('<!DOCTYPE html><html lang="fr"') ? frenchSpacingHtml(html) : html;
}

/** Renders a component to an HTML fragment (no doctype). */
export async function renderFragment(node: Child): Promise<string> {
  const value = await (node as Promise<string | null> | string | null);
  // A component that shows nothing returns null: that is no markup, not the text « null ».
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The one way raw HTML enters a page. Only for HTML that was sanitized when it was stored
 * (article bodies) or serialized by us (JSON-LD); never for anything a visitor typed.
 */
export function trustedHtml(html: string): Child {
  return raw(html) as unknown as Child;
}

/**
 * Markup written as a template rather than elements, for the parts of a page rendered many times
 * over (a comment thread: about half of an article page's elements). hono's `html` tag escapes
 * every value as JSX does (text and quoted attributes alike) and renders six times faster. Only
 * for values that are ready: strings, numbers, other templates or elements, never a promise.
 */
export function template(strings: TemplateStringsArray, ...values: unknown[]): Child {
  const out = html(strings, ...values);
  if (out instanceof Promise) throw new Error('template: a value was a promise');
  return out as unknown as Child;
}

/**
 * A `<link>` element written out rather than as JSX. hono's JSX hoists every `<link>` into the
 * head once the document is rendered (React 19's metadata hoisting): per link, it searches the
 * whole document and rewrites it: about 8 % of the main thread's time for an article's cache miss,
 * and 41 KB of garbage (README, « 5 Dec, morning: renders without hoisting »). Griot writes its
 * links in the head already. It also keeps `blocking`, which hono drops.
 */
export function Link(props: {
  rel: string;
  href: string;
  type?: string;
  title?: string;
  blocking?: 'render';
}): Child {
  const { rel, href, type, title, blocking } = props;
  return template`<link rel="${rel}" href="${href}"${type ? template` type="${type}"` : ''}${
    title ? template` title="${title}"` : ''
  }${blocking ? template` blocking="${blocking}"` : ''}/>`;
}

/** Serializes JSON for a <script> element so that no string inside it can close the element. */
export function jsonForScript(value: unknown): Child {
  return trustedHtml(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
