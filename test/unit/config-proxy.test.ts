// Proxy variables and NO_PROXY matching; expectations were taken from Python 3.11's
// urllib.request.getproxies_environment / proxy_bypass (what botocore calls).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskProxyCredentials, normalizeProxyUrl, proxiesFromEnv, proxyFor } from '../../src/config/proxy.js';

describe('proxiesFromEnv (getproxies_environment)', () => {
  const cases: Array<[Record<string, string>, Record<string, string>]> = [
    [{ HTTPS_PROXY: 'a', https_proxy: 'b' }, { httpsProxy: 'b' }],
    [{ https_proxy: 'b', HTTPS_PROXY: 'a' }, { httpsProxy: 'b' }],
    [{ HTTPS_PROXY: 'a', https_proxy: '' }, {}],
    [{ Https_Proxy: 'a' }, { httpsProxy: 'a' }],
    [{ HTTPS_proxy: 'x' }, { httpsProxy: 'x' }],
    [{ HTTP_PROXY: 'h', REQUEST_METHOD: 'GET' }, {}],
    [{ HTTP_PROXY: 'h', http_proxy: 'l', REQUEST_METHOD: 'GET' }, { httpProxy: 'l' }],
    [
      { HTTP_PROXY: 'h', NO_PROXY: 'n', FTP_PROXY: 'f', ALL_PROXY: 'all' },
      { httpProxy: 'h', noProxy: 'n' },
    ],
    [{ HTTPS_PROXY: '' }, {}],
  ];
  for (const [env, want] of cases) it(JSON.stringify(env), () => assert.deepEqual(proxiesFromEnv(env), want));
});

describe('proxyFor (proxy_bypass_environment on the netloc, then the scheme proxy)', () => {
  const P = 'http://proxy:3128';
  const cases: Array<[string, string | undefined, boolean]> = [
    ['https://oidc.us-east-1.amazonaws.com', '.amazonaws.com', true],
    ['https://oidc.us-east-1.amazonaws.com', 'amazonaws.com', true],
    ['https://oidc.us-east-1.amazonaws.com', 'us-east-1.amazonaws.com:443', false],
    ['https://oidc.us-east-1.amazonaws.com', 'oidc.us-east-1.amazonaws.com:443', false],
    ['https://oidc.us-east-1.amazonaws.com:443', 'oidc.us-east-1.amazonaws.com:443', true],
    ['http://127.0.0.1:8080/x', '127.0.0.1', true],
    ['http://127.0.0.1:8080/x', '127.0.0.0/8', false], // no CIDR in botocore/urllib
    ['http://127.0.0.1:8080/x', '0.0.1', true], // a plain suffix match, as urllib does
    ['http://localhost:8080', ' foo , LOCALHOST:8080 ', true],
    ['http://localhost:8080', '*', true],
    ['http://localhost:8080', '*,foo', false],
    ['http://localhost:8080', '..', false],
    ['http://[::1]:8080', '::1', false],
    ['http://[::1]:8080', '[::1]', true],
    ['http://myhost:8080', 'ost', false],
    ['http://u:p@myhost:8080', 'myhost', false],
    ['http://myhost', undefined, false],
  ];
  for (const [url, noProxy, bypass] of cases) {
    it(`${url} with NO_PROXY=${JSON.stringify(noProxy)}`, () => {
      const proxy = { httpsProxy: P, httpProxy: P, ...(noProxy === undefined ? {} : { noProxy }) };
      assert.equal(proxyFor(url, proxy), bypass ? undefined : P);
    });
  }

  it('uses the proxy of the URL scheme', () => {
    const proxy = { httpsProxy: 'http://s:1', httpProxy: 'http://p:1' };
    assert.equal(proxyFor('https://h/', proxy), 'http://s:1');
    assert.equal(proxyFor('HTTP://h/', proxy), 'http://p:1');
    assert.equal(proxyFor('https://h/', { httpProxy: 'http://p:1' }), undefined);
  });

  it('gives a scheme-less proxy http:// (botocore _fix_proxy_url)', () => {
    assert.equal(normalizeProxyUrl('proxy:3128'), 'http://proxy:3128');
    assert.equal(normalizeProxyUrl('//proxy:3128'), 'http://proxy:3128');
    assert.equal(normalizeProxyUrl('https://proxy'), 'https://proxy');
  });
});

describe('maskProxyCredentials', () => {
  const cases: Array<[string, string]> = [
    ['http://user:secret@proxy:3128', 'http://***:***@proxy:3128'],
    ['http://user:s3cr@t@proxy:3128', 'http://***:***@proxy:3128'],
    ['http://user@proxy:3128', 'http://***@proxy:3128'],
    ['//user:secret@proxy:3128', '//***:***@proxy:3128'],
    ['http://proxy:3128', 'http://proxy:3128'],
    ['http://proxy/a@b', 'http://proxy/a@b'],
  ];
  for (const [input, want] of cases) it(input, () => assert.equal(maskProxyCredentials(input), want));
});
