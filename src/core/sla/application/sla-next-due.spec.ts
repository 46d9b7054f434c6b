import type { ClockRow } from './sla-clock.rows';
import { nextDueByTicket } from './sla-clock.writer';

const row = (ticket_id: string, status: ClockRow['status'], due_at: string | null): ClockRow => ({ ticket_id, status, due_at } as ClockRow);

describe('the next due time the clock writer reports per ticket', () => {
  it('is the earliest due time of a running clock; null when none runs', () => {
    const result = nextDueByTicket(['a', 'b', 'c'], [
      row('a', 'RUNNING', '2026-12-02T05:00:00.000Z'),
      row('a', 'RUNNING', '2026-12-02T03:00:00.000Z'),
      row('a', 'PAUSED', '2026-12-02T01:00:00.000Z'),
      row('b', 'STOPPED', '2026-12-02T01:00:00.000Z'),
      row('b', 'PENDING', null),
    ]);
    expect(result).toEqual(new Map([['a', new Date('2026-12-02T03:00:00.000Z')], ['b', null], ['c', null]]));
  });
});
