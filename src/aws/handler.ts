/**
 * The SDK's NodeHttpHandler on our agents (connection.ts), with the SDK's own timers turned off
 * (the agents run botocore-like connect/read timeouts), plus plain-HTTP proxying: an http://
 * endpoint behind a proxy is requested from the proxy with an absolute URI, as urllib3 does.
 */
import { HttpRequest } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions } from '@smithy/types';
import type { ConnectionSettings } from './socket.js';
import { createAgents } from './connection.js';

/** NodeHttpHandler for one sendOperation call. */
export class SendHandler extends NodeHttpHandler {
  private readonly settings: ConnectionSettings;
  constructor(settings: ConnectionSettings) {
    const { httpAgent, httpsAgent } = createAgents(settings);
    // socketTimeout 0 also stops the SDK from applying its 300 s default socket timeout.
    super({ httpAgent, httpsAgent, connectionTimeout: 0, requestTimeout: 0, socketTimeout: 0 });
    this.settings = settings;
  }

  override handle(request: HttpRequest, options?: HttpHandlerOptions): ReturnType<NodeHttpHandler['handle']> {
    const proxy = this.settings.proxy;
    if (!proxy || request.protocol !== 'http:') return super.handle(request, options);
    const via = HttpRequest.clone(request);
    const port = request.port === undefined ? '' : `:${request.port}`;
    via.hostname = proxy.host;
    via.port = proxy.port;
    // Set after construction: the constructor would prefix a "/" to the absolute URI.
    via.path = `http://${request.hostname}${port}${request.path}`;
    if (proxy.authorization) via.headers['proxy-authorization'] = proxy.authorization;
    return super.handle(via, options);
  }
}
