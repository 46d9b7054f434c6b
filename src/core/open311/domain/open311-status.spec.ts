import { TicketState } from '../../ticket';
import { EXTENDED_STATUSES, extendedStatus, open311Status, updateIntent } from './open311-status';

describe('Open311 statuses', () => {
  it('maps every lifecycle state to open or closed', () => {
    const closed = Object.values(TicketState).filter((s) => open311Status(s) === 'closed').sort();
    expect(closed).toEqual(['ANSWERED', 'CLOSED', 'DUPLICATE', 'REJECTED', 'RESOLVED']);
  });

  it('maps every state to one of FixMyStreet\'s extended statuses', () => {
    for (const state of Object.values(TicketState)) expect(EXTENDED_STATUSES).toContain(extendedStatus(state));
    expect(extendedStatus(TicketState.RESOLVED)).toBe('fixed');
    expect(extendedStatus(TicketState.DISPATCHED, 'REOPEN')).toBe('reopen');
  });

  it('lets a client comment or ask for a reopen, never close a report', () => {
    expect(updateIntent('REOPEN', 'closed')).toBe('REOPEN');
    expect(updateIntent('OPEN', 'closed')).toBe('REOPEN');
    expect(updateIntent('OPEN', 'open')).toBe('COMMENT');
    expect(updateIntent('CLOSED', 'closed')).toBe('COMMENT');
    expect(updateIntent('FIXED', 'open')).toBeNull();
    expect(updateIntent('INVESTIGATING', 'open')).toBeNull();
    expect(updateIntent('nonsense', 'open')).toBeNull();
  });
});
