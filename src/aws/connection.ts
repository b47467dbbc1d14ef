/**
 * The sockets under NodeHttpHandler: our own http/https Agents whose createConnection applies
 * the connect and read timeouts, the TLS trust settings and the proxy (HTTP CONNECT tunnel for
 * https endpoints); socket.ts records why a socket failed.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { track, type ConnectionSettings } from './socket.js';
import { openTunnel } from './tunnel.js';

type CreateCallback = (err: Error | null, stream: Duplex) => void;

/**
 * The trust store of the endpoint connections: the CA bundle when there is one, else exactly the
 * Mozilla roots Node ships (tls.rootCertificates), which is what botocore's certifi holds, so
 * NODE_EXTRA_CA_CERTS or --use-openssl-ca do not widen what we trust. Built once per call.
 */
function trustContext(s: ConnectionSettings): tls.SecureContext {
  return tls.createSecureContext({ ca: s.tls.ca ?? [...tls.rootCertificates] });
}

class HttpAgent extends http.Agent {
  constructor(private readonly settings: ConnectionSettings) {
    super({ keepAlive: false });
  }
  override createConnection(options: http.ClientRequestArgs): Duplex {
    // Through a proxy, SendHandler has already pointed the request at the proxy (absolute URI).
    const socket = net.connect({ host: options.host ?? undefined, port: Number(options.port) });
    track(socket, this.settings, this.settings.proxy ? 'proxy' : 'connect', false);
    return socket;
  }
}

/**
 * The https Agent class, made on first use: node:https and node:tls (which scripts/build.mjs
 * bundles as modules of getters) load only when a call goes to an https:// endpoint, so an
 * http:// call, the emulator's usual case, never loads the TLS stack.
 */
let HttpsAgentClass: (new (settings: ConnectionSettings) => https.Agent) | undefined;

function httpsAgentClass(): new (settings: ConnectionSettings) => https.Agent {
  return (HttpsAgentClass ??= class HttpsAgent extends https.Agent {
    private context: tls.SecureContext | undefined;
    constructor(private readonly settings: ConnectionSettings) {
      super({ keepAlive: false });
    }
    /** Built on first use: an http:// call never pays for parsing the root certificates. */
    private get tls(): tls.ConnectionOptions {
      this.context ??= trustContext(this.settings);
      return { rejectUnauthorized: this.settings.tls.verify, secureContext: this.context };
    }
    override createConnection(options: https.RequestOptions, callback?: CreateCallback): Duplex | undefined {
      const s = this.settings;
      const host = options.host ?? 'localhost';
      const port = Number(options.port ?? 443);
      // The Agent sets servername to '' for IP hosts (SNI must not carry an IP address).
      // net.isIP without its IPv6 regex (large, compiled on first use) for names without a colon.
      const servername = options.servername ?? ((host.includes(':') ? net.isIPv6(host) : net.isIPv4(host)) ? '' : host);
      if (!s.proxy) {
        const socket = tls.connect({ host, port, servername, ...this.tls });
        track(socket, s, 'connect', true);
        return socket;
      }
      // Asynchronous: the Agent waits for the callback (the socket exists only after CONNECT).
      openTunnel(s.proxy, host, port, s, (err, tunnel) => {
        if (err || !tunnel) return callback?.(err ?? new Error('proxy tunnel failed'), undefined as unknown as Duplex);
        const socket = tls.connect({ socket: tunnel, host, servername, ...this.tls });
        track(socket, s, 'handshake', true);
        callback?.(null, socket);
      });
      return undefined;
    }
  });
}

/** The agents of one call, the https one made on first use. */
export interface Agents {
  readonly httpAgent: http.Agent;
  readonly httpsAgent: https.Agent;
  /** Closes the sockets of both (an https Agent never made has none). */
  destroy(): void;
}

/** One pair of agents per call; keepAlive off so a socket never outlives its attempt. */
export function createAgents(settings: ConnectionSettings): Agents {
  const httpAgent = new HttpAgent(settings);
  let httpsAgent: https.Agent | undefined;
  return {
    httpAgent,
    get httpsAgent() {
      return (httpsAgent ??= new (httpsAgentClass())(settings));
    },
    destroy() {
      httpAgent.destroy();
      httpsAgent?.destroy();
    },
  };
}
