import { ApiError } from '../../../infra/graphql/api-error';
import type { PublishedRecord } from '../../shared';
import type { FeedObserver } from '../delivery.metrics';
import { STREAM_PAGE, type PublishedStream } from './published-stream';

/** A subscriber this far behind is cut off; it resumes from its last cursor. */
export const MAX_QUEUED = 1_000;

/**
 * Turns the published stream into one subscriber's events: replayed from
 * the table after `after` (a cursor the client saw), then live, with no gap
 * and no repeat between the two; `select` filters and shapes each message
 * with the subscriber's rights, in stream order. A cursor older than the
 * retention is refused (the client reloads, then subscribes without one).
 *
 * @example
 * return subscriptionFeed(stream, cursor, async (m) => (m.topic.startsWith('ticket.') ? toNotice(m) : null));
 */
export function subscriptionFeed<T>(
  stream: PublishedStream,
  after: number | null,
  select: (message: PublishedRecord) => Promise<T | null>,
  observer?: FeedObserver,
): AsyncIterableIterator<T> {
  const queue: PublishedRecord[] = [];
  const ready: Array<{ value: T; createdAt: Date }> = [];
  observer?.opened();
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let done = false;
  let seen = after ?? stream.position;

  const stop = stream.listen((batch) => {
    for (const message of batch) if (message.seq > seen) queue.push(message);
    if (queue.length > MAX_QUEUED) failure ??= new ApiError('SUBSCRIBER_TOO_SLOW', 'Events arrive faster than this subscriber reads them; resubscribe with `after` set to the last cursor you saw', {});
    wake?.();
  });

  const replayed = (async () => {
    if (after === null) return;
    const { first, last } = await stream.bounds();
    if (after > last) throw new ApiError('BAD_USER_INPUT', `No event has the cursor ${after} yet (the newest is ${last})`);
    if (after < last && (first === null || after < first - 1)) {
      throw new ApiError('CURSOR_EXPIRED', 'Events after this cursor are no longer kept: reload the data, then subscribe without `after`', { oldest: first });
    }
    for (;;) {
      const page = await stream.read(seen);
      for (const message of page) queue.push(message);
      if (page.length === 0) return;
      await drain();
      // The live listener pushes what comes after the page too; drain() skips what was seen.
      if (page.length < STREAM_PAGE) return;
    }
  })();

  async function drain(): Promise<void> {
    queue.sort((a, b) => a.seq - b.seq);
    while (queue.length) {
      const message = queue.shift()!;
      if (message.seq <= seen) continue;
      seen = message.seq;
      const value = await select(message);
      if (value !== null) ready.push({ value, createdAt: message.createdAt });
    }
  }

  function finish(): void {
    if (done) return;
    done = true;
    stop();
    observer?.closed();
    wake?.();
  }

  let replayDone = false;
  const iterator: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      if (!replayDone) {
        await replayed.catch((error: Error) => (failure ??= error));
        replayDone = true;
      }
      for (;;) {
        if (done) return { value: undefined, done: true };
        if (failure) {
          const error = failure;
          await iterator.return!();
          throw error;
        }
        if (ready.length) {
          const { value, createdAt } = ready.shift()!;
          observer?.pushed(createdAt);
          return { value, done: false };
        }
        if (queue.length) {
          await drain();
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    },
    async return(): Promise<IteratorResult<T>> {
      finish();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown): Promise<IteratorResult<T>> {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
