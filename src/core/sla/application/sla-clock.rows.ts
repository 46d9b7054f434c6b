import type { ClockSnapshot, ClockStatus } from '../domain/sla-clock';
import type { SlaTimeline } from '../domain/sla-timeline';

/** A ticket_sla_clock row as JSON for jsonb_to_recordset. */
export interface ClockRow {
  readonly ticket_id: string;
  readonly metric: string;
  readonly cycle: number;
  readonly status: ClockStatus;
  readonly policy_id: string | null;
  readonly policy_version: number | null;
  readonly calendar_code: string;
  readonly target_minutes: number;
  readonly started_at: string | null;
  readonly stopped_at: string | null;
  readonly elapsed_ms: number;
  readonly running_since: string | null;
  readonly due_at: string | null;
  readonly breached_at: string | null;
  readonly thresholds: ClockSnapshot['thresholds'];
  readonly opd_code: string | null;
  readonly category_code: string | null;
  readonly reported_at: string;
  readonly fired_pct: number;
  readonly next_fire_at: string | null;
  readonly updated_at: string;
}

/** Column and SQL type, in insert order; must cover the entity (the drift and row tests check). */
export const CLOCK_COLUMNS: ReadonlyArray<readonly [keyof ClockRow, string]> = [
  ['ticket_id', 'uuid'],
  ['metric', 'text'],
  ['cycle', 'int'],
  ['status', 'text'],
  ['policy_id', 'uuid'],
  ['policy_version', 'int'],
  ['calendar_code', 'text'],
  ['target_minutes', 'int'],
  ['started_at', 'timestamptz'],
  ['stopped_at', 'timestamptz'],
  ['elapsed_ms', 'bigint'],
  ['running_since', 'timestamptz'],
  ['due_at', 'timestamptz'],
  ['breached_at', 'timestamptz'],
  ['thresholds', 'jsonb'],
  ['opd_code', 'text'],
  ['category_code', 'text'],
  ['reported_at', 'timestamptz'],
  ['fired_pct', 'int'],
  ['next_fire_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

/** The first threshold above `firedPct` that the clock reaches; it may lie in the past (then the sweep fires it at once). */
export function nextFire(clock: Pick<ClockSnapshot, 'thresholds'>, firedPct: number): string | null {
  const next = clock.thresholds.find((t) => t.pct > firedPct && t.at !== null);
  return next?.at ?? null;
}

export function toClockRecord(ticketId: string, clock: ClockSnapshot, timeline: SlaTimeline, firedPct: number, nextFireAt: string | null, now: Date): ClockRow {
  return {
    ticket_id: ticketId,
    metric: clock.metric,
    cycle: clock.cycle,
    status: clock.status,
    policy_id: clock.policyId,
    policy_version: clock.policyVersion,
    calendar_code: clock.calendar,
    target_minutes: clock.targetMinutes,
    started_at: clock.startedAt,
    stopped_at: clock.stoppedAt,
    elapsed_ms: clock.elapsedMs,
    running_since: clock.runningSince,
    due_at: clock.dueAt,
    breached_at: clock.breachedAt,
    thresholds: clock.thresholds,
    opd_code: timeline.context.opdCode,
    category_code: timeline.context.categoryCode,
    reported_at: timeline.context.reportedAt,
    fired_pct: firedPct,
    next_fire_at: nextFireAt,
    updated_at: now.toISOString(),
  };
}

const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/** A stored row back as the snapshot the fold produced (for the next fold, and the replay check). */
export function fromClockRow(row: Record<string, unknown>): ClockSnapshot {
  return {
    metric: row.metric as string,
    cycle: Number(row.cycle),
    status: row.status as ClockStatus,
    policyId: row.policy_id as string,
    policyVersion: Number(row.policy_version),
    calendar: row.calendar_code as string,
    targetMinutes: Number(row.target_minutes),
    startedAt: isoOrNull(row.started_at),
    stoppedAt: isoOrNull(row.stopped_at),
    elapsedMs: Number(row.elapsed_ms),
    runningSince: isoOrNull(row.running_since),
    dueAt: isoOrNull(row.due_at),
    breachedAt: isoOrNull(row.breached_at),
    thresholds: row.thresholds as ClockSnapshot['thresholds'],
  };
}
