import type { WeeklyHours } from '../calendar';
import type { SlaCatalogSnapshot } from '../application/sla-catalog';
import type { EscalationRow } from '../application/escalation-queries';
import { ClockSnapshot, elapsedAt } from '../domain/sla-clock';
import type { SlaCalendar, SlaCalendarHoliday } from '../domain/sla-calendar.entity';
import type { SlaPolicy, SlaPolicyVersion } from '../domain/sla-policy.entity';
import { BREACH_PCT } from '../domain/sla-metric';
import { SlaClockState, SlaMetric } from './sla-graphql.enums';
import type { CalendarHoursInput } from './sla.inputs';
import type { SlaCalendarModel, SlaClockModel, SlaEscalationModel, SlaPolicyModel } from './sla.model';

/** A stored clock as of `now`: state, remaining and percent depend on the time of the query. */
export function toSlaClockModel(clock: ClockSnapshot, now: Date, snapshot: SlaCatalogSnapshot): SlaClockModel {
  const calendar = snapshot.calendars.get(clock.calendar);
  const targetMs = clock.targetMinutes * 60_000;
  const counting = clock.status !== 'PENDING' && clock.status !== 'NOT_APPLICABLE' && calendar;
  const elapsed = counting ? elapsedAt(clock, now, calendar) : null;
  const overdue = clock.status === 'RUNNING' && clock.dueAt !== null && Date.parse(clock.dueAt) <= now.getTime();
  const breachedAt = clock.breachedAt ?? (overdue ? clock.dueAt : null);
  return {
    metric: clock.metric as SlaMetric,
    state: stateOf(clock, breachedAt),
    targetMinutes: clock.targetMinutes,
    calendar: clock.calendar,
    startedAt: date(clock.startedAt),
    dueAt: date(clock.dueAt),
    remainingMinutes: elapsed === null ? null : round((targetMs - elapsed) / 60_000),
    percentElapsed: elapsed === null ? null : round((100 * elapsed) / targetMs),
    breachedAt: date(breachedAt),
    stoppedAt: date(clock.stoppedAt),
    cycle: clock.cycle,
    policyId: clock.policyId,
    policyVersion: clock.policyVersion,
  };
}

function stateOf(clock: ClockSnapshot, breachedAt: string | null): SlaClockState {
  switch (clock.status) {
    case 'STOPPED':
      return breachedAt ? SlaClockState.BREACHED : SlaClockState.MET;
    case 'RUNNING':
    case 'PAUSED':
      return breachedAt ? SlaClockState.BREACHED : (clock.status as SlaClockState);
    default:
      return clock.status as SlaClockState;
  }
}

export function toSlaPolicyModel(policy: SlaPolicy, versions: readonly SlaPolicyVersion[]): SlaPolicyModel {
  return {
    id: policy.id,
    name: policy.name,
    opdCode: policy.opdCode,
    categoryCode: policy.categoryCode,
    kind: policy.kind,
    priority: policy.priority,
    source: policy.source,
    version: policy.version,
    versions: versions.map((v) => ({
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      active: v.active,
      metrics: v.metrics.map((m) => ({ ...m, metric: m.metric, start: m.start, stop: m.stop, pauseStates: [...m.pauseStates], warnings: [...m.warnings] })),
      note: v.note,
      createdBy: v.createdBy,
      createdAt: v.createdAt,
    })),
  };
}

export function toSlaCalendarModel(calendar: SlaCalendar, holidays: readonly SlaCalendarHoliday[]): SlaCalendarModel {
  return {
    code: calendar.code,
    name: calendar.name,
    timeZone: calendar.timeZone,
    alwaysOpen: calendar.alwaysOpen,
    version: calendar.version,
    hours: calendar.hours.map((h) => ({
      effectiveFrom: h.effectiveFrom,
      weekly: Object.entries(h.weekly).flatMap(([day, intervals]) =>
        (intervals ?? []).map(([open, close]) => ({ weekday: Number(day), open: hhmm(open), close: hhmm(close) })),
      ),
    })),
    holidays: holidays.map((h) => ({ date: h.date, name: h.name, source: h.source, active: h.active })),
  };
}

/** GraphQL's HH:MM entries to the calendar's minutes per ISO weekday. */
export function toWeeklyHours(input: CalendarHoursInput): { effectiveFrom: string; weekly: WeeklyHours } {
  const weekly: Record<number, Array<[number, number]>> = {};
  for (const entry of input.weekly) (weekly[entry.weekday] ??= []).push([minutes(entry.open), minutes(entry.close)]);
  for (const day of Object.values(weekly)) day.sort((a, b) => a[0] - b[0]);
  return { effectiveFrom: input.effectiveFrom, weekly: weekly };
}

export function toSlaEscalationModel({ escalation: row, ticketId, ticketNumber }: EscalationRow): SlaEscalationModel {
  return {
    id: row.id,
    ticketId,
    ticketNumber,
    metric: row.metric as SlaMetric,
    cycle: row.cycle,
    thresholdPct: row.thresholdPct,
    breach: row.thresholdPct >= BREACH_PCT,
    level: row.level,
    opdCode: row.opdCode,
    notified: row.notified,
    dueAt: row.dueAt,
    recordedAt: row.recordedAt,
    acknowledgedAt: row.acknowledgedAt,
    acknowledgedBy: row.acknowledgedBy,
  };
}

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));
const round = (n: number): number => Math.round(n * 100) / 100;
const minutes = (hhmmText: string): number => Number(hhmmText.slice(0, 2)) * 60 + Number(hhmmText.slice(3, 5));
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
