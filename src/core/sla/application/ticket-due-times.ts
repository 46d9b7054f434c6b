import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { entityManagerSql } from '../../../infra/database/sql-runner';

/** One clock of a ticket as other domains may show it: what is promised and by when. */
export interface TicketDueTime {
  readonly metric: string;
  /** PENDING, RUNNING, PAUSED, STOPPED, CANCELLED or NOT_APPLICABLE. */
  readonly status: string;
  readonly targetMinutes: number;
  /** The calendar the target counts in: `24x7` or `WORKING_DAYS` (or an admin's own). */
  readonly calendar: string;
  /** Set while the clock runs; null while pending, paused or stopped. */
  readonly dueAt: Date | null;
}

/**
 * The SLA clocks of some tickets, as stored (written with each ticket event,
 * so they are current the moment a command commits). For channels that tell
 * citizens when to expect an answer (Open311's `expected_datetime` and
 * `service_notice`).
 *
 * @example
 * const clocks = await dueTimes.read(['6f1c…']); // Map { '6f1c…' => [{ metric: 'RESOLVE', status: 'RUNNING', dueAt, … }] }
 */
@Injectable()
export class TicketDueTimes {
  constructor(private readonly em: EntityManager) {}

  async read(ticketIds: readonly string[]): Promise<Map<string, TicketDueTime[]>> {
    const result = new Map<string, TicketDueTime[]>();
    if (ticketIds.length === 0) return result;
    const rows = await entityManagerSql(this.em.fork()).query<{
      ticket_id: string; metric: string; status: string; target_minutes: number; calendar_code: string; due_at: Date | string | null;
    }>(
      `select ticket_id, metric, status, target_minutes, calendar_code, due_at from ticket_sla_clock
        where ticket_id in (select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb)))
        order by ticket_id, metric`,
      [JSON.stringify([...new Set(ticketIds)])],
    );
    for (const r of rows) {
      const clock: TicketDueTime = {
        metric: r.metric,
        status: r.status,
        targetMinutes: r.target_minutes,
        calendar: r.calendar_code,
        dueAt: r.due_at ? new Date(r.due_at) : null,
      };
      result.set(r.ticket_id, [...(result.get(r.ticket_id) ?? []), clock]);
    }
    return result;
  }
}
