import { parseClientDateTime, w3cDateTime } from './open311-time';

const WITA = 'Asia/Makassar';

describe('Open311 date-times', () => {
  it('writes W3C date-times in WITA without fractions', () => {
    expect(w3cDateTime(new Date('2026-12-02T01:30:00.123Z'), WITA)).toBe('2026-12-02T09:30:00+08:00');
    expect(w3cDateTime(new Date('2026-12-31T20:00:00Z'), WITA)).toBe('2027-01-01T04:00:00+08:00');
  });

  it('reads what clients send: zones, fractions, bare dates', () => {
    expect(parseClientDateTime('2026-12-02T09:30:00+08:00', WITA)?.toISOString()).toBe('2026-12-02T01:30:00.000Z');
    expect(parseClientDateTime('2026-12-02T01:30:00Z', WITA)?.toISOString()).toBe('2026-12-02T01:30:00.000Z');
    expect(parseClientDateTime('2026-12-02T01:30:00.5Z', WITA)?.toISOString()).toBe('2026-12-02T01:30:00.500Z');
    expect(parseClientDateTime('2026-12-02T09:30:00', WITA)?.toISOString()).toBe('2026-12-02T01:30:00.000Z');
    expect(parseClientDateTime('2026-12-02', WITA)?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  it('refuses what is not a date-time', () => {
    for (const bad of ['', 'yesterday', '2026-13-01', '02/12/2026', '0000-01-01T00:00:00Z', '9999-01-01', '2026-12-02T25:00:00Z']) {
      expect(parseClientDateTime(bad, WITA)).toBeNull();
    }
  });
});
