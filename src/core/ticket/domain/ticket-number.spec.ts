import { formatTicketNumber, TICKET_NUMBER_PATTERN, ticketNumberHead } from './ticket-number';

describe('formatTicketNumber', () => {
  it('uses the local (WITA) year, not the UTC one', () => {
    // 17:00 UTC on 31 December is already 01:00 on 1 January in Bali.
    expect(formatTicketNumber('BGL', new Date('2026-12-31T17:00:00Z'), 123, 'Asia/Makassar')).toBe('BGL-2027-000123');
    expect(formatTicketNumber('BGL', new Date('2026-12-31T15:59:59Z'), 124, 'Asia/Makassar')).toBe('BGL-2026-000124');
  });

  it('pads to six digits and keeps growing past them', () => {
    expect(formatTicketNumber('BGL', new Date('2026-06-01T00:00:00Z'), 1, 'Asia/Makassar')).toBe('BGL-2026-000001');
    expect(formatTicketNumber('BGL', new Date('2026-06-01T00:00:00Z'), 1234567, 'Asia/Makassar')).toBe('BGL-2026-1234567');
    expect(TICKET_NUMBER_PATTERN.test('BGL-2026-1234567')).toBe(true);
  });

  it('gives the local year whatever the order of the instants and zones asked (it keeps the last year\'s bounds)', () => {
    const asked: Array<[string, string, string]> = [
      ['2026-06-01T00:00:00Z', 'Asia/Makassar', 'BGL-2026-'],
      ['2026-12-31T15:59:59.999Z', 'Asia/Makassar', 'BGL-2026-'],
      ['2026-12-31T16:00:00Z', 'Asia/Makassar', 'BGL-2027-'],
      ['2026-12-31T15:59:59.999Z', 'Asia/Makassar', 'BGL-2026-'],
      ['2026-12-31T16:00:00Z', 'UTC', 'BGL-2026-'],
      ['2027-01-01T00:00:00Z', 'UTC', 'BGL-2027-'],
      ['2025-12-31T15:59:59Z', 'Asia/Makassar', 'BGL-2025-'],
    ];
    for (const [at, zone, head] of asked) expect(ticketNumberHead('BGL', new Date(at), zone)).toBe(head);
  });
});
