import type { EscalationTarget } from '../../opd';
import type { OutboxRecord } from '../../shared';
import { audienceOf, planFor } from './notification-audience';
import { NotificationSeverity } from './staff-notification.entity';

const TICKET = '3f0b8a52-6f35-4d4e-9a7d-1c2b3d4e5f60';

function message(topic: string, payload: Record<string, unknown>): OutboxRecord {
  return {
    id: '11111111-2222-4333-8444-555555555555', position: '1', topic, aggregateType: 'ticket', aggregateId: TICKET,
    payload: { ticketId: TICKET, number: 'BGL-2611-0042', ...payload }, createdAt: new Date('2026-11-28T02:00:00Z'), attempts: 0,
  };
}

const sla = (topic: 'sla.warning' | 'sla.breached', notify: EscalationTarget[], extra: Record<string, unknown> = {}): OutboxRecord =>
  message(topic, { metric: 'ON_SITE', thresholdPct: topic === 'sla.breached' ? 100 : 75, opdCode: 'BPBD', kind: 'COMPLAINT', notify, ...extra });

describe('who an escalation target is', () => {
  it.each([
    [{ kind: 'OPD_ROLE', role: 'OPD_OFFICER' }, { role: 'OPD_OFFICER', opdCode: 'BPBD' }],
    [{ kind: 'OPD_ROLE', role: 'FIELD_UNIT' }, { role: 'FIELD_UNIT', opdCode: 'BPBD' }],
    // There is no head-of-division role: the OPD's head stands in.
    [{ kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }, { role: 'OPD_HEAD', opdCode: 'BPBD' }],
    [{ kind: 'OPD_HEAD' }, { role: 'OPD_HEAD', opdCode: 'BPBD' }],
    // Supervisors belong to no OPD: every one of them.
    [{ kind: 'COMMAND_CENTRE' }, { role: 'SUPERVISOR', opdCode: null }],
    [{ kind: 'REGIONAL_SECRETARY' }, 'REGIONAL_SECRETARY'],
    [{ kind: 'REGENT' }, 'REGENT'],
  ] as Array<[EscalationTarget, unknown]>)('%j → %j', (target, expected) => {
    expect(audienceOf(target, 'BPBD')).toEqual(expected);
  });

  it('finds no OPD staff for a ticket without an OPD, but still the command centre', () => {
    expect(audienceOf({ kind: 'OPD_ROLE', role: 'OPD_OFFICER' }, null)).toBeNull();
    expect(audienceOf({ kind: 'OPD_HEAD' }, null)).toBeNull();
    expect(audienceOf({ kind: 'COMMAND_CENTRE' }, null)).toEqual({ role: 'SUPERVISOR', opdCode: null });
  });

  it('ignores a target kind it does not know instead of failing the delivery', () => {
    expect(audienceOf({ kind: 'MINISTER' } as unknown as EscalationTarget, 'BPBD')).toBeNull();
  });
});

describe('the notification plan of a message', () => {
  it('tells a warning to the targets the ladder named, once per group', () => {
    const plan = planFor(sla('sla.warning', [{ kind: 'OPD_HEAD' }, { kind: 'OPD_ROLE', role: 'HEAD_OF_DIVISION' }, { kind: 'OPD_ROLE', role: 'FIELD_UNIT' }]))!;
    expect(plan.audiences).toEqual([{ role: 'OPD_HEAD', opdCode: 'BPBD' }, { role: 'FIELD_UNIT', opdCode: 'BPBD' }]);
    expect(plan).toMatchObject({ severity: NotificationSeverity.WARNING, ticketId: TICKET, ticketNumber: 'BGL-2611-0042', topic: 'sla.warning', offApp: [] });
    expect(plan.title).toContain('BGL-2611-0042');
    expect(plan.body).toContain('75%');
    expect(plan.createdAt).toEqual(new Date('2026-11-28T02:00:00Z'));
  });

  it('tells the command centre of every emergency breach, even when the targets leave it out', () => {
    const plan = planFor(sla('sla.breached', [{ kind: 'OPD_HEAD' }], { kind: 'EMERGENCY' }))!;
    expect(plan.audiences).toEqual([{ role: 'OPD_HEAD', opdCode: 'BPBD' }, { role: 'SUPERVISOR', opdCode: null }]);
    expect(plan.severity).toBe(NotificationSeverity.BREACH);
    expect(plan.title).toMatch(/^DARURAT/);
  });

  it('does not add the command centre to a breach of an ordinary complaint', () => {
    expect(planFor(sla('sla.breached', [{ kind: 'OPD_HEAD' }]))!.audiences).toEqual([{ role: 'OPD_HEAD', opdCode: 'BPBD' }]);
  });

  it('counts the regional secretary and the regent as not deliverable in the app, without inventing users', () => {
    const plan = planFor(sla('sla.breached', [{ kind: 'COMMAND_CENTRE' }, { kind: 'REGIONAL_SECRETARY' }, { kind: 'REGENT' }, { kind: 'REGENT' }]))!;
    expect(plan.audiences).toEqual([{ role: 'SUPERVISOR', opdCode: null }]);
    expect(plan.offApp).toEqual(['REGIONAL_SECRETARY', 'REGENT']);
  });

  it('keeps a plan with only off-app targets (to count them) and writes no rows for it', () => {
    const plan = planFor(sla('sla.breached', [{ kind: 'REGENT' }]))!;
    expect(plan.audiences).toEqual([]);
    expect(plan.offApp).toEqual(['REGENT']);
  });

  it.each(['ticket.dispatch', 'ticket.reassign'])('tells the officers of the new OPD of %s', (topic) => {
    const plan = planFor(message(topic, { opdCode: 'DISHUB', kind: 'COMPLAINT', type: 'DISPATCHED', from: 'TRIAGED', to: 'DISPATCHED' }))!;
    expect(plan.audiences).toEqual([{ role: 'OPD_OFFICER', opdCode: 'DISHUB' }]);
    expect(plan.severity).toBe(NotificationSeverity.INFO);
    expect(plan.title).toContain('DISHUB');
  });

  it('marks an emergency routed to an OPD as EMERGENCY', () => {
    expect(planFor(message('ticket.dispatch', { opdCode: 'BPBD', kind: 'EMERGENCY' }))!.severity).toBe(NotificationSeverity.EMERGENCY);
  });

  it.each(['ticket.created', 'ticket.add_note', 'ticket.acknowledge', 'ticket.dispatched', 'webhook.test'])('concerns nobody: %s', (topic) => {
    expect(planFor(message(topic, { opdCode: 'BPBD', kind: 'EMERGENCY' }))).toBeNull();
  });

  it('concerns nobody when a routing message has no OPD', () => {
    expect(planFor(message('ticket.dispatch', { opdCode: null }))).toBeNull();
  });

  it('writes ids and codes only, whatever else a payload carries', () => {
    const plan = planFor(sla('sla.breached', [{ kind: 'OPD_HEAD' }], { reporterName: 'Ni Luh Putu', phone: '+6281234567890' }))!;
    expect(`${plan.title} ${plan.body}`).not.toMatch(/Ni Luh|6281234567890/);
  });
});
