import { randomUUID } from 'node:crypto';
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
 * Every SQL statement on the conversation tables (`channel_conversation`,
 * `channel_message`, `channel_event`), on the caller's transaction. Inbound
 * writes never read-then-write: messages go in with ON CONFLICT on their
 * platform id, statuses advance with `WHERE status_rank < new`, claims win
 * with `WHERE state = 'WAITING' OR claimed_by = me`.
 */
export const ConversationStore = {
  /**
   * Stores one inbound message: opens the conversation if it is the sender's
   * first, inserts the message unless its platform id is already stored,
   * and moves the conversation (waiting since, last inbound, a CLOSED one
   * back to WAITING, with its event). `duplicate`: nothing was written.
   */
  async recordInbound(sql: SqlRunner, accountUuid: string, m: InboundMessage, now: Date): Promise<{ duplicate: boolean; conversationId: string; changed: boolean }> {
    const opened = await sql.query<{ id: string }>(
      `insert into channel_conversation (id, account_id, sender_handle, sender_name, language, state, waiting_since, last_inbound_at, created_at, updated_at, version, last_event_seq)
       values (?, ?, ?, ?, ?, 'WAITING', ?, ?, ?, ?, 1, 1)
       on conflict (account_id, sender_handle) do nothing returning id`,
      [randomUUID(), accountUuid, m.senderHandle, m.senderName, m.language, m.sentAt, m.sentAt, now, now],
    );
    let conversationId: string;
    if (opened.length === 1) {
      conversationId = opened[0].id;
    } else {
      // A new statement: it sees the row a concurrent delivery just committed.
      const [found] = await sql.query<{ id: string }>('select id from channel_conversation where account_id = ? and sender_handle = ?', [accountUuid, m.senderHandle]);
      conversationId = found.id;
    }
    const inserted = await sql.query<{ id: string }>(
      `insert into channel_message (id, conversation_id, platform, direction, platform_message_id, kind, text,
         location_latitude, location_longitude, location_name, location_address, attachment_ref, attachment_mime_type, created_at, received_at)
       values (?, ?, ?, 'IN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (platform, platform_message_id) do nothing returning id`,
      [
        randomUUID(), conversationId, m.platform, m.platformMessageId, m.kind, m.text,
        m.location?.latitude ?? null, m.location?.longitude ?? null, m.location?.name ?? null, m.location?.address ?? null,
        m.attachmentRef, m.attachmentMimeType, now, m.sentAt,
      ],
    );
    if (inserted.length === 0) return { duplicate: true, conversationId, changed: false };
    if (opened.length === 1) {
      await insertEvent(sql, { accountUuid, conversationId, seq: 1, type: ChannelEventType.OPENED, from: null, to: ConversationState.WAITING, actor: 'citizen', at: now, payload: { messageId: inserted[0].id } });
      return { duplicate: false, conversationId, changed: true };
    }
    // The row lock orders concurrent messages of one sender; the old state decides the event.
    const [before] = await sql.query<{ state: ConversationState; last_event_seq: number }>(
      'select state, last_event_seq from channel_conversation where id = ? for update', [conversationId],
    );
    const reopen = before.state === ConversationState.CLOSED;
    await sql.query(
      `update channel_conversation
          set last_inbound_at = greatest(coalesce(last_inbound_at, ?), ?),
              waiting_since = coalesce(waiting_since, ?),
              sender_name = coalesce(?, sender_name),
              language = coalesce(language, ?),
              state = case when state = 'CLOSED' then 'WAITING' else state end,
              claimed_by = case when state = 'CLOSED' then null else claimed_by end,
              claimed_at = case when state = 'CLOSED' then null else claimed_at end,
              last_event_seq = last_event_seq + ?,
              version = version + 1, updated_at = ?
        where id = ?`,
      [m.sentAt, m.sentAt, m.sentAt, m.senderName, m.language, reopen ? 1 : 0, now, conversationId],
    );
    if (reopen) {
      await insertEvent(sql, {
        accountUuid, conversationId, seq: before.last_event_seq + 1, type: ChannelEventType.REOPENED, from: ConversationState.CLOSED, to: ConversationState.WAITING, actor: 'citizen', at: now, payload: { messageId: inserted[0].id },
      });
    }
    return { duplicate: false, conversationId, changed: true };
  },

  /** Applies a status callback only if it advances the message (sent < delivered < read; failed is terminal). */
  async applyStatus(sql: SqlRunner, s: StatusCallback): Promise<boolean> {
    const rank = MESSAGE_STATUS_RANK[s.status];
    const rows = await sql.query<{ id: string }>(
      `update channel_message set status = ?, status_rank = ?, status_at = ?, status_detail = coalesce(?, status_detail)
        where platform = ? and platform_message_id = ? and direction = 'OUT' and coalesce(status_rank, -1) < ?
        returning id`,
      [s.status, rank, s.at, s.detail, s.platform, s.platformMessageId, rank],
    );
    return rows.length > 0;
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
    return { kind: 'taken', claimedBy: row.claimed_by ?? 'unknown', claimedAt: row.claimed_at };
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
    const [row] = await sql.query<ConversationRow>(`${CONVERSATION_SELECT} where c.id = ?`, [conversationId]);
    return row ?? null;
  },

  async readMany(sql: SqlRunner, ids: readonly string[]): Promise<ConversationRow[]> {
    if (ids.length === 0) return [];
    return sql.query<ConversationRow>(`${CONVERSATION_SELECT} where c.id = any(cast(? as uuid[]))`, [`{${ids.join(',')}}`]);
  },

  /**
   * The inbox: by default open conversations (WAITING first, longest wait
   * first, then CLAIMED), at most `limit`.
   */
  async list(sql: SqlRunner, filter: { states: readonly ConversationState[]; claimedBy: string | null; limit: number }): Promise<ConversationRow[]> {
    return sql.query<ConversationRow>(
      `${CONVERSATION_SELECT}
        where c.state = any(cast(? as text[])) and (cast(? as text) is null or c.claimed_by = ?)
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
    return rows;
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
