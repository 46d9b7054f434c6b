import { Inject } from '@nestjs/common';
import { Resolver, Subscription } from '@nestjs/graphql';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { CurrentActor } from '../../actor';
import type { Actor } from '../../actor';
import { SlaBoardModel, SlaBoardReader, toSlaBoardModel } from '../../sla';
import type { PublishedRecord } from '../../shared';
import { DeliveryMetrics, type FeedObserver } from '../delivery.metrics';
import { PublishedStream } from './published-stream';

/** A burst of changes is pushed as one board, at most this often. */
export const BOARD_THROTTLE_MS = 250;
/** Unchanged, the board is pushed again this often (remaining times move). */
export const BOARD_REFRESH_MS = 30_000;

/**
 * `slaBoard`: the board at once, then again after every change that can
 * move it (an emergency's event, any warning or breach), and every 30 s.
 * It is state, not a stream of events: a client that reconnects gets the
 * whole board again, so nothing can be missed.
 */
@Resolver()
export class SlaBoardSubscriptionResolver {
  constructor(
    private readonly stream: PublishedStream,
    private readonly board: SlaBoardReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: DeliveryMetrics,
  ) {}

  @Subscription(() => SlaBoardModel, {
    name: 'slaBoard',
    resolve: (board: SlaBoardModel) => board,
    description: 'The SLA board (as the slaBoard query), pushed when it changes and every 30 s.',
  })
  slaBoardUpdates(@CurrentActor() actor: Actor): AsyncIterableIterator<SlaBoardModel> {
    const scope = actor.restrictedToOpd ?? null;
    const read = async (): Promise<SlaBoardModel> => toSlaBoardModel(await this.board.read(this.clock.now(), scope));
    return boardFeed(this.stream, (message) => movesBoard(message, scope), read, this.metrics.feed('slaBoard'));
  }
}

function movesBoard(message: PublishedRecord, scope: string | null): boolean {
  const p = message.payload as { kind?: string; opdCode?: string | null };
  if (scope !== null && p.opdCode !== scope) return false;
  return message.topic.startsWith('sla.') || (message.topic.startsWith('ticket.') && p.kind === 'EMERGENCY');
}

function boardFeed<T>(stream: PublishedStream, relevant: (m: PublishedRecord) => boolean, read: () => Promise<T>, observer: FeedObserver): AsyncIterableIterator<T> {
  observer.opened();
  let dirty = true;
  let done = false;
  let wake: (() => void) | null = null;
  const poke = (): void => {
    dirty = true;
    wake?.();
  };
  const stop = stream.listen((batch) => {
    if (batch.some(relevant)) poke();
  });
  const refresh = setInterval(poke, BOARD_REFRESH_MS);
  refresh.unref();
  let first = true;
  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      for (;;) {
        if (done) return { value: undefined, done: true };
        if (dirty) {
          if (!first) await new Promise((resolve) => setTimeout(resolve, BOARD_THROTTLE_MS).unref());
          first = false;
          dirty = false;
          return { value: await read(), done: false };
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    },
    async return(): Promise<IteratorResult<T>> {
      if (!done) observer.closed();
      done = true;
      stop();
      clearInterval(refresh);
      wake?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown): Promise<IteratorResult<T>> {
      await iterator.return!();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
