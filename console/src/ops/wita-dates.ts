import { TIME_ZONE } from '../format/wita';

/** WITA has no daylight saving: always UTC+8. */
const WITA_OFFSET = '+08:00';

/** Today's date in WITA, YYYY-MM-DD (whatever the device's zone). */
export function witaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A WITA calendar date plus `days`, YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant a WITA day starts, as ISO (for the API's DateTime). */
export function witaDayStart(date: string): string {
  return new Date(`${date}T00:00:00${WITA_OFFSET}`).toISOString();
}
