/**
 * One headless Chromium for a test file's logins: test/fixtures/browser/click.mjs (the tests'
 * $BROWSER) connects to it when SSO_OIDC_TEST_BROWSER_WS is set, and opens a context of its own
 * for each URL (no cookies or storage shared between sign-ins), instead of launching a browser
 * per sign-in (~2 s of CPU each on a 2-core machine).
 */
import { chromium, type BrowserServer } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** The flags the tests launch Chromium with (click.mjs, a plain script, lists the same when it has no server to connect to). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserService {
  /** What a login's environment needs so that click.mjs uses this browser. */
  env: { SSO_OIDC_TEST_BROWSER_WS: string };
  close(): Promise<void>;
}

export async function startBrowserServer(): Promise<BrowserService> {
  const server: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, host: '127.0.0.1' });
  return { env: { SSO_OIDC_TEST_BROWSER_WS: server.wsEndpoint() }, close: () => server.close() };
}
