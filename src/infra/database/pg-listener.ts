import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { type Counter, MetricsRegistry } from '../metrics/metrics.registry';

/** Injection token of the URL of the database the application uses. */
export const DATABASE_URL = Symbol('DATABASE_URL');

type Handler = (payload: string) => void;

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
const PING_MS = 15_000;
const MAX_BACKOFF_MS = 5_000;

/**
 * One dedicated connection per process that LISTENs for PostgreSQL
 * notifications (a pooled connection cannot: LISTEN belongs to a session).
 * A dropped connection is re-opened with backoff and every channel listened
 * to again; notifications sent while it was down are lost for good, so
 * consumers register `onReconnect` and catch up from the tables.
 *
 * @example
 * const stop = await listener.listen('sigap_outbox', () => relay.kick());
 * listener.onReconnect(() => relay.kick());
 */
@Injectable()
export class PgListener implements OnApplicationShutdown {
  private readonly logger = new Logger('PgListener');
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private ping: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private failures = 0;
  private closed = false;

  private readonly reconnects: Counter;

  constructor(@Inject(DATABASE_URL) private readonly url: string, metrics: MetricsRegistry) {
    this.reconnects = metrics.counter({ name: 'sigap_listen_reconnects_total', help: 'LISTEN connections lost and made again' });
  }

  /** Calls `handler` with each notification's payload on `channel`; resolves once listening (or retrying). */
  async listen(channel: string, handler: Handler): Promise<() => void> {
    if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    let set = this.handlers.get(channel);
    const first = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    try {
      const client = await this.connect();
      if (first) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      // The database may be down at start: keep trying; callers poll as well.
      this.logger.warn({ err: error }, `Cannot LISTEN on ${channel} yet; retrying`);
      this.scheduleReconnect();
    }
    return () => void set.delete(handler);
  }

  /** Called after the connection was lost and made again: notifications may have been missed. */
  onReconnect(handler: () => void): () => void {
    this.reconnectHandlers.add(handler);
    return () => void this.reconnectHandlers.delete(handler);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.ping) clearInterval(this.ping);
    if (this.retry) clearTimeout(this.retry);
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<Client> {
    const client = new Client({ connectionString: this.url, keepAlive: true, application_name: 'sigap-listener' });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? '');
        } catch (error) {
          this.logger.error({ err: error, channel: message.channel }, 'A notification handler failed');
        }
      }
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error('The listener is closed');
    }
    this.client = client;
    // A half-open TCP connection looks alive for minutes; a query every few seconds finds out.
    if (this.ping) clearInterval(this.ping);
    this.ping = setInterval(() => void client.query('select 1').catch((error: Error) => this.lost(client, error)), PING_MS);
    this.ping.unref();
    return client;
  }

  private lost(client: Client, error: Error | null): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    if (this.ping) clearInterval(this.ping);
    void client.end().catch(() => undefined);
    this.logger.warn({ err: error ?? undefined }, 'The LISTEN connection was lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** this.failures);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().then(
        () => {
          this.failures = 0;
          this.reconnects.inc();
          this.logger.log('The LISTEN connection is back');
          for (const handler of this.reconnectHandlers) handler();
        },
        () => {
          this.failures++;
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.retry.unref();
  }
}
