import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PgListener } from '../../../infra/database/pg-listener';
import { SerialDrain } from '../../../infra/database/serial-drain';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { OutboxStore, PUBLISHED_CHANNEL, type PublishedRecord } from '../../shared';

export type StreamListener = (batch: readonly PublishedRecord[]) => void;

/** Published messages read at a time, from the table. */
export const STREAM_PAGE = 500;
const BACKSTOP_MS = 1_000;

/**
 * This process's view of the published stream: every message the relays
 * of all instances publish, in stream order, handed to in-process
 * listeners (the subscriptions). A publishing transaction NOTIFYs the
 * stream's new end; this reads what it has not seen, in one query per batch
 * for all listeners. Because stream numbers follow commit order, reading
 * "after the last number seen" misses nothing, even across a lost LISTEN
 * connection (a backstop interval and the reconnect both read again).
 *
 * @example
 * const stop = stream.listen((batch) => feed.push(batch));
 */
@Injectable()
export class PublishedStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PublishedStream');
  private readonly listeners = new Set<StreamListener>();
  private last = 0;
  // One read at a time in this process; a NOTIFY during a read reads again right after it.
  private readonly reads = new SerialDrain(this.logger, 'The published stream reader', () => this.readPage());
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly pg: PgListener,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.last = (await OutboxStore.streamBounds(this.sql())).last;
    await this.pg.listen(PUBLISHED_CHANNEL, (payload) => this.published(payload));
    this.pg.onReconnect(() => this.pull());
    // The backstop only matters to someone listening; an idle process does not query every second.
    this.timer = setInterval(() => {
      if (this.listeners.size > 0) this.pull();
    }, BACKSTOP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.reads.stop();
  }

  /** The last stream number handed to listeners: a new listener sees everything after it. */
  get position(): number {
    return this.last;
  }

  listen(listener: StreamListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Published messages after `afterSeq` straight from the table (a resuming subscriber's replay). */
  read(afterSeq: number, limit = STREAM_PAGE): Promise<PublishedRecord[]> {
    return OutboxStore.readPublished(this.sql(), afterSeq, limit);
  }

  bounds(): Promise<{ last: number; first: number | null }> {
    return OutboxStore.streamBounds(this.sql());
  }

  /** A publishing transaction committed, announcing the stream's new end. */
  private published(payload: string): void {
    const end = Number(payload);
    // Nobody listens: the announced end is the new position, no read needed.
    if (this.listeners.size === 0 && !this.reads.isRunning && Number.isSafeInteger(end)) {
      this.last = Math.max(this.last, end);
      return;
    }
    this.pull();
  }

  /** Reads what is new now, or right after the read in progress. */
  pull(): void {
    this.reads.kick();
  }

  /** One page of what is new; true: a full page, more may follow. */
  private async readPage(): Promise<boolean> {
    if (this.listeners.size === 0) {
      // Nobody listens: only move the position, so a first listener starts from now.
      this.last = Math.max(this.last, (await OutboxStore.streamBounds(this.sql())).last);
      return false;
    }
    const batch = await OutboxStore.readPublished(this.sql(), this.last, STREAM_PAGE);
    if (batch.length === 0) return false;
    this.last = batch[batch.length - 1].seq;
    for (const listener of [...this.listeners]) listener(batch);
    return batch.length === STREAM_PAGE;
  }

  private sql() {
    return entityManagerSql(this.em.fork());
  }
}
