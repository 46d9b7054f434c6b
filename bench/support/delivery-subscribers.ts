import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One ticket event as a subscriber got it. */
export interface ReceivedEvent {
  readonly messageId: string;
  readonly ticketId: string;
  readonly version: number;
  readonly occurredAt: number;
  /** Date.now() on arrival. */
  readonly at: number;
}

const QUERY = `subscription Bench($after: String) {
  ticketEvents(after: $after) { cursor messageId ticketId version occurredAt }
}`;

/**
 * A call-centre screen subscribed to `ticketEvents` on one instance. When
 * its socket dies (the instance was killed) it reconnects to the next URL
 * and resumes after the last cursor it saw, as a real client should.
 */
export class BenchSubscriber {
  readonly received: ReceivedEvent[] = [];
  reconnects = 0;
  errors: string[] = [];
  private cursor: string | null = null;
  private client: Client | null = null;
  private stopped = false;
  private turn: number;

  constructor(
    readonly name: string,
    private readonly urls: () => string[],
    private readonly token: string,
    start: number,
  ) {
    this.turn = start;
  }

  /** Resolves once the subscription is live (the server acknowledged the socket). */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.dispose();
  }

  private connect(): Promise<void> {
    const urls = this.urls();
    const url = urls[this.turn++ % urls.length];
    return new Promise<void>((resolve) => {
      let settled = false;
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${this.token}` },
        retryAttempts: 0,
        lazy: true,
        on: {
          connected: () => {
            settled = true;
            resolve();
          },
        },
      });
      this.client = client;
      client.subscribe<{ ticketEvents: { cursor: string; messageId: string; ticketId: string; version: number; occurredAt: string } }>(
        { query: QUERY, variables: { after: this.cursor } },
        {
          next: (value) => {
            const e = value.data?.ticketEvents;
            if (!e) {
              if (value.errors) this.errors.push(JSON.stringify(value.errors).slice(0, 300));
              return;
            }
            this.cursor = e.cursor;
            this.received.push({ messageId: e.messageId, ticketId: e.ticketId, version: e.version, occurredAt: Date.parse(e.occurredAt), at: Date.now() });
          },
          error: (error: unknown) => {
            if (this.stopped) return;
            if (!settled) {
              settled = true;
              resolve();
            }
            this.errors.push(String((error as { reason?: string; message?: string }).reason ?? (error as Error).message ?? error).slice(0, 200));
            this.reconnects++;
            void client.dispose();
            setTimeout(() => void this.connect(), 200);
          },
          complete: () => undefined,
        },
      );
    });
  }
}
