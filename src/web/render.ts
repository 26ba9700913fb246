import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';

/** Renders a page component to a complete HTML document. */
export async function renderDocument(node: Child): Promise<string> {
  return (
    '<!DOCTYPE html>' + (await Promise.resolve(String(await (node as Promise<string> | string))))
  );
}

/** Renders a component to an HTML fragment (no doctype). */
export async function renderFragment(node: Child): Promise<string> {
  return String(await (node as Promise<string> | string));
}

/**
 * The one way raw HTML enters a page. Only for HTML that was sanitized when it was stored
 * (article bodies) or serialized by us (JSON-LD); never for anything a visitor typed.
 */
export function trustedHtml(html: string): Child {
  return raw(html) as unknown as Child;
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
