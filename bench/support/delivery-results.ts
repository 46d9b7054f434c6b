import { percentile } from './stats';

/** A message that must reach a receiver: read back from the database after the run. */
export interface Expected {
  readonly id: string;
  readonly ticketId: string;
  readonly version: number;
  readonly occurredAt: number;
}

/** One arrival at a receiver (a subscriber, or the webhook endpoint). */
export interface Arrival {
  readonly id: string;
  readonly ticketId: string;
  readonly version: number | null;
  readonly at: number;
}

export interface ReceiverReport {
  readonly name: string;
  readonly expected: number;
  readonly received: number;
  readonly lost: number;
  /** The same (ticket, version) under two different message ids: a receiver could not dedupe it. */
  readonly duplicates: number;
  /** The same message id again (a retry or redelivery); deduped by its id. */
  readonly repeats: number;
  /** A ticket's version arriving after a later one (first arrivals only). */
  readonly orderViolations: number;
  /** Latency from the event's time (before its commit) to first arrival: steady phase (after warm-up, before the kill), then all. */
  readonly steady: { p50: number; p99: number; count: number };
  readonly all: { p50: number; p99: number; max: number };
}

/**
 * Judges one receiver against what committed: lost messages, duplicates a
 * receiver could not remove by id, order per ticket, and latency from each
 * event's time to its first arrival (the event's time is taken as the
 * command ran, before its commit, so the latency is an upper bound).
 */
export function judge(name: string, expected: readonly Expected[], arrivals: readonly Arrival[], steady: { from: number; until: number }): ReceiverReport {
  const first = new Map<string, Arrival>();
  let repeats = 0;
  const idsPerEvent = new Map<string, Set<string>>();
  const lastVersion = new Map<string, number>();
  let orderViolations = 0;
  for (const a of arrivals) {
    if (first.has(a.id)) {
      repeats++;
      continue;
    }
    first.set(a.id, a);
    const key = `${a.ticketId}#${a.version}`;
    (idsPerEvent.get(key) ?? idsPerEvent.set(key, new Set()).get(key)!).add(a.id);
    if (a.version !== null) {
      const before = lastVersion.get(a.ticketId) ?? 0;
      if (a.version < before) orderViolations++;
      lastVersion.set(a.ticketId, Math.max(before, a.version));
    }
  }
  const latencies: number[] = [];
  const steadyLatencies: number[] = [];
  let received = 0;
  for (const e of expected) {
    const a = first.get(e.id);
    if (!a) continue;
    received++;
    latencies.push(a.at - e.occurredAt);
    if (e.occurredAt >= steady.from && e.occurredAt < steady.until) steadyLatencies.push(a.at - e.occurredAt);
  }
  const sorted = Float64Array.from(latencies).sort();
  const sortedSteady = Float64Array.from(steadyLatencies).sort();
  return {
    name,
    expected: expected.length,
    received,
    lost: expected.filter((e) => !first.has(e.id)).length,
    duplicates: [...idsPerEvent.values()].filter((ids) => ids.size > 1).length,
    repeats,
    orderViolations,
    steady: { p50: percentile(sortedSteady, 50), p99: percentile(sortedSteady, 99), count: steadyLatencies.length },
    all: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1] : Number.NaN },
  };
}

/** Whether every expected message has arrived at every receiver. */
export function allArrived(expected: readonly Expected[], arrivals: readonly Arrival[]): boolean {
  const ids = new Set(arrivals.map((a) => a.id));
  return expected.every((e) => ids.has(e.id));
}

/** Messages that arrived without being expected (from before the measured window). */
export function unexpected(expected: readonly Expected[], arrivals: readonly Arrival[]): number {
  const ids = new Set(expected.map((e) => e.id));
  return new Set(arrivals.filter((a) => !ids.has(a.id)).map((a) => a.id)).size;
}
