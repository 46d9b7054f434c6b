import { percentText, slaLevel } from '../../../console/src/ops/sla-level';
import { addDays, witaDayStart, witaToday } from '../../../console/src/ops/wita-dates';

// The console's pure helpers for the supervisor screens (the console has no test runner of its own:
// vitest needs Node 22, so they are checked here).
describe('console: SLA levels and WITA days', () => {
  it('colours a clock by the share of its target used, at the escalation ladder\'s 50 and 75 %', () => {
    expect([0, 49.99, 50, 74.99, 75, 99.99, 100, 180].map((p) => slaLevel(p))).toEqual(['ok', 'ok', 'watch', 'watch', 'warn', 'warn', 'breach', 'breach']);
    // Nothing running (all stopped in time): done, green; a recorded breach wins whatever the percent.
    expect(slaLevel(null)).toBe('done');
    expect(slaLevel(undefined)).toBe('done');
    expect(slaLevel(10, true)).toBe('breach');
    expect([percentText(null), percentText(33.333), percentText(99.6)]).toEqual(['—', '33', '100']);
  });

  it('counts days in WITA (UTC+8) whatever the device\'s zone', () => {
    // 23:30 UTC on 2 December is already 07:30 on 3 December in Bangli.
    expect(witaToday(new Date('2026-12-02T23:30:00Z'))).toBe('2026-12-03');
    expect(witaToday(new Date('2026-12-02T15:59:59Z'))).toBe('2026-12-02');
    expect(witaDayStart('2026-12-03')).toBe('2026-12-02T16:00:00.000Z');
    expect([addDays('2026-12-31', 1), addDays('2026-03-01', -1), addDays('2028-02-28', 1)]).toEqual(['2027-01-01', '2026-02-28', '2028-02-29']);
  });
});
