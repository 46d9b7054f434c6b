import { ConnectionException, DeadlockException } from '@mikro-orm/core';

/**
 * What a database error means for the client, decided once for the whole API:
 * - `UNAVAILABLE`: the database cannot be reached (down, restarting, refusing
 *   connections, or the connection broke mid-request): retry later.
 * - `CONFLICT`: a deadlock or serialization failure: retry now, with fresh data.
 * - `DUPLICATE`: a unique key already holds the value.
 * - `INVALID_VALUE`: a value the column cannot hold (a check, text or range violation).
 * null: not a database error this API knows; it stays INTERNAL (our bug).
 */
export type DatabaseErrorKind = 'UNAVAILABLE' | 'CONFLICT' | 'DUPLICATE' | 'INVALID_VALUE';

// Node's socket errors when the server is gone or never answered.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
// SQLSTATE: connection exceptions (08), shutting down / cannot connect now (57P0x), too many connections.
const UNAVAILABLE_STATES = /^(08...|57P01|57P02|57P03|53300)$/;
const CONFLICT_STATES = new Set(['40001', '40P01']);
const INVALID_STATES = /^(22...|23514|23502)$/;
// The pg client and the pool say so in words only.
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error and is not queryable|Timeout acquiring a connection|the database system is (starting up|shutting down)|terminating connection due to administrator command/i;

/**
 * Classifies `error` (and what it wraps: `cause`, `originalError`, the
 * `errors` of an AggregateError) as one of the kinds above.
 *
 * @example
 * classifyDatabaseError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })); // 'UNAVAILABLE'
 */
export function classifyDatabaseError(error: unknown, depth = 0): DatabaseErrorKind | null {
  if (!error || typeof error !== 'object' || depth > 5) return null;
  if (error instanceof ConnectionException) return 'UNAVAILABLE';
  if (error instanceof DeadlockException) return 'CONFLICT';
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code)) return 'UNAVAILABLE';
    if (CONFLICT_STATES.has(code)) return 'CONFLICT';
    if (code === '23505') return 'DUPLICATE';
    if (INVALID_STATES.test(code)) return 'INVALID_VALUE';
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return 'UNAVAILABLE';
  const inner = error as { cause?: unknown; originalError?: unknown; previous?: unknown; errors?: unknown };
  for (const wrapped of [inner.cause, inner.originalError, inner.previous, ...(Array.isArray(inner.errors) ? (inner.errors as unknown[]) : [])]) {
    const kind = classifyDatabaseError(wrapped, depth + 1);
    if (kind) return kind;
  }
  return null;
}
