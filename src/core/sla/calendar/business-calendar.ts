import { CalendarSpec, CalendarSpecError, CompiledPeriod, CompiledSpec, compileCalendarSpec } from './calendar-spec';
import { isoWeekday, MS_PER_DAY, ZoneClock } from './zone-clock';

export { CalendarSpecError } from './calendar-spec';
export type { CalendarSpec, OpenInterval, WeeklyHours } from './calendar-spec';

/** Largest time value a Date can hold. */
const MAX_INSTANT = 8.64e15;
/** A calendar closed this long is treated as closed forever rather than searched on. */
const MAX_IDLE_DAYS = 3660;
const MAX_CACHED_DAYS = 20_000;

function timeOf(date: Date, name: string): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new RangeError(`${name} must be a valid Date`);
  return time;
}

/**
 * Business-time arithmetic for SLA deadlines over one calendar: weekly opening
 * hours (which may change on effective dates), all-day holidays and a time zone.
 *
 * Open time is a union of half-open intervals [open, close). Everything is
 * computed by walking local days, so cost grows with the days spanned, not
 * with the minutes. Wall-clock boundaries are mapped to instants with
 * `ZoneClock`'s DST rules: an hour skipped by spring-forward is not counted, an
 * interval that ends after a fall-back's repeated hour counts it twice.
 *
 * @example
 * const cal = new BusinessCalendar(spec); // Mon-Fri 08:00-16:00 WITA
 * const due = cal.add(new Date('2026-01-09T15:00:00+08:00'), 2 * 3_600_000);
 * due.toISOString(); // '2026-01-12T01:00:00.000Z' (Monday 09:00 WITA)
 * cal.between(new Date('2026-01-09T15:00:00+08:00'), due); // 7_200_000
 */
export class BusinessCalendar {
  readonly code: string;
  private readonly alwaysOpen: boolean;
  private readonly clock: ZoneClock;
  private readonly compiled: CompiledSpec;
  /** Absolute open intervals per local day, flattened [open0, close0, open1, close1, ...]. */
  private readonly days = new Map<number, readonly number[]>();

  /** @throws CalendarSpecError when the spec is invalid; the message names the problem. */
  constructor(spec: CalendarSpec) {
    this.compiled = compileCalendarSpec(spec);
    this.code = spec.code;
    this.alwaysOpen = spec.alwaysOpen;
    this.clock = ZoneClock.for(spec.timeZone);
  }

  /**
   * Business milliseconds in [from, to); 0 when to <= from.
   *
   * @example
   * cal.between(fridayAt15Wita, mondayAt09Wita); // 7_200_000 on an 08:00-16:00 calendar
   */
  between(from: Date, to: Date): number {
    const start = timeOf(from, 'from');
    const end = timeOf(to, 'to');
    if (end <= start) return 0;
    if (this.alwaysOpen) return end - start;
    let total = 0;
    // One day early: near a fall-back at midnight an instant's local date can
    // lag the day whose intervals contain it.
    for (let day = this.clock.localDay(start) - 1; this.clock.dayStart(day) < end; day++) {
      const intervals = this.openIntervals(day);
      for (let i = 0; i < intervals.length; i += 2) {
        const overlap = Math.min(intervals[i + 1], end) - Math.max(intervals[i], start);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  /**
   * The earliest instant t with `between(from, t) === ms`, so for ms > 0 the
   * result lies inside an open interval or exactly at its closing instant, and
   * adding more from a closing instant continues at the next opening. That
   * definition is what makes `add(add(a, d), e)` equal `add(a, d + e)`.
   * A fractional ms is rounded up, as Date has millisecond resolution.
   *
   * @throws RangeError when ms is negative, not finite, or the result would not fit in a Date.
   * @throws CalendarSpecError when the calendar is closed for 3660 consecutive days.
   * @example
   * cal.add(fridayAt15Wita, 60 * 60_000); // Friday 16:00 WITA, the closing instant
   * cal.add(fridayAt15Wita, 61 * 60_000); // Monday 08:01 WITA
   */
  add(from: Date, ms: number): Date {
    const start = timeOf(from, 'from');
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new RangeError(`ms must be a finite number >= 0, got ${String(ms)}`);
    }
    if (ms === 0) return new Date(start);
    let remaining = Math.ceil(ms);
    // Business time never outruns elapsed time, so this bound is exact enough to fail fast.
    if (start + remaining > MAX_INSTANT) throw new RangeError('add() result is beyond the range of Date');
    if (this.alwaysOpen) return new Date(start + remaining);

    let idleDays = 0;
    for (let day = this.clock.localDay(start) - 1; ; day++) {
      const intervals = this.openIntervals(day);
      let sawOpenTime = false;
      for (let i = 0; i < intervals.length; i += 2) {
        const close = intervals[i + 1];
        if (close <= start) continue;
        const open = Math.max(intervals[i], start);
        sawOpenTime = true;
        if (remaining <= close - open) return new Date(open + remaining);
        remaining -= close - open;
      }
      idleDays = sawOpenTime ? 0 : idleDays + 1;
      if (idleDays > MAX_IDLE_DAYS) {
        throw new CalendarSpecError(
          `Calendar "${this.code}": no open time in the ${MAX_IDLE_DAYS} days after ${new Date(start).toISOString()}`,
        );
      }
      // The zone lookups for a day reach up to a day either side of it.
      if ((day + 3) * MS_PER_DAY > MAX_INSTANT) throw new RangeError('add() result is beyond the range of Date');
    }
  }

  /**
   * Whether the calendar is open at an instant. Intervals are half-open, so a
   * closing instant is not open.
   *
   * @example
   * cal.isOpen(new Date('2026-01-12T08:00:00+08:00')); // true (Monday opening)
   * cal.isOpen(new Date('2026-01-12T16:00:00+08:00')); // false (closing instant)
   */
  isOpen(at: Date): boolean {
    const time = timeOf(at, 'at');
    if (this.alwaysOpen) return true;
    for (let day = this.clock.localDay(time) - 1; this.clock.dayStart(day) <= time; day++) {
      const intervals = this.openIntervals(day);
      for (let i = 0; i < intervals.length; i += 2) {
        if (intervals[i] <= time && time < intervals[i + 1]) return true;
      }
    }
    return false;
  }

  private openIntervals(day: number): readonly number[] {
    const cached = this.days.get(day);
    if (cached !== undefined) return cached;
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    const result: number[] = [];
    if (!this.compiled.holidays.has(day)) {
      for (const [open, close] of this.periodFor(day).week[isoWeekday(day)]) {
        const openAt = this.clock.instantOf(day, open);
        const closeAt = this.clock.instantOf(day, close);
        // An interval lying wholly inside a spring-forward gap never happens; drop it rather than keep an empty one.
        if (closeAt > openAt) result.push(openAt, closeAt);
      }
    }
    this.days.set(day, result);
    return result;
  }

  private periodFor(day: number): CompiledPeriod {
    const { periods } = this.compiled;
    for (let i = periods.length - 1; i > 0; i--) {
      if (periods[i].fromDay <= day) return periods[i];
    }
    // Before the first effective date the first period applies, by contract.
    return periods[0];
  }
}
