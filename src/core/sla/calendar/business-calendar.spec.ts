import { BusinessCalendar, CalendarSpec, CalendarSpecError, WeeklyHours } from './business-calendar';
import { STANDARD_CALENDAR_CODES, standardCalendarSpecs } from './standard-calendars';

const MIN = 60_000;
const HOUR = 60 * MIN;
const wita = (local: string): Date => new Date(`${local}+08:00`);
const OFFICE = [[480, 960]] as const;
const MON_FRI: WeeklyHours = { 1: OFFICE, 2: OFFICE, 3: OFFICE, 4: OFFICE, 5: OFFICE };

function spec(overrides: Partial<CalendarSpec> = {}): CalendarSpec {
  return {
    code: 'TEST',
    timeZone: 'Asia/Makassar',
    alwaysOpen: false,
    hours: [{ effectiveFrom: '2026-01-01', weekly: MON_FRI }],
    holidays: [],
    ...overrides,
  };
}

const specsByCode = new Map(standardCalendarSpecs([2026, 2027]).map((s) => [s.code, s]));
const workingDays = new BusinessCalendar(specsByCode.get(STANDARD_CALENDAR_CODES.WORKING_DAYS)!);
const office = new BusinessCalendar(spec());

describe('BusinessCalendar', () => {
  describe('working days (Mon-Fri 08:00-16:00 WITA)', () => {
    it('carries Friday 15:00 + 2 working hours over the weekend to Monday 09:00', () => {
      const due = workingDays.add(wita('2026-01-09T15:00'), 2 * HOUR);
      expect(due.toISOString()).toBe(wita('2026-01-12T09:00').toISOString());
      expect(workingDays.between(wita('2026-01-09T15:00'), due)).toBe(2 * HOUR);
    });

    it('skips the weekend and Nyepi (Monday 2027-03-08) when adding 5 working days', () => {
      const nyepiOnly = new BusinessCalendar(spec({ holidays: ['2027-03-08'] }));
      const due = nyepiOnly.add(wita('2027-03-05T15:00'), 2400 * MIN);
      // 60 min on Friday, Nyepi closed, Tue-Fri 4 x 480, Monday 08:00 + 420 min.
      expect(due).toEqual(wita('2027-03-15T15:00'));
      expect(nyepiOnly.between(wita('2027-03-08T00:00'), wita('2027-03-09T00:00'))).toBe(0);
      expect(nyepiOnly.isOpen(wita('2027-03-08T10:00'))).toBe(false);
    });

    it('also skips Idul Fitri (2027-03-09/10) on the standard calendar', () => {
      expect(workingDays.add(wita('2027-03-05T15:00'), 2400 * MIN)).toEqual(wita('2027-03-17T15:00'));
    });

    it('counts nothing in a week made entirely of holidays', () => {
      const cal = new BusinessCalendar(
        spec({ holidays: ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12'] }),
      );
      expect(cal.between(wita('2026-06-06T00:00'), wita('2026-06-15T00:00'))).toBe(0);
      expect(cal.add(wita('2026-06-05T15:00'), 2 * HOUR)).toEqual(wita('2026-06-15T09:00'));
    });

    it('counts from the next opening when starting in closed time', () => {
      expect(office.add(wita('2026-01-10T11:00'), MIN)).toEqual(wita('2026-01-12T08:01'));
      expect(office.add(wita('2026-01-12T06:00'), 30 * MIN)).toEqual(wita('2026-01-12T08:30'));
    });
  });

  describe('closing instants', () => {
    const friday15 = wita('2026-01-09T15:00');
    const friday16 = wita('2026-01-09T16:00');

    it('lands exactly on the closing instant, which is not itself open', () => {
      expect(office.add(friday15, HOUR)).toEqual(friday16);
      expect(office.isOpen(friday16)).toBe(false);
      expect(office.isOpen(new Date(friday16.getTime() - 1))).toBe(true);
      expect(office.isOpen(wita('2026-01-12T08:00'))).toBe(true);
    });

    it('continues from a closing instant at the next opening', () => {
      expect(office.add(friday16, MIN)).toEqual(wita('2026-01-12T08:01'));
      expect(office.add(office.add(friday15, HOUR), MIN)).toEqual(office.add(friday15, HOUR + MIN));
      expect(office.between(friday16, wita('2026-01-12T08:00'))).toBe(0);
    });

    it('returns the same time value for ms = 0, even in closed time', () => {
      const saturday = wita('2026-01-10T11:00');
      const result = office.add(saturday, 0);
      expect(result.getTime()).toBe(saturday.getTime());
      expect(result).not.toBe(saturday);
    });
  });

  describe('weekly hours by effective date', () => {
    const split = [[420, 720], [780, 900]] as const; // 07:00-12:00, 13:00-15:00
    const cal = new BusinessCalendar(
      spec({
        hours: [
          { effectiveFrom: '2026-07-01', weekly: { 1: split, 2: split, 3: split, 4: split, 5: split } },
          { effectiveFrom: '2026-01-01', weekly: MON_FRI },
        ],
      }),
    );

    it('switches hours on the effective date', () => {
      expect(cal.between(wita('2026-06-29T00:00'), wita('2026-07-06T00:00'))).toBe((2 * 480 + 3 * 420) * MIN);
      expect(cal.add(wita('2026-06-30T15:00'), 2 * HOUR)).toEqual(wita('2026-07-01T08:00'));
      expect(cal.isOpen(wita('2026-07-01T12:30'))).toBe(false);
    });

    it('applies the first period before its effective date', () => {
      expect(cal.between(wita('2025-12-29T00:00'), wita('2025-12-30T00:00'))).toBe(480 * MIN);
    });
  });

  describe('24x7', () => {
    const always = new BusinessCalendar(specsByCode.get(STANDARD_CALENDAR_CODES.ALWAYS)!);

    it('counts every millisecond', () => {
      const from = wita('2026-03-19T10:00');
      expect(always.between(from, wita('2026-03-21T10:00'))).toBe(48 * HOUR);
      expect(always.add(from, 5 * HOUR + 1)).toEqual(new Date(from.getTime() + 5 * HOUR + 1));
      expect(always.isOpen(from)).toBe(true);
      expect(always.between(wita('2026-03-21T10:00'), from)).toBe(0);
    });
  });

  describe('daylight saving time (Europe/Berlin)', () => {
    const allDay = [[0, 1440]] as const;
    const nightShift = [[60, 240]] as const; // 01:00-04:00 local
    const berlin = (weekly: WeeklyHours) =>
      new BusinessCalendar(spec({ timeZone: 'Europe/Berlin', hours: [{ effectiveFrom: '2026-01-01', weekly }] }));

    it('makes the spring-forward day 23 h and the fall-back day 25 h long', () => {
      const cal = berlin({ 7: allDay });
      expect(cal.between(new Date('2026-03-28T23:00Z'), new Date('2026-03-29T22:00Z'))).toBe(23 * HOUR);
      expect(cal.between(new Date('2026-10-24T22:00Z'), new Date('2026-10-25T23:00Z'))).toBe(25 * HOUR);
    });

    it('does not count the skipped hour and keeps add/between consistent across it', () => {
      const cal = berlin({ 7: nightShift });
      const sunday = new Date('2026-03-28T23:00Z'); // 00:00 CET
      expect(cal.between(sunday, new Date('2026-03-29T22:00Z'))).toBe(2 * HOUR);
      const due = cal.add(sunday, 90 * MIN);
      expect(due.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
      expect(cal.between(sunday, due)).toBe(90 * MIN);
    });

    it('counts the repeated hour twice when an interval spans the fall-back', () => {
      const cal = berlin({ 7: nightShift });
      expect(cal.between(new Date('2026-10-24T22:00Z'), new Date('2026-10-25T23:00Z'))).toBe(4 * HOUR);
      expect(cal.add(new Date('2026-10-24T22:00Z'), 4 * HOUR).toISOString()).toBe('2026-10-25T03:00:00.000Z');
    });

    it('maps a boundary inside the skipped hour to the switch instant', () => {
      const sunday = [new Date('2026-03-28T23:00Z'), new Date('2026-03-29T22:00Z')] as const;
      // 01:00-02:30 local: 02:30 never happens, so it closes at the 02:00 -> 03:00 switch.
      expect(berlin({ 7: [[60, 150]] }).between(...sunday)).toBe(HOUR);
      expect(berlin({ 7: [[135, 165]] }).between(...sunday)).toBe(0);
      expect(berlin({ 7: [[150, 240]] }).add(sunday[0], MIN).toISOString()).toBe('2026-03-29T01:01:00.000Z');
    });

    it('maps a boundary inside the repeated hour to its first pass', () => {
      // 01:00-02:30 local closes at 02:30 CEST, before the clock falls back.
      const cal = berlin({ 7: [[60, 150]] });
      expect(cal.between(new Date('2026-10-24T22:00Z'), new Date('2026-10-25T23:00Z'))).toBe(90 * MIN);
      expect(cal.isOpen(new Date('2026-10-25T01:15Z'))).toBe(false); // 02:15 CET, second pass
    });
  });

  describe('argument and spec errors', () => {
    it.each([
      ['a negative', -1],
      ['a NaN', Number.NaN],
      ['an infinite', Number.POSITIVE_INFINITY],
    ])('rejects %s ms with RangeError', (_label, ms) => {
      expect(() => office.add(wita('2026-01-09T15:00'), ms)).toThrow(RangeError);
    });

    it('rejects invalid dates with RangeError', () => {
      expect(() => office.between(new Date(Number.NaN), new Date())).toThrow(RangeError);
      expect(() => office.isOpen(new Date('nope'))).toThrow(RangeError);
    });

    it('throws CalendarSpecError when there is no open time to count', () => {
      const closed = new BusinessCalendar(spec({ hours: [{ effectiveFrom: '2026-01-01', weekly: {} }] }));
      expect(() => closed.add(wita('2026-01-09T15:00'), MIN)).toThrow(/no open time in the 3660 days/);
      expect(() => closed.add(wita('2026-01-09T15:00'), MIN)).toThrow(CalendarSpecError);
    });

    const bad = (weekly: unknown): Partial<CalendarSpec> => ({
      hours: [{ effectiveFrom: '2026-01-01', weekly: weekly as WeeklyHours }],
    });
    it.each<[string, Partial<CalendarSpec>, RegExp]>([
      ['an unknown zone', { timeZone: 'Asia/Bangli' }, /time zone "Asia\/Bangli" is not a valid IANA zone/],
      ['an empty code', { code: ' ' }, /code must be a non-empty string/],
      ['empty hours', { hours: [] }, /hours is empty/],
      ['an end past midnight', bad({ 1: [[480, 1441]] }), /hours\[0\]\.weekly\[1\]\[0\] = \[480,1441\] is not a valid/],
      ['an empty interval', bad({ 2: [[600, 600]] }), /weekly\[2\]\[0\] = \[600,600\] is not a valid interval/],
      ['fractional minutes', bad({ 3: [[480.5, 600]] }), /is not a valid interval/],
      ['overlapping intervals', bad({ 4: [[480, 720], [700, 960]] }), /\[4\]\[1\] \[700,960\] overlaps \[480,720\]/],
      ['unsorted intervals', bad({ 5: [[780, 960], [480, 720]] }), /weekly\[5\]\[1\] is not sorted/],
      ['a weekday key 0', bad({ 0: OFFICE }), /has key "0"/],
      ['a bad holiday date', { holidays: ['2026-02-30'] }, /holidays\[0\] "2026-02-30" is not a valid YYYY-MM-DD/],
      ['a bad effectiveFrom', { hours: [{ effectiveFrom: '2026/01/01', weekly: MON_FRI }] }, /effectiveFrom "2026\/01\/01"/],
      [
        'duplicate effective dates',
        { hours: [{ effectiveFrom: '2026-01-01', weekly: MON_FRI }, { effectiveFrom: '2026-01-01', weekly: {} }] },
        /share the same effectiveFrom/,
      ],
    ])('rejects %s', (_label, overrides, message) => {
      expect(() => new BusinessCalendar(spec(overrides))).toThrow(CalendarSpecError);
      expect(() => new BusinessCalendar(spec(overrides))).toThrow(message);
    });

    it('names the calendar in the message', () => {
      expect(() => new BusinessCalendar(spec({ code: 'OPD_X', hours: [] }))).toThrow(/^Calendar "OPD_X": /);
    });
  });

  // Speed is measured by `npm run bench:sla`, not here: a timed assertion fails
  // on a busy 2-core machine. These keep the long walks exact.
  describe('long ranges', () => {
    it('adds and measures ~30 working days from 200 starts and gets the same minutes back', () => {
      const starts = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 4 * 3_600_007));
      for (const start of starts) {
        expect(workingDays.between(start, workingDays.add(start, 30 * 480 * MIN))).toBe(30 * 480 * MIN);
      }
    });

    it('walks a 10-year range', () => {
      const from = wita('2026-01-01T00:00');
      const due = workingDays.add(from, 2500 * 480 * MIN);
      expect(workingDays.between(from, due)).toBe(2500 * 480 * MIN);
    });
  });
});
