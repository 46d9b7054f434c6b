import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request a test receiver got. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What the receiver answers: a status, and optionally headers. */
export interface ReceiverAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
}

/**
 * A real HTTP receiver on 127.0.0.1 for webhook tests: records every request
 * and answers per path, 204 unless told otherwise (a queue of answers, then
 * the path's standing answer).
 *
 * @example
 * const receiver = await WebhookReceiver.start();
 * receiver.answer('/bpbd', { status: 503 }); // the next request to /bpbd gets 503
 * receiver.url('/bpbd'); // 'http://127.0.0.1:41234/bpbd'
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly queued = new Map<string, ReceiverAnswer[]>();
  private readonly standing = new Map<string, ReceiverAnswer>();
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        receiver.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        for (const wake of receiver.waiters) wake();
        const answer = receiver.queued.get(path)?.shift() ?? receiver.standing.get(path) ?? { status: 204 };
        res.writeHead(answer.status, answer.headers);
        res.end(answer.status === 204 ? undefined : `answer ${answer.status}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** The next requests to `path` get these answers, in order. */
  answer(path: string, ...answers: ReceiverAnswer[]): void {
    this.queued.set(path, [...(this.queued.get(path) ?? []), ...answers]);
  }

  /** Every request to `path` gets this answer (after any queued ones). */
  always(path: string, answer: ReceiverAnswer): void {
    this.standing.set(path, answer);
  }

  on(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  /**
   * Resolves once `path` has received `count` requests in all; rejects after
   * `timeoutMs` (a bound on a hang, not a wait: it resolves on arrival).
   */
  waitFor(path: string, count: number, timeoutMs: number): Promise<ReceivedWebhook[]> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.on(path).length < count) return;
        cleanup();
        resolve(this.on(path));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${path} received ${this.on(path).length} of ${count} webhooks within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Whether one of the request's signatures is `secret`'s, checked at the
 * request's own timestamp: for tests whose clock is not the wall clock
 * (`new Webhook(secret).verify` also refuses timestamps 5 minutes off).
 */
export function signedWith(secret: string, received: ReceivedWebhook): boolean {
  const id = String(received.headers['webhook-id']);
  const timestamp = new Date(Number(received.headers['webhook-timestamp']) * 1000);
  const expected = new Webhook(secret).sign(id, timestamp, received.body);
  return String(received.headers['webhook-signature']).split(' ').includes(expected);
}
