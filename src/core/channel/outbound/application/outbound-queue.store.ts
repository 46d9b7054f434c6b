import type { SqlRunner } from '../../../../infra/database/sql-runner';
import type { ChannelPlatform } from '../../domain/channel.enums';
import type { OutboundPurpose } from '../domain/outbound-queue.entity';

/** The channel on which new queue rows wake the dispatchers (NOTIFY is delivered at commit). */
export const CHANNEL_OUTBOUND_CHANNEL = 'sigap_channel_outbound';

/** One logical outbound message to queue, with its channel_message. */
export interface QueueItem {
  readonly messageId: string;
  readonly conversationId: string;
  readonly platform: ChannelPlatform;
  readonly purpose: OutboundPurpose;
  readonly milestone: string | null;
  /** Unique per logical message: a replayed cause adds nothing. Also the channel_message's idempotency key. */
  readonly dedupeKey: string;
  readonly text: string;
  readonly templateName: string | null;
  readonly templateLanguage: string | null;
  readonly templateParameters: readonly string[] | null;
  /** The message's kind as queued (a reply that names a template is a TEMPLATE). */
  readonly kind: 'TEXT' | 'TEMPLATE';
  /** Why a template goes out instead of free text (the delivery record says so). */
  readonly statusDetail: string | null;
  readonly sentBy: string;
}

/** A queue row a dispatcher holds, with what sending it needs. */
export interface ClaimedOutbound {
  readonly id: string;
  readonly messageId: string;
  readonly conversationId: string;
  readonly purpose: OutboundPurpose;
  readonly milestone: string | null;
  readonly text: string;
  readonly templateName: string | null;
  readonly templateLanguage: string | null;
  readonly templateParameters: readonly string[] | null;
  /** Failed attempts before this one. */
  readonly attempts: number;
  readonly leaseToken: string;
  readonly platform: ChannelPlatform;
  /** The official account's platform id (phone_number_id, Page id, bot id). */
  readonly accountId: string;
  readonly accountActive: boolean;
  /** The citizen's handle on the platform. */
  readonly recipient: string;
  readonly lastInboundAt: Date | null;
  readonly optedOut: boolean;
}

/** How one attempt ended, as recorded. */
export type OutboundOutcome =
  | { readonly kind: 'sent'; readonly platformMessageId: string; readonly asTemplate: string | null; readonly detail: string | null }
  | { readonly kind: 'retry'; readonly error: string; readonly retryAt: Date }
  | { readonly kind: 'dead'; readonly error: string }
  | { readonly kind: 'cancelled'; readonly reason: string };

interface ClaimRow {
  id: string;
  message_id: string;
  conversation_id: string;
  purpose: OutboundPurpose;
  milestone: string | null;
  text: string;
  template_name: string | null;
  template_language: string | null;
  template_parameters: string[] | null;
  attempts: number;
  platform: ChannelPlatform;
  account_id: string;
  active: boolean;
  sender_handle: string;
  last_inbound_at: Date | null;
  opted_out: boolean;
}

/**
 * The outbound queue's SQL. Each function runs on the caller's connection
 * (a transaction or not).
 *
 * @example
 * await OutboundQueueStore.enqueue(sql, [item], now); // in the reply's transaction
 * const claimed = await OutboundQueueStore.claim(sql, now, 8, leaseUntil, token);
 */
export const OutboundQueueStore = {
  /**
   * Writes each item's channel_message (QUEUED) and queue row in one
   * statement; an item whose dedupe key exists already adds nothing (the
   * unique keys, never a read-then-write). Returns the message ids that are
   * new, and NOTIFYs the dispatchers when there are any.
   */
  async enqueue(sql: SqlRunner, items: readonly QueueItem[], now: Date): Promise<string[]> {
    if (items.length === 0) return [];
    const rows = await sql.query<{ message_id: string }>(
      `with items as (
         select * from jsonb_to_recordset(cast(? as jsonb)) as i(
           message_id uuid, conversation_id uuid, platform text, purpose text, milestone text, dedupe_key text, text text,
           template_name text, template_language text, template_parameters jsonb, kind text, status_detail text, sent_by text, ord int)
       ), m as (
         insert into channel_message (id, conversation_id, platform, direction, kind, text, status, status_rank, status_at, status_detail,
                                      template_name, sent_by, idempotency_key, created_at)
         select message_id, conversation_id, platform, 'OUT', kind, text, 'QUEUED', 0, cast(? as timestamptz), status_detail,
                template_name, sent_by, dedupe_key, cast(? as timestamptz)
           from items order by ord
         on conflict (idempotency_key) do nothing
         returning id
       ), q as (
         insert into channel_outbound_queue (id, dedupe_key, message_id, conversation_id, purpose, milestone, text, template_name,
                                             template_language, template_parameters, status, attempts, next_attempt_at, created_at)
         select gen_random_uuid(), i.dedupe_key, i.message_id, i.conversation_id, i.purpose, i.milestone, i.text, i.template_name,
                i.template_language, i.template_parameters, 'PENDING', 0, cast(? as timestamptz), cast(? as timestamptz)
           from items i join m on m.id = i.message_id
          order by i.ord
         on conflict (dedupe_key) do nothing
         returning message_id
       ), notified as (
         select pg_notify(cast(? as text), '') from (select 1 from q limit 1) as any_new
       )
       select q.message_id from q left join notified on true`,
      [
        JSON.stringify(items.map((i, ord) => ({
          message_id: i.messageId, conversation_id: i.conversationId, platform: i.platform, purpose: i.purpose, milestone: i.milestone,
          dedupe_key: i.dedupeKey, text: i.text, template_name: i.templateName, template_language: i.templateLanguage,
          template_parameters: i.templateParameters, kind: i.kind, status_detail: i.statusDetail, sent_by: i.sentBy, ord,
        }))),
        now, now, now, now, CHANNEL_OUTBOUND_CHANNEL,
      ],
    );
    return rows.map((r) => r.message_id);
  },

  /**
   * Leases up to `limit` due rows, skipping rows another dispatcher holds. A
   * row waits while an earlier row of its conversation is still pending
   * (leased, backing off): one citizen's messages arrive in order.
   */
  async claim(sql: SqlRunner, now: Date, limit: number, leasedUntil: Date, leaseToken: string): Promise<ClaimedOutbound[]> {
    const rows = await sql.query<ClaimRow>(
      `with due as (
         select q.id from channel_outbound_queue q
          where q.status = 'PENDING' and q.next_attempt_at <= ? and (q.leased_until is null or q.leased_until <= ?)
            and not exists (select 1 from channel_outbound_queue p
                             where p.conversation_id = q.conversation_id and p.status = 'PENDING' and p.position < q.position)
          order by q.next_attempt_at, q.position
          limit ?
          for update of q skip locked
       )
       update channel_outbound_queue q set leased_until = ?, lease_token = ?
         from due, channel_conversation c, official_account a
        where q.id = due.id and c.id = q.conversation_id and a.id = c.account_id
       returning q.id, q.message_id, q.conversation_id, q.purpose, q.milestone, q.text, q.template_name, q.template_language,
                 q.template_parameters, q.attempts, a.platform, a.account_id, a.active, c.sender_handle, c.last_inbound_at, c.opted_out`,
      [now, now, limit, leasedUntil, leaseToken],
    );
    return rows.map((r) => ({
      id: r.id,
      messageId: r.message_id,
      conversationId: r.conversation_id,
      purpose: r.purpose,
      milestone: r.milestone,
      text: r.text,
      templateName: r.template_name,
      templateLanguage: r.template_language,
      templateParameters: r.template_parameters,
      attempts: r.attempts,
      leaseToken,
      platform: r.platform,
      accountId: r.account_id,
      accountActive: r.active,
      recipient: r.sender_handle,
      lastInboundAt: r.last_inbound_at ? new Date(r.last_inbound_at) : null,
      optedOut: r.opted_out,
    }));
  },

  /**
   * Records an attempt on the queue row and its channel_message, only while
   * the lease is still this dispatcher's (a result that comes back after the
   * lease ran out and another dispatcher took over is dropped). A status
   * callback that already advanced the message is kept (rank only grows).
   */
  async record(sql: SqlRunner, claimed: ClaimedOutbound, outcome: OutboundOutcome, now: Date): Promise<boolean> {
    const status = outcome.kind === 'sent' ? 'SENT' : outcome.kind === 'retry' ? 'PENDING' : outcome.kind === 'dead' ? 'DEAD' : 'CANCELLED';
    const error = outcome.kind === 'retry' || outcome.kind === 'dead' ? outcome.error.slice(0, 1000) : outcome.kind === 'cancelled' ? outcome.reason : null;
    const message = outcome.kind === 'sent'
      ? { status: 'SENT', rank: 1, detail: outcome.detail, platformId: outcome.platformMessageId, template: outcome.asTemplate }
      : outcome.kind === 'retry' ? null
        : { status: 'FAILED', rank: 4, detail: error, platformId: null, template: null };
    const rows = await sql.query<{ id: string }>(
      `with q as (
         update channel_outbound_queue
            set status = ?, attempts = attempts + case when ? = 'CANCELLED' then 0 else 1 end, last_error = ?,
                next_attempt_at = coalesce(cast(? as timestamptz), next_attempt_at),
                sent_at = case when ? = 'SENT' then cast(? as timestamptz) else sent_at end,
                dead_at = case when ? = 'DEAD' then cast(? as timestamptz) else dead_at end,
                leased_until = null, lease_token = null
          where id = ? and lease_token = ?
         returning id, message_id
       ), m as (
         update channel_message cm
            set platform_message_id = coalesce(cast(? as text), cm.platform_message_id),
                status = case when coalesce(cm.status_rank, -1) < cast(? as int) then cast(? as text) else cm.status end,
                status_rank = greatest(coalesce(cm.status_rank, -1), cast(? as int)),
                status_at = case when coalesce(cm.status_rank, -1) < cast(? as int) then cast(? as timestamptz) else cm.status_at end,
                status_detail = coalesce(cast(? as text), cm.status_detail),
                template_name = coalesce(cast(? as text), cm.template_name),
                kind = case when cast(? as text) is not null then 'TEMPLATE' else cm.kind end
           from q
          where cm.id = q.message_id and cast(? as boolean)
         returning cm.id
       )
       select q.id from q left join m on true`,
      [
        status, status, error, outcome.kind === 'retry' ? outcome.retryAt : null, status, now, status, now, claimed.id, claimed.leaseToken,
        message?.platformId ?? null, message?.rank ?? 0, message?.status ?? 'QUEUED', message?.rank ?? 0, message?.rank ?? 0, now,
        message?.detail ?? null, message?.template ?? null, message?.template ?? null, message !== null,
      ],
    );
    return rows.length > 0;
  },

  /** The conversations a ticket's milestones go to: linked to it, not opted out, on an active account. */
  async recipientsOf(sql: SqlRunner, ticketIds: readonly string[]): Promise<Array<{ conversationId: string; ticketId: string; platform: ChannelPlatform; language: string | null }>> {
    if (ticketIds.length === 0) return [];
    const rows = await sql.query<{ id: string; ticket_id: string; platform: ChannelPlatform; language: string | null }>(
      `select c.id, c.ticket_id, a.platform, c.language
         from channel_conversation c join official_account a on a.id = c.account_id
        where c.ticket_id = any(cast(? as uuid[])) and not c.opted_out and a.active`,
      [`{${ticketIds.join(',')}}`],
    );
    return rows.map((r) => ({ conversationId: r.id, ticketId: r.ticket_id, platform: r.platform, language: r.language }));
  },
};
