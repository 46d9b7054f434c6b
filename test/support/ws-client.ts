import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** What a subscriber received, in order, and how its socket ended. */
export interface Subscriber<T> {
  readonly received: T[];
  readonly errors: unknown[];
  /** Resolves with the n-th item (1-based) once it has arrived. */
  nth(n: number, timeoutMs?: number): Promise<T>;
  /** Resolves with the first item that satisfies `predicate`, once it has arrived. */
  find(predicate: (item: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves when the subscription errored (with the error). */
  failed(timeoutMs?: number): Promise<unknown>;
  stop(): void;
}

/**
 * A graphql-ws client (the package's own) on Node's `ws`, for tests.
 * `connectionParams` carry the credentials, as a browser would send them.
 */
export function wsClient(url: string, connectionParams: Record<string, unknown> | null, onClose?: (code: number, reason: string) => void): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: connectionParams ?? undefined,
    lazy: true,
    retryAttempts: 0,
    on: { closed: (event) => onClose?.((event as { code: number }).code, String((event as { reason?: string }).reason ?? '')) },
  });
}

/** Subscribes and collects; waiting helpers poll the collected list, never the wall clock for logic. */
export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}, pick: (data: Record<string, unknown>) => T = (d) => Object.values(d)[0] as T): Subscriber<T> {
  const received: T[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  const notify = (): void => waiters.forEach((w) => w());
  const stop = client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors?.length) errors.push(value.errors);
        if (value.data) received.push(pick(value.data));
        notify();
      },
      error: (error) => {
        // An Error or a socket's close event would print as {}.
        const closed = error as { code?: unknown; reason?: unknown };
        errors.push(error instanceof Error ? { message: error.message } : closed && typeof closed === 'object' && 'code' in closed && !Array.isArray(error) ? { closeCode: closed.code, reason: closed.reason } : error);
        notify();
      },
      complete: notify,
    },
  );
  const until = <R>(ready: () => R | undefined, timeoutMs: number, what: string): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      const check = (): void => {
        const value = ready();
        if (value !== undefined) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; received ${JSON.stringify(received)}, errors ${JSON.stringify(errors)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    received,
    errors,
    nth: (n, timeoutMs = 30_000) => until(() => received[n - 1], timeoutMs, `item ${n}`),
    find: (predicate, timeoutMs = 30_000) => until(() => received.find(predicate), timeoutMs, 'a matching item'),
    failed: (timeoutMs = 30_000) => until(() => errors[0], timeoutMs, 'an error'),
    stop,
  };
}

/** Makes the app listen on a free loopback port and returns its graphql-ws URL. */
export async function listenForSockets(app: { listen(port: number, host: string): Promise<unknown>; getUrl(): Promise<string> }): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `${(await app.getUrl()).replace(/^http/, 'ws').replace('[::1]', '127.0.0.1')}/graphql`;
}
