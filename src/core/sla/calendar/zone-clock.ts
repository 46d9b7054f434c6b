import { IANAZone } from 'luxon';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/**
 * A local calendar day in a zone: `start` is the instant its wall clock first
 * reads 00:00 or later, `offset` the UTC offset (minutes) at `start`. `uniform`
 * means the wall clock runs at that offset from exactly 00:00 to the next
 * midnight, so any wall time of the day maps to an instant by plain arithmetic.
 */
interface DayFrame {
  readonly start: number;
  readonly offset: number;
  readonly uniform: boolean;
}

// Luxon asks Intl for every offset (~5 µs each); SLA work revisits the same
// few months constantly, so frames are memoised per zone and shared by every
// calendar in that zone. The bound only guards against unbounded growth.
const MAX_CACHED_DAYS = 50_000;
const clocks = new Map<string, ZoneClock>();

/**
 * Maps local wall-clock times of an IANA zone to instants, monotonically.
 *
 * A wall time `w` maps to the earliest instant whose wall clock reads `w` or
 * later. So a time skipped by a spring-forward gap maps to the transition
 * instant (the interval shrinks, never inverts), and a time repeated by a
 * fall-back maps to its first occurrence. Being monotonic is what keeps
 * consecutive open intervals sorted and non-overlapping in absolute time.
 *
 * Assumes at most one offset transition within any 24 h, true of every zone
 * in the tz database for the years an SLA can plausibly span.
 *
 * @example
 * const clock = ZoneClock.for('Europe/Berlin');
 * clock.instantOf(dayNumber('2026-03-29')!, 150); // 02:30 does not exist: 01:00Z, the transition
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  private readonly frames = new Map<number, DayFrame>();
  /** The offset localDay last asked luxon for: its first guess. */
  private lastOffset = 0;

  private constructor(zoneName: string) {
    this.zone = IANAZone.create(zoneName);
  }

  /** Shared clock for a zone; the caller must have checked the name is valid. */
  static for(zoneName: string): ZoneClock {
    let clock = clocks.get(zoneName);
    if (clock === undefined) {
      clock = new ZoneClock(zoneName);
      clocks.set(zoneName, clock);
    }
    return clock;
  }

  static isValidZone(zoneName: string): boolean {
    return IANAZone.isValidZone(zoneName);
  }

  /** UTC offset in minutes at an instant. */
  offsetAt(instant: number): number {
    return this.zone.offset(instant);
  }

  /** Local day number (days since 1970-01-01 on the local calendar) of an instant. */
  localDay(instant: number): number {
    // A uniform day already framed runs at one offset from its start to the
    // next midnight: an instant inside it needs no Intl look-up (luxon's
    // offset was the server's hottest function after the socket writes).
    const guess = Math.floor((instant + this.lastOffset * MS_PER_MINUTE) / MS_PER_DAY);
    const known = this.frames.get(guess);
    if (known !== undefined && known.uniform && instant >= known.start && instant < known.start + MS_PER_DAY) return guess;
    const offset = this.offsetAt(instant);
    this.lastOffset = offset;
    return Math.floor((instant + offset * MS_PER_MINUTE) / MS_PER_DAY);
  }

  /** The instant the local day begins (see class doc for gap handling). */
  dayStart(day: number): number {
    return this.frame(day).start;
  }

  /** Instant of `minute` (0..1440) past local midnight of `day`; 1440 is the next midnight. */
  instantOf(day: number, minute: number): number {
    const frame = this.frame(day);
    if (frame.uniform) return (day * MS_PER_DAY + minute * MS_PER_MINUTE) - frame.offset * MS_PER_MINUTE;
    return this.wallToInstant(day * MS_PER_DAY + minute * MS_PER_MINUTE);
  }

  private frame(day: number): DayFrame {
    const cached = this.frames.get(day);
    if (cached !== undefined) return cached;
    if (this.frames.size >= MAX_CACHED_DAYS) this.frames.clear();

    // Walking forward day by day is the common case: a uniform previous day
    // already proved where this midnight falls, saving an Intl round trip.
    const previous = this.frames.get(day - 1);
    let start: number;
    let offset: number;
    if (previous !== undefined && previous.uniform) {
      start = previous.start + MS_PER_DAY;
      offset = previous.offset;
    } else {
      start = this.wallToInstant(day * MS_PER_DAY);
      offset = this.offsetAt(start);
    }
    const startsAtMidnight = start + offset * MS_PER_MINUTE === day * MS_PER_DAY;
    const nextMidnight = (day + 1) * MS_PER_DAY - offset * MS_PER_MINUTE;
    const uniform = startsAtMidnight && this.offsetAt(nextMidnight) === offset;
    const frame: DayFrame = { start, offset, uniform };
    this.frames.set(day, frame);
    return frame;
  }

  /** `wall` is the local time expressed as if it were UTC milliseconds. */
  private wallToInstant(wall: number): number {
    const before = this.offsetAt(wall - MS_PER_DAY);
    const after = this.offsetAt(wall + MS_PER_DAY);
    const candidates = [wall - before * MS_PER_MINUTE, wall - after * MS_PER_MINUTE].filter(
      (t) => t + this.offsetAt(t) * MS_PER_MINUTE === wall,
    );
    // Two matches: the repeated hour of a fall-back; the first pass wins.
    if (candidates.length > 0) return Math.min(...candidates);

    // No match: `wall` lies in a spring-forward gap. Search for the first
    // instant whose wall clock has passed it, i.e. the transition itself.
    let lo = wall - Math.max(before, after) * MS_PER_MINUTE;
    let hi = wall - Math.min(before, after) * MS_PER_MINUTE;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (mid + this.offsetAt(mid) * MS_PER_MINUTE >= wall) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Local day number of a 'YYYY-MM-DD' string, or null when it is not a real date. */
export function dayNumber(isoDate: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC silently rolls 2026-02-30 over into March; a round trip catches it.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/** ISO weekday (1 = Monday .. 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return ((((day + 3) % 7) + 7) % 7 + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}
