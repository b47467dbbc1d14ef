/**
 * The verification page in headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core): a person's device flow, Allow and Deny, unknown codes, XSS attempts, and
 * the page with JavaScript disabled. Skips when Chromium is not installed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser-server.js';
import { startFlow, startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium); browser tests skipped`;
export const SCREENSHOT = '/tmp/sso-oidc-emulator-consent.png';

describe('verification page in Chromium', { skip }, () => {
  let browser: Browser;
  let emu: TestEmulator;

  before(async () => {
    emu = await startTestEmulator();
    // launch() gives the browser a fresh temporary profile (--user-data-dir) and removes it on close.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    await browser?.close();
    await emu?.close();
  });

  /** A page that fails the test on any dialog (an XSS alert) or CSP violation. */
  async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.goto(url);
    return { page, problems };
  }

  async function decide(
    javaScriptEnabled: boolean,
    button: 'Allow' | 'Deny',
    client = { clientName: 'Chromium test app', clientType: 'public', scopes: ['sso:account:access'] },
  ): Promise<{ status: number; type: string | null; text: string }> {
    const context = await browser.newContext({ javaScriptEnabled });
    try {
      const flow = await startFlow(emu, client);
      const { page, problems } = await openPage(context, flow.verificationUriComplete);
      assert.equal(await page.inputValue('#user_code'), flow.userCode);
      await page.getByRole('button', { name: 'Next' }).click();
      assert.equal(await page.locator('#client-name').textContent(), client.clientName);
      assert.equal(await page.locator('#scopes').textContent(), client.scopes.join(''));
      if (button === 'Allow' && javaScriptEnabled) await page.screenshot({ path: SCREENSHOT, fullPage: true });
      await page.getByRole('button', { name: button }).click();
      const heading = await page.locator('h1').textContent();
      assert.equal(heading, button === 'Allow' ? 'Request approved' : 'Request denied');
      assert.deepEqual(problems, []);
      const res = await emu.post('/token', flow.tokenRequest);
      return { status: res.status, type: res.headers.get('x-amzn-errortype'), text: res.text };
    } finally {
      await context.close();
    }
  }

  test('Allow: the code is pre-filled, client and scopes shown, then CreateToken succeeds', async () => {
    const res = await decide(true, 'Allow');
    assert.equal(res.status, 200, res.text);
  });

  test('Deny: CreateToken is AccessDeniedException', async () => {
    const res = await decide(true, 'Deny');
    assert.equal(res.type, 'AccessDeniedException');
  });

  test('the page works with JavaScript disabled', async () => {
    assert.equal((await decide(false, 'Allow')).status, 200);
  });

  test('the inline style applies under the CSP', async () => {
    const context = await browser.newContext();
    try {
      const { page, problems } = await openPage(context, `${emu.url}/`);
      // A string expression: the test project has no DOM typings.
      const bg = await page.evaluate("getComputedStyle(document.querySelector('main')).backgroundColor");
      assert.equal(bg, 'rgb(255, 255, 255)');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('an unknown code shows the "unknown or expired" message', async () => {
    const context = await browser.newContext();
    try {
      const { page } = await openPage(context, `${emu.url}/?user_code=BBBB-BBBB`);
      await page.getByRole('button', { name: 'Next' }).click();
      assert.match((await page.getByRole('alert').textContent()) ?? '', /This code is unknown or has expired/);
    } finally {
      await context.close();
    }
  });

  test('XSS attempts are shown as text: no alert, no injected element', async () => {
    const context = await browser.newContext();
    try {
      const evilCode = '"><img src=x onerror=alert(1)>';
      const first = await openPage(context, `${emu.url}/?user_code=${encodeURIComponent(evilCode)}`);
      assert.equal(await first.page.inputValue('#user_code'), evilCode);
      assert.equal(await first.page.locator('img').count(), 0);
      await first.page.getByRole('button', { name: 'Next' }).click();
      assert.equal(await first.page.locator('img').count(), 0);
      const name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const flow = await startFlow(emu, { clientName: name, clientType: 'public' });
      const second = await openPage(context, flow.verificationUriComplete);
      await second.page.getByRole('button', { name: 'Next' }).click();
      assert.equal(await second.page.locator('#client-name').textContent(), name);
      assert.equal(await second.page.locator('main script, main img').count(), 0);
      assert.deepEqual([...first.problems, ...second.problems], []);
    } finally {
      await context.close();
    }
  });
});
