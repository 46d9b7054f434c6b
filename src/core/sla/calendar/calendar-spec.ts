import { dayNumber, ZoneClock } from './zone-clock';

/** Minutes since local midnight, [start, end) with 0 <= start < end <= 1440. */
export type OpenInterval = readonly [number, number];

/** ISO weekday 1 (Monday) .. 7 (Sunday) -> open intervals that day, sorted, non-overlapping. Missing day = closed. */
export type WeeklyHours = Readonly<Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, readonly OpenInterval[]>>>;

/**
 * Declarative description of a business calendar, as stored in configuration.
 *
 * @example
 * const spec: CalendarSpec = {
 *   code: 'WORKING_DAYS',
 *   timeZone: 'Asia/Makassar',
 *   alwaysOpen: false,
 *   hours: [{ effectiveFrom: '2026-01-01', weekly: { 1: [[480, 960]], 2: [[480, 960]] } }],
 *   holidays: ['2026-03-19'],
 * };
 */
export interface CalendarSpec {
  readonly code: string;
  /** IANA zone, e.g. 'Asia/Makassar'. */
  readonly timeZone: string;
  /** true = 24x7: every millisecond counts, hours/holidays ignored. */
  readonly alwaysOpen: boolean;
  /**
   * Weekly hours by effective date (local date 'YYYY-MM-DD'); the latest period whose
   * effectiveFrom <= the local date applies. Before the first period the first applies.
   * Non-empty unless alwaysOpen.
   */
  readonly hours: ReadonlyArray<{ readonly effectiveFrom: string; readonly weekly: WeeklyHours }>;
  /** Local dates 'YYYY-MM-DD' that are closed all day. */
  readonly holidays: ReadonlyArray<string>;
}

/**
 * A calendar specification is unusable, or (from `BusinessCalendar.add`) describes
 * a calendar with no open time left to count.
 *
 * @example
 * try { new BusinessCalendar(spec); } catch (e) { if (e instanceof CalendarSpecError) reject(e.message); }
 */
export class CalendarSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarSpecError';
  }
}

/** Weekly hours from one local day on; `week[isoWeekday]` holds that day's intervals. */
export interface CompiledPeriod {
  readonly fromDay: number;
  readonly week: ReadonlyArray<readonly OpenInterval[]>;
}

/** A validated spec in the shape the arithmetic wants: day numbers instead of strings. */
export interface CompiledSpec {
  /** Ascending by fromDay. */
  readonly periods: readonly CompiledPeriod[];
  readonly holidays: ReadonlySet<number>;
}

const WEEKDAY_KEYS = new Set(['1', '2', '3', '4', '5', '6', '7']);

/**
 * Validates a spec and converts it for arithmetic. Hours and holidays are checked
 * even for a 24x7 calendar: they are ignored there, but a malformed entry is still
 * a configuration mistake worth reporting before someone flips `alwaysOpen`.
 *
 * @throws CalendarSpecError naming the calendar and the offending entry.
 */
export function compileCalendarSpec(spec: CalendarSpec): CompiledSpec {
  const fail = (problem: string): never => {
    throw new CalendarSpecError(`Calendar "${String(spec.code)}": ${problem}`);
  };
  if (typeof spec.code !== 'string' || spec.code.trim() === '') fail('code must be a non-empty string');
  if (typeof spec.timeZone !== 'string' || !ZoneClock.isValidZone(spec.timeZone)) {
    fail(`time zone "${String(spec.timeZone)}" is not a valid IANA zone`);
  }
  if (typeof spec.alwaysOpen !== 'boolean') fail('alwaysOpen must be a boolean');
  if (!Array.isArray(spec.hours)) fail('hours must be an array');
  if (!Array.isArray(spec.holidays)) fail('holidays must be an array');
  if (!spec.alwaysOpen && spec.hours.length === 0) {
    fail('hours is empty; a calendar that is not alwaysOpen needs at least one weekly hours period');
  }

  const periods = spec.hours.map((period, p) => {
    const effectiveFrom = String(period?.effectiveFrom);
    const fromDay = dayNumber(effectiveFrom);
    if (fromDay === null) fail(`hours[${p}].effectiveFrom "${effectiveFrom}" is not a valid YYYY-MM-DD date`);
    return { fromDay: fromDay as number, week: compileWeek(period.weekly, `hours[${p}].weekly`, fail) };
  });
  periods.sort((a, b) => a.fromDay - b.fromDay);
  for (let i = 1; i < periods.length; i++) {
    // Two periods starting the same day would make "the latest period" ambiguous.
    if (periods[i].fromDay === periods[i - 1].fromDay) fail('two hours periods share the same effectiveFrom');
  }

  const holidays = new Set<number>();
  spec.holidays.forEach((date, i) => {
    const day = dayNumber(String(date));
    if (day === null) fail(`holidays[${i}] "${String(date)}" is not a valid YYYY-MM-DD date`);
    holidays.add(day as number);
  });
  return { periods, holidays };
}

function compileWeek(
  weekly: WeeklyHours,
  path: string,
  fail: (problem: string) => never,
): ReadonlyArray<readonly OpenInterval[]> {
  if (weekly === null || typeof weekly !== 'object' || Array.isArray(weekly)) fail(`${path} must be an object`);
  for (const key of Object.keys(weekly)) {
    // Configuration arrives as JSON, where a typo like "0" or "mon" would silently mean "closed".
    if (!WEEKDAY_KEYS.has(key)) fail(`${path} has key "${key}"; weekdays are ISO 1 (Monday) .. 7 (Sunday)`);
  }
  const week: OpenInterval[][] = [[]];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const intervals: readonly OpenInterval[] = weekly[weekday as keyof WeeklyHours] ?? [];
    // Typed, but JSON at run time: checked all the same (Array.isArray would widen it to any[]).
    if (!(intervals instanceof Array)) fail(`${path}[${weekday}] must be an array of [start, end] intervals`);
    intervals.forEach((interval, i) => {
      const where = `${path}[${weekday}][${i}]`;
      if (!isValidInterval(interval)) {
        const shown = JSON.stringify(interval);
        fail(`${where} = ${shown} is not a valid interval (integer minutes, 0 <= start < end <= 1440)`);
      }
      if (i === 0) return;
      const previous = intervals[i - 1];
      if (interval[0] < previous[0]) fail(`${where} is not sorted: it starts before ${JSON.stringify(previous)}`);
      if (interval[0] < previous[1]) fail(`${where} ${JSON.stringify(interval)} overlaps ${JSON.stringify(previous)}`);
    });
    week.push(intervals.map(([start, end]) => [start, end] as const));
  }
  return week;
}

function isValidInterval(interval: unknown): interval is OpenInterval {
  if (!Array.isArray(interval) || interval.length !== 2) return false;
  const [start, end] = interval as unknown[];
  if (!Number.isInteger(start) || !Number.isInteger(end)) return false;
  return (start as number) >= 0 && (start as number) < (end as number) && (end as number) <= 1440;
}
