import { ENABLED_OPD_MODULES } from '../../../config/opd-modules';
import { planFor } from '../../../src/core/delivery/notifications/notification-audience';
import type { OutboxRecord } from '../../../src/core/shared';
import { CALL_CENTRE_LADDER, rungFor } from '../../../src/core/sla/sweeper/escalation-ladder';

// The command centre must hear of every emergency breach. Two domains keep
// that promise: the SLA ladder names COMMAND_CENTRE on an emergency's breach,
// and the notification target turns COMMAND_CENTRE into every supervisor.
// Checked together here, for every enabled OPD's ladder and the call centre's.

function breachOf(notify: unknown, opdCode: string | null): OutboxRecord {
  return {
    id: '11111111-2222-4333-8444-555555555555', position: '1', topic: 'sla.breached', aggregateType: 'ticket', aggregateId: '3f0b8a52-6f35-4d4e-9a7d-1c2b3d4e5f60',
    payload: { ticketId: '3f0b8a52-6f35-4d4e-9a7d-1c2b3d4e5f60', number: 'BGL-2026-000042', metric: 'ON_SITE', thresholdPct: 100, opdCode, kind: 'EMERGENCY', notify },
    createdAt: new Date('2026-11-28T02:00:00Z'), attempts: 0,
  };
}

describe('every emergency breach reaches the command centre', () => {
  const ladders = [
    ...ENABLED_OPD_MODULES.map((m) => [m.code, m.escalation] as const),
    ['call centre', CALL_CENTRE_LADDER] as const,
  ];

  it.each(ladders)('%s: the ladder names COMMAND_CENTRE and the notification goes to every supervisor', (code, ladder) => {
    const { notify } = rungFor(ladder, 100, 'EMERGENCY');
    expect(notify).toContainEqual({ kind: 'COMMAND_CENTRE' });
    const plan = planFor(breachOf(notify, code === 'call centre' ? null : code))!;
    expect(plan.audiences).toContainEqual({ role: 'SUPERVISOR', opdCode: null });
  });
});
