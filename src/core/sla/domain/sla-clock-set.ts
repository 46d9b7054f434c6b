import { ClockCalendar, ClockSnapshot, computeClock } from './sla-clock';
import { PolicyRecord, resolveMetrics } from './sla-policy.resolver';
import { advanceTimeline, SlaEvent, SlaTimeline } from './sla-timeline';

/** What computing a ticket's clocks needs of the configuration. */
export interface ClockInputs {
  readonly policies: readonly PolicyRecord[];
  calendar(code: string): ClockCalendar;
}

/**
 * A ticket's clocks after its timeline changed: one per metric its policies
 * give it now, plus NOT_APPLICABLE for clocks it had and no longer has (a
 * complaint turned emergency loses its working-day resolution clock).
 *
 * @example
 * const clocks = clockSetAfter(previousClocks, timeline, inputs);
 */
export function clockSetAfter(
  previous: ReadonlyMap<string, ClockSnapshot>,
  timeline: SlaTimeline,
  inputs: ClockInputs,
): Map<string, ClockSnapshot> {
  const next = new Map<string, ClockSnapshot>();
  for (const metric of resolveMetrics(inputs.policies, timeline.context, timeline.pinnedAt)) {
    next.set(metric.metric, computeClock(metric, timeline, inputs.calendar(metric.calendar)));
  }
  for (const [metric, clock] of previous) {
    if (next.has(metric)) continue;
    next.set(metric, clock.status === 'NOT_APPLICABLE' ? clock : { ...clock, status: 'NOT_APPLICABLE', runningSince: null, dueAt: null, thresholds: [] });
  }
  return next;
}

/**
 * Folds events into a timeline and clocks, one event at a time, exactly as
 * the writer does inside each transaction. Replaying a ticket's whole log
 * from `null` must give what is stored.
 *
 * @example
 * const { timeline, clocks } = foldSla(null, new Map(), events, inputs);
 */
export function foldSla(
  timeline: SlaTimeline | null,
  clocks: ReadonlyMap<string, ClockSnapshot>,
  events: readonly SlaEvent[],
  inputs: ClockInputs,
): { timeline: SlaTimeline; clocks: Map<string, ClockSnapshot> } {
  let current = timeline;
  let set = new Map(clocks);
  for (const event of events) {
    current = advanceTimeline(current, event);
    set = clockSetAfter(set, current, inputs);
  }
  if (!current) throw new Error('foldSla needs at least one event');
  return { timeline: current, clocks: set };
}

