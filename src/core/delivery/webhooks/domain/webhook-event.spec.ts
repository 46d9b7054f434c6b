import { eventsOf, thinPayload, WebhookEvent } from './webhook-event';

describe('webhook events', () => {
  it('a dispatch or reassignment routes the ticket; every ticket topic is a change', () => {
    expect(eventsOf('ticket.dispatch', {})).toEqual([WebhookEvent.TICKET_ROUTED, WebhookEvent.TICKET_CHANGED]);
    expect(eventsOf('ticket.reassign', {})).toEqual([WebhookEvent.TICKET_ROUTED, WebhookEvent.TICKET_CHANGED]);
    expect(eventsOf('ticket.acknowledge', {})).toEqual([WebhookEvent.TICKET_CHANGED]);
    expect(eventsOf('ticket.created', {})).toEqual([WebhookEvent.TICKET_CHANGED]);
  });

  it('SLA thresholds: warning or breach, and an escalation only when a ladder rung (level >= 1) was followed', () => {
    expect(eventsOf('sla.warning', { level: 0 })).toEqual([WebhookEvent.SLA_WARNING]);
    expect(eventsOf('sla.warning', { level: 1 })).toEqual([WebhookEvent.SLA_WARNING, WebhookEvent.ESCALATION_RAISED]);
    expect(eventsOf('sla.breached', { level: 2 })).toEqual([WebhookEvent.SLA_BREACHED, WebhookEvent.ESCALATION_RAISED]);
    expect(eventsOf('sla.breached', {})).toEqual([WebhookEvent.SLA_BREACHED]);
  });

  it('other topics match nothing', () => {
    expect(eventsOf('test.message', { level: 3 })).toEqual([]);
    expect(eventsOf('tickets.dispatch', {})).toEqual([]);
    expect(eventsOf('sla.reevaluated', { level: 3 })).toEqual([]);
  });

  it('a ticket payload is thin: listed fields only, no reporter identity', () => {
    const createdAt = new Date('2026-12-02T01:00:00Z');
    const body = thinPayload({
      topic: 'ticket.dispatch',
      createdAt,
      payload: {
        eventId: 'e1', ticketId: 't1', number: 'BGL-2026-000001', type: 'DISPATCH', from: 'TRIAGED', to: 'DISPATCHED', seq: 3, opdCode: 'BPBD',
        kind: 'EMERGENCY', occurredAt: createdAt.toISOString(), reporter: { name: 'Wayan', phone: '+6281234567890', nik: '5106010101010001' }, email: 'x@y.z',
      },
    });
    expect(body).toEqual({
      type: 'ticket.dispatch',
      timestamp: '2026-12-02T01:00:00.000Z',
      data: { ticketId: 't1', number: 'BGL-2026-000001', eventType: 'DISPATCH', fromState: 'TRIAGED', toState: 'DISPATCHED', version: 3, kind: 'EMERGENCY', opdCode: 'BPBD', occurredAt: '2026-12-02T01:00:00.000Z' },
    });
    expect(JSON.stringify(body)).not.toMatch(/Wayan|6281234567890|5106010101010001|x@y\.z/);
  });

  it('an SLA payload keeps the threshold and drops who was notified', () => {
    const body = thinPayload({
      topic: 'sla.breached',
      createdAt: new Date('2026-12-02T01:00:00Z'),
      payload: { escalationId: 'x', ticketId: 't', number: 'N', metric: 'RESOLVE', cycle: 1, thresholdPct: 100, level: 2, opdCode: 'BPBD', kind: 'COMPLAINT', notify: [{ kind: 'OPD_HEAD' }], dueAt: '2026-12-02T00:00:00Z' },
    });
    expect(body.data).toEqual({ escalationId: 'x', ticketId: 't', number: 'N', metric: 'RESOLVE', cycle: 1, thresholdPct: 100, level: 2, kind: 'COMPLAINT', opdCode: 'BPBD', dueAt: '2026-12-02T00:00:00Z' });
  });
});
