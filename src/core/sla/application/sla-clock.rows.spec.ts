import { BusinessCalendar, standardCalendarSpecs } from '../calendar';
import { TicketState as S } from '../../ticket';
import type { TicketContext } from '../../ticket';
import { ClockSnapshot, computeClock } from '../domain/sla-clock';
import type { ResolvedMetric } from '../domain/sla-metric';
import { advanceTimeline, SlaTimeline } from '../domain/sla-timeline';
import { CLOCK_COLUMNS, fromClockRow, nextFire, toClockRecord } from './sla-clock.rows';

const [ALWAYS, WORKING_DAYS] = standardCalendarSpecs([2026, 2027]).map((spec) => new BusinessCalendar(spec));
const MIN = 60_000;
const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const iso = (minute: number): string => new Date(T0 + minute * MIN).toISOString();
const wita = (local: string): string => new Date(`${local}+08:00`).toISOString();
const TICKET_ID = '7b0c1c9e-2f4e-4a57-9d0b-3c1f6f1d2a11';
const NOW = new Date(iso(500));

const CONTEXT: TicketContext = { kind: 'EMERGENCY', priority: 'HIGH', categoryCode: 'POHON_TUMBANG', opdCode: 'BPBD', reportedAt: iso(0) };

function fold(steps: ReadonlyArray<readonly [type: string, to: S, at: string]>, context: Partial<TicketContext> = {}): SlaTimeline {
  return steps.reduce<SlaTimeline | null>(
    (timeline, [type, to, at], i) => advanceTimeline(timeline, { seq: i + 1, type, to, at: new Date(at), context: { ...CONTEXT, ...context } }),
    null,
  ) as SlaTimeline;
}

const ON_SITE: ResolvedMetric = {
  metric: 'ON_SITE', start: 'REPORTED', stop: 'ON_SITE', pauseStates: [S.ON_HOLD], calendar: '24x7',
  targetMinutes: 60, warnings: [0.5, 0.75, 0.9], policyId: '0d6f3a52-7c4b-4d59-a1e3-5b8e2f9c1a07', policyVersion: 2,
};

const TIMELINES = {
  running: fold([['CREATED', S.NEW, iso(0)], ['TRIAGE', S.TRIAGED, iso(2)]]),
  paused: fold([['CREATED', S.NEW, iso(0)], ['HOLD', S.ON_HOLD, iso(40)]]),
  breached: fold([['CREATED', S.NEW, iso(0)], ['TRIAGE', S.TRIAGED, iso(2)], ['DISPATCH', S.DISPATCHED, iso(5)], ['ACKNOWLEDGE', S.ACKNOWLEDGED, iso(8)], ['ARRIVE', S.ON_SITE, iso(75)]]),
  cancelled: fold([['CREATED', S.NEW, iso(0)], ['REJECT', S.REJECTED, iso(20)]]),
};
const clockOf = (timeline: SlaTimeline): ClockSnapshot => computeClock(ON_SITE, timeline, ALWAYS);
const PENDING = computeClock({ ...ON_SITE, metric: 'ACKNOWLEDGE', start: 'DISPATCHED', stop: 'ACKNOWLEDGED' }, TIMELINES.running, ALWAYS);
const NOT_APPLICABLE: ClockSnapshot = { ...clockOf(TIMELINES.running), status: 'NOT_APPLICABLE', runningSince: null, dueAt: null, thresholds: [] };

describe('nextFire', () => {
  const running = clockOf(TIMELINES.running);

  it('is the first threshold above what has fired', () => {
    expect(running.thresholds.map((t) => t.pct)).toEqual([50, 75, 90, 100]);
    expect(nextFire(running, 0)).toBe(iso(30));
    expect(nextFire(running, 50)).toBe(iso(45));
    expect(nextFire(running, 75)).toBe(iso(54));
    expect(nextFire(running, 90)).toBe(iso(60));
    expect(nextFire(running, 100)).toBeNull();
  });

  it('skips thresholds not reached on the present course (a paused clock)', () => {
    const paused = clockOf(TIMELINES.paused);
    expect(paused.status).toBe('PAUSED');
    expect(nextFire(paused, 0)).toBe(iso(30));
    expect(nextFire(paused, 50)).toBeNull();
  });

  it('may lie in the past: a breach not yet fired when the clock stopped fires at once', () => {
    const breached = clockOf(TIMELINES.breached);
    expect(breached.breachedAt).toBe(iso(60));
    expect(nextFire(breached, 90)).toBe(iso(60));
  });

  it('is null for a clock without thresholds (pending, not applicable)', () => {
    expect(nextFire(PENDING, 0)).toBeNull();
    expect(nextFire(NOT_APPLICABLE, 0)).toBeNull();
  });

  // Reaching the target at closing time and acknowledging that evening is MET
  // (elapsed == target): no breach may be scheduled for it.
  it('leaves no breach to fire on a clock that met its target exactly', () => {
    const dispatched = wita('2026-12-05T10:00:00'); // Saturday
    const timeline = fold(
      [['CREATED', S.NEW, dispatched], ['TRIAGE', S.TRIAGED, dispatched], ['DISPATCH', S.DISPATCHED, dispatched], ['ACKNOWLEDGE', S.ACKNOWLEDGED, wita('2026-12-07T18:00:00')]],
      { kind: 'COMPLAINT', reportedAt: dispatched },
    );
    const metric: ResolvedMetric = { ...ON_SITE, metric: 'ACKNOWLEDGE', start: 'DISPATCHED', stop: 'ACKNOWLEDGED', calendar: 'WORKING_DAYS', targetMinutes: 480 };
    const clock = computeClock(metric, timeline, WORKING_DAYS);
    expect(clock).toMatchObject({ status: 'STOPPED', elapsedMs: 480 * MIN, breachedAt: null });
    expect(nextFire(clock, 90)).toBeNull();
  });
});

describe('toClockRecord', () => {
  it('fills every column, in the insert order', () => {
    const row = toClockRecord(TICKET_ID, clockOf(TIMELINES.running), TIMELINES.running, 0, iso(30), NOW);
    expect(Object.keys(row)).toEqual(CLOCK_COLUMNS.map(([name]) => name));
  });

  it('takes the clock, the ticket classification from the timeline, and the firing state', () => {
    const clock = clockOf(TIMELINES.running);
    expect(toClockRecord(TICKET_ID, clock, TIMELINES.running, 50, iso(45), NOW)).toEqual({
      ticket_id: TICKET_ID, metric: 'ON_SITE', cycle: 1, status: 'RUNNING', policy_id: ON_SITE.policyId, policy_version: 2,
      calendar_code: '24x7', target_minutes: 60, started_at: iso(0), stopped_at: null, elapsed_ms: 0, running_since: iso(0),
      due_at: iso(60), breached_at: null, thresholds: clock.thresholds, opd_code: 'BPBD', category_code: 'POHON_TUMBANG',
      reported_at: iso(0), fired_pct: 50, next_fire_at: iso(45), updated_at: NOW.toISOString(),
    });
  });
});

describe('fromClockRow', () => {
  const cases: Array<[string, ClockSnapshot]> = [
    ['running', clockOf(TIMELINES.running)],
    ['paused', clockOf(TIMELINES.paused)],
    ['stopped and breached', clockOf(TIMELINES.breached)],
    ['cancelled', clockOf(TIMELINES.cancelled)],
    ['pending', PENDING],
    ['not applicable', NOT_APPLICABLE],
  ];

  it.each(cases)('gives back the %s snapshot from its row as JSON', (_name, clock) => {
    const row = JSON.parse(JSON.stringify(toClockRecord(TICKET_ID, clock, TIMELINES.running, 0, nextFire(clock, 0), NOW)));
    expect(fromClockRow(row)).toEqual(clock);
  });

  it.each(cases)('gives back the %s snapshot from a row as PostgreSQL returns it (Date, bigint as text)', (_name, clock) => {
    const record = toClockRecord(TICKET_ID, clock, TIMELINES.running, 0, null, NOW);
    const date = (value: string | null) => (value === null ? null : new Date(value));
    const pgRow: Record<string, unknown> = {
      ...record,
      elapsed_ms: String(record.elapsed_ms),
      started_at: date(record.started_at),
      stopped_at: date(record.stopped_at),
      running_since: date(record.running_since),
      due_at: date(record.due_at),
      breached_at: date(record.breached_at),
    };
    expect(fromClockRow(pgRow)).toEqual(clock);
  });

  it('reads absent timestamps as null', () => {
    const row = JSON.parse(JSON.stringify(toClockRecord(TICKET_ID, PENDING, TIMELINES.running, 0, null, NOW)));
    delete row.started_at;
    delete row.due_at;
    expect(fromClockRow(row)).toMatchObject({ startedAt: null, dueAt: null });
  });
});
