import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { ticketNumbers } from '../../ticket';
import { SlaCatalog } from '../application/sla-catalog';
import { nextFire } from '../application/sla-clock.rows';
import { RecordedThreshold, SlaMetrics } from '../application/sla.metrics';
import type { ClockSnapshot } from '../domain/sla-clock';
import type { SlaMetricCode } from '../domain/sla-metric';
import { CALL_CENTRE_LADDER, rungFor } from './escalation-ladder';

export interface SweepResult {
  /** Clocks claimed in this sweep. */
  readonly claimed: number;
  /** Warnings and breaches recorded (each exactly once). */
  readonly recorded: number;
}

/**
 * Claims clocks with a threshold due, skipping rows another sweeper or a
 * command holds. Parameters: now (null = the database's clock) twice, batch size.
 * "now" is a scalar subquery, evaluated once, so it bounds the partial index
 * scan; clock_timestamp() is volatile, and as a bare bound it became a filter
 * over every indexed clock (10 s per sweep at 1M open tickets, bench:sla).
 */
export const CLAIM_DUE_CLOCKS = `select c.ticket_id, c.metric, c.cycle, c.fired_pct, c.thresholds, c.opd_code, s.timeline->'context'->>'kind' as kind,
                coalesce(cast(? as timestamptz), clock_timestamp()) as now
           from ticket_sla_clock c join ticket_sla s on s.ticket_id = c.ticket_id
          where c.next_fire_at <= (select coalesce(cast(? as timestamptz), clock_timestamp()))
          order by c.next_fire_at
          limit ?
          for update of c skip locked`;

interface ClaimedClock {
  ticket_id: string;
  metric: SlaMetricCode;
  cycle: number;
  fired_pct: number;
  thresholds: ClockSnapshot['thresholds'];
  opd_code: string | null;
  /** The ticket's kind as of its latest event (the SLA timeline's own copy). */
  kind: string;
  now: Date;
}

/**
 * One sweep: claim clocks with a threshold due (rows another sweeper or a
 * command holds are skipped, never waited for), record each due threshold
 * with its escalation and outbox message, and move the clock to its next
 * threshold, all in one transaction. The unique (ticket, metric, cycle,
 * threshold) key is the second guard: a threshold is recorded once, however
 * many instances sweep. Reads only due rows through a partial index, so its
 * cost follows the due work, not the number of open tickets.
 *
 * @example
 * await sweeper.sweepOnce(null); // "now" is the database's clock
 */
@Injectable()
export class SlaSweeper {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: SlaCatalog,
    private readonly metrics: SlaMetrics,
  ) {}

  /** `now`: null in production (the database's clock); tests pass their clock's time. */
  async sweepOnce(now: Date | null, batchSize = 500): Promise<SweepResult> {
    const { result, recorded } = await this.sweepInTransaction(now, batchSize);
    // Committed: only now are these thresholds recorded for good.
    this.metrics.recorded(recorded);
    return result;
  }

  private async sweepInTransaction(now: Date | null, batchSize: number): Promise<{ result: SweepResult; recorded: RecordedThreshold[] }> {
    return this.em.fork().transactional(async (tx) => {
      const sql = entityManagerSql(tx);
      const claimed = await sql.query<ClaimedClock>(CLAIM_DUE_CLOCKS,
        [now, now, batchSize],
      );
      if (claimed.length === 0) return { result: { claimed: 0, recorded: 0 }, recorded: [] };
      const snapshot = await this.catalog.snapshot(sql);
      // Asked of the ticket domain, on this transaction's connection: people are told the ticket's number.
      const numbers = await ticketNumbers(sql, claimed.map((c) => c.ticket_id));
      const escalations: object[] = [];
      const moves: object[] = [];
      for (const clock of claimed) {
        const at = new Date(clock.now).getTime();
        const due = clock.thresholds.filter((t) => t.pct > clock.fired_pct && t.at !== null && Date.parse(t.at) <= at);
        const ladder = clock.metric === 'TRIAGE' || !clock.opd_code ? CALL_CENTRE_LADDER : (snapshot.ladders.get(clock.opd_code) ?? CALL_CENTRE_LADDER);
        for (const threshold of due) {
          const { level, notify } = rungFor(ladder, threshold.pct, clock.kind);
          escalations.push({
            id: randomUUID(), ticket_id: clock.ticket_id, number: numbers.get(clock.ticket_id) ?? null, metric: clock.metric, cycle: clock.cycle,
            threshold_pct: threshold.pct, level, opd_code: clock.opd_code, notified: notify, due_at: threshold.at, kind: clock.kind,
          });
        }
        const firedPct = Math.max(clock.fired_pct, ...due.map((t) => t.pct));
        const next = nextFire(clock, firedPct);
        moves.push({ ticket_id: clock.ticket_id, metric: clock.metric, fired_pct: firedPct, next_fire_at: next });
      }
      const recorded = escalations.length ? await recordEscalations(tx, escalations, now) : [];
      await tx.execute(
        `update ticket_sla_clock c set fired_pct = m.fired_pct, next_fire_at = m.next_fire_at
           from jsonb_to_recordset(cast(? as jsonb)) as m(ticket_id uuid, metric text, fired_pct int, next_fire_at timestamptz)
          where c.ticket_id = m.ticket_id and c.metric = m.metric`,
        [JSON.stringify(moves)],
      );
      return { result: { claimed: claimed.length, recorded: recorded.length }, recorded };
    });
  }

  /** When the next threshold falls due, by the same clock the sweep uses. */
  async nextDue(now: Date | null): Promise<{ next: Date | null; now: Date }> {
    const [row] = await this.em.fork().execute<Array<{ next: Date | null; now: Date }>>(
      `select (select min(next_fire_at) from ticket_sla_clock where next_fire_at is not null) as next,
              coalesce(cast(? as timestamptz), clock_timestamp()) as now`,
      [now],
    );
    return { next: row.next ? new Date(row.next) : null, now: new Date(row.now) };
  }
}

/** Inserts the escalations, and an outbox message for each one actually new; returns those new ones. */
async function recordEscalations(tx: EntityManager, escalations: object[], now: Date | null): Promise<RecordedThreshold[]> {
  const rows = await tx.execute<Array<{ metric: string; opd_code: string | null; threshold_pct: number; due_at: Date | string; recorded_at: Date | string }>>(
    `with e as (
       select * from jsonb_to_recordset(cast(? as jsonb)) as e(id uuid, ticket_id uuid, number text, metric text, cycle int,
         threshold_pct int, level int, opd_code text, notified jsonb, due_at timestamptz, kind text)
     ), inserted as (
       insert into sla_escalation (id, ticket_id, metric, cycle, threshold_pct, level, opd_code, notified, due_at, recorded_at)
       select id, ticket_id, metric, cycle, threshold_pct, level, opd_code, notified, due_at, coalesce(cast(? as timestamptz), clock_timestamp()) from e
       on conflict on constraint sla_escalation_once_unique do nothing
       returning id, recorded_at
     ), messages as (
       insert into outbox_message (id, topic, aggregate_type, aggregate_id, payload, created_at)
       select gen_random_uuid(), case when e.threshold_pct >= 100 then 'sla.breached' else 'sla.warning' end, 'ticket', e.ticket_id,
              jsonb_build_object('escalationId', e.id, 'ticketId', e.ticket_id, 'number', e.number, 'metric', e.metric, 'cycle', e.cycle,
                'thresholdPct', e.threshold_pct, 'level', e.level, 'opdCode', e.opd_code, 'kind', e.kind, 'notify', e.notified, 'dueAt', e.due_at),
              i.recorded_at
         from inserted i join e on e.id = i.id
       returning 1
     )
     select e.metric, e.opd_code, e.threshold_pct, e.due_at, i.recorded_at from inserted i join e on e.id = i.id`,
    [JSON.stringify(escalations), now],
  );
  return rows.map((r) => ({
    metric: r.metric, opdCode: r.opd_code, thresholdPct: r.threshold_pct, dueAt: new Date(r.due_at), recordedAt: new Date(r.recorded_at),
  }));
}
