import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { frenchSpacingHtml } from './typography.ts';

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

/** Serializes JSON for a <script> element so that no string inside it can close the element. */
export function jsonForScript(value: unknown): Child {
  return trustedHtml(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
