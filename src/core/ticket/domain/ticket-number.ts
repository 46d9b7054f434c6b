import { DateTime } from 'luxon';

/**
 * The human-readable ticket number: prefix, the local year of the report and a
 * regency-wide sequence, zero-padded so numbers of one year sort as text.
 *
 * @example
 * formatTicketNumber('BGL', new Date('2026-12-31T17:00:00Z'), 123, 'Asia/Makassar'); // 'BGL-2027-000123'
 */
export function formatTicketNumber(prefix: string, reportedAt: Date, sequence: number, timeZone: string): string {
  const year = DateTime.fromJSDate(reportedAt, { zone: timeZone }).year;
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const TICKET_NUMBER_PATTERN = /^[A-Z]{2,6}-\d{4}-\d{6,}$/;
