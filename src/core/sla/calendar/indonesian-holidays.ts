import Holidays from 'date-holidays';

/**
 * Indonesian national public holidays (date-holidays, type 'public' only) for
 * the given years, one entry per local date ('YYYY-MM-DD'), sorted by date;
 * names of holidays sharing a date are joined with ' / '.
 *
 * date-holidays starts Islamic holidays at sunset of the previous day (a date
 * string like '2026-03-20 00:00:00 -0600'), but offices close for the calendar
 * day, so the first ten characters of `date` are taken as the local date rather
 * than the `start` instant. Collective leave (cuti bersama) is not included;
 * add it to a calendar's holidays separately when it is decreed.
 *
 * @example
 * indonesianPublicHolidays([2026]).find((h) => h.date === '2026-03-19');
 * // { date: '2026-03-19', name: 'Hari Raya Nyepi' }
 */
export function indonesianPublicHolidays(years: readonly number[]): Array<{ date: string; name: string }> {
  const calendar = new Holidays('ID');
  const namesByDate = new Map<string, string[]>();
  for (const year of new Set(years)) {
    if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${String(year)}`);
    for (const holiday of calendar.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const date = holiday.date.slice(0, 10);
      const names = namesByDate.get(date) ?? [];
      if (!names.includes(holiday.name)) names.push(holiday.name);
      namesByDate.set(date, names);
    }
  }
  return [...namesByDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, names]) => ({ date, name: names.join(' / ') }));
}
