/**
 * How login decides on and opens a browser: the no-browser rules, $BROWSER read as Python's
 * webbrowser reads it (split checked against Python's own shlex), only http(s) URLs; and the
 * authorize URL's encoding checked against Python's urllib.parse.quote, which botocore uses.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { authorizeUrl, makePkce, pyQuote } from '../../src/sso/auth-code-flow.js';
import { browserCommands, isBrowserUrl, noBrowserReason, shlexSplit } from '../../src/sso/browser.js';
import { formatLeft } from '../../src/sso/progress.js';

const python = (code: string, ...args: string[]): string | undefined => {
  const r = spawnSync('python3', ['-c', code, ...args], { encoding: 'utf-8' });
  return r.status === 0 ? r.stdout : undefined;
};

test('no browser: SSH whatever BROWSER says, CI=true, Linux without a display unless BROWSER, --no-browser', () => {
  assert.equal(noBrowserReason({ DISPLAY: ':0' }, 'Linux', false), undefined);
  assert.equal(noBrowserReason({ WAYLAND_DISPLAY: 'wayland-0' }, 'Linux', false), undefined);
  assert.equal(noBrowserReason({ BROWSER: 'lynx' }, 'Linux', false), undefined);
  assert.match(noBrowserReason({}, 'Linux', false) ?? '', /no display/);
  assert.equal(noBrowserReason({}, 'Darwin', false), undefined);
  assert.equal(noBrowserReason({ SSH_TTY: '/dev/pts/1', BROWSER: 'firefox', DISPLAY: ':0' }, 'Linux', false), 'this is an SSH session');
  assert.equal(noBrowserReason({ SSH_CLIENT: '10.0.0.1 5000 22' }, 'Darwin', false), 'this is an SSH session');
  assert.equal(noBrowserReason({ CI: 'true', DISPLAY: ':0' }, 'Linux', false), 'CI is set');
  assert.equal(noBrowserReason({ CI: 'false', DISPLAY: ':0' }, 'Linux', false), undefined);
  assert.equal(noBrowserReason({ DISPLAY: ':0' }, 'Linux', true), '--no-browser');
});

test('$BROWSER entries: %s lines split as shlex does, & means background, plain entries get the URL as one argument', () => {
  const url = 'https://x.example/?a=1&b=2';
  assert.deepEqual(browserCommands({ BROWSER: 'my browser:firefox' }, 'linux', url), [
    { command: 'my browser', args: [url], wait: true },
    { command: 'firefox', args: [url], wait: true },
    { command: 'xdg-open', args: [url], wait: false },
  ]);
  assert.deepEqual(browserCommands({ BROWSER: "node '/a b/click.mjs' --url=%s &" }, 'darwin', url), [
    { command: 'node', args: ['/a b/click.mjs', `--url=${url}`], wait: false },
    { command: 'open', args: [url], wait: false },
  ]);
  for (const line of ['a "b c" d', "x 'y z'\\ w", 'p "q\\"r" s', '  lead  trail  ', 'a\\ b']) {
    const py = python('import json,shlex,sys; print(json.dumps(shlex.split(sys.argv[1])))', line);
    if (py !== undefined) assert.deepEqual(shlexSplit(line), JSON.parse(py), line);
  }
  assert.equal(shlexSplit('"unclosed'), undefined);
});

test('only http(s) URLs without controls or spaces go to a browser', () => {
  assert.ok(isBrowserUrl('https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH'));
  assert.ok(isBrowserUrl('http://127.0.0.1:8080/authorize?x=1'));
  for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', '--help', 'https://x/ --flag', 'https://x/\n', 'HTTPS:', 'ftp://x/']) {
    assert.equal(isBrowserUrl(bad), false, bad);
  }
});

test("the authorize URL: botocore's percent-encoding, S256 challenge without padding, v2's parameter order", () => {
  const samples = ['http://127.0.0.1:4321/oauth/callback', 'sso:account:access codewhisperer:completions', "a-b_c.d~e!*'()ü/"];
  const py = python(
    'import json,sys; from urllib.parse import quote; print(json.dumps([quote(a, safe="-_.~") for a in sys.argv[1:]]))',
    ...samples,
  );
  if (py !== undefined) assert.deepEqual(samples.map(pyQuote), JSON.parse(py));
  const { verifier, challenge } = makePkce();
  assert.match(verifier, /^[A-Za-z0-9\-._~]{64}$/);
  assert.match(challenge, /^[A-Za-z0-9_-]{43}$/);
  const url = authorizeUrl('https://oidc.us-east-1.amazonaws.com/some/path', {
    clientId: 'cid',
    redirectUri: 'http://127.0.0.1:4321/oauth/callback',
    state: 'st',
    scopes: [],
    challenge,
  });
  assert.equal(
    url,
    `https://oidc.us-east-1.amazonaws.com/authorize?response_type=code&client_id=cid&redirect_uri=http%3A%2F%2F127.0.0.1%3A4321%2Foauth%2Fcallback&state=st&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=${challenge}`,
  );
});

test('the progress line counts down in m:ss, h:mm:ss, and caps absurd values', () => {
  assert.equal(formatLeft(581_000), '9:41');
  assert.equal(formatLeft(3_600_000), '1:00:00');
  assert.equal(formatLeft(-5), '0:00');
  assert.equal(formatLeft(1e15), 'more than 99 hours');
});
