import fc from 'fast-check';
import { DateTime } from 'luxon';
import { BusinessCalendar, CalendarSpec, OpenInterval, WeeklyHours } from './business-calendar';

const MIN = 60_000;
const DAY = 86_400_000;
const RUNS = { numRuns: 300 };
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2029, 0, 1);
const ZONES = ['Asia/Makassar', 'Asia/Makassar', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'UTC'];

const isoDay = (dayIndex: number): string => new Date(FROM + dayIndex * DAY).toISOString().slice(0, 10);

// Biased towards 01:50-03:10, where DST switches in Europe, America and Australia happen.
const minuteArb = fc.oneof(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 110, max: 190 }));

/** 0-3 intervals a day, either with gaps between them (split shifts) or touching. */
const dayHoursArb: fc.Arbitrary<OpenInterval[]> = fc
  .tuple(fc.uniqueArray(minuteArb, { maxLength: 6 }), fc.boolean())
  .map(([points, touching]) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: OpenInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += touching ? 1 : 2) intervals.push([sorted[i], sorted[i + 1]]);
    return intervals;
  });

const weeklyMinutes = (weekly: WeeklyHours): number =>
  Object.values(weekly).reduce((sum, day) => sum + (day ?? []).reduce((s, [a, b]) => s + b - a, 0), 0);

const weeklyArb: fc.Arbitrary<WeeklyHours> = fc
  .array(dayHoursArb, { minLength: 7, maxLength: 7 })
  .map((days) => Object.fromEntries(days.flatMap((d, i) => (d.length > 0 ? [[i + 1, d]] : []))) as WeeklyHours)
  // Keeps the walks short: a calendar open one minute a week would need years per case.
  .filter((weekly) => weeklyMinutes(weekly) >= 60);

function specArb(zones: readonly string[]): fc.Arbitrary<CalendarSpec> {
  return fc.record({
    code: fc.constant('RANDOM'),
    timeZone: fc.constantFrom(...zones),
    alwaysOpen: fc.constant(false),
    hours: fc.uniqueArray(
      fc.record({ effectiveFrom: fc.integer({ min: -200, max: 1100 }).map(isoDay), weekly: weeklyArb }),
      { minLength: 1, maxLength: 3, selector: (p) => p.effectiveFrom },
    ),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 1095 }).map(isoDay), { maxLength: 60 }),
  });
}

/** Random instants, or wall-clock quarter hours so that boundaries get hit often. */
const instantArb = (zone: string): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: FROM, max: TO }),
    fc
      .tuple(fc.integer({ min: 0, max: 1095 }), fc.integer({ min: 0, max: 96 }))
      .map(([day, quarter]) =>
        DateTime.fromMillis(FROM, { zone }).startOf('day').plus({ days: day, minutes: quarter * 15 }).toMillis(),
      ),
  );

/** A business duration: tiny, or up to about four weeks of the calendar's open time. */
const amountArb = (spec: CalendarSpec): fc.Arbitrary<number> => {
  const fourWeeks = 4 * MIN * Math.min(...spec.hours.map((p) => weeklyMinutes(p.weekly)));
  return fc.oneof(fc.integer({ min: 1, max: 2 * MIN }), fc.integer({ min: 1, max: fourWeeks }));
};

interface Case {
  spec: CalendarSpec;
  a: number;
  d: number;
  e: number;
}
const caseArb = (zones: readonly string[], instant = instantArb): fc.Arbitrary<Case> =>
  specArb(zones).chain((spec) =>
    fc.record({ spec: fc.constant(spec), a: instant(spec.timeZone), d: amountArb(spec), e: amountArb(spec) }),
  );

/** Instants within three days of the 2026-2028 DST switches in Europe. */
const nearDstArb = (): fc.Arbitrary<number> =>
  fc
    .tuple(
      fc.constantFrom('2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2028-03-26', '2028-10-29'),
      fc.integer({ min: -3 * DAY, max: 3 * DAY }),
    )
    .map(([date, delta]) => Date.parse(`${date}T01:00:00Z`) + delta);

const at = (ms: number): Date => new Date(ms);

/** Independent reference built on luxon day arithmetic; exact where the UTC offset does not change. */
function referenceBetween(spec: CalendarSpec, a: number, b: number): number {
  const periods = [...spec.hours].sort((p, q) => p.effectiveFrom.localeCompare(q.effectiveFrom));
  let total = 0;
  let day = DateTime.fromMillis(a, { zone: spec.timeZone }).startOf('day').minus({ days: 1 });
  for (; day.toMillis() < b; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    if (spec.holidays.includes(date)) continue;
    const period = periods.filter((p) => p.effectiveFrom <= date).pop() ?? periods[0];
    for (const [open, close] of period.weekly[day.weekday as keyof WeeklyHours] ?? []) {
      const from = Math.max(day.plus({ minutes: open }).toMillis(), a);
      total += Math.max(0, Math.min(day.plus({ minutes: close }).toMillis(), b) - from);
    }
  }
  return total;
}

describe('BusinessCalendar properties', () => {
  const identities = (zones: readonly string[], instant?: (zone: string) => fc.Arbitrary<number>) => {
    it('between(a, add(a, d)) === d, and add gives the earliest such instant, open or closing', () => {
      fc.assert(
        fc.property(caseArb(zones, instant), ({ spec, a, d }) => {
          const cal = new BusinessCalendar(spec);
          const r = cal.add(at(a), d).getTime();
          expect(cal.between(at(a), at(r))).toBe(d);
          expect(cal.between(at(a), at(r - 1))).toBe(d - 1);
          expect(cal.isOpen(at(r)) || cal.isOpen(at(r - 1))).toBe(true);
        }),
        RUNS,
      );
    });

    it('add(add(a, d), e) === add(a, d + e), and add is strictly increasing in ms', () => {
      fc.assert(
        fc.property(caseArb(zones, instant), ({ spec, a, d, e }) => {
          const cal = new BusinessCalendar(spec);
          const first = cal.add(at(a), d);
          expect(cal.add(first, e).getTime()).toBe(cal.add(at(a), d + e).getTime());
          expect(cal.add(at(a), d + e).getTime()).toBeGreaterThan(first.getTime());
          expect(cal.add(at(a), 0).getTime()).toBe(a);
        }),
        RUNS,
      );
    });
  };

  describe('random calendars in several zones', () => identities(ZONES));
  describe('Europe/Berlin around DST switches', () => identities(['Europe/Berlin'], nearDstArb));

  it('between is additive: between(a, b) + between(b, c) === between(a, c)', () => {
    const arb = specArb(ZONES).chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        points: fc.array(instantArb(spec.timeZone), { minLength: 3, maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ spec, points }) => {
        const [a, b, c] = [...points].sort((x, y) => x - y).map(at);
        const cal = new BusinessCalendar(spec);
        expect(cal.between(a, b) + cal.between(b, c)).toBe(cal.between(a, c));
        expect(cal.between(c, a)).toBe(0);
      }),
      RUNS,
    );
  });

  it('matches a luxon reference over spans with a constant UTC offset (weekdays, holidays, periods)', () => {
    const arb = specArb(ZONES).chain((spec) =>
      fc.record({
        spec: fc.constant(spec),
        a: instantArb(spec.timeZone),
        span: fc.integer({ min: 0, max: 10 * DAY }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ spec, a, span }) => {
        const zone = DateTime.fromMillis(a, { zone: spec.timeZone }).zone;
        fc.pre(zone.offset(a - 2 * DAY) === zone.offset(a + span + 2 * DAY));
        expect(new BusinessCalendar(spec).between(at(a), at(a + span))).toBe(referenceBetween(spec, a, a + span));
      }),
      RUNS,
    );
  });

  it('holidays count nothing and are never open', () => {
    const arb = specArb(ZONES)
      .filter((spec) => spec.holidays.length > 0)
      .chain((spec) => fc.record({ spec: fc.constant(spec), pick: fc.nat(), minute: fc.integer({ min: 0, max: 1439 }) }));
    fc.assert(
      fc.property(arb, ({ spec, pick, minute }) => {
        const cal = new BusinessCalendar(spec);
        const start = DateTime.fromISO(spec.holidays[pick % spec.holidays.length], { zone: spec.timeZone });
        expect(cal.between(start.toJSDate(), start.plus({ days: 1 }).toJSDate())).toBe(0);
        expect(cal.isOpen(start.plus({ minutes: minute }).toJSDate())).toBe(false);
      }),
      RUNS,
    );
  });

  it('24x7 counts elapsed time exactly', () => {
    const always = new BusinessCalendar({
      code: '24x7',
      timeZone: 'Asia/Makassar',
      alwaysOpen: true,
      hours: [],
      holidays: [],
    });
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), fc.integer({ min: FROM, max: TO }), fc.nat(), (a, b, ms) => {
        expect(always.between(at(a), at(b))).toBe(Math.max(0, b - a));
        expect(always.add(at(a), ms).getTime()).toBe(a + ms);
      }),
      RUNS,
    );
  });
});
