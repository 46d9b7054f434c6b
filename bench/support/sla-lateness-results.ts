/**
 * Part B's verdict, read from the database after the window: for the due
 * tickets, which TRIAGE breaches were recorded, how late (recorded_at minus
 * due_at), whether any was recorded twice, and whether each has exactly one
 * outbox message.
 */
import { Client } from 'pg';
import { percentile } from './stats';

export interface LatenessStats {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly min: number;
}

export interface LatenessOutcome {
  readonly expected: number;
  readonly recorded: number;
  readonly missed: number;
  /** (ticket, metric, cycle, threshold) keys recorded more than once, any threshold of these tickets. */
  readonly duplicateEscalations: number;
  /** Breach escalations with no sla.breached message, and with more than one. */
  readonly withoutMessage: number;
  readonly duplicateMessages: number;
  /** Recorded before their due time (a threshold fired early). */
  readonly early: number;
  /** Stored due_at differing from the planned breach instant by more than 1 ms. */
  readonly dueMismatch: number;
  /** Breaches: recorded minus due, ms. */
  readonly breach: LatenessStats;
  /** Breaches due while one instance was down for its restart (null without a restart). */
  readonly duringRestart: LatenessStats | null;
  /** Every threshold of these tickets (warnings too) that fell due after the last create had answered. */
  readonly afterCreates: LatenessStats;
}

export function latenessStats(values: readonly number[]): LatenessStats {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    min: sorted.length ? sorted[0] : Number.NaN,
  };
}

const IDS = `select cast(value as uuid) as id, ordinality - 1 as i from jsonb_array_elements_text(cast($1 as jsonb)) with ordinality`;

export async function readLateness(
  url: string,
  ids: readonly string[],
  plannedDueMs: readonly number[],
  createdMs: number,
  restart: { fromMs: number; toMs: number } | null,
): Promise<LatenessOutcome> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const idJson = JSON.stringify(ids);
    const breaches = await client.query<{ i: string; due_ms: string | null; late_ms: string | null }>(
      `with ids as (${IDS})
       select ids.i, extract(epoch from e.due_at) * 1000 as due_ms, extract(epoch from e.recorded_at - e.due_at) * 1000 as late_ms
         from ids left join sla_escalation e on e.ticket_id = ids.id and e.metric = 'TRIAGE' and e.threshold_pct = 100`,
      [idJson],
    );
    const late: number[] = [];
    const lateDuringRestart: number[] = [];
    let dueMismatch = 0;
    let early = 0;
    for (const row of breaches.rows) {
      if (row.late_ms === null) continue;
      const lateMs = Number(row.late_ms);
      const dueMs = Number(row.due_ms);
      late.push(lateMs);
      if (lateMs < 0) early++;
      if (Math.abs(dueMs - plannedDueMs[Number(row.i)]) > 1) dueMismatch++;
      if (restart && dueMs >= restart.fromMs && dueMs <= restart.toMs) lateDuringRestart.push(lateMs);
    }
    const duplicates = await client.query<{ n: string }>(
      `with ids as (${IDS})
       select count(*) as n from (
         select 1 from sla_escalation e join ids on ids.id = e.ticket_id
          group by e.ticket_id, e.metric, e.cycle, e.threshold_pct having count(*) > 1) d`,
      [idJson],
    );
    const messages = await client.query<{ without_message: string; duplicate_messages: string }>(
      `with ids as (${IDS}),
       e as (select e.id from sla_escalation e join ids on ids.id = e.ticket_id where e.metric = 'TRIAGE' and e.threshold_pct = 100),
       m as (select cast(o.payload->>'escalationId' as uuid) as eid, count(*) as n
               from outbox_message o join ids on ids.id = o.aggregate_id
              where o.topic = 'sla.breached' group by 1)
       select count(*) filter (where m.n is null) as without_message, count(*) filter (where m.n > 1) as duplicate_messages
         from e left join m on m.eid = e.id`,
      [idJson],
    );
    const window = await client.query<{ late_ms: string }>(
      `with ids as (${IDS})
       select extract(epoch from e.recorded_at - e.due_at) * 1000 as late_ms
         from sla_escalation e join ids on ids.id = e.ticket_id
        where e.due_at >= to_timestamp($2 / 1000.0)`,
      [idJson, createdMs],
    );
    return {
      expected: ids.length,
      recorded: late.length,
      missed: ids.length - late.length,
      duplicateEscalations: Number(duplicates.rows[0].n),
      withoutMessage: Number(messages.rows[0].without_message),
      duplicateMessages: Number(messages.rows[0].duplicate_messages),
      early,
      dueMismatch,
      breach: latenessStats(late),
      duringRestart: restart ? latenessStats(lateDuringRestart) : null,
      afterCreates: latenessStats(window.rows.map((r) => Number(r.late_ms))),
    };
  } finally {
    await client.end();
  }
}

/** Breaches recorded so far for these tickets (progress lines). */
export async function countRecorded(client: Client, ids: readonly string[]): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `with ids as (${IDS})
     select count(*) as n from sla_escalation e join ids on ids.id = e.ticket_id where e.metric = 'TRIAGE' and e.threshold_pct = 100`,
    [JSON.stringify(ids)],
  );
  return Number(rows[0].n);
}
