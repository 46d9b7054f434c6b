import type { SqlRunner } from '../../../../infra/database/sql-runner';
import { ChannelEventType, ChannelPlatform, ConversationState } from '../../domain/channel.enums';
import { insertEvent } from '../../infrastructure/conversation.store';

/** A conversation, locked for an outbound command. */
export interface LockedConversation {
  readonly id: string;
  readonly accountUuid: string;
  readonly platform: ChannelPlatform;
  /** The official account's platform id (phone_number_id, Page id, bot id). */
  readonly accountPlatformId: string;
  readonly accountActive: boolean;
  readonly senderHandle: string;
  readonly senderName: string | null;
  readonly language: string | null;
  readonly state: ConversationState;
  readonly claimedBy: string | null;
  readonly lastInboundAt: Date | null;
  readonly ticketId: string | null;
  readonly optedOut: boolean;
}

/** The inbound message a ticket refers to. */
export interface InboundReference {
  readonly messageId: string;
  readonly platformMessageId: string;
  readonly text: string | null;
  readonly receivedAt: Date | null;
}

interface LockRow {
  id: string;
  account_id: string;
  platform: ChannelPlatform;
  account_platform_id: string;
  active: boolean;
  sender_handle: string;
  sender_name: string | null;
  language: string | null;
  state: ConversationState;
  claimed_by: string | null;
  last_inbound_at: Date | null;
  ticket_id: string | null;
  opted_out: boolean;
}

/**
 * The outbound commands' SQL on the conversation tables, on the caller's
 * transaction: lock a conversation (so a reply, a link and a close of one
 * conversation never interleave), link it to a ticket, close it.
 */
export const ConversationOutboundStore = {
  /** Locks the conversation until the transaction ends; null when it does not exist. */
  async lock(sql: SqlRunner, conversationId: string): Promise<LockedConversation | null> {
    const [r] = await sql.query<LockRow>(
      `select c.id, c.account_id, a.platform, a.account_id as account_platform_id, a.active, c.sender_handle, c.sender_name, c.language,
              c.state, c.claimed_by, c.last_inbound_at, c.ticket_id, c.opted_out
         from channel_conversation c join official_account a on a.id = c.account_id
        where c.id = ? for update of c`,
      [conversationId],
    );
    if (!r) return null;
    return {
      id: r.id, accountUuid: r.account_id, platform: r.platform, accountPlatformId: r.account_platform_id, accountActive: r.active,
      senderHandle: r.sender_handle, senderName: r.sender_name, language: r.language, state: r.state, claimedBy: r.claimed_by,
      lastInboundAt: r.last_inbound_at ? new Date(r.last_inbound_at) : null, ticketId: r.ticket_id, optedOut: r.opted_out,
    };
  },

  /**
   * The inbound message a ticket made from the conversation refers to: the
   * one named, or the latest. Null when the conversation has none (or the
   * named one is not an inbound message of it).
   */
  async inboundReference(sql: SqlRunner, conversationId: string, messageId: string | null): Promise<InboundReference | null> {
    const [r] = await sql.query<{ id: string; platform_message_id: string; text: string | null; received_at: Date | null }>(
      `select id, platform_message_id, text, received_at from channel_message
        where conversation_id = ? and direction = 'IN' and platform_message_id is not null and (cast(? as uuid) is null or id = cast(? as uuid))
        order by coalesce(received_at, created_at) desc, id desc limit 1`,
      [conversationId, messageId, messageId],
    );
    return r ? { messageId: r.id, platformMessageId: r.platform_message_id, text: r.text, receivedAt: r.received_at ? new Date(r.received_at) : null } : null;
  },

  /** The inbound text since the conversation last had an answer (oldest first), to describe a ticket. */
  async unansweredText(sql: SqlRunner, conversationId: string, limit = 20): Promise<string[]> {
    const rows = await sql.query<{ text: string }>(
      `select text from (
         select text, coalesce(received_at, created_at) as at, id from channel_message m
          where m.conversation_id = ? and m.direction = 'IN' and m.text is not null and m.text <> ''
            and coalesce(m.received_at, m.created_at) > coalesce((select max(created_at) from channel_message o where o.conversation_id = m.conversation_id and o.direction = 'OUT'), '-infinity')
          order by at desc, id desc limit ?
       ) t order by at, id`,
      [conversationId, limit],
    );
    return rows.map((r) => r.text);
  },

  /** The latest location the citizen shared, if any. */
  async lastLocation(sql: SqlRunner, conversationId: string): Promise<{ latitude: number; longitude: number; address: string | null } | null> {
    const [r] = await sql.query<{ location_latitude: number; location_longitude: number; location_address: string | null; location_name: string | null }>(
      `select location_latitude, location_longitude, location_address, location_name from channel_message
        where conversation_id = ? and direction = 'IN' and location_latitude is not null and location_longitude is not null
        order by coalesce(received_at, created_at) desc, id desc limit 1`,
      [conversationId],
    );
    return r ? { latitude: Number(r.location_latitude), longitude: Number(r.location_longitude), address: r.location_address ?? r.location_name } : null;
  },

  /**
   * Links a locked conversation to a ticket, with its TICKET_LINKED event.
   * False when it is linked to another ticket already.
   */
  async linkTicket(sql: SqlRunner, c: LockedConversation, ticketId: string, actor: string, now: Date, payload: Record<string, unknown>): Promise<boolean> {
    if (c.ticketId === ticketId) return true;
    if (c.ticketId) return false;
    const [row] = await sql.query<{ last_event_seq: number }>(
      `update channel_conversation set ticket_id = ?, last_event_seq = last_event_seq + 1, version = version + 1, updated_at = ?
        where id = ? and ticket_id is null returning last_event_seq`,
      [ticketId, now, c.id],
    );
    if (!row) return false;
    await insertEvent(sql, { accountUuid: c.accountUuid, conversationId: c.id, seq: row.last_event_seq, type: ChannelEventType.TICKET_LINKED, from: c.state, to: c.state, actor, at: now, payload: { ticketId, ...payload } });
    return true;
  },

  /** Closes a locked conversation (a new message from the citizen opens it again), with its CLOSED event. */
  async close(sql: SqlRunner, c: LockedConversation, actor: string, now: Date, payload: Record<string, unknown>): Promise<void> {
    if (c.state === ConversationState.CLOSED) return;
    const [row] = await sql.query<{ last_event_seq: number }>(
      `update channel_conversation set state = 'CLOSED', claimed_by = null, claimed_at = null, waiting_since = null,
              last_event_seq = last_event_seq + 1, version = version + 1, updated_at = ?
        where id = ? returning last_event_seq`,
      [now, c.id],
    );
    await insertEvent(sql, { accountUuid: c.accountUuid, conversationId: c.id, seq: row.last_event_seq, type: ChannelEventType.CLOSED, from: c.state, to: ConversationState.CLOSED, actor, at: now, payload });
  },

  /** An outbound message by its idempotency key (a retried reply). */
  async messageByKey(sql: SqlRunner, key: string): Promise<{ id: string; conversationId: string; templateName: string | null } | null> {
    const [r] = await sql.query<{ id: string; conversation_id: string; template_name: string | null }>(
      'select id, conversation_id, template_name from channel_message where idempotency_key = ?', [key],
    );
    return r ? { id: r.id, conversationId: r.conversation_id, templateName: r.template_name } : null;
  },
};

/**
 * Marks a conversation opted out of (or back into) status updates, with its
 * event, in the inbound message's transaction. Nothing when it already was.
 */
export async function applyOptOut(sql: SqlRunner, conversationId: string, out: boolean, messageId: string | null, now: Date): Promise<boolean> {
  const [row] = await sql.query<{ account_id: string; last_event_seq: number; state: ConversationState }>(
    `update channel_conversation set opted_out = ?, last_event_seq = last_event_seq + 1, version = version + 1, updated_at = ?
      where id = ? and opted_out <> ? returning account_id, last_event_seq, state`,
    [out, now, conversationId, out],
  );
  if (!row) return false;
  await insertEvent(sql, {
    accountUuid: row.account_id, conversationId, seq: row.last_event_seq, type: out ? ChannelEventType.OPTED_OUT : ChannelEventType.OPTED_IN,
    from: row.state, to: row.state, actor: 'citizen', at: now, payload: { messageId },
  });
  return true;
}
