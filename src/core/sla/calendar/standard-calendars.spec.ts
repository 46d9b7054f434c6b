import { BusinessCalendar } from './business-calendar';
import { STANDARD_CALENDAR_CODES, standardCalendarSpecs } from './standard-calendars';

describe('standardCalendarSpecs', () => {
  const specs = standardCalendarSpecs([2026]);

  it('yields a valid 24x7 and WORKING_DAYS calendar in WITA', () => {
    expect(specs.map((s) => s.code)).toEqual([STANDARD_CALENDAR_CODES.ALWAYS, STANDARD_CALENDAR_CODES.WORKING_DAYS]);
    expect(specs.every((s) => s.timeZone === 'Asia/Makassar')).toBe(true);
    expect(() => specs.map((s) => new BusinessCalendar(s))).not.toThrow();
  });

  it('makes one working day 480 business minutes and closes on public holidays', () => {
    const working = new BusinessCalendar(specs[1]);
    const monday = new Date('2026-01-12T00:00:00+08:00');
    expect(working.between(monday, new Date('2026-01-13T00:00:00+08:00'))).toBe(480 * 60_000);
    expect(specs[1].holidays).toContain('2026-03-19');
    expect(working.isOpen(new Date('2026-03-19T10:00:00+08:00'))).toBe(false);
  });
});
