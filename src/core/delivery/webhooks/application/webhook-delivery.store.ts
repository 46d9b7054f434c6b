import type { SqlRunner } from '../../../../infra/database/sql-runner';
import { WebhookDeliveryStatus } from '../domain/webhook-delivery.entity';
import type { WebhookPayload } from '../domain/webhook-event';
import { WEBHOOK_CHANNEL } from './webhook-settings';

/** One outbox message as the fan-out needs it: the events it counts as, its OPD and its thin body. */
export interface FanOutRow {
  readonly id: string;
  readonly position: string;
  readonly topic: string;
  readonly ticketId: string;
  readonly opdCode: string;
  readonly events: readonly string[];
  readonly payload: WebhookPayload;
}

/** A delivery a dispatcher holds: what to send, where, and with which secrets. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly messageId: string;
  readonly ticketId: string;
  readonly payload: WebhookPayload;
  /** Failed attempts before this one. */
  readonly attempts: number;
  readonly url: string;
  /** The current secret first, then the previous one while its grace lasts. */
  readonly secrets: readonly string[];
  readonly leaseToken: string;
}

/** How one attempt ended, as recorded. */
export type AttemptRecord =
  | { readonly kind: 'delivered'; readonly statusCode: number }
  | { readonly kind: 'failed'; readonly statusCode: number | null; readonly error: string; readonly retryAt: Date | null }
  | { readonly kind: 'gone'; readonly statusCode: number; readonly error: string };

interface ClaimRow {
  id: string;
  endpoint_id: string;
  message_id: string;
  ticket_id: string;
  payload: WebhookPayload;
  attempts: number;
  url: string;
  secret: string;
  previous_secret: string | null;
}

/**
 * The webhook tables' SQL for the relay's fan-out and the dispatcher. Each
 * function runs on the caller's connection (a transaction or not).
 *
 * @example
 * const claimed = await WebhookDeliveryStore.claim(sql, now, 16, leaseUntil, token);
 */
export const WebhookDeliveryStore = {
  /**
   * One delivery per (active endpoint of the message's OPD that asked for
   * one of its events, message), in one statement for the whole batch; a
   * message handed over twice adds nothing (the unique key). NOTIFYs the
   * dispatchers when something was added (delivered at commit).
   */
  async fanOut(sql: SqlRunner, rows: readonly FanOutRow[], now: Date): Promise<void> {
    await sql.query(
      `with m as (
         select * from jsonb_to_recordset(cast(? as jsonb))
           as m(id uuid, position bigint, topic text, ticket_id uuid, opd_code text, events jsonb, payload jsonb)
       ), inserted as (
         insert into webhook_delivery (id, endpoint_id, message_id, ticket_id, position, topic, payload, status, attempts, next_attempt_at, created_at)
         select gen_random_uuid(), e.id, m.id, m.ticket_id, m.position, m.topic, m.payload, 'PENDING', 0, cast(? as timestamptz), cast(? as timestamptz)
           from m
           join webhook_endpoint e on e.opd_code = m.opd_code and e.disabled_at is null
                                  and e.events && array(select jsonb_array_elements_text(m.events))
          order by m.position
         on conflict on constraint webhook_delivery_endpoint_message_unique do nothing
         returning 1
       )
       select pg_notify(cast(? as text), '') from (select 1 from inserted limit 1) as any_new`,
      [JSON.stringify(rows.map((r) => ({ id: r.id, position: r.position, topic: r.topic, ticket_id: r.ticketId, opd_code: r.opdCode, events: r.events, payload: r.payload }))), now, now, WEBHOOK_CHANNEL],
    );
  },

  /**
   * Leases up to `limit` due deliveries of active endpoints, skipping rows
   * another dispatcher is claiming. A delivery waits while an earlier one of
   * the same ticket to the same endpoint is still pending (leased, backing
   * off or not yet due): one ticket's webhooks reach an endpoint in order,
   * and never two at once. Delivered, dead and cancelled ones do not block.
   */
  async claim(sql: SqlRunner, now: Date, limit: number, leasedUntil: Date, leaseToken: string): Promise<ClaimedDelivery[]> {
    const rows = await sql.query<ClaimRow>(
      `with due as (
         select d.id from webhook_delivery d
           join webhook_endpoint e on e.id = d.endpoint_id and e.disabled_at is null
          where d.status = 'PENDING' and d.next_attempt_at <= ? and (d.leased_until is null or d.leased_until <= ?)
            and not exists (select 1 from webhook_delivery p
                             where p.endpoint_id = d.endpoint_id and p.ticket_id = d.ticket_id
                               and p.status = 'PENDING' and p.position < d.position)
          order by d.next_attempt_at, d.position
          limit ?
          for update of d skip locked
       )
       update webhook_delivery d set leased_until = ?, lease_token = ?
         from due, webhook_endpoint e
        where d.id = due.id and e.id = d.endpoint_id
       returning d.id, d.endpoint_id, d.message_id, d.ticket_id, d.payload, d.attempts, e.url, e.secret,
                 case when e.previous_secret_until > ? then e.previous_secret end as previous_secret`,
      [now, now, limit, leasedUntil, leaseToken, now],
    );
    return rows.map((r) => ({
      id: r.id,
      endpointId: r.endpoint_id,
      messageId: r.message_id,
      ticketId: r.ticket_id,
      payload: r.payload,
      attempts: r.attempts,
      url: r.url,
      secrets: r.previous_secret ? [r.secret, r.previous_secret] : [r.secret],
      leaseToken,
    }));
  },

  /**
   * Records an attempt, only while the lease is still this dispatcher's (a
   * result that comes back after the lease ran out and another dispatcher
   * took over is dropped). A 410 Gone disables the endpoint with the reason
   * and cancels its pending deliveries.
   */
  async record(sql: SqlRunner, delivery: ClaimedDelivery, result: AttemptRecord, now: Date): Promise<boolean> {
    const status = result.kind === 'delivered' ? WebhookDeliveryStatus.DELIVERED
      : result.kind === 'gone' ? WebhookDeliveryStatus.CANCELLED
        : result.retryAt ? WebhookDeliveryStatus.PENDING : WebhookDeliveryStatus.DEAD;
    const updated = await sql.query<{ id: string }>(
      `update webhook_delivery
          set attempts = attempts + 1, status = ?, last_attempt_at = ?, last_status_code = ?, last_error = ?,
              next_attempt_at = coalesce(cast(? as timestamptz), next_attempt_at),
              delivered_at = case when ? = 'DELIVERED' then cast(? as timestamptz) else delivered_at end,
              dead_at = case when ? = 'DEAD' then cast(? as timestamptz) else dead_at end,
              leased_until = null, lease_token = null
        where id = ? and lease_token = ?
        returning id`,
      [status, now, result.statusCode, result.kind === 'delivered' ? null : result.error.slice(0, 1000),
        result.kind === 'failed' ? result.retryAt : null, status, now, status, now, delivery.id, delivery.leaseToken],
    );
    if (updated.length > 0 && result.kind === 'gone') {
      await WebhookDeliveryStore.disableEndpoint(sql, delivery.endpointId, `The receiver answered 410 Gone at ${now.toISOString()}`, now);
    }
    return updated.length > 0;
  },

  /** Disables an endpoint (keeping the first reason) and cancels its pending deliveries. */
  async disableEndpoint(sql: SqlRunner, endpointId: string, reason: string, now: Date): Promise<void> {
    await sql.query(
      `update webhook_endpoint set disabled_at = coalesce(disabled_at, ?), disabled_reason = coalesce(disabled_reason, ?), updated_at = ? where id = ?`,
      [now, reason, now, endpointId],
    );
    await sql.query(
      `update webhook_delivery set status = 'CANCELLED', last_error = ?, leased_until = null, lease_token = null
        where endpoint_id = ? and status = 'PENDING'`,
      [`Cancelled: the endpoint was disabled (${reason})`.slice(0, 1000), endpointId],
    );
  },

  /**
   * Queues a delivery again for a fresh round of attempts (same message id,
   * so the same webhook-id); false while it is being sent.
   */
  /** Deletes up to `limit` finished deliveries (delivered, dead, cancelled) created before `before`; returns how many. */
  async prune(sql: SqlRunner, before: Date, limit: number): Promise<number> {
    const rows = await sql.query<{ id: string }>(
      `delete from webhook_delivery where id in (
         select id from webhook_delivery where status <> 'PENDING' and created_at < ? order by created_at limit ? for update skip locked
       ) returning id`,
      [before, limit],
    );
    return rows.length;
  },

  async requeue(sql: SqlRunner, id: string, now: Date): Promise<boolean> {
    const rows = await sql.query<{ id: string }>(
      `update webhook_delivery
          set status = 'PENDING', attempts = 0, next_attempt_at = ?, dead_at = null, delivered_at = null, last_error = null,
              leased_until = null, lease_token = null
        where id = ? and (lease_token is null or leased_until <= ?)
        returning id`,
      [now, id, now],
    );
    if (rows.length > 0) await sql.query('select pg_notify(?, ?)', [WEBHOOK_CHANNEL, '']);
    return rows.length > 0;
  },
};
