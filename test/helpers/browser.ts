/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './factories.ts';
import { freePort } from './net.ts';
import type { TestApp } from './setup.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Launches Debian's Chromium headless, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const viewports = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 900 },
} as const;

// Headless Chromium names itself « HeadlessChrome », which the site takes for a robot (ads are not
// counted for it); readers on a budget phone look like this.
export const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 13; Tecno) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';

/**
 * A base URL on a free port of the loopback, for an app that must know its own address before it
 * is built (`config: { publicUrl: base }`: links in mails, same-origin checks); serve it there
 * with `serveForBrowser(t, base)`.
 */
export async function freeBase(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

/**
 * Starts the test app's HTTP server on the loopback, on a free port or on `base`'s (see
 * freeBase); its base URL.
 */
export async function serveForBrowser(t: TestApp, base?: string): Promise<string> {
  await t.app.listen({ port: base ? Number(new URL(base).port) : 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

/**
 * Signs a newsroom member in through the login form as a person does, asking for `next` (a
 * path), and waits until the browser lands there.
 */
export async function signInThroughForm(
  page: Page,
  { base, email, next }: { base: string; email: string; next: string },
): Promise<void> {
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.fill('#email', email);
  await page.fill('#password', TEST_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname === next),
    page.click('form[action="/login"] button'),
  ]);
}

/**
 * Serious and critical accessibility violations axe-core finds on the page (all its rules, as
 * axe runs by default), one line each: rule, impact and the elements at fault.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Through the DevTools protocol: a <script> element would be refused by the page's CSP.
  await page.evaluate(readFileSync(axePath, 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run();
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The page's cumulative layout shift so far, not counting shifts right after the reader's input. */
export function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!e.hadRecentInput) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 100);
      }),
  );
}
