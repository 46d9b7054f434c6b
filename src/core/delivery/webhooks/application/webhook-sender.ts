import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { forbiddenAddressReason, parseIp } from '../domain/ip-address';
import type { WebhookHeaders } from '../domain/webhook-signature';
import type { WebhookSettings } from './webhook-settings';

/** How one HTTP attempt ended. */
export type SendOutcome =
  | { readonly kind: 'delivered'; readonly statusCode: number }
  /** `statusCode` null: no answer (refused address, DNS, connection, timeout). */
  | { readonly kind: 'failed'; readonly statusCode: number | null; readonly error: string; readonly retryAfter: string | undefined }
  | { readonly kind: 'gone'; readonly statusCode: 410; readonly error: string };

/** dns.lookup's shape with `all: true`: every address a name has. */
export type Resolver = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemResolver: Resolver = (hostname, callback) => dnsLookup(hostname, { all: true, verbatim: true }, callback);

/** Enough of a body to name the problem in last_error; the rest is drained unread. */
const BODY_SNIPPET_BYTES = 256;

/** A refused address: the request never left. */
class ForbiddenAddressError extends Error {
  readonly code = 'ERR_WEBHOOK_FORBIDDEN_ADDRESS';
}

/**
 * Sends one signed POST with node:http(s). The socket connects only to
 * addresses checked after DNS resolution (a custom `lookup`; a literal IP is
 * checked before), so a public-looking name that resolves to 127.0.0.1 or a
 * metadata address is refused unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES. Never
 * follows redirects (node:http does not); 2xx is delivered, 410 is gone,
 * anything else (3xx included) failed. The whole attempt is bounded by
 * WEBHOOK_TIMEOUT_MS. Sockets are kept alive between attempts: a TLS
 * handshake per webhook would eat most of the latency budget.
 *
 * @example
 * const outcome = await sender.send('https://simdamkar.example.go.id/hooks', headers, body);
 */
export class WebhookSender {
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(
    private readonly settings: Pick<WebhookSettings, 'allowPrivateAddresses' | 'timeoutMs' | 'concurrency'>,
    private readonly resolve: Resolver = systemResolver,
  ) {
    const options = { keepAlive: true, maxSockets: settings.concurrency, maxTotalSockets: settings.concurrency * 4 };
    this.agents = { http: new http.Agent(options), https: new https.Agent(options) };
  }

  /** The lookup the socket uses: resolve, refuse if any address is forbidden, answer in the shape asked for. */
  private readonly lookup: LookupFunction = (hostname, options, callback) => {
    this.resolve(hostname, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = this.settings.allowPrivateAddresses ? undefined : addresses.find((a) => forbiddenAddressReason(a.address) !== null);
      if (refused) {
        // Every address counts: a name with one public and one private address could be steered to the private one.
        return callback(new ForbiddenAddressError(`Refused: ${hostname} resolves to ${refused.address} (${forbiddenAddressReason(refused.address)})`), '', 0);
      }
      const usable = addresses.filter((a) => !options.family || a.family === options.family);
      if (usable.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };

  send(url: string, headers: WebhookHeaders, body: string): Promise<SendOutcome> {
    const target = new URL(url);
    const literal = parseIp(target.hostname);
    const reason = literal && !this.settings.allowPrivateAddresses ? forbiddenAddressReason(target.hostname) : null;
    if (reason) return Promise.resolve({ kind: 'failed', statusCode: null, error: `Refused: ${target.hostname} is a ${reason} address`, retryAfter: undefined });
    const secure = target.protocol === 'https:';
    return new Promise<SendOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: SendOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const request = (secure ? https : http).request(target, {
        method: 'POST',
        agent: secure ? this.agents.https : this.agents.http,
        // A literal IP never reaches lookup (checked above); a name always does.
        lookup: this.lookup,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Sigap-Webhooks/1.0' },
      });
      const timer = setTimeout(() => {
        request.destroy(new Error(`No answer within ${this.settings.timeoutMs} ms`));
      }, this.settings.timeoutMs);
      request.on('error', (error: NodeJS.ErrnoException) => {
        finish({ kind: 'failed', statusCode: null, error: error instanceof ForbiddenAddressError ? error.message : `${error.code ? `${error.code}: ` : ''}${error.message}`, retryAfter: undefined });
      });
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < BODY_SNIPPET_BYTES) chunks.push(chunk);
          size += chunk.length;
          // A receiver streaming megabytes back should not hold a slot: what matters is the status.
          if (size > 64 * 1024) response.destroy();
        });
        const done = (): void => {
          if (status >= 200 && status < 300) return finish({ kind: 'delivered', statusCode: status });
          const snippet = Buffer.concat(chunks).toString('utf8').slice(0, BODY_SNIPPET_BYTES).replace(/\s+/g, ' ').trim();
          const error = `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}${snippet ? `: ${snippet}` : ''}`;
          if (status === 410) return finish({ kind: 'gone', statusCode: 410, error });
          const retryAfter = response.headers['retry-after'];
          finish({ kind: 'failed', statusCode: status, error: status >= 300 && status < 400 ? `${error} (redirects are not followed)` : error, retryAfter });
        };
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      });
      request.end(body);
    });
  }

  /** Closes kept-alive sockets (at shutdown). */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
