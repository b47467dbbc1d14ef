/**
 * URL credentials in free text: every `scheme://user:password@` shown as `scheme://***:***@`, the
 * way botocore's mask_proxy_url shows a proxy. Applied to every error line and --debug line we
 * print, so an endpoint, proxy or start URL given with userinfo never shows it, whichever
 * message quotes it. The userinfo runs to the last `@` before the path (a password may hold an
 * unencoded `@`). No imports: main.ts loads it on the error path.
 */
const URL_USERINFO = /([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"'<>]*)@/gi;

export function maskUrlCredentials(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(URL_USERINFO, (_all, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    if (colon < 0) return `${scheme}${userinfo ? '***' : ''}@`;
    const user = userinfo.slice(0, colon) ? '***' : '';
    const pass = userinfo.slice(colon + 1) ? '***' : '';
    return `${scheme}${user}:${pass}@`;
  });
}
