import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One webhook as the receiver got it. */
export interface ReceivedWebhook {
  readonly id: string;
  readonly ticketId: string;
  readonly version: number | null;
  readonly occurredAt: number;
  /** Date.now() on arrival. */
  readonly at: number;
  readonly verified: boolean;
}

/**
 * An OPD system's webhook endpoint on loopback: verifies every signature
 * with `standardwebhooks`, records what arrived, and answers 204 — or 500
 * while `failing` is on (the bench's "receiver down for 10 s").
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  failing = false;
  refused = 0;
  badSignatures = 0;
  private secret: Webhook | null = null;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => receiver!.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    receiver = new WebhookReceiver(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sigap`;
  }

  useSecret(secret: string): void {
    this.secret = new Webhook(secret);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
    if (this.failing) {
      this.refused++;
      res.writeHead(500).end();
      return;
    }
    const headers = {
      'webhook-id': String(req.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
    };
    let verified = false;
    try {
      this.secret?.verify(body, headers);
      verified = this.secret !== null;
    } catch {
      this.badSignatures++;
    }
    const payload = JSON.parse(body) as { data?: { ticketId?: string; version?: number; occurredAt?: string } };
    this.received.push({
      id: headers['webhook-id'],
      ticketId: payload.data?.ticketId ?? '',
      version: payload.data?.version ?? null,
      occurredAt: Date.parse(payload.data?.occurredAt ?? ''),
      at: Date.now(),
      verified,
    });
    res.writeHead(204).end();
  }
}
