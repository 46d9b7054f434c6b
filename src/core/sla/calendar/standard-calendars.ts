import { CalendarSpec } from './calendar-spec';
import { indonesianPublicHolidays } from './indonesian-holidays';

/** Codes of the calendars every deployment has. */
export const STANDARD_CALENDAR_CODES = { ALWAYS: '24x7', WORKING_DAYS: 'WORKING_DAYS' } as const;

const TIME_ZONE = 'Asia/Makassar';
const EIGHT_TO_FOUR = [[8 * 60, 16 * 60]] as const;

/**
 * The built-in calendars: round-the-clock and Monday-Friday office hours in
 * WITA with Indonesian public holidays for `years`.
 *
 * Office hours are a flat 08:00-16:00 (480 minutes, breaks not modelled) so
 * that "one working day" in an SLA policy is exactly 480 business minutes on
 * every weekday; policies written in working days then convert to minutes
 * without depending on which weekday the clock starts.
 *
 * @example
 * const calendars = standardCalendarSpecs([2026, 2027]).map((spec) => new BusinessCalendar(spec));
 */
export function standardCalendarSpecs(years: number[]): CalendarSpec[] {
  return [
    { code: STANDARD_CALENDAR_CODES.ALWAYS, timeZone: TIME_ZONE, alwaysOpen: true, hours: [], holidays: [] },
    {
      code: STANDARD_CALENDAR_CODES.WORKING_DAYS,
      timeZone: TIME_ZONE,
      alwaysOpen: false,
      hours: [
        {
          effectiveFrom: '2026-01-01',
          weekly: { 1: EIGHT_TO_FOUR, 2: EIGHT_TO_FOUR, 3: EIGHT_TO_FOUR, 4: EIGHT_TO_FOUR, 5: EIGHT_TO_FOUR },
        },
      ],
      holidays: indonesianPublicHolidays(years).map((holiday) => holiday.date),
    },
  ];
}
