import { BusinessCalendar, standardCalendarSpecs } from '../calendar';
import { TicketState as S } from '../../ticket';
import type { TicketContext } from '../../ticket';
import { ClockSnapshot } from './sla-clock';
import { ClockInputs, clockSetAfter, foldSla } from './sla-clock-set';
import type { MetricDefinition, SlaMetricCode } from './sla-metric';
import type { PolicyRecord } from './sla-policy.resolver';
import { advanceTimeline, SLA_REEVALUATED, SlaEvent, SlaTimeline } from './sla-timeline';

const CALENDARS = new Map(standardCalendarSpecs([2026, 2027]).map((spec) => [spec.code, new BusinessCalendar(spec)]));
const MIN = 60_000;
const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const iso = (minute: number): string => new Date(T0 + minute * MIN).toISOString();

const EMERGENCY: TicketContext = { kind: 'EMERGENCY', priority: 'HIGH', categoryCode: null, opdCode: null, reportedAt: iso(0) };
const COMPLAINT: TicketContext = { ...EMERGENCY, kind: 'COMPLAINT' };

const def = (metric: SlaMetricCode, start: MetricDefinition['start'], stop: MetricDefinition['stop'], targetMinutes: number, calendar = '24x7'): MetricDefinition => ({
  metric, start, stop, pauseStates: [S.ON_HOLD], calendar, targetMinutes, warnings: [0.5, 0.75, 0.9],
});

const policy = (id: string, kind: string, versions: Array<[effectiveFrom: string, metrics: MetricDefinition[]]>): PolicyRecord => ({
  id, opdCode: null, categoryCode: null, kind, priority: null,
  versions: versions.map(([effectiveFrom, metrics], i) => ({ version: i + 1, effectiveFrom, active: true, metrics })),
});

const POLICIES: PolicyRecord[] = [
  policy('emergency', 'EMERGENCY', [
    ['2026-01-01T00:00:00.000Z', [def('TRIAGE', 'REPORTED', 'TRIAGED', 5), def('ON_SITE', 'REPORTED', 'ON_SITE', 120)]],
    // Takes effect 30 minutes after T0: only a re-evaluation brings it to an older ticket.
    [iso(30), [def('TRIAGE', 'REPORTED', 'TRIAGED', 5), def('ON_SITE', 'REPORTED', 'ON_SITE', 60)]],
  ]),
  policy('complaint', 'COMPLAINT', [
    ['2026-01-01T00:00:00.000Z', [def('TRIAGE', 'REPORTED', 'DISPATCHED', 1440, 'WORKING_DAYS'), def('RESOLVE', 'DISPATCHED', 'RESOLVED', 2400, 'WORKING_DAYS')]],
  ]),
];

const calendarCodes: string[] = [];
const INPUTS: ClockInputs = {
  policies: POLICIES,
  calendar: (code) => {
    calendarCodes.push(code);
    const calendar = CALENDARS.get(code);
    if (!calendar) throw new Error(`unknown calendar ${code}`);
    return calendar;
  },
};

let seq = 0;
const event = (type: string, to: S, minute: number, context: TicketContext = EMERGENCY): SlaEvent => ({ seq: ++seq, type, to, at: new Date(T0 + minute * MIN), context });
beforeEach(() => {
  seq = 0;
  calendarCodes.length = 0;
});

describe('clockSetAfter', () => {
  it('gives one clock per metric the ticket policies define, on each metric calendar', () => {
    const timeline = advanceTimeline(null, event('CREATED', S.NEW, 0, COMPLAINT));
    const clocks = clockSetAfter(new Map(), timeline, INPUTS);
    expect([...clocks.keys()].sort()).toEqual(['RESOLVE', 'TRIAGE']);
    expect(clocks.get('TRIAGE')).toMatchObject({ status: 'RUNNING', calendar: 'WORKING_DAYS', targetMinutes: 1440, policyId: 'complaint', policyVersion: 1 });
    expect(clocks.get('RESOLVE')?.status).toBe('PENDING');
    expect(calendarCodes).toEqual(['WORKING_DAYS', 'WORKING_DAYS']);
  });

  it('keeps a clock the ticket no longer has as NOT_APPLICABLE, without a course but with its history', () => {
    const dispatched = foldSla(null, new Map(), [
      event('CREATED', S.NEW, 0, COMPLAINT), event('TRIAGE', S.TRIAGED, 10, COMPLAINT), event('DISPATCH', S.DISPATCHED, 20, COMPLAINT),
    ], INPUTS);
    const resolveBefore = dispatched.clocks.get('RESOLVE') as ClockSnapshot;
    expect(resolveBefore.status).toBe('RUNNING');

    // The OPD finds it is an emergency: the complaint's resolution clock no longer applies.
    const reclassified = foldSla(dispatched.timeline, dispatched.clocks, [event('ADD_NOTE', S.DISPATCHED, 40, EMERGENCY)], INPUTS);
    expect([...reclassified.clocks.keys()].sort()).toEqual(['ON_SITE', 'RESOLVE', 'TRIAGE']);
    expect(reclassified.clocks.get('RESOLVE')).toEqual({ ...resolveBefore, status: 'NOT_APPLICABLE', runningSince: null, dueAt: null, thresholds: [] });
    expect(reclassified.clocks.get('TRIAGE')).toMatchObject({ policyId: 'emergency', status: 'STOPPED', targetMinutes: 5 });

    // It stays exactly as it was while it does not apply...
    const later = foldSla(reclassified.timeline, reclassified.clocks, [event('ACKNOWLEDGE', S.ACKNOWLEDGED, 50, EMERGENCY)], INPUTS);
    expect(later.clocks.get('RESOLVE')).toBe(reclassified.clocks.get('RESOLVE'));

    // ...and is computed afresh if it applies again.
    const back = foldSla(later.timeline, later.clocks, [event('ADD_NOTE', S.ACKNOWLEDGED, 60, COMPLAINT)], INPUTS);
    expect(back.clocks.get('RESOLVE')).toMatchObject({ status: 'RUNNING', policyId: 'complaint', runningSince: iso(20) });
    expect(back.clocks.get('ON_SITE')?.status).toBe('NOT_APPLICABLE');
  });
});

describe('foldSla', () => {
  const history = (): SlaEvent[] => [
    event('CREATED', S.NEW, 0), event('TRIAGE', S.TRIAGED, 3), event('DISPATCH', S.DISPATCHED, 8), event('HOLD', S.ON_HOLD, 20),
    event('RESUME', S.DISPATCHED, 50), event('ACKNOWLEDGE', S.ACKNOWLEDGED, 55), event('ARRIVE', S.ON_SITE, 140),
  ];

  it('is advanceTimeline then clockSetAfter, event by event', () => {
    const events = history();
    let timeline: SlaTimeline | null = null;
    let clocks = new Map<string, ClockSnapshot>();
    for (const e of events) {
      timeline = advanceTimeline(timeline, e);
      clocks = clockSetAfter(clocks, timeline, INPUTS);
    }
    expect(foldSla(null, new Map(), events, INPUTS)).toEqual({ timeline, clocks });
  });

  it('folding in several transactions gives what one replay of the whole log gives', () => {
    const events = history();
    const whole = foldSla(null, new Map(), events, INPUTS);
    for (let cut = 1; cut < events.length; cut++) {
      const first = foldSla(null, new Map(), events.slice(0, cut), INPUTS);
      expect(foldSla(first.timeline, first.clocks, events.slice(cut), INPUTS)).toEqual(whole);
    }
  });

  it('computes the clocks of a ticket on hold and arriving late', () => {
    const { clocks } = foldSla(null, new Map(), history(), INPUTS);
    expect(clocks.get('TRIAGE')).toMatchObject({ status: 'STOPPED', elapsedMs: 3 * MIN, breachedAt: null });
    // 20 minutes, 30 on hold, then 90 more: 110 of 120 minutes.
    expect(clocks.get('ON_SITE')).toMatchObject({ status: 'STOPPED', elapsedMs: 110 * MIN, stoppedAt: iso(140), dueAt: null, breachedAt: null });
  });

  it('keeps the policy version pinned at creation until SLA_REEVALUATED', () => {
    const created = foldSla(null, new Map(), [event('CREATED', S.NEW, 0), event('TRIAGE', S.TRIAGED, 40)], INPUTS);
    expect(created.clocks.get('ON_SITE')).toMatchObject({ policyVersion: 1, targetMinutes: 120, dueAt: iso(120) });

    const reevaluated = foldSla(created.timeline, created.clocks, [event(SLA_REEVALUATED, S.TRIAGED, 45)], INPUTS);
    expect(reevaluated.timeline.pinnedAt).toBe(iso(45));
    expect(reevaluated.clocks.get('ON_SITE')).toMatchObject({ policyVersion: 2, targetMinutes: 60, dueAt: iso(60) });
  });

  it('with no events returns the timeline it was given, and a copy of the clocks', () => {
    const { timeline, clocks } = foldSla(null, new Map(), [event('CREATED', S.NEW, 0)], INPUTS);
    const again = foldSla(timeline, clocks, [], INPUTS);
    expect(again.timeline).toBe(timeline);
    expect(again.clocks).toEqual(clocks);
    expect(again.clocks).not.toBe(clocks);
  });

  it('needs at least one event to start from nothing', () => {
    expect(() => foldSla(null, new Map(), [], INPUTS)).toThrow('foldSla needs at least one event');
  });
});
