import fc from 'fast-check';
import { BusinessCalendar, standardCalendarSpecs } from '../calendar';
import { PREVIOUS_STATE, StateDefinition, TICKET_LIFECYCLE, TicketCommand, TicketState as S, TransitionRule } from '../../ticket';
import type { TicketContext } from '../../ticket';
import { ClockSnapshot, computeClock } from './sla-clock';
import { Milestone, milestoneRank, MILESTONES, ResolvedMetric } from './sla-metric';
import { advanceTimeline, SLA_REEVALUATED, SlaEvent, SlaTimeline } from './sla-timeline';

const ALWAYS = new BusinessCalendar(standardCalendarSpecs([2026, 2027])[0]);
const MIN = 60_000;
const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const RUNS = { numRuns: 200 };

interface Step {
  /** Which of the commands the current state allows. */
  readonly pick: number;
  readonly gapMinutes: number;
  readonly kind: 'command' | 'merge' | 'reevaluate';
  /** For a merge: how far before the merge the duplicate was reported. */
  readonly earlierMinutes: number;
  /** Whether the ticket may leave the workflow here (rarely, so most histories get far). */
  readonly mayLeave: boolean;
}

const LEAVING = new Set<string>([TicketCommand.REJECT, TicketCommand.MARK_DUPLICATE, TicketCommand.ANSWER]);

const stepArb: fc.Arbitrary<Step> = fc.record({
  pick: fc.nat(),
  // Zero gaps put several events on one instant.
  gapMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90 })),
  kind: fc.constantFrom<Step['kind']>('command', 'command', 'command', 'command', 'command', 'merge', 'reevaluate'),
  earlierMinutes: fc.integer({ min: 1, max: 120 }),
  mayLeave: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

/** Walks the real lifecycle table (guards ignored) so every sequence is one a ticket could take. */
function toEvents(steps: readonly Step[]): SlaEvent[] {
  let context: TicketContext = { kind: 'EMERGENCY', priority: 'HIGH', categoryCode: 'POHON_TUMBANG', opdCode: 'BPBD', reportedAt: new Date(T0).toISOString() };
  let state: S = S.NEW;
  let heldFrom: S = S.NEW;
  let minute = 0;
  const events: SlaEvent[] = [{ seq: 1, type: 'CREATED', to: state, at: new Date(T0), context }];
  const push = (type: string) => events.push({ seq: events.length + 1, type, to: state, at: new Date(T0 + minute * MIN), context });
  for (const step of steps) {
    minute += step.gapMinutes;
    if (step.kind === 'merge') {
      const reported = Math.min(Date.parse(context.reportedAt), T0 + (minute - step.earlierMinutes) * MIN);
      context = { ...context, reportedAt: new Date(reported).toISOString() };
      push('DUPLICATE_MERGED');
    } else if (step.kind === 'reevaluate') {
      push(SLA_REEVALUATED);
    } else {
      const rules: StateDefinition['on'] = TICKET_LIFECYCLE.states[state].on;
      const commands = (Object.keys(rules) as TicketCommand[]).filter((c) => step.mayLeave || !LEAVING.has(c));
      const command = commands[step.pick % commands.length];
      const target: TransitionRule['target'] = rules[command]!.target;
      if (target === S.ON_HOLD) heldFrom = state;
      state = target === PREVIOUS_STATE ? heldFrom : target;
      push(command);
    }
  }
  return events;
}

const metricArb: fc.Arbitrary<ResolvedMetric> = fc
  .record({
    pair: fc.uniqueArray(fc.constantFrom(...MILESTONES), { minLength: 2, maxLength: 2 }),
    targetMinutes: fc.integer({ min: 1, max: 240 }),
    warnings: fc.subarray([0.25, 0.5, 0.75, 0.9]),
    pauseStates: fc.constantFrom<S[]>([], [S.ON_HOLD]),
  })
  .map(({ pair, targetMinutes, warnings, pauseStates }) => {
    const [start, stop] = [...pair].sort((a, b) => milestoneRank(a) - milestoneRank(b)) as [Milestone, Milestone];
    return { metric: 'ON_SITE', start, stop, pauseStates, calendar: '24x7', targetMinutes, warnings, policyId: 'p', policyVersion: 1 };
  });

const foldAll = (events: readonly SlaEvent[]): SlaTimeline[] => {
  const timelines: SlaTimeline[] = [];
  events.reduce<SlaTimeline | null>((timeline, event) => {
    const next = advanceTimeline(timeline, event);
    timelines.push(next);
    return next;
  }, null);
  return timelines;
};

function checkInvariants(clock: ClockSnapshot, metric: ResolvedMetric): void {
  const targetMs = metric.targetMinutes * MIN;
  expect(clock.elapsedMs).toBeGreaterThanOrEqual(0);
  if (clock.startedAt === null) {
    // Never started: pending, or cancelled because the ticket left the workflow first.
    expect(['PENDING', 'CANCELLED']).toContain(clock.status);
    expect(clock).toMatchObject({ elapsedMs: 0, dueAt: null, thresholds: [] });
    return;
  }
  const pcts = clock.thresholds.map((t) => t.pct);
  expect(pcts).toEqual([...pcts].sort((a, b) => a - b));
  expect(new Set(pcts).size).toBe(pcts.length);
  expect(pcts.at(-1)).toBe(100);
  const reached = clock.thresholds.map((t) => t.at);
  // Once one threshold is off the course, every later one is too; reached ones are in time order.
  const firstNull = reached.indexOf(null);
  if (firstNull >= 0) expect(reached.slice(firstNull).every((at) => at === null)).toBe(true);
  const times = reached.filter((at): at is string => at !== null).map(Date.parse);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(clock.dueAt).toBe(clock.thresholds.find((t) => t.pct === 100)?.at ?? null);
  expect(clock.breachedAt).toBe(clock.elapsedMs > targetMs ? clock.dueAt : null);
  // A clock that stopped within its target has no breach to fire (met exactly counts as met).
  if (clock.status === 'STOPPED' && clock.elapsedMs <= targetMs) expect(clock.dueAt).toBeNull();
  expect(clock.runningSince !== null).toBe(clock.status === 'RUNNING');
  if (clock.status === 'STOPPED' || clock.status === 'CANCELLED') {
    expect(clock.stoppedAt).not.toBeNull();
    expect(Date.parse(clock.stoppedAt!)).toBeGreaterThanOrEqual(Date.parse(clock.startedAt));
    // On 24x7 business time is wall time: never more than the span.
    expect(clock.elapsedMs).toBeLessThanOrEqual(Date.parse(clock.stoppedAt!) - Date.parse(clock.startedAt));
  } else {
    expect(clock.stoppedAt).toBeNull();
  }
}

describe('computeClock over random ticket histories (24x7)', () => {
  it('keeps its invariants after every event', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 25 }), metricArb, (steps, metric) => {
        for (const timeline of foldAll(toEvents(steps))) checkInvariants(computeClock(metric, timeline, ALWAYS), metric);
      }),
      RUNS,
    );
  });

  it('is deterministic: folding the same events twice gives deep-equal timelines and clocks', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 25 }), metricArb, (steps, metric) => {
        const events = toEvents(steps);
        const first = foldAll(events).at(-1)!;
        const second = foldAll(events.map((e) => ({ ...e, at: new Date(e.at.getTime()) }))).at(-1)!;
        expect(second).toEqual(first);
        expect(computeClock(metric, second, ALWAYS)).toEqual(computeClock(metric, first, ALWAYS));
      }),
      RUNS,
    );
  });

  it('a timeline stored as JSON and advanced further equals the one folded in memory', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 25 }), fc.nat(), (steps, cut) => {
        const events = toEvents(steps);
        const split = 1 + (cut % events.length);
        const stored: SlaTimeline = JSON.parse(JSON.stringify(foldAll(events.slice(0, split)).at(-1)));
        const resumed = events.slice(split).reduce(advanceTimeline, stored);
        expect(resumed).toEqual(foldAll(events).at(-1));
      }),
      RUNS,
    );
  });
});
