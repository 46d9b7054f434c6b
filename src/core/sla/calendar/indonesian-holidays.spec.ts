import { indonesianPublicHolidays } from './indonesian-holidays';

describe('indonesianPublicHolidays', () => {
  const holidays = indonesianPublicHolidays([2027, 2026, 2026]);
  const byDate = new Map(holidays.map((h) => [h.date, h.name]));

  it('has Nyepi on 2026-03-19 and 2027-03-08', () => {
    expect(byDate.get('2026-03-19')).toMatch(/Nyepi/);
    expect(byDate.get('2027-03-08')).toMatch(/Nyepi/);
  });

  it('takes the day, not the previous evening, for Islamic holidays (Idul Fitri 2026-03-20/21)', () => {
    expect(byDate.get('2026-03-20')).toMatch(/Idul Fitri/);
    expect(byDate.get('2026-03-21')).toMatch(/Idul Fitri/);
    expect(holidays.every((h) => /^\d{4}-\d{2}-\d{2}$/.test(h.date))).toBe(true);
  });

  it('is sorted, one entry per date, joining names that share a date', () => {
    const dates = holidays.map((h) => h.date);
    expect(dates).toEqual([...new Set(dates)].sort());
    // date-holidays 3.37 puts Maulid Nabi and Christmas on 2027-12-25.
    expect(byDate.get('2027-12-25')).toContain(' / ');
  });

  it('covers the requested years only', () => {
    expect(holidays.every((h) => h.date.startsWith('2026') || h.date.startsWith('2027'))).toBe(true);
    expect(byDate.has('2026-01-01')).toBe(true);
    expect(indonesianPublicHolidays([])).toEqual([]);
  });
});
