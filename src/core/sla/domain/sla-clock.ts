import type { TicketState } from '../../ticket';
import { BREACH_PCT, CANCELLING_STATES, fractionToPct, milestoneRank, MILESTONES, ResolvedMetric, STOPPED_WORK_STATES } from './sla-metric';
import type { SlaTimeline } from './sla-timeline';

/** The calendar arithmetic a clock needs (see BusinessCalendar). */
export interface ClockCalendar {
  between(from: Date, to: Date): number;
  add(from: Date, ms: number): Date;
}

/** NOT_APPLICABLE: a policy gave the ticket this clock once, but its present classification has none. */
export type ClockStatus = 'PENDING' | 'RUNNING' | 'PAUSED' | 'STOPPED' | 'CANCELLED' | 'NOT_APPLICABLE';

/**
 * A clock as stored: everything here follows from the timeline, the resolved
 * metric and its calendar, and nothing depends on the current time, so a
 * replay of the event log gives the same values.
 */
export interface ClockSnapshot {
  readonly metric: string;
  /** The cycle of the start milestone: a re-dispatch after a return is a new cycle. */
  readonly cycle: number;
  readonly status: ClockStatus;
  readonly policyId: string;
  readonly policyVersion: number;
  readonly calendar: string;
  readonly targetMinutes: number;
  readonly startedAt: string | null;
  /** When it stopped (its stop milestone) or was cancelled. */
  readonly stoppedAt: string | null;
  /** Business time in the closed running segments. */
  readonly elapsedMs: number;
  /** Start of the segment running now, if the clock runs. */
  readonly runningSince: string | null;
  /** When elapsed time reaches the target, if it does on the present course. */
  readonly dueAt: string | null;
  /** Set once the breach is a fact of the past (a stopped or paused clock that went over). */
  readonly breachedAt: string | null;
  /** Warning and breach instants by whole percentage of the target; null when not reached on the present course. */
  readonly thresholds: ReadonlyArray<{ readonly pct: number; readonly at: string | null }>;
}

interface Segment {
  readonly from: number;
  readonly to: number | null;
}

/**
 * Computes one clock of a ticket.
 *
 * @example
 * const clock = computeClock(metric, timeline, calendars.get(metric.calendar));
 * clock.dueAt; // '2026-12-01T04:00:00.000Z'
 */
export function computeClock(metric: ResolvedMetric, timeline: SlaTimeline, calendar: ClockCalendar): ClockSnapshot {
  const base = {
    metric: metric.metric,
    policyId: metric.policyId,
    policyVersion: metric.policyVersion,
    calendar: metric.calendar,
    targetMinutes: metric.targetMinutes,
  };
  const started = timeline.milestones[metric.start];
  if (!started) {
    // A clock that never started on a ticket that left the workflow never will.
    const last = timeline.states[timeline.states.length - 1];
    const left = CANCELLING_STATES.has(last.state);
    return {
      ...base, cycle: timeline.cycles[metric.start] ?? 0, status: left ? 'CANCELLED' : 'PENDING', startedAt: null,
      stoppedAt: left ? last.at : null, elapsedMs: 0, runningSince: null, dueAt: null, breachedAt: null, thresholds: [],
    };
  }
  const startAt = Date.parse(started.at);
  const stopAt = stopInstant(metric, timeline, startAt);
  const cancelAt = stopAt === null ? cancelInstant(timeline, startAt) : null;
  const endAt = stopAt ?? cancelAt;
  const pausing = new Set<TicketState>([...metric.pauseStates, ...STOPPED_WORK_STATES]);
  const segments = runningSegments(timeline, startAt, endAt, pausing);
  const open = segments.length > 0 && segments[segments.length - 1].to === null ? segments[segments.length - 1] : null;
  const elapsedMs = segments.reduce((sum, s) => (s.to === null ? sum : sum + calendar.between(new Date(s.from), new Date(s.to))), 0);
  const targetMs = metric.targetMinutes * 60_000;

  // Whole percentages key the records: a warning that rounds to 0 or 100 is no warning.
  const pcts = [...new Set([...metric.warnings.map(fractionToPct).filter((p) => p > 0 && p < BREACH_PCT), BREACH_PCT])].sort((a, b) => a - b);
  const thresholds = pcts.map((pct) => ({ pct, at: iso(reachAt(segments, (targetMs * pct) / 100, calendar)) }));
  const due = reachAt(segments, targetMs, calendar);
  const status: ClockStatus = stopAt !== null ? 'STOPPED' : cancelAt !== null ? 'CANCELLED' : open ? 'RUNNING' : 'PAUSED';
  return {
    ...base,
    cycle: started.cycle,
    status,
    startedAt: started.at,
    stoppedAt: iso(endAt),
    elapsedMs,
    runningSince: open ? iso(open.from) : null,
    dueAt: iso(due),
    breachedAt: elapsedMs > targetMs ? iso(due) : null,
    thresholds,
  };
}

/** Business time elapsed at `now` (for display; the stored snapshot never depends on now). */
export function elapsedAt(clock: ClockSnapshot, now: Date, calendar: ClockCalendar): number {
  if (!clock.runningSince) return clock.elapsedMs;
  return clock.elapsedMs + calendar.between(new Date(clock.runningSince), now);
}

/** The first reach, since the clock started, of its stop milestone or a later one. */
function stopInstant(metric: ResolvedMetric, timeline: SlaTimeline, startAt: number): number | null {
  let stop: number | null = null;
  for (const m of MILESTONES) {
    if (milestoneRank(m) < milestoneRank(metric.stop)) continue;
    // A reach from before this cycle started (the first OPD's arrival) does not stop it.
    const first = (timeline.reaches[m] ?? []).map(Date.parse).find((at) => at >= startAt);
    if (first !== undefined) stop = stop === null ? first : Math.min(stop, first);
  }
  return stop;
}

function cancelInstant(timeline: SlaTimeline, startAt: number): number | null {
  const last = timeline.states[timeline.states.length - 1];
  return CANCELLING_STATES.has(last.state) ? Math.max(Date.parse(last.at), startAt) : null;
}

/**
 * The intervals in [startAt, endAt) during which the ticket was in a running
 * state. Before its first recorded state a ticket counts as NEW: a duplicate
 * can carry the report to before the survivor was created.
 */
function runningSegments(timeline: SlaTimeline, startAt: number, endAt: number | null, pausing: ReadonlySet<TicketState>): Segment[] {
  const points: Array<{ at: number; state: TicketState }> = [];
  let current = timeline.states[0].state;
  for (const entry of timeline.states) {
    const at = Date.parse(entry.at);
    if (at <= startAt) current = entry.state;
    else if (endAt === null || at < endAt) points.push({ at, state: entry.state });
  }
  const segments: Segment[] = [];
  let from: number | null = pausing.has(current) ? null : startAt;
  for (const point of points) {
    const runs = !pausing.has(point.state);
    if (runs && from === null) from = point.at;
    else if (!runs && from !== null) {
      if (point.at > from) segments.push({ from, to: point.at });
      from = null;
    }
  }
  if (from !== null && (endAt === null || endAt > from)) segments.push({ from, to: endAt });
  return segments;
}

/**
 * The instant business time `ms` is passed walking the segments; null if it
 * is not. A closed segment must run past it: a clock stopped exactly at its
 * target met it, and neither its breach nor a warning at that instant fires.
 */
function reachAt(segments: readonly Segment[], ms: number, calendar: ClockCalendar): number | null {
  let remaining = ms;
  for (const segment of segments) {
    const from = new Date(segment.from);
    if (segment.to === null) return calendar.add(from, remaining).getTime();
    const length = calendar.between(from, new Date(segment.to));
    if (length > remaining) return calendar.add(from, remaining).getTime();
    remaining -= length;
  }
  return null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
