/// <reference lib="dom" />
import type { BrowserContext, Page, Response } from 'playwright-core';
import { describeId, payloadText } from './xss-payloads.ts';

/** Something found on a page: a payload that ran, a dialog, or markup that would run. */
export interface XssFinding {
  page: string;
  kind: 'executed' | 'dialog' | 'dom' | 'raw';
  id: number;
  detail: string;
}

/** What the test keeps while it visits pages. */
export interface XssRecorder {
  findings: XssFinding[];
  /** Pages loaded in Chromium, and HTML/XML documents checked without a browser. */
  pagesRendered: number;
  documentsChecked: number;
  /** Which payload ids were seen in the pages (their text reached a page). */
  idsSeen: Set<number>;
}

export function createRecorder(): XssRecorder {
  return { findings: [], pagesRendered: 0, documentsChecked: 0, idsSeen: new Set() };
}

/** Prints findings one a line, with the payload and field each id stands for. */
export function formatFindings(findings: XssFinding[]): string {
  return findings
    .slice(0, 60)
    .map(
      (f) => `${f.kind} id=${f.id} (${describeId(f.id)}) on ${f.page}: ${f.detail.slice(0, 160)}`,
    )
    .join('\n');
}

const idIn = (text: string): number => {
  const m = /(?:__xss|alert|confirm|prompt|msgbox)\W{0,2}(\d+)/.exec(text);
  return m ? Number(m[1]) : -1;
};

/**
 * Installs the execution hook in every page and frame of a context: `__xss(id)` is a Playwright
 * binding, so neither a content security policy nor a page script can silence it; every dialog
 * is counted and dismissed.
 */
export async function installHook(context: BrowserContext, rec: XssRecorder): Promise<void> {
  await context.exposeBinding('__xss', ({ frame }, id: unknown) => {
    rec.findings.push({
      page: frame.url(),
      kind: 'executed',
      id: Number(id),
      detail: 'hook called',
    });
  });
  const watch = (page: Page) =>
    page.on('dialog', (dialog) => {
      rec.findings.push({
        page: page.url(),
        kind: 'dialog',
        id: idIn(dialog.message()) === -1 ? Number(dialog.message()) || -1 : idIn(dialog.message()),
        detail: `${dialog.type()}: ${dialog.message()}`,
      });
      void dialog.dismiss().catch(() => {});
    });
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
}

// The DOM, read in the page: every place where markup a payload smuggled in would run code.
function auditDom(): { reason: string; text: string }[] {
  const MARK = /__xss|_xss\(|alert\s*[(`]|confirm\s*\(\d|prompt\s*\(\d|msgbox/;
  const URL_ATTRS = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'data',
    'poster',
    'background',
    'ping',
    'codebase',
    'lowsrc',
    'dynsrc',
    'values',
    'to',
    'from',
    'by',
  ]);
  const FRAMES = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal']);
  const FOREIGN = new Set([
    'animate',
    'set',
    'discard',
    'foreignobject',
    'annotation-xml',
    'mglyph',
    'maction',
  ]);
  const found: { reason: string; text: string }[] = [];
  const roots: ParentNode[] = [document];
  for (let r = 0; r < roots.length; r++) {
    for (const el of roots[r]!.querySelectorAll('*')) {
      if (el.shadowRoot) roots.push(el.shadowRoot);
      if (el instanceof HTMLTemplateElement) roots.push(el.content);
      const tag = el.localName.toLowerCase();
      const sandboxed =
        el.hasAttribute('sandbox') && !/allow-scripts/.test(el.getAttribute('sandbox') ?? '');
      for (const attr of [...el.attributes]) {
        const name = attr.name.toLowerCase();
        const value = attr.value;
        if (name.startsWith('on')) found.push({ reason: `handler ${tag}[${name}]`, text: value });
        else if (name === 'srcdoc' && !sandboxed)
          found.push({ reason: `${tag}[srcdoc]`, text: value });
        else if (URL_ATTRS.has(name) || name.endsWith(':href')) {
          // eslint-disable-next-line no-control-regex -- URL parsers drop C0 controls and spaces
          const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (
            /^(javascript|vbscript|livescript):/.test(url) ||
            /^data:(text\/html|text\/javascript|application\/(xhtml|javascript|xml)|image\/svg)/.test(
              url,
            )
          )
            found.push({ reason: `${tag}[${name}] scheme`, text: value });
        } else if (
          name === 'style' &&
          /expression\s*\(|javascript:|-moz-binding|behavior\s*:/i.test(value)
        )
          found.push({ reason: `${tag}[style]`, text: value });
        else if (
          name === 'content' &&
          tag === 'meta' &&
          (el.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh'
        )
          found.push({ reason: 'meta refresh', text: value });
      }
      if (tag === 'script') {
        const type = (el.getAttribute('type') ?? '').toLowerCase();
        const runs = !type || /javascript|ecmascript|module/.test(type);
        if (
          runs &&
          (MARK.test(el.textContent ?? '') || /^\s*data:/i.test(el.getAttribute('src') ?? ''))
        )
          found.push({ reason: 'script element', text: el.outerHTML });
      }
      if (FRAMES.has(tag) && !sandboxed)
        found.push({ reason: `<${tag}> element`, text: el.outerHTML });
      if (tag === 'base') found.push({ reason: '<base> element', text: el.outerHTML });
      if (FOREIGN.has(tag)) found.push({ reason: `<${tag}> element`, text: el.outerHTML });
      if (tag === 'style' && /_xss/.test(el.textContent ?? ''))
        found.push({ reason: 'injected <style>', text: el.outerHTML });
    }
  }
  return found;
}

/**
 * The markup the server sent with a payload printed as it was written (for payloads with a
 * `<`): the renderer escapes every value, so a payload showing up verbatim was not escaped —
 * caught here even when it did not run (one payload swallowing the next, a tag that needs a click).
 */
export function rawLeaks(html: string, label: string, rec: XssRecorder): void {
  for (const m of html.matchAll(/(?:__xss|alert|confirm|prompt)\((\d+)\)/g)) {
    const id = Number(m[1]);
    rec.idsSeen.add(id);
    const text = payloadText(Math.floor(id / 100), id % 100);
    if (text.includes('<') && html.includes(text))
      rec.findings.push({ page: label, kind: 'raw', id, detail: 'printed unescaped' });
  }
}

// Events that fire after load (an image's error, ontoggle, autofocus) get one turn of the loop.
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 20))),
  );
}

/** Audits the page as it stands (after a navigation the test made happen). */
export async function auditPage(
  page: Page,
  label: string,
  rec: XssRecorder,
  response: Response | null,
): Promise<void> {
  await settle(page);
  rec.pagesRendered++;
  const html = response ? await response.text().catch(() => '') : '';
  rawLeaks(html, label, rec);
  for (const f of await page.evaluate(auditDom))
    rec.findings.push({
      page: label,
      kind: 'dom',
      id: idIn(f.text),
      detail: `${f.reason}: ${f.text}`,
    });
}

/** Loads a page in Chromium and audits it. */
export async function visit(
  page: Page,
  url: string,
  label: string,
  rec: XssRecorder,
  { expectOk = true }: { expectOk?: boolean } = {},
): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (expectOk && response && response.status() >= 400)
    throw new Error(`${label}: ${url} answered ${response.status()}`);
  await auditPage(page, label, rec, response);
}

/**
 * Submits a form from the page the browser is on, as a person would (the page's CSRF token and
 * form stamp are sent along), and audits the page the server answers with.
 */
export async function submitFrom(
  page: Page,
  action: string,
  fields: Record<string, string>,
  label: string,
  rec: XssRecorder,
): Promise<number> {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.evaluate(
      ({ action, fields }) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = action;
        const carried = ['_csrf', 'stamp'].map((n) => [
          n,
          (document.querySelector(`input[name="${n}"]`) as HTMLInputElement | null)?.value ?? '',
        ]);
        for (const [name, value] of [...carried, ...Object.entries(fields)]) {
          const input = document.createElement('textarea');
          input.name = name!;
          input.value = value!;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      },
      { action, fields },
    ),
  ]);
  await auditPage(page, label, rec, response);
  return response?.status() ?? 0;
}
