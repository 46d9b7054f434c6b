import { DateTime } from 'luxon';

/**
 * The human-readable ticket number: prefix, the local year of the report and a
 * regency-wide sequence, zero-padded so numbers of one year sort as text.
 *
 * @example
 * formatTicketNumber('BGL', new Date('2026-12-31T17:00:00Z'), 123, 'Asia/Makassar'); // 'BGL-2027-000123'
 */
export function formatTicketNumber(prefix: string, reportedAt: Date, sequence: number, timeZone: string): string {
  return `${ticketNumberHead(prefix, reportedAt, timeZone)}${String(sequence).padStart(TICKET_SEQUENCE_DIGITS, '0')}`;
}

/** The sequence is zero-padded to at least this many digits. */
export const TICKET_SEQUENCE_DIGITS = 6;

/**
 * Everything before the sequence: prefix and local year. The intake appends
 * the padded sequence in SQL, where it draws it (one round trip less).
 *
 * @example
 * ticketNumberHead('BGL', new Date('2026-12-31T17:00:00Z'), 'Asia/Makassar'); // 'BGL-2027-'
 */
export function ticketNumberHead(prefix: string, reportedAt: Date, timeZone: string): string {
  return `${prefix}-${localYear(reportedAt, timeZone)}-`;
}

// Nearly every report falls in the current local year: its bounds are kept,
// so most creates ask luxon (and Intl) for no offset at all.
let lastYear: { zone: string; from: number; to: number; year: number } | null = null;

function localYear(at: Date, zone: string): number {
  const t = at.getTime();
  if (lastYear && lastYear.zone === zone && t >= lastYear.from && t < lastYear.to) return lastYear.year;
  const local = DateTime.fromJSDate(at, { zone });
  const start = local.startOf('year');
  lastYear = { zone, from: start.toMillis(), to: start.plus({ years: 1 }).toMillis(), year: local.year };
  return local.year;
}

export const TICKET_NUMBER_PATTERN = /^[A-Z]{2,6}-\d{4}-\d{6,}$/;
