import { createHash, randomUUID } from 'node:crypto';
import type { SqlRunner } from '../../../infra/database/sql-runner';
import { ChannelEventType, ConversationState, MESSAGE_STATUS_RANK, MessageDirection, type ChannelPlatform } from '../domain/channel.enums';
import type { InboundMessage, StatusCallback } from '../domain/inbound';

/** The outbox topic of every conversation change (pushed by `conversationUpdated`). */
export const CONVERSATION_TOPIC = 'channel.conversation.updated';

/** A conversation row as the inbox reads it. */
export interface ConversationRow {
  id: string;
  account_id: string;
  platform: ChannelPlatform;
  account_platform_id: string;
  account_name: string;
  sender_handle: string;
  sender_name: string | null;
  language: string | null;
  state: ConversationState;
  claimed_by: string | null;
  claimed_at: Date | null;
  waiting_since: Date | null;
  first_response_at: Date | null;
  last_inbound_at: Date | null;
  last_outbound_at: Date | null;
  ticket_id: string | null;
  opted_out: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
  reporter_anonymous: boolean | null;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  platform: ChannelPlatform;
  direction: MessageDirection;
  platform_message_id: string | null;
  kind: string;
  text: string | null;
  location_latitude: number | null;
  location_longitude: number | null;
  location_name: string | null;
  location_address: string | null;
  attachment_ref: string | null;
  attachment_mime_type: string | null;
  status: string | null;
  status_at: Date | null;
  status_detail: string | null;
  template_name: string | null;
  sent_by: string | null;
  created_at: Date;
  received_at: Date | null;
}

/** What a claim attempt found. */
export type ClaimOutcome =
  | { kind: 'claimed'; row: ConversationRow }
  | { kind: 'taken'; claimedBy: string; claimedAt: Date | null }
  | { kind: 'closed' }
  | { kind: 'missing' };

const CONVERSATION_SELECT = `
  select c.id, c.account_id, a.platform, a.account_id as account_platform_id, a.display_name as account_name,
         c.sender_handle, c.sender_name, c.language, c.state, c.claimed_by, c.claimed_at, c.waiting_since, c.first_response_at,
         c.last_inbound_at, c.last_outbound_at, c.ticket_id, c.opted_out, c.created_at, c.updated_at, c.version,
         t.reporter_anonymous
    from channel_conversation c
    join official_account a on a.id = c.account_id
    left join ticket t on t.id = c.ticket_id`;

/**
 * pg hands timestamptz over as text through MikroORM's `execute` ("2026-12-03
 * 11:16:56+00") and as a Date through a raw client; rows leave this store
 * with Dates, as their types say (the DateTime scalar refuses the text).
 */
function asDate<T extends Date | null>(value: T | string): T {
  return (typeof value === 'string' ? new Date(value) : value) as T;
}

function datedConversation(row: ConversationRow): ConversationRow {
  return {
    ...row,
    claimed_at: asDate(row.claimed_at), waiting_since: asDate(row.waiting_since), first_response_at: asDate(row.first_response_at),
    last_inbound_at: asDate(row.last_inbound_at), last_outbound_at: asDate(row.last_outbound_at), created_at: asDate(row.created_at), updated_at: asDate(row.updated_at),
  };
}

function datedMessage(row: MessageRow): MessageRow {
  return { ...row, status_at: asDate(row.status_at), created_at: asDate(row.created_at), received_at: asDate(row.received_at) };
}

async function selectConversations(sql: SqlRunner, rest: string, params: readonly unknown[]): Promise<ConversationRow[]> {
  return (await sql.query<ConversationRow>(`${CONVERSATION_SELECT} ${rest}`, params)).map(datedConversation);
}

/**
 * Every SQL statement on the conversation tables (`channel_conversation`,
 * `channel_message`, `channel_event`), on the caller's transaction. Inbound
 * writes never read-then-write: messages go in with ON CONFLICT on their
 * platform id, statuses advance with `WHERE status_rank < new`, claims win
 * with `WHERE state = 'WAITING' OR claimed_by = me`.
 */
export const ConversationStore = {
  /**
   * Stores one inbound message in one statement (the webhooks' hot path:
   * measured, a statement per step made the round trips dominate,
   * bench/README.md): the account must be registered and active; the
   * message goes in unless its platform id is already stored; only then is
   * the conversation opened (with its OPENED event) or moved (last inbound,
   * waiting since), and announced. A CLOSED conversation comes back
   * separately ({@link reopen}), in the caller's transaction.
   * `account`: null when the account is unknown, false when inactive.
   */
  async recordInbound(sql: SqlRunner, m: InboundMessage, now: Date): Promise<{ account: boolean | null; duplicate: boolean; conversationId: string; closed: boolean }> {
    const conversationId = conversationIdFor(m.platform, m.accountId, m.senderHandle);
    const messageId = randomUUID();
    const [row] = await (sql.prepared ?? sql.query)<{ active: boolean | null; stored: boolean; state: ConversationState | null }>(
      `with acct as (
         select id, active from official_account where platform = ? and account_id = ?
       ), msg as (
         insert into channel_message (id, conversation_id, platform, direction, platform_message_id, kind, text,
           location_latitude, location_longitude, location_name, location_address, attachment_ref, attachment_mime_type, created_at, received_at)
         select cast(? as uuid), cast(? as uuid), ?, 'IN', ?, ?, ?, cast(? as double precision), cast(? as double precision), ?, ?, ?, ?, cast(? as timestamptz), cast(? as timestamptz)
           from acct where acct.active
         on conflict (platform, platform_message_id) do nothing
         returning id
       ), conv as (
         insert into channel_conversation as c (id, account_id, sender_handle, sender_name, language, state, waiting_since, last_inbound_at, created_at, updated_at, version, last_event_seq)
         select cast(? as uuid), acct.id, ?, ?, ?, 'WAITING', cast(? as timestamptz), cast(? as timestamptz), cast(? as timestamptz), cast(? as timestamptz), 1, 1 from acct, msg
         on conflict (id) do update set
           last_inbound_at = greatest(coalesce(c.last_inbound_at, excluded.last_inbound_at), excluded.last_inbound_at),
           waiting_since = coalesce(c.waiting_since, excluded.waiting_since),
           sender_name = coalesce(excluded.sender_name, c.sender_name),
           language = coalesce(c.language, excluded.language),
           version = c.version + 1, updated_at = excluded.updated_at
         returning c.id, c.state, c.version, c.claimed_by, (xmax = 0) as opened
       ), opened as (
         insert into channel_event (id, account_id, conversation_id, seq, type, from_state, to_state, actor_id, occurred_at, payload)
         select gen_random_uuid(), acct.id, conv.id, 1, 'OPENED', null, 'WAITING', 'citizen', cast(? as timestamptz), jsonb_build_object('messageId', cast(? as text))
           from conv, acct where conv.opened
         returning 1
       ), announced as (
         insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at)
         select gen_random_uuid(), ?, 'channel_conversation', conv.id,
                jsonb_build_object('conversationId', conv.id, 'state', conv.state, 'version', conv.version, 'claimedBy', conv.claimed_by, 'reason', 'message'), cast(? as timestamptz)
           from conv where conv.state <> 'CLOSED'
         returning 1
       )
       select (select active from acct) as active, exists (select 1 from msg) as stored, (select state from conv) as state`,
      [
        m.platform, m.accountId,
        messageId, conversationId, m.platform, m.platformMessageId, m.kind, m.text,
        m.location?.latitude ?? null, m.location?.longitude ?? null, m.location?.name ?? null, m.location?.address ?? null,
        m.attachmentRef, m.attachmentMimeType, now, m.sentAt,
        conversationId, m.senderHandle, m.senderName, m.language, m.sentAt, m.sentAt, now, now,
        now, messageId,
        CONVERSATION_TOPIC, now,
      ],
      'sigap-channel-inbound-v1',
    );
    const account = row.active === null ? null : row.active;
    return { account, duplicate: account === true && !row.stored, conversationId, closed: row.stored && row.state === ConversationState.CLOSED };
  },

  /** A CLOSED conversation got a new message: back to WAITING, with its REOPENED event and announcement. */
  async reopen(sql: SqlRunner, conversationId: string, at: Date, now: Date): Promise<void> {
    await sql.query(
      `with moved as (
         update channel_conversation set state = 'WAITING', claimed_by = null, claimed_at = null, waiting_since = coalesce(waiting_since, cast(? as timestamptz)),
                last_event_seq = last_event_seq + 1, version = version + 1, updated_at = ?
          where id = ? and state = 'CLOSED'
          returning id, account_id, last_event_seq, version
       ), ev as (
         insert into channel_event (id, account_id, conversation_id, seq, type, from_state, to_state, actor_id, occurred_at, payload)
         select gen_random_uuid(), account_id, id, last_event_seq, 'REOPENED', 'CLOSED', 'WAITING', 'citizen', cast(? as timestamptz), '{}' from moved
         returning 1
       )
       insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at)
       select gen_random_uuid(), ?, 'channel_conversation', id,
              jsonb_build_object('conversationId', id, 'state', 'WAITING', 'version', version, 'claimedBy', null, 'reason', 'reopened'), cast(? as timestamptz)
         from moved`,
      [at, now, conversationId, now, CONVERSATION_TOPIC, now],
    );
  },

  /** Applies a status callback only if it advances (sent < delivered < read; failed terminal) and the account is registered and active. */
  async applyStatus(sql: SqlRunner, s: StatusCallback): Promise<{ account: boolean | null; applied: boolean }> {
    const rank = MESSAGE_STATUS_RANK[s.status];
    const [row] = await sql.query<{ active: boolean | null; applied: boolean }>(
      `with acct as (
         select active from official_account where platform = ? and account_id = ?
       ), moved as (
         update channel_message set status = ?, status_rank = cast(? as int), status_at = ?, status_detail = coalesce(?, status_detail)
          where platform = ? and platform_message_id = ? and direction = 'OUT' and coalesce(status_rank, -1) < cast(? as int)
            and exists (select 1 from acct where active)
          returning id
       )
       select (select active from acct) as active, exists (select 1 from moved) as applied`,
      [s.platform, s.accountId, s.status, rank, s.at, s.detail, s.platform, s.platformMessageId, rank],
    );
    return { account: row.active === null ? null : row.active, applied: row.applied };
  },

  /** One outbox message per changed conversation, for subscribed screens. */
  async announce(sql: SqlRunner, conversationIds: readonly string[], reason: string, now: Date): Promise<void> {
    if (conversationIds.length === 0) return;
    await sql.query(
      `insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at)
       select gen_random_uuid(), ?, 'channel_conversation', c.id,
              jsonb_build_object('conversationId', c.id, 'state', c.state, 'version', c.version, 'claimedBy', c.claimed_by, 'reason', cast(? as text)), ?
         from channel_conversation c where c.id = any(cast(? as uuid[]))`,
      [CONVERSATION_TOPIC, reason, now, `{${conversationIds.join(',')}}`],
    );
  },

  /**
   * The claim: one UPDATE that only a WAITING conversation (or one the
   * claimer already holds) passes, so two call takers never both win.
   */
  async claim(sql: SqlRunner, conversationId: string, userId: string, now: Date): Promise<ClaimOutcome> {
    const won = await sql.query<{ account_id: string; last_event_seq: number; was: ConversationState }>(
      `update channel_conversation c
          set state = 'CLAIMED', claimed_by = ?,
              claimed_at = case when old.state = 'WAITING' then ? else c.claimed_at end,
              version = c.version + case when old.state = 'WAITING' then 1 else 0 end,
              last_event_seq = c.last_event_seq + case when old.state = 'WAITING' then 1 else 0 end,
              updated_at = case when old.state = 'WAITING' then ? else c.updated_at end
         from (select id, state, claimed_by from channel_conversation where id = ? for update) old
        where c.id = old.id and (old.state = 'WAITING' or (old.state = 'CLAIMED' and old.claimed_by = ?))
        returning c.account_id, c.last_event_seq, old.state as was`,
      [userId, now, now, conversationId, userId],
    );
    if (won.length === 1) {
      if (won[0].was === ConversationState.WAITING) {
        await insertEvent(sql, {
          accountUuid: won[0].account_id, conversationId, seq: won[0].last_event_seq, type: ChannelEventType.CLAIMED, from: ConversationState.WAITING, to: ConversationState.CLAIMED, actor: userId, at: now, payload: {},
        });
        await ConversationStore.announce(sql, [conversationId], 'claimed', now);
      }
      return { kind: 'claimed', row: (await ConversationStore.read(sql, conversationId))! };
    }
    const [row] = await sql.query<{ state: ConversationState; claimed_by: string | null; claimed_at: Date | null }>(
      'select state, claimed_by, claimed_at from channel_conversation where id = ?', [conversationId],
    );
    if (!row) return { kind: 'missing' };
    if (row.state === ConversationState.CLOSED) return { kind: 'closed' };
    return { kind: 'taken', claimedBy: row.claimed_by ?? 'unknown', claimedAt: asDate(row.claimed_at) };
  },

  /** Gives a claimed conversation back to the queue; only its holder (or a supervisor, `force`) may. */
  async release(sql: SqlRunner, conversationId: string, userId: string, force: boolean, now: Date): Promise<ConversationRow | null> {
    const rows = await sql.query<{ account_id: string; last_event_seq: number; held_by: string }>(
      `update channel_conversation c
          set state = 'WAITING', claimed_by = null, claimed_at = null, version = c.version + 1, last_event_seq = c.last_event_seq + 1, updated_at = ?
         from (select id, claimed_by from channel_conversation where id = ? for update) old
        where c.id = old.id and c.state = 'CLAIMED' and (c.claimed_by = ? or ?)
        returning c.account_id, c.last_event_seq, old.claimed_by as held_by`,
      [now, conversationId, userId, force],
    );
    if (rows.length === 0) return null;
    await insertEvent(sql, {
      accountUuid: rows[0].account_id, conversationId, seq: rows[0].last_event_seq, type: ChannelEventType.RELEASED, from: ConversationState.CLAIMED, to: ConversationState.WAITING, actor: userId, at: now, payload: { heldBy: rows[0].held_by },
    });
    await ConversationStore.announce(sql, [conversationId], 'released', now);
    return ConversationStore.read(sql, conversationId);
  },

  async read(sql: SqlRunner, conversationId: string): Promise<ConversationRow | null> {
    const [row] = await selectConversations(sql, 'where c.id = ?', [conversationId]);
    return row ?? null;
  },

  async readMany(sql: SqlRunner, ids: readonly string[]): Promise<ConversationRow[]> {
    if (ids.length === 0) return [];
    return selectConversations(sql, 'where c.id = any(cast(? as uuid[]))', [`{${ids.join(',')}}`]);
  },

  /**
   * The inbox: by default open conversations (WAITING first, longest wait
   * first, then CLAIMED), at most `limit`.
   */
  async list(sql: SqlRunner, filter: { states: readonly ConversationState[]; claimedBy: string | null; limit: number }): Promise<ConversationRow[]> {
    return selectConversations(
      sql,
      `where c.state = any(cast(? as text[])) and (cast(? as text) is null or c.claimed_by = ?)
        order by case c.state when 'WAITING' then 0 when 'CLAIMED' then 1 else 2 end, c.waiting_since asc nulls last, c.updated_at desc, c.id
        limit ?`,
      [`{${filter.states.join(',')}}`, filter.claimedBy, filter.claimedBy, filter.limit],
    );
  },

  /** A conversation's messages, oldest first, at most `limit` of the newest. */
  async messages(sql: SqlRunner, conversationId: string, limit: number): Promise<MessageRow[]> {
    const rows = await sql.query<MessageRow>(
      `select * from (
         select id, conversation_id, platform, direction, platform_message_id, kind, text, location_latitude, location_longitude, location_name, location_address,
                attachment_ref, attachment_mime_type, status, status_at, status_detail, template_name, sent_by, created_at, received_at
           from channel_message where conversation_id = ? order by coalesce(received_at, created_at) desc, id desc limit ?
       ) m order by coalesce(received_at, created_at), id`,
      [conversationId, limit],
    );
    return rows.map(datedMessage);
  },

  /**
   * Records a reply to the citizen (for the outbound side): the conversation
   * stops waiting; the first reply of a waiting stretch is the first response
   * (its event written here). Returns how long the citizen waited, or null
   * when nothing was waiting.
   */
  async recordReply(sql: SqlRunner, conversationId: string, actor: string, at: Date): Promise<{ waitedMs: number | null; platform: ChannelPlatform } | null> {
    const rows = await sql.query<{ account_id: string; waited_since: Date | null; last_event_seq: number; platform: ChannelPlatform; state: ConversationState }>(
      `update channel_conversation c
          set waiting_since = null, first_response_at = coalesce(c.first_response_at, ?), last_outbound_at = ?,
              last_event_seq = c.last_event_seq + case when old.waiting_since is null then 0 else 1 end,
              version = c.version + 1, updated_at = ?
         from (select id, waiting_since from channel_conversation where id = ? for update) old, official_account a
        where c.id = old.id and a.id = c.account_id
        returning c.account_id, old.waiting_since as waited_since, c.last_event_seq, a.platform, c.state`,
      [at, at, at, conversationId],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    if (!r.waited_since) return { waitedMs: null, platform: r.platform };
    // A Date from a pg client, a string through the ORM's execute: read both.
    const waitedMs = Math.max(0, at.getTime() - new Date(r.waited_since).getTime());
    await insertEvent(sql, {
      accountUuid: r.account_id, conversationId, seq: r.last_event_seq, type: ChannelEventType.FIRST_RESPONSE, from: r.state, to: r.state, actor, at, payload: { waitedMs },
    });
    return { waitedMs, platform: r.platform };
  },

  /** For the metrics: conversations waiting, those past the first-response SLA, the longest wait. */
  async waitingStats(sql: SqlRunner, now: Date, slaMs: number): Promise<{ waiting: number; overdue: number; oldestSeconds: number }> {
    const [row] = await sql.query<{ waiting: string; overdue: string; oldest: Date | null }>(
      `select count(*) filter (where state = 'WAITING') as waiting,
              count(*) filter (where waiting_since < ?) as overdue,
              min(waiting_since) as oldest
         from channel_conversation where state <> 'CLOSED'`,
      [new Date(now.getTime() - slaMs)],
    );
    return {
      waiting: Number(row.waiting),
      overdue: Number(row.overdue),
      oldestSeconds: row.oldest ? Math.max(0, (now.getTime() - new Date(row.oldest).getTime()) / 1000) : 0,
    };
  },
};

interface EventInput {
  accountUuid: string;
  conversationId: string | null;
  seq: number | null;
  type: ChannelEventType;
  from: ConversationState | null;
  to: ConversationState | null;
  actor: string;
  at: Date;
  payload: Record<string, unknown>;
}

/** The audit row of a change, in the change's transaction. */
export async function insertEvent(sql: SqlRunner, e: EventInput): Promise<void> {
  await sql.query(
    `insert into channel_event (id, account_id, conversation_id, seq, type, from_state, to_state, actor_id, occurred_at, payload)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))`,
    [randomUUID(), e.accountUuid, e.conversationId, e.seq, e.type, e.from, e.to, e.actor, e.at, JSON.stringify(e.payload)],
  );
}

/**
 * The conversation of a sender on an account, as a fixed id (a name-based
 * UUID of platform, platform account id and sender handle), so the inbound
 * statement can insert the message and its conversation together. Whoever
 * creates a conversation row uses this id.
 */
export function conversationIdFor(platform: ChannelPlatform, accountId: string, senderHandle: string): string {
  const h = createHash('sha256').update(`sigap-conversation:${platform}:${accountId}:${senderHandle}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
