import type { SqlRunner } from '../../../infra/database/sql-runner';

/** An outbox message as the relay and its delivery targets see it. */
export interface OutboxRecord {
  readonly id: string;
  /** Insertion order (bigint as text). */
  readonly position: string;
  readonly topic: string;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly payload: Record<string, unknown>;
  readonly createdAt: Date;
  /** Failed attempts so far. */
  readonly attempts: number;
}

/** A published message, numbered in commit order. */
export interface PublishedRecord extends OutboxRecord {
  readonly seq: number;
  readonly publishedAt: Date;
}

/** A message the relay gave up on. */
export interface DeadLetterRecord extends OutboxRecord {
  readonly deadAt: Date;
  readonly lastError: string | null;
}

interface Row {
  id: string;
  position: string;
  topic: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
  attempts: number;
  published_seq?: string;
  published_at?: Date;
  dead_at?: Date;
  last_error?: string | null;
}

const COLUMNS = 'id, position, topic, aggregate_type, aggregate_id, payload, created_at, attempts';

/** The channel on which each publishing transaction announces the stream's new end. */
export const PUBLISHED_CHANNEL = 'sigap_published';
/** The channel on which every outbox insert wakes the relays. */
export const OUTBOX_CHANNEL = 'sigap_outbox';

/**
 * The outbox table's SQL: what the relay claims, publishes, retries and
 * gives up on, and the published stream that subscriptions read. Every
 * function runs on the caller's transaction.
 *
 * @example
 * const { records } = await OutboxStore.claim(sql, now, 200); // locked until the transaction ends
 * await OutboxStore.publish(sql, records.map((m) => m.id), now);
 */
export const OutboxStore = {
  /**
   * Locks up to `limit` due messages (first attempts, and retries whose
   * backoff has passed), skipping rows another relay holds. A message is
   * left out while an earlier message of the same aggregate is still pending
   * outside this batch (held by another relay, or backing off), so each
   * ticket's messages are published in order. `full`: the batch was full, so
   * more may be waiting.
   */
  async claim(sql: SqlRunner, now: Date, limit: number): Promise<{ records: OutboxRecord[]; full: boolean }> {
    // One statement: the relay runs it for every batch, and each round trip counts under load.
    const rows = await sql.query<Row & { blocked_from: string | null }>(
      `with claimed as (
         select ${COLUMNS} from outbox_message m
          where published_at is null and dead_at is null and (attempts = 0 or next_attempt_at <= ?)
            -- Behind a message that failed and waits for its retry: wait too, without taking a place in the batch.
            and not exists (select 1 from outbox_message p
                             where p.aggregate_id = m.aggregate_id and p.published_at is null and p.dead_at is null
                               and p.position < m.position and p.attempts > 0)
          order by position
          limit ?
          for update skip locked
       ), blockers as (
         -- Earlier messages of the same aggregate still pending outside this batch (another relay holds them).
         select o.aggregate_id, min(o.position) as blocked_from from outbox_message o
          where o.aggregate_id in (select aggregate_id from claimed) and o.published_at is null and o.dead_at is null
            and o.id not in (select id from claimed)
          group by o.aggregate_id
       )
       select c.*, b.blocked_from from claimed c left join blockers b on b.aggregate_id = c.aggregate_id order by c.position`,
      [now, limit],
    );
    const records = rows.filter((r) => r.blocked_from === null || BigInt(r.position) < BigInt(r.blocked_from)).map(toRecord);
    return { records, full: rows.length === limit };
  },

  /**
   * Marks the messages published, numbering them in the given order after
   * the stream's end, and announces the new end. The counter row stays
   * locked until commit, so numbers are handed out in commit order: a reader
   * that sees number n sees every number below it.
   */
  async publish(sql: SqlRunner, ids: readonly string[], now: Date): Promise<number | null> {
    if (ids.length === 0) return null;
    // One statement (a data-modifying WITH runs exactly once): the counter, the rows, the announcement.
    const [{ last_seq }] = await sql.query<{ last_seq: string }>(
      `with counter as (
         update outbox_stream set last_seq = last_seq + ? where id = 1 returning last_seq
       ), marked as (
         update outbox_message m set published_at = ?, published_seq = counter.last_seq - ? + t.ord
           from counter, unnest(cast(? as uuid[])) with ordinality as t(id, ord)
          where m.id = t.id
         returning 1
       )
       select counter.last_seq, pg_notify(?, counter.last_seq::text) from counter`,
      [ids.length, now, ids.length, toArray(ids), PUBLISHED_CHANNEL],
    );
    return Number(last_seq);
  },

  /** Records a failed attempt: retried at `retryAt`, or dead-lettered when `retryAt` is null. */
  async fail(sql: SqlRunner, id: string, error: string, retryAt: Date | null, now: Date): Promise<void> {
    await sql.query(
      'update outbox_message set attempts = attempts + 1, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at), dead_at = ? where id = ?',
      [error.slice(0, 2000), retryAt, retryAt ? null : now, id],
    );
  },

  /** Published messages after `afterSeq`, in stream order. */
  async readPublished(sql: SqlRunner, afterSeq: number, limit: number): Promise<PublishedRecord[]> {
    const rows = await sql.query<Row>(
      `select ${COLUMNS}, published_seq, published_at from outbox_message
        where published_seq > ? order by published_seq limit ?`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({ ...toRecord(r), seq: Number(r.published_seq), publishedAt: new Date(r.published_at!) }));
  },

  /** The stream's end, and its oldest number still kept (retention prunes the rest). */
  async streamBounds(sql: SqlRunner): Promise<{ last: number; first: number | null }> {
    const [row] = await sql.query<{ last: string; first: string | null }>(
      `select s.last_seq as last, (select min(published_seq) from outbox_message where published_seq is not null) as first
         from outbox_stream s where s.id = 1`,
    );
    return { last: Number(row.last), first: row.first === null ? null : Number(row.first) };
  },

  async deadLetters(sql: SqlRunner, limit: number, offset: number): Promise<DeadLetterRecord[]> {
    const rows = await sql.query<Row>(
      `select ${COLUMNS}, dead_at, last_error from outbox_message where dead_at is not null order by dead_at desc, position desc limit ? offset ?`,
      [limit, offset],
    );
    return rows.map((r) => ({ ...toRecord(r), deadAt: new Date(r.dead_at!), lastError: r.last_error ?? null }));
  },

  /** Puts a dead letter back in line for a fresh round of attempts; false when it is not dead. */
  async replay(sql: SqlRunner, id: string, now: Date): Promise<boolean> {
    const rows = await sql.query<{ id: string }>(
      'update outbox_message set dead_at = null, attempts = 0, next_attempt_at = ?, last_error = null where id = ? and dead_at is not null returning id',
      [now, id],
    );
    return rows.length === 1;
  },

  /** Deletes up to `limit` messages published before `before`; returns how many. */
  async prune(sql: SqlRunner, before: Date, limit: number): Promise<number> {
    const rows = await sql.query<{ id: string }>(
      `delete from outbox_message where id in (
         select id from outbox_message where published_at < ? order by published_at limit ? for update skip locked
       ) returning id`,
      [before, limit],
    );
    return rows.length;
  },

  /** Messages waiting to be published, and the creation time of the oldest. */
  async backlog(sql: SqlRunner): Promise<{ pending: number; oldest: Date | null; dead: number }> {
    const [row] = await sql.query<{ pending: string; oldest: Date | null; dead: string }>(
      `select (select count(*) from outbox_message where published_at is null and dead_at is null) as pending,
              (select created_at from outbox_message where published_at is null and dead_at is null order by position limit 1) as oldest,
              (select count(*) from outbox_message where dead_at is not null) as dead`,
    );
    return { pending: Number(row.pending), oldest: row.oldest ? new Date(row.oldest) : null, dead: Number(row.dead) };
  },
};

function toRecord(r: Row): OutboxRecord {
  return {
    id: r.id,
    position: String(r.position),
    topic: r.topic,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    payload: r.payload,
    createdAt: new Date(r.created_at),
    attempts: r.attempts,
  };
}

/** A uuid[] literal; the ORM would expand a JS array into a list of parameters. */
function toArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}
