import { TicketState as S } from '../../ticket';
import type { TicketContext } from '../../ticket';
import { advanceTimeline, SLA_REEVALUATED, SlaTimeline } from './sla-timeline';

const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const iso = (minute: number): string => new Date(T0 + minute * 60_000).toISOString();

const CONTEXT: TicketContext = { kind: 'EMERGENCY', priority: 'HIGH', categoryCode: 'POHON_TUMBANG', opdCode: 'BPBD', reportedAt: iso(0) };

/** [event type, state after it, minute after T0, context changes carried from here on]. */
type Step = readonly [type: string, to: S, minute: number, context?: Partial<TicketContext>];

/** Folds steps into a timeline; each step's context change sticks, as it does on a ticket. */
function fold(steps: readonly Step[], start: SlaTimeline | null = null, firstSeq = 1): SlaTimeline {
  let context = CONTEXT;
  let timeline = start;
  steps.forEach(([type, to, minute, change], i) => {
    context = { ...context, ...change };
    timeline = advanceTimeline(timeline, { seq: firstSeq + i, type, to, at: new Date(T0 + minute * 60_000), context });
  });
  if (!timeline) throw new Error('no steps');
  return timeline;
}

const CREATED: Step = ['CREATED', S.NEW, 0];
const UP_TO_ACK: Step[] = [CREATED, ['TRIAGE', S.TRIAGED, 5], ['DISPATCH', S.DISPATCHED, 10], ['ACKNOWLEDGE', S.ACKNOWLEDGED, 15]];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('advanceTimeline', () => {
  it('starts from the CREATED event: REPORTED at the context report time, pinned at creation', () => {
    const timeline = fold([['CREATED', S.NEW, 3, { reportedAt: iso(1) }]]);
    expect(timeline).toEqual({
      seq: 1,
      context: { ...CONTEXT, reportedAt: iso(1) },
      pinnedAt: iso(3),
      states: [{ state: S.NEW, at: iso(3) }],
      milestones: { REPORTED: { at: iso(1), cycle: 1 } },
      cycles: { REPORTED: 1 },
      reaches: {},
    });
  });

  it('reaches each milestone once, in cycle 1, on the happy path', () => {
    const timeline = fold([...UP_TO_ACK, ['DEPART', S.EN_ROUTE, 20], ['ARRIVE', S.ON_SITE, 40], ['RESOLVE', S.RESOLVED, 90], ['CLOSE', S.CLOSED, 200]]);
    expect(timeline.milestones).toEqual({
      REPORTED: { at: iso(0), cycle: 1 },
      TRIAGED: { at: iso(5), cycle: 1 },
      DISPATCHED: { at: iso(10), cycle: 1 },
      ACKNOWLEDGED: { at: iso(15), cycle: 1 },
      ON_SITE: { at: iso(40), cycle: 1 },
      RESOLVED: { at: iso(90), cycle: 1 },
    });
    expect(timeline.cycles).toEqual({ REPORTED: 1, TRIAGED: 1, DISPATCHED: 1, ACKNOWLEDGED: 1, ON_SITE: 1, RESOLVED: 1 });
    expect(timeline.seq).toBe(8);
  });

  it.each(['DEPART', 'HOLD', 'RESUME', 'CLOSE', 'ADD_NOTE', 'REASSIGN', 'MARK_DUPLICATE', 'RETURN', 'REOPEN'])('%s reaches no milestone', (type) => {
    const timeline = fold([CREATED, [type, S.NEW, 5]]);
    expect(Object.keys(timeline.milestones)).toEqual(['REPORTED']);
  });

  it('a re-triage does not move TRIAGED', () => {
    const timeline = fold([CREATED, ['TRIAGE', S.TRIAGED, 5], ['TRIAGE', S.TRIAGED, 30, { kind: 'COMPLAINT' }]]);
    expect(timeline.milestones.TRIAGED).toEqual({ at: iso(5), cycle: 1 });
    expect(timeline.cycles.TRIAGED).toBe(1);
    expect(timeline.context.kind).toBe('COMPLAINT');
  });

  it.each([
    ['ANSWER', S.ANSWERED],
    ['REJECT', S.REJECTED],
  ])('%s ends the call centre triage: it reaches TRIAGED', (type, to) => {
    expect(fold([CREATED, [type, to, 7]]).milestones.TRIAGED).toEqual({ at: iso(7), cycle: 1 });
  });

  it('a reject after triage keeps the original triage time', () => {
    expect(fold([CREATED, ['TRIAGE', S.TRIAGED, 5], ['REJECT', S.REJECTED, 9]]).milestones.TRIAGED?.at).toBe(iso(5));
  });

  it('RETURN undoes DISPATCHED and ACKNOWLEDGED; the next dispatch is cycle 2', () => {
    const returned = fold([...UP_TO_ACK, ['RETURN', S.RETURNED, 20]]);
    expect(returned.milestones).toEqual({ REPORTED: { at: iso(0), cycle: 1 }, TRIAGED: { at: iso(5), cycle: 1 } });
    // Undone reaches still count.
    expect(returned.cycles).toEqual({ REPORTED: 1, TRIAGED: 1, DISPATCHED: 1, ACKNOWLEDGED: 1 });

    const redispatched = fold([['TRIAGE', S.TRIAGED, 25], ['DISPATCH', S.DISPATCHED, 30], ['ACKNOWLEDGE', S.ACKNOWLEDGED, 33]], returned, 6);
    expect(redispatched.milestones.TRIAGED).toEqual({ at: iso(5), cycle: 1 });
    expect(redispatched.milestones.DISPATCHED).toEqual({ at: iso(30), cycle: 2 });
    expect(redispatched.milestones.ACKNOWLEDGED).toEqual({ at: iso(33), cycle: 2 });
    expect(redispatched.cycles).toMatchObject({ DISPATCHED: 2, ACKNOWLEDGED: 2 });
  });

  it('REOPEN undoes RESOLVED only; the next resolve is cycle 2', () => {
    const done: Step[] = [...UP_TO_ACK, ['ARRIVE', S.ON_SITE, 40], ['RESOLVE', S.RESOLVED, 90], ['CLOSE', S.CLOSED, 100]];
    const reopened = fold([...done, ['REOPEN', S.DISPATCHED, 120]]);
    expect(reopened.milestones.RESOLVED).toBeUndefined();
    expect(reopened.milestones).toMatchObject({ DISPATCHED: { at: iso(10) }, ACKNOWLEDGED: { at: iso(15) }, ON_SITE: { at: iso(40) } });
    expect(reopened.states.at(-1)).toEqual({ state: S.DISPATCHED, at: iso(120) });

    const resolvedAgain = fold([...done, ['REOPEN', S.DISPATCHED, 120], ['RESOLVE', S.RESOLVED, 150]]);
    expect(resolvedAgain.milestones.RESOLVED).toEqual({ at: iso(150), cycle: 2 });
  });

  it('DUPLICATE_MERGED moves REPORTED to the context report time, still cycle 1', () => {
    const merged = fold([...UP_TO_ACK, ['DUPLICATE_MERGED', S.ACKNOWLEDGED, 20, { reportedAt: iso(-30) }]]);
    expect(merged.milestones.REPORTED).toEqual({ at: iso(-30), cycle: 1 });
    expect(merged.cycles.REPORTED).toBe(1);
    expect(merged.context.reportedAt).toBe(iso(-30));
    // The merge does not change the state, so no state is recorded.
    expect(merged.states).toHaveLength(4);
  });

  it('SLA_REEVALUATED moves pinnedAt; no other event does', () => {
    const before = fold([...UP_TO_ACK, ['HOLD', S.ON_HOLD, 20]]);
    expect(before.pinnedAt).toBe(iso(0));
    const after = fold([[SLA_REEVALUATED, S.ON_HOLD, 45]], before, 6);
    expect(after.pinnedAt).toBe(iso(45));
    expect(fold([['RESUME', S.ACKNOWLEDGED, 50]], after, 7).pinnedAt).toBe(iso(45));
  });

  it('records a state only when it changes', () => {
    const timeline = fold([
      CREATED,
      ['ADD_NOTE', S.NEW, 1],
      ['TRIAGE', S.TRIAGED, 5],
      ['HOLD', S.ON_HOLD, 6],
      ['ADD_NOTE', S.ON_HOLD, 7],
      ['RESUME', S.TRIAGED, 8],
      ['TRIAGE', S.TRIAGED, 9],
    ]);
    expect(timeline.states).toEqual([
      { state: S.NEW, at: iso(0) },
      { state: S.TRIAGED, at: iso(5) },
      { state: S.ON_HOLD, at: iso(6) },
      { state: S.TRIAGED, at: iso(8) },
    ]);
    expect(timeline.seq).toBe(7);
  });

  it('is pure: the previous timeline is not mutated, and the same events give the same timeline', () => {
    const previous = deepFreeze(fold(UP_TO_ACK));
    const snapshot = JSON.parse(JSON.stringify(previous));
    const next = fold([['RETURN', S.RETURNED, 20]], previous, 5);
    expect(previous).toEqual(snapshot);
    expect(next.milestones.DISPATCHED).toBeUndefined();
    expect(fold([['RETURN', S.RETURNED, 20]], previous, 5)).toEqual(next);
  });

  // After REOPEN -> RETURN the first OPD's arrival stays the first arrival (the
  // citizen's on-site promise was kept then), and the new OPD's arrival is
  // recorded as a later reach: a clock started by the new dispatch stops at it.
  it('after reopen and return, the new OPD arrival is a second reach of ON_SITE', () => {
    const timeline = fold([
      ...UP_TO_ACK,
      ['ARRIVE', S.ON_SITE, 40],
      ['RESOLVE', S.RESOLVED, 90],
      ['REOPEN', S.DISPATCHED, 120],
      ['RETURN', S.RETURNED, 130],
      ['TRIAGE', S.TRIAGED, 135],
      ['DISPATCH', S.DISPATCHED, 140],
      ['ACKNOWLEDGE', S.ACKNOWLEDGED, 145],
      ['ARRIVE', S.ON_SITE, 170],
    ]);
    expect(timeline.milestones.ON_SITE).toEqual({ at: iso(40), cycle: 1 });
    expect(timeline.reaches.ON_SITE).toEqual([iso(40), iso(170)]);
    expect(timeline.reaches.RESOLVED).toBeUndefined();
  });
});
