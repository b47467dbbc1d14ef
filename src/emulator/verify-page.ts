/**
 * The verification page's HTML: plain forms that work without JavaScript, one inline style
 * sheet allowed by its hash in the Content-Security-Policy, and every echoed value escaped.
 */
import { createHash } from 'node:crypto';

const CSS = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f2f3f3;color:#16191f}
main{background:#fff;width:min(30rem,94vw);padding:2rem 2.25rem;border-radius:10px;
box-shadow:0 1px 3px rgba(0,0,0,.12),0 8px 24px rgba(0,0,0,.06)}
.brand{margin:0 0 1.25rem;font-size:.8rem;letter-spacing:.08em;text-transform:uppercase;color:#5f6b7a}
h1{margin:0 0 .75rem;font-size:1.4rem}
p{margin:.5rem 0}
label{display:block;font-weight:600;margin:1rem 0 .35rem}
input[type=text]{width:100%;padding:.6rem .75rem;font:600 1.3rem/1.2 ui-monospace,Menlo,Consolas,monospace;
letter-spacing:.12em;border:1px solid #8d99a8;border-radius:6px}
.actions{display:flex;gap:.75rem;margin-top:1.5rem}
button{flex:1;padding:.65rem 1rem;font:600 1rem system-ui,sans-serif;border-radius:20px;cursor:pointer;
border:1px solid #0972d3;background:#0972d3;color:#fff}
button.secondary{background:#fff;color:#0972d3}
.error{padding:.6rem .8rem;border-left:4px solid #d91515;background:#fff7f7;color:#8c0f0f;border-radius:4px}
.ok{color:#037f0c}.denied{color:#d91515}
dl{margin:1rem 0;display:grid;grid-template-columns:auto 1fr;gap:.35rem 1rem}
dt{color:#5f6b7a}dd{margin:0;word-break:break-all}
code{font:600 1rem ui-monospace,Menlo,Consolas,monospace}
ul{margin:0;padding-left:1.1rem}
`;

/**
 * The page's Content-Security-Policy: nothing but its own inline style and same-origin forms;
 * `formTargets` adds the origins a form may end up at (the authorization page's decision
 * redirects to the client's loopback redirect URI, and form-action covers redirects too).
 */
export function pageCsp(formTargets: readonly string[] = []): string {
  return [
    "default-src 'none'",
    `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
    ["form-action 'self'", ...formTargets].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export const PAGE_CSP = pageCsp();

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} - sso-oidc emulator</title>
<style>${CSS}</style></head>
<body><main><p class="brand">sso-oidc emulator &middot; IAM Identity Center</p>
${body}
</main></body></html>
`;
}

/** The first step: enter (or confirm a pre-filled) user code. */
export function enterCodePage(opts: { userCode?: string; error?: string } = {}): string {
  const error = opts.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(opts.error)}</p>`;
  return layout(
    'Authorize request',
    `<h1>Authorize request</h1>
${error}<p>Enter the code shown by your application to continue.</p>
<form method="post" action="/verify">
<label for="user_code">Code</label>
<input type="text" id="user_code" name="user_code" value="${escapeHtml(opts.userCode ?? '')}"
 placeholder="XXXX-XXXX" autocomplete="off" autocapitalize="characters" spellcheck="false" required autofocus>
<div class="actions"><button type="submit">Next</button></div>
</form>`,
  );
}

/** What the consent step shows about the request. */
export interface ConsentDetails {
  userCode: string;
  clientName: string;
  scopes: string[];
  startUrl: string;
  formToken: string;
}

/** The second step: who asks for what, with Allow and Deny. */
export function consentPage(d: ConsentDetails): string {
  const scopes =
    d.scopes.length === 0 ? '<em>none</em>' : `<ul>${d.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('')}</ul>`;
  return layout(
    'Allow access?',
    `<h1>Allow <span id="client-name">${escapeHtml(d.clientName)}</span> to access your data?</h1>
<p>Only allow this if you started this request and the code matches the one in your application.</p>
<dl>
<dt>Application</dt><dd>${escapeHtml(d.clientName)}</dd>
<dt>Code</dt><dd><code id="user-code">${escapeHtml(d.userCode)}</code></dd>
<dt>Scopes</dt><dd id="scopes">${scopes}</dd>
<dt>Start URL</dt><dd>${escapeHtml(d.startUrl)}</dd>
</dl>
<form method="post" action="/verify/decision">
<input type="hidden" name="user_code" value="${escapeHtml(d.userCode)}">
<input type="hidden" name="form_token" value="${escapeHtml(d.formToken)}">
<div class="actions">
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
<button type="submit" name="decision" value="allow">Allow</button>
</div>
</form>`,
  );
}

/** The last step: approved or denied. */
export function resultPage(decision: 'approved' | 'denied'): string {
  const [title, cls, text] =
    decision === 'approved'
      ? ['Request approved', 'ok', 'You can close this window and return to your application.']
      : ['Request denied', 'denied', 'The application will not get access. You can close this window.'];
  return layout(title, `<h1 class="${cls}">${title}</h1>\n<p>${text}</p>`);
}

/** A page with a heading, a sentence and a way back to the start. */
export function messagePage(title: string, text: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p class="error">${escapeHtml(text)}</p>\n<p><a href="/">Enter a code</a></p>`);
}

/** What the authorization page (GET /authorize) shows about the request. */
export interface AuthorizeDetails {
  clientName: string;
  scopes: string[];
  /** Where the browser goes back to: the redirect URI's origin. */
  redirectOrigin: string;
  requestToken: string;
}

/** The authorization code grant's consent step: who asks for what, with Allow and Deny. */
export function authorizePage(d: AuthorizeDetails): string {
  const scopes =
    d.scopes.length === 0 ? '<em>none</em>' : `<ul>${d.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('')}</ul>`;
  return layout(
    'Allow access?',
    `<h1>Allow <span id="client-name">${escapeHtml(d.clientName)}</span> to access your data?</h1>
<p>Only allow this if you started this sign-in from your application on this device.</p>
<dl>
<dt>Application</dt><dd>${escapeHtml(d.clientName)}</dd>
<dt>Scopes</dt><dd id="scopes">${scopes}</dd>
<dt>Returns to</dt><dd id="redirect">${escapeHtml(d.redirectOrigin)}</dd>
</dl>
<form method="post" action="/authorize/decision">
<input type="hidden" name="request_token" value="${escapeHtml(d.requestToken)}">
<div class="actions">
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
<button type="submit" name="decision" value="allow">Allow</button>
</div>
</form>`,
  );
}
