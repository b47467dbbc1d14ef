// Bundled in place of @smithy/node-http-handler where the SSO-OIDC client's runtime config
// imports it (scripts/build.mjs): we always pass our own request handler (src/aws/handler.ts,
// on node:http/node:https), so the SDK's, and the http2 module it loads, are never needed.
export { streamCollector } from '@smithy/core/serde';
export const NodeHttpHandler = {
  create(handler) {
    if (typeof handler?.handle === 'function') return handler;
    throw new Error('sso-oidc: an SSOOIDCClient needs a requestHandler (src/aws/handler.ts)');
  },
};
