import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { OutboxRelay } from '../../../src/core/delivery';
import type { TestApp } from '../../support/test-app';

export type Sql = (text: string, params?: unknown[]) => Promise<Array<Record<string, any>>>;

export function sqlOf(t: TestApp): Sql {
  const em = t.app.get(EntityManager);
  return (text, params = []) => em.getConnection().execute(text, params);
}

/** Runs the relay until nothing is left to publish. */
export async function drainRelay(t: TestApp): Promise<void> {
  const relay = t.app.get(OutboxRelay);
  for (let i = 0; i < 100; i++) {
    const r = await relay.relayOnce();
    if (r.published + r.failed === 0) return;
  }
  throw new Error('the relay never ran dry');
}

/** An outbox message as the ticket domain or the SLA sweeper writes it (payload fields as they do). */
export async function outboxMessage(sql: Sql, t: TestApp, topic: string, ticketId: string, payload: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  await sql(`insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at) values (?, ?, 'ticket', ?, ?, ?)`, [
    id, topic, ticketId, JSON.stringify({ ticketId, number: `BGL-2026-${ticketId.slice(0, 6)}`, ...payload }), t.clock.now(),
  ]);
  return id;
}

/** A ticket event's outbox message (topic ticket.<type lowercased>). */
export const ticketMessage = (sql: Sql, t: TestApp, type: string, ticketId: string, opdCode: string | null, seq = 1): Promise<string> =>
  outboxMessage(sql, t, `ticket.${type.toLowerCase()}`, ticketId, { eventId: randomUUID(), type, from: 'TRIAGED', to: 'DISPATCHED', seq, opdCode, kind: 'COMPLAINT', occurredAt: t.clock.now().toISOString() });

/** An SLA threshold's outbox message. */
export const slaMessage = (sql: Sql, t: TestApp, topic: 'sla.warning' | 'sla.breached', ticketId: string, opdCode: string, level: number): Promise<string> =>
  outboxMessage(sql, t, topic, ticketId, { escalationId: randomUUID(), metric: 'RESOLVE', cycle: 1, thresholdPct: topic === 'sla.breached' ? 100 : 75, level, opdCode, kind: 'COMPLAINT', notify: [{ kind: 'OPD_HEAD' }], dueAt: t.clock.now().toISOString() });

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  message_id: string;
  ticket_id: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  dead_at: Date | null;
  delivered_at: Date | null;
  payload: Record<string, any>;
}

export const deliveriesOf = (sql: Sql, endpointId: string): Promise<DeliveryRow[]> =>
  sql('select * from webhook_delivery where endpoint_id = ? order by position', [endpointId]) as Promise<DeliveryRow[]>;
