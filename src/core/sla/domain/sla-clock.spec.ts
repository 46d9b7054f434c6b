import { BusinessCalendar, standardCalendarSpecs } from '../calendar';
import { TicketState as S } from '../../ticket';
import type { TicketContext } from '../../ticket';
import { computeClock, elapsedAt } from './sla-clock';
import type { ResolvedMetric } from './sla-metric';
import { advanceTimeline, SlaTimeline } from './sla-timeline';

const [ALWAYS, WORKING_DAYS] = standardCalendarSpecs([2026, 2027]).map((spec) => new BusinessCalendar(spec));
const MIN = 60_000;
// Tuesday 2026-12-01 08:00 WITA.
const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const iso = (minute: number): string => new Date(T0 + minute * MIN).toISOString();
const wita = (local: string): string => new Date(`${local}+08:00`).toISOString();

const CONTEXT: TicketContext = { kind: 'EMERGENCY', priority: 'HIGH', categoryCode: 'POHON_TUMBANG', opdCode: 'BPBD', reportedAt: iso(0) };

type Step = readonly [type: string, to: S, at: number | string];

function fold(steps: readonly Step[], context: Partial<TicketContext> = {}): SlaTimeline {
  return steps.reduce<SlaTimeline | null>(
    (timeline, [type, to, at], i) =>
      advanceTimeline(timeline, { seq: i + 1, type, to, at: new Date(typeof at === 'number' ? iso(at) : at), context: { ...CONTEXT, ...context } }),
    null,
  ) as SlaTimeline;
}

function metric(overrides: Partial<ResolvedMetric> = {}): ResolvedMetric {
  return {
    metric: 'ON_SITE', start: 'REPORTED', stop: 'ON_SITE', pauseStates: [S.ON_HOLD], calendar: '24x7',
    targetMinutes: 120, warnings: [0.5, 0.75, 0.9], policyId: 'policy-1', policyVersion: 1, ...overrides,
  };
}
const TRIAGE = metric({ metric: 'TRIAGE', start: 'REPORTED', stop: 'TRIAGED', targetMinutes: 5 });
const ACKNOWLEDGE = metric({ metric: 'ACKNOWLEDGE', start: 'DISPATCHED', stop: 'ACKNOWLEDGED', targetMinutes: 15 });
const RESOLVE = metric({ metric: 'RESOLVE', start: 'DISPATCHED', stop: 'RESOLVED', targetMinutes: 240 });

const thresholdsAt = (...minutes: Array<number | null>) =>
  [50, 75, 90, 100].map((pct, i) => ({ pct, at: minutes[i] === null ? null : iso(minutes[i]) }));

const CREATED: Step = ['CREATED', S.NEW, 0];
const TO_ACK: Step[] = [CREATED, ['TRIAGE', S.TRIAGED, 2], ['DISPATCH', S.DISPATCHED, 10], ['ACKNOWLEDGE', S.ACKNOWLEDGED, 20]];

describe('computeClock', () => {
  it('is PENDING until its start milestone, with nothing computed', () => {
    const clock = computeClock(ACKNOWLEDGE, fold([CREATED, ['TRIAGE', S.TRIAGED, 2]]), ALWAYS);
    expect(clock).toEqual({
      metric: 'ACKNOWLEDGE', cycle: 0, status: 'PENDING', policyId: 'policy-1', policyVersion: 1, calendar: '24x7', targetMinutes: 15,
      startedAt: null, stoppedAt: null, elapsedMs: 0, runningSince: null, dueAt: null, breachedAt: null, thresholds: [],
    });
  });

  it('RUNNING: counts from the start milestone; thresholds and dueAt lie ahead on a 24x7 calendar', () => {
    const clock = computeClock(metric(), fold(TO_ACK), ALWAYS);
    expect(clock).toMatchObject({ status: 'RUNNING', cycle: 1, startedAt: iso(0), stoppedAt: null, elapsedMs: 0, runningSince: iso(0), breachedAt: null });
    expect(clock.thresholds).toEqual(thresholdsAt(60, 90, 108, 120));
    expect(clock.dueAt).toBe(iso(120));
    expect(elapsedAt(clock, new Date(iso(45)), ALWAYS)).toBe(45 * MIN);
  });

  it('PAUSED on hold: elapsed time is kept, thresholds not yet reached are off the course', () => {
    const held = computeClock(metric(), fold([...TO_ACK, ['HOLD', S.ON_HOLD, 70]]), ALWAYS);
    expect(held).toMatchObject({ status: 'PAUSED', elapsedMs: 70 * MIN, runningSince: null, dueAt: null, breachedAt: null });
    expect(held.thresholds).toEqual(thresholdsAt(60, null, null, null));
    expect(elapsedAt(held, new Date(iso(500)), ALWAYS)).toBe(70 * MIN);

    const resumed = computeClock(metric(), fold([...TO_ACK, ['HOLD', S.ON_HOLD, 70], ['RESUME', S.ACKNOWLEDGED, 100]]), ALWAYS);
    expect(resumed).toMatchObject({ status: 'RUNNING', elapsedMs: 70 * MIN, runningSince: iso(100), dueAt: iso(150) });
    expect(resumed.thresholds).toEqual(thresholdsAt(60, 120, 138, 150));
  });

  it('a policy without pause states keeps running on hold', () => {
    const clock = computeClock(metric({ pauseStates: [] }), fold([...TO_ACK, ['HOLD', S.ON_HOLD, 70]]), ALWAYS);
    expect(clock).toMatchObject({ status: 'RUNNING', runningSince: iso(0), dueAt: iso(120) });
  });

  it('STOPPED under target: MET, no due instant on the course taken', () => {
    const clock = computeClock(TRIAGE, fold([CREATED, ['TRIAGE', S.TRIAGED, 3]]), ALWAYS);
    expect(clock).toMatchObject({ status: 'STOPPED', startedAt: iso(0), stoppedAt: iso(3), elapsedMs: 3 * MIN, runningSince: null, dueAt: null, breachedAt: null });
  });

  it('STOPPED over target: breachedAt is the due instant', () => {
    const clock = computeClock(TRIAGE, fold([CREATED, ['TRIAGE', S.TRIAGED, 8]]), ALWAYS);
    expect(clock).toMatchObject({ status: 'STOPPED', elapsedMs: 8 * MIN, dueAt: iso(5), breachedAt: iso(5) });
  });

  it('STOPPED exactly at target: elapsed == target is MET (breachedAt null)', () => {
    const clock = computeClock(TRIAGE, fold([CREATED, ['TRIAGE', S.TRIAGED, 5]]), ALWAYS);
    // Met exactly: the breach was never passed, so there is none to fire.
    expect(clock).toMatchObject({ status: 'STOPPED', elapsedMs: 5 * MIN, dueAt: null, breachedAt: null });
    expect(clock.thresholds.at(-1)).toEqual({ pct: 100, at: null });
  });

  it('stops at a later milestone: an ON_SITE clock of a ticket resolved without a site visit', () => {
    const clock = computeClock(metric(), fold([...TO_ACK, ['RESOLVE', S.RESOLVED, 30]]), ALWAYS);
    expect(clock).toMatchObject({ status: 'STOPPED', stoppedAt: iso(30), elapsedMs: 30 * MIN, breachedAt: null });
  });

  it('a return puts ACKNOWLEDGE back to PENDING; the re-dispatch starts cycle 2 from zero', () => {
    const returned = fold([...TO_ACK, ['RETURN', S.RETURNED, 30]]);
    expect(computeClock(ACKNOWLEDGE, returned, ALWAYS)).toMatchObject({ status: 'PENDING', cycle: 1, startedAt: null });
    const redispatched = fold([...TO_ACK, ['RETURN', S.RETURNED, 30], ['TRIAGE', S.TRIAGED, 35], ['DISPATCH', S.DISPATCHED, 40]]);
    expect(computeClock(ACKNOWLEDGE, redispatched, ALWAYS)).toMatchObject({ status: 'RUNNING', cycle: 2, startedAt: iso(40), elapsedMs: 0, dueAt: iso(55) });
  });

  it('a reopened RESOLVE clock runs again, paused over the RESOLVED and CLOSED period', () => {
    const done: Step[] = [...TO_ACK, ['RESOLVE', S.RESOLVED, 40], ['CLOSE', S.CLOSED, 60], ['REOPEN', S.DISPATCHED, 100]];
    expect(computeClock(RESOLVE, fold(done), ALWAYS)).toMatchObject({
      status: 'RUNNING', cycle: 1, startedAt: iso(10), stoppedAt: null, elapsedMs: 30 * MIN, runningSince: iso(100), dueAt: iso(310),
    });
    expect(computeClock(RESOLVE, fold([...done, ['RESOLVE', S.RESOLVED, 130]]), ALWAYS)).toMatchObject({ status: 'STOPPED', stoppedAt: iso(130), elapsedMs: 60 * MIN });
  });

  it('an earlier report (merged duplicate) moves the start back', () => {
    const timeline = fold([CREATED, ['DUPLICATE_MERGED', S.NEW, 1]], { reportedAt: iso(-4) });
    expect(computeClock(TRIAGE, timeline, ALWAYS)).toMatchObject({ status: 'RUNNING', startedAt: iso(-4), runningSince: iso(-4), dueAt: iso(1) });
  });

  describe('cancellation when the ticket leaves the workflow', () => {
    it('REJECTED: a running clock is CANCELLED, while the triage clock is STOPPED by the decision', () => {
      const timeline = fold([CREATED, ['REJECT', S.REJECTED, 20]]);
      expect(computeClock(metric(), timeline, ALWAYS)).toMatchObject({ status: 'CANCELLED', stoppedAt: iso(20), elapsedMs: 20 * MIN, runningSince: null, dueAt: null });
      expect(computeClock(TRIAGE, timeline, ALWAYS)).toMatchObject({ status: 'STOPPED', stoppedAt: iso(20), breachedAt: iso(5) });
      // It never started and never will.
      expect(computeClock(ACKNOWLEDGE, timeline, ALWAYS)).toMatchObject({ status: 'CANCELLED', startedAt: null, stoppedAt: iso(20) });
    });

    it('DUPLICATE: an acknowledge clock in flight is CANCELLED at the merge', () => {
      const timeline = fold([CREATED, ['TRIAGE', S.TRIAGED, 2], ['DISPATCH', S.DISPATCHED, 10], ['MARK_DUPLICATE', S.DUPLICATE, 30]]);
      expect(computeClock(ACKNOWLEDGE, timeline, ALWAYS)).toMatchObject({ status: 'CANCELLED', stoppedAt: iso(30), elapsedMs: 20 * MIN, breachedAt: iso(25) });
    });

    it('ANSWERED: the information clock stops (MET), any other running clock is CANCELLED', () => {
      const timeline = fold([CREATED, ['ANSWER', S.ANSWERED, 4]], { kind: 'INFORMATION' });
      expect(computeClock(TRIAGE, timeline, ALWAYS)).toMatchObject({ status: 'STOPPED', stoppedAt: iso(4), breachedAt: null });
      expect(computeClock(metric(), timeline, ALWAYS)).toMatchObject({ status: 'CANCELLED', stoppedAt: iso(4) });
    });

    it('a clock cancelled while on hold counts only the time before the hold', () => {
      const timeline = fold([CREATED, ['HOLD', S.ON_HOLD, 10], ['REJECT', S.REJECTED, 50]]);
      expect(computeClock(metric(), timeline, ALWAYS)).toMatchObject({ status: 'CANCELLED', stoppedAt: iso(50), elapsedMs: 10 * MIN });
    });
  });

  describe('thresholds', () => {
    it('are whole percentages, deduplicated and sorted, ignoring fractions outside (0, 1), with the breach last', () => {
      const clock = computeClock(metric({ warnings: [0.9, 0.5, 0.5, 1, 0, -0.2, 0.333] }), fold([CREATED]), ALWAYS);
      expect(clock.thresholds.map((t) => t.pct)).toEqual([33, 50, 90, 100]);
      expect(clock.thresholds[0].at).toBe(new Date(T0 + 120 * MIN * 0.33).toISOString());
    });

    it('a warning that rounds to 100% does not duplicate the breach threshold', () => {
      const clock = computeClock(metric({ warnings: [0.5, 0.999] }), fold([CREATED]), ALWAYS);
      expect(clock.thresholds.map((t) => t.pct)).toEqual([50, 100]);
    });
  });

  describe('on the WORKING_DAYS calendar (Mon-Fri 08:00-16:00 WITA)', () => {
    const COMPLAINT_ACK = metric({ metric: 'ACKNOWLEDGE', start: 'DISPATCHED', stop: 'ACKNOWLEDGED', calendar: 'WORKING_DAYS', targetMinutes: 480 });
    const dispatchedAt = (local: string): Step[] => [['CREATED', S.NEW, wita(local)], ['TRIAGE', S.TRIAGED, wita(local)], ['DISPATCH', S.DISPATCHED, wita(local)]];
    const complaint = { kind: 'COMPLAINT' };

    it('carries the target over the weekend', () => {
      const clock = computeClock(COMPLAINT_ACK, fold(dispatchedAt('2026-12-04T15:00:00'), complaint), WORKING_DAYS);
      expect(clock.thresholds).toEqual([
        { pct: 50, at: wita('2026-12-07T11:00:00') },
        { pct: 75, at: wita('2026-12-07T13:00:00') },
        { pct: 90, at: wita('2026-12-07T14:12:00') },
        { pct: 100, at: wita('2026-12-07T15:00:00') },
      ]);
      expect(clock.dueAt).toBe(wita('2026-12-07T15:00:00'));
      expect(elapsedAt(clock, new Date(wita('2026-12-07T09:00:00')), WORKING_DAYS)).toBe(2 * 60 * MIN);
    });

    it('skips public holidays (Christmas Friday 2026-12-25)', () => {
      const clock = computeClock(COMPLAINT_ACK, fold(dispatchedAt('2026-12-24T15:00:00'), complaint), WORKING_DAYS);
      expect(clock.dueAt).toBe(wita('2026-12-28T15:00:00'));
    });

    it('a clock that reaches its target at closing and stops overnight is MET, not breached', () => {
      const steps: Step[] = [...dispatchedAt('2026-12-05T10:00:00'), ['ACKNOWLEDGE', S.ACKNOWLEDGED, wita('2026-12-07T18:00:00')]];
      const clock = computeClock(COMPLAINT_ACK, fold(steps, complaint), WORKING_DAYS);
      expect(clock).toMatchObject({ status: 'STOPPED', elapsedMs: 480 * MIN, dueAt: null, breachedAt: null });
    });

    it('one business minute later it is breached, at the due instant', () => {
      const steps: Step[] = [...dispatchedAt('2026-12-05T10:00:00'), ['ACKNOWLEDGE', S.ACKNOWLEDGED, wita('2026-12-08T08:01:00')]];
      const clock = computeClock(COMPLAINT_ACK, fold(steps, complaint), WORKING_DAYS);
      expect(clock).toMatchObject({ status: 'STOPPED', elapsedMs: 481 * MIN, breachedAt: wita('2026-12-07T16:00:00') });
    });
  });

  describe('a clock whose stop milestone was reached in an earlier cycle', () => {
    // Travel time: from dispatch until the team is on site.
    const TRAVEL = metric({ start: 'DISPATCHED', stop: 'ON_SITE', targetMinutes: 60 });
    const reopenedAndReturned: Step[] = [
      ...TO_ACK, ['ARRIVE', S.ON_SITE, 40], ['RESOLVE', S.RESOLVED, 90], ['REOPEN', S.DISPATCHED, 120],
      ['RETURN', S.RETURNED, 130], ['TRIAGE', S.TRIAGED, 135], ['DISPATCH', S.DISPATCHED, 140],
    ];

    it('is not stopped by the stale arrival', () => {
      expect(computeClock(TRAVEL, fold(reopenedAndReturned), ALWAYS)).toMatchObject({ status: 'RUNNING', cycle: 2, startedAt: iso(140), dueAt: iso(200) });
    });

    it('stops at the new arrival', () => {
      const steps: Step[] = [...reopenedAndReturned, ['ACKNOWLEDGE', S.ACKNOWLEDGED, 145], ['ARRIVE', S.ON_SITE, 170]];
      expect(computeClock(TRAVEL, fold(steps), ALWAYS)).toMatchObject({ status: 'STOPPED', stoppedAt: iso(170), elapsedMs: 30 * MIN });
    });
  });
});
