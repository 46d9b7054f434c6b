import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { ticketNumbers } from '../../ticket';
import type { SlaMetricCode } from '../domain/sla-metric';

/** One running clock on the board. */
export interface SlaBoardEntry {
  readonly ticketId: string;
  readonly number: string | null;
  readonly opdCode: string | null;
  readonly kind: string;
  readonly metric: SlaMetricCode;
  /** RUNNING or PAUSED. */
  readonly status: string;
  readonly dueAt: Date | null;
  /** Seconds to the due time (negative once overdue); null while paused. */
  readonly remainingSeconds: number | null;
  readonly breachedAt: Date | null;
}

export interface SlaBoard {
  readonly asOf: Date;
  readonly entries: readonly SlaBoardEntry[];
}

/** The board shows this many clocks at most, the soonest due first. */
export const SLA_BOARD_LIMIT = 500;

/**
 * The supervisors' wall screen: every running clock of an open emergency,
 * and every clock of any kind that has breached and still runs (its due
 * time passed), soonest due (most overdue) first. Reads the SLA engine's own tables; the kind comes
 * from the SLA timeline's copy of the ticket's context.
 *
 * @example
 * const { entries } = await board.read(now, null); // all OPDs
 */
@Injectable()
export class SlaBoardReader {
  constructor(private readonly em: EntityManager) {}

  async read(now: Date, opdScope: string | null): Promise<SlaBoard> {
    const sql = entityManagerSql(this.em.fork());
    const rows = await sql.query<{
      ticket_id: string;
      metric: SlaMetricCode;
      status: string;
      due_at: Date | null;
      breached_at: Date | null;
      opd_code: string | null;
      kind: string;
    }>(
      `select c.ticket_id, c.metric, c.status, c.due_at, c.breached_at, c.opd_code, s.timeline->'context'->>'kind' as kind
         from ticket_sla_clock c join ticket_sla s on s.ticket_id = c.ticket_id
        where c.status in ('RUNNING', 'PAUSED')
          and (s.timeline->'context'->>'kind' = 'EMERGENCY' or c.breached_at is not null or (c.status = 'RUNNING' and c.due_at <= ?))
          and (cast(? as text) is null or c.opd_code = ?)
        order by c.due_at nulls last, c.ticket_id, c.metric
        limit ?`,
      [now, opdScope, opdScope, SLA_BOARD_LIMIT],
    );
    const numbers = await ticketNumbers(sql, [...new Set(rows.map((r) => r.ticket_id))]);
    return {
      asOf: now,
      entries: rows.map((r) => {
        const dueAt = r.due_at ? new Date(r.due_at) : null;
        return {
          ticketId: r.ticket_id,
          number: numbers.get(r.ticket_id) ?? null,
          opdCode: r.opd_code,
          kind: r.kind,
          metric: r.metric,
          status: r.status,
          dueAt,
          remainingSeconds: dueAt && r.status === 'RUNNING' ? Math.round((dueAt.getTime() - now.getTime()) / 1000) : null,
          // A running clock past its due time has breached, whether or not the sweep has recorded it yet.
          breachedAt: r.breached_at ? new Date(r.breached_at) : dueAt && r.status === 'RUNNING' && dueAt <= now ? dueAt : null,
        };
      }),
    };
  }
}
