import { Injectable, OnModuleInit } from '@nestjs/common';
import type { SqlRunner } from '../../../../infra/database/sql-runner';
import type { OutboxRecord } from '../../../shared';
import { DeliveryTarget, DeliveryTargets } from '../../relay/delivery-target';
import { eventsOf, thinPayload } from '../domain/webhook-event';
import { FanOutRow, WebhookDeliveryStore } from './webhook-delivery.store';

/**
 * The relay's webhook target: in the relay's transaction, one delivery row
 * per (matching active endpoint, message), written by one set-based INSERT
 * per batch. Which events a message counts as and its thin body are decided
 * here, once per message; the OPD and the event filter are matched in SQL.
 * A message of no OPD (an untriaged ticket) reaches no endpoint.
 *
 * @example
 * await target.accept(sql, batch, now); // inside OutboxRelay.relayOnce's transaction
 */
@Injectable()
export class WebhookTarget implements DeliveryTarget, OnModuleInit {
  readonly name = 'webhooks';

  constructor(private readonly targets: DeliveryTargets) {}

  onModuleInit(): void {
    this.targets.register(this);
  }

  async accept(sql: SqlRunner, messages: readonly OutboxRecord[], now: Date): Promise<void> {
    const rows: FanOutRow[] = [];
    for (const message of messages) {
      const opdCode = message.payload.opdCode;
      if (typeof opdCode !== 'string' || !opdCode) continue;
      const events = eventsOf(message.topic, message.payload);
      if (events.length === 0) continue;
      rows.push({ id: message.id, position: message.position, topic: message.topic, ticketId: message.aggregateId, opdCode, events, payload: thinPayload(message) });
    }
    if (rows.length > 0) await WebhookDeliveryStore.fanOut(sql, rows, now);
  }
}
