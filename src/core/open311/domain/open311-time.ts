import { DateTime } from 'luxon';

/**
 * A W3C date-time in the regency's zone, without fractions, as the spec and
 * FixMyStreet expect: `2026-12-02T09:30:00+08:00`.
 *
 * @example
 * w3cDateTime(new Date('2026-12-02T01:30:00.123Z'), 'Asia/Makassar'); // '2026-12-02T09:30:00+08:00'
 */
export function w3cDateTime(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).set({ millisecond: 0 }).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A client's date-time: ISO 8601, with or without fractions and zone (a
 * value without a zone, or a bare date, is read in the regency's zone), or
 * null when it is not one.
 *
 * @example
 * parseClientDateTime('2026-12-02T09:30:00+08:00', 'Asia/Makassar'); // Date 2026-12-02T01:30:00Z
 * parseClientDateTime('yesterday', 'Asia/Makassar'); // null
 */
export function parseClientDateTime(value: string, timeZone: string): Date | null {
  const text = value.trim();
  if (!ISO_DATE_TIME.test(text)) return null;
  const parsed = DateTime.fromISO(text, { zone: timeZone });
  if (!parsed.isValid) return null;
  const year = parsed.toUTC().year;
  // The same bounds as every other date Sigap accepts.
  if (year < 1900 || year >= 2200) return null;
  return parsed.toJSDate();
}
