export { BusinessCalendar, CalendarSpecError } from './business-calendar';
export type { CalendarSpec, OpenInterval, WeeklyHours } from './business-calendar';
export { indonesianPublicHolidays } from './indonesian-holidays';
export { STANDARD_CALENDAR_CODES, standardCalendarSpecs } from './standard-calendars';
