/** A clock of a ticket, as the SLA domain reports it. */
export interface PromiseClock {
  readonly metric: string;
  readonly status: string;
  readonly targetMinutes: number;
  readonly calendar: string;
  readonly dueAt: Date | null;
}

export type Language = 'id' | 'en';

/** The clock a citizen cares about most: the fix, else the arrival on site, else the acknowledgement. */
const PREFERENCE = ['RESOLVE', 'ON_SITE', 'ACKNOWLEDGE'];
const IGNORED = new Set(['CANCELLED', 'NOT_APPLICABLE']);
const WORKING_DAY_MINUTES = 480;

/**
 * The promise to show a citizen: the most telling clock of the ticket.
 *
 * @example
 * mainClock([{ metric: 'ACKNOWLEDGE', … }, { metric: 'RESOLVE', … }])?.metric; // 'RESOLVE'
 */
export function mainClock(clocks: readonly PromiseClock[]): PromiseClock | null {
  for (const metric of PREFERENCE) {
    const clock = clocks.find((c) => c.metric === metric && !IGNORED.has(c.status));
    if (clock) return clock;
  }
  return null;
}

/**
 * `expected_datetime`: the due time of the main clock while it runs (a
 * pending clock has not started, a paused one waits for the reporter, a
 * stopped one is met or missed: no promise to show).
 */
export function expectedAt(clocks: readonly PromiseClock[]): Date | null {
  const clock = mainClock(clocks);
  return clock && clock.status === 'RUNNING' ? clock.dueAt : null;
}

/**
 * `service_notice`: the SLA target in words, in Indonesian or English.
 *
 * @example
 * serviceNotice([{ metric: 'RESOLVE', status: 'PENDING', targetMinutes: 2400, calendar: 'WORKING_DAYS', dueAt: null }], 'en');
 * // 'Target: resolved within 5 working days'
 */
export function serviceNotice(clocks: readonly PromiseClock[], language: Language): string | null {
  const clock = mainClock(clocks);
  if (!clock) return null;
  const what = {
    RESOLVE: { id: 'diselesaikan', en: 'resolved' },
    ON_SITE: { id: 'petugas tiba di lokasi', en: 'a team on site' },
    ACKNOWLEDGE: { id: 'ditanggapi OPD', en: 'acknowledged by the agency' },
  }[clock.metric as 'RESOLVE' | 'ON_SITE' | 'ACKNOWLEDGE'];
  const span = spanInWords(clock.targetMinutes, clock.calendar === 'WORKING_DAYS', language);
  return language === 'id' ? `Target: ${what.id} dalam ${span}` : `Target: ${what.en} within ${span}`;
}

function spanInWords(minutes: number, workingDays: boolean, language: Language): string {
  const plural = (n: number, en: string): string => (n === 1 ? en : `${en}s`);
  if (workingDays) {
    if (minutes % WORKING_DAY_MINUTES === 0) {
      const days = minutes / WORKING_DAY_MINUTES;
      return language === 'id' ? `${days} hari kerja` : `${days} working ${plural(days, 'day')}`;
    }
    const hours = Math.round((minutes / 60) * 10) / 10;
    return language === 'id' ? `${hours} jam kerja` : `${hours} working ${plural(hours, 'hour')}`;
  }
  if (minutes % 1440 === 0) {
    const days = minutes / 1440;
    return language === 'id' ? `${days} hari` : `${days} ${plural(days, 'day')}`;
  }
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return language === 'id' ? `${hours} jam` : `${hours} ${plural(hours, 'hour')}`;
  }
  return language === 'id' ? `${minutes} menit` : `${minutes} ${plural(minutes, 'minute')}`;
}
