import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './factories.ts';
import type { TestApp } from './setup.ts';

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

/** Starts the test app's HTTP server on a free port of the loopback; its base URL. */
export async function serveForBrowser(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
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
