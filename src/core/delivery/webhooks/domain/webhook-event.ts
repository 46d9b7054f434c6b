import type { OutboxRecord } from '../../../shared';

/**
 * What an OPD system can subscribe an endpoint to. One outbox message can
 * match several (a dispatch is both TICKET_ROUTED and TICKET_CHANGED); the
 * endpoint still gets it once.
 */
export enum WebhookEvent {
  /** The ticket was dispatched or reassigned to the endpoint's OPD. */
  TICKET_ROUTED = 'TICKET_ROUTED',
  /** Any event of a ticket of the endpoint's OPD (created, dispatched, acknowledged, resolved, notes, SLA re-evaluations…). */
  TICKET_CHANGED = 'TICKET_CHANGED',
  /** An SLA clock of the OPD's ticket passed a warning threshold (below 100 %). */
  SLA_WARNING = 'SLA_WARNING',
  /** An SLA clock of the OPD's ticket reached its target (100 %). */
  SLA_BREACHED = 'SLA_BREACHED',
  /** A warning or breach that followed a rung of the OPD's escalation ladder (level >= 1): someone is being notified. */
  ESCALATION_RAISED = 'ESCALATION_RAISED',
}

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = Object.values(WebhookEvent);

/** The outbox topics of routing: `ticket.<command lowercased>` as the ticket domain writes them. */
const ROUTING_TOPICS: ReadonlySet<string> = new Set(['ticket.dispatch', 'ticket.reassign']);

/**
 * The events an outbox message counts as, from its topic and payload alone
 * (the same for every endpoint; the OPD is matched separately).
 *
 * @example
 * eventsOf('ticket.dispatch', { level: undefined }); // [TICKET_ROUTED, TICKET_CHANGED]
 * eventsOf('sla.breached', { level: 2 });             // [SLA_BREACHED, ESCALATION_RAISED]
 */
export function eventsOf(topic: string, payload: Record<string, unknown>): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  if (topic.startsWith('ticket.')) {
    if (ROUTING_TOPICS.has(topic)) events.push(WebhookEvent.TICKET_ROUTED);
    events.push(WebhookEvent.TICKET_CHANGED);
  } else if (topic === 'sla.warning' || topic === 'sla.breached') {
    events.push(topic === 'sla.warning' ? WebhookEvent.SLA_WARNING : WebhookEvent.SLA_BREACHED);
    if (typeof payload.level === 'number' && payload.level >= 1) events.push(WebhookEvent.ESCALATION_RAISED);
  }
  return events;
}

/** The body an endpoint receives (Standard Webhooks' `{type, timestamp, data}`). */
export interface WebhookPayload {
  readonly type: string;
  readonly timestamp: string;
  readonly data: Record<string, unknown>;
}

/**
 * The thin body of a message: ids, states and times only, never the
 * reporter's identity (name, phone, e-mail, NIK) nor who was notified; an
 * OPD system reads details over GraphQL with its API key, where access is
 * checked and logged. Only listed fields are copied, so a field added to an
 * outbox payload later does not leak out by itself.
 *
 * @example
 * thinPayload(message).data; // { ticketId, number, eventType: 'DISPATCH', fromState: 'TRIAGED', toState: 'DISPATCHED', version: 3, kind, opdCode, occurredAt }
 */
export function thinPayload(message: Pick<OutboxRecord, 'topic' | 'payload' | 'createdAt'>): WebhookPayload {
  const p = message.payload;
  const timestamp = message.createdAt.toISOString();
  if (message.topic.startsWith('ticket.')) {
    return {
      type: message.topic,
      timestamp,
      data: {
        ticketId: p.ticketId ?? null,
        number: p.number ?? null,
        eventType: p.type ?? null,
        fromState: p.from ?? null,
        toState: p.to ?? null,
        version: p.seq ?? null,
        kind: p.kind ?? null,
        opdCode: p.opdCode ?? null,
        occurredAt: p.occurredAt ?? timestamp,
      },
    };
  }
  return {
    type: message.topic,
    timestamp,
    data: {
      escalationId: p.escalationId ?? null,
      ticketId: p.ticketId ?? null,
      number: p.number ?? null,
      metric: p.metric ?? null,
      cycle: p.cycle ?? null,
      thresholdPct: p.thresholdPct ?? null,
      level: p.level ?? null,
      kind: p.kind ?? null,
      opdCode: p.opdCode ?? null,
      dueAt: p.dueAt ?? null,
    },
  };
}
