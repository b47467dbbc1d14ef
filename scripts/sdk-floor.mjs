// The SDK-alone floor of `npm run bench`: one StartDeviceAuthorization through SSOOIDCClient and
// a print, nothing of ours. Bundled exactly like the CLI (scripts/build.mjs -> dist/bench/: the
// same SDK stubs, CommonJS chunks, the same compile cache through sdk-floor-start.mjs), with a
// minimal request handler on node:http, so it is what any SDK-based CLI must pay.
// Usage: node dist/bench/start.cjs ENDPOINT CLIENT_ID CLIENT_SECRET
import http from 'node:http';
import { SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { HttpResponse } from '@smithy/core/protocols';

const requestHandler = {
  metadata: { handlerProtocol: 'http/1.1' },
  handle: (request) =>
    new Promise((resolve, reject) => {
      const { hostname, port, method, headers, body } = request;
      const req = http.request({ host: hostname, port, method, headers, path: request.path }, (res) =>
        resolve({ response: new HttpResponse({ statusCode: res.statusCode, reason: res.statusMessage, headers: res.headers, body: res }) }),
      );
      req.on('error', reject);
      req.end(body);
    }),
  updateHttpClientConfig() {},
  httpHandlerConfigs: () => ({}),
  destroy() {},
};

const [endpoint, clientId, clientSecret] = process.argv.slice(2);
const client = new SSOOIDCClient({ region: 'us-east-1', endpoint, requestHandler });
void client
  .send(new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: 'https://example.awsapps.com/start' }))
  .then((out) => {
    const { $metadata, ...response } = out;
    void $metadata;
    process.stdout.write(JSON.stringify(response, null, 4) + '\n');
  });
