import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { entityManagerSql, SqlRunner } from '../../../infra/database/sql-runner';
import { activeEmergencyIds, ticketNumbers, TicketState } from '../../ticket';
import type { ClockSnapshot } from '../domain/sla-clock';
import type { SlaMetricCode } from '../domain/sla-metric';
import type { SlaTimeline } from '../domain/sla-timeline';
import { SlaCatalog, type SlaCatalogSnapshot } from './sla-catalog';
import { fromClockRow } from './sla-clock.rows';

/** One running clock on the board. */
export interface SlaBoardEntry {
  readonly ticketId: string;
  readonly number: string | null;
  readonly opdCode: string | null;
  readonly categoryCode: string | null;
  readonly kind: string;
  readonly metric: SlaMetricCode;
  /** RUNNING or PAUSED. */
  readonly status: string;
  readonly dueAt: Date | null;
  /** Seconds to the due time (negative once overdue); null while paused. */
  readonly remainingSeconds: number | null;
  readonly breachedAt: Date | null;
  /** The stored clock, for the business-time figures (percent elapsed) as of the board's time. */
  readonly clock: ClockSnapshot;
}

/** An open emergency with every clock it has, stopped ones included (an arrival in time shows as met). */
export interface SlaBoardEmergency {
  readonly ticketId: string;
  readonly number: string | null;
  readonly opdCode: string | null;
  readonly categoryCode: string | null;
  readonly priority: string;
  /** The ticket's state after its last event. */
  readonly state: TicketState;
  readonly reportedAt: Date;
  readonly clocks: readonly ClockSnapshot[];
}

export interface SlaBoard {
  readonly asOf: Date;
  readonly entries: readonly SlaBoardEntry[];
  readonly emergencies: readonly SlaBoardEmergency[];
  /** The calendars the clocks count in, for their business-time figures. */
  readonly catalog: SlaCatalogSnapshot;
}

/** The board shows this many clocks at most, the soonest due first. */
export const SLA_BOARD_LIMIT = 500;
/** And this many open emergencies, the soonest due first. */
export const SLA_BOARD_EMERGENCY_LIMIT = 200;

/**
 * The supervisors' wall screen: every running clock of an open emergency,
 * and every clock of any kind that has breached and still runs (its due
 * time passed), soonest due (most overdue) first; and the open emergencies
 * themselves with all their clocks. The clocks' kind, category and state
 * come from the SLA timeline (the fold of the ticket's events); which
 * emergencies are open, and ticket numbers, the ticket domain tells
 * (`activeEmergencyIds`, `ticketNumbers`), so no other domain's table is read
 * here.
 *
 * @example
 * const { entries, emergencies } = await board.read(now, null); // all OPDs
 */
@Injectable()
export class SlaBoardReader {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: SlaCatalog,
  ) {}

  async read(now: Date, opdScope: string | null): Promise<SlaBoard> {
    const sql = entityManagerSql(this.em.fork());
    const rows = await sql.query<Record<string, unknown> & { ticket_id: string; kind: string }>(
      `select c.*, s.timeline->'context'->>'kind' as kind
         from ticket_sla_clock c join ticket_sla s on s.ticket_id = c.ticket_id
        where c.status in ('RUNNING', 'PAUSED')
          and (s.timeline->'context'->>'kind' = 'EMERGENCY' or c.breached_at is not null or (c.status = 'RUNNING' and c.due_at <= ?))
          and (cast(? as text) is null or c.opd_code = ?)
        order by c.due_at nulls last, c.ticket_id, c.metric
        limit ?`,
      [now, opdScope, opdScope, SLA_BOARD_LIMIT],
    );
    const emergencyRows = await openEmergencies(sql, opdScope);
    const ids = new Set([...rows.map((r) => r.ticket_id), ...emergencyRows.map((r) => r.ticket_id)]);
    const numbers = await ticketNumbers(sql, [...ids]);
    const catalog = await this.catalog.snapshot(sql);
    return {
      asOf: now,
      catalog,
      entries: rows.map((r) => {
        const clock = fromClockRow(r);
        const dueAt = clock.dueAt ? new Date(clock.dueAt) : null;
        const running = clock.status === 'RUNNING';
        return {
          ticketId: r.ticket_id,
          number: numbers.get(r.ticket_id) ?? null,
          opdCode: (r.opd_code as string | null) ?? null,
          categoryCode: (r.category_code as string | null) ?? null,
          kind: r.kind,
          metric: clock.metric as SlaMetricCode,
          status: clock.status,
          dueAt,
          remainingSeconds: dueAt && running ? Math.round((dueAt.getTime() - now.getTime()) / 1000) : null,
          // A running clock past its due time has breached, whether or not the sweep has recorded it yet.
          breachedAt: clock.breachedAt ? new Date(clock.breachedAt) : dueAt && running && dueAt <= now ? dueAt : null,
          clock,
        };
      }),
      emergencies: emergencyRows.map((r) => {
        const timeline = (typeof r.timeline === 'string' ? JSON.parse(r.timeline) : r.timeline) as SlaTimeline;
        const clocks = (typeof r.clocks === 'string' ? JSON.parse(r.clocks) : (r.clocks ?? [])) as Array<Record<string, unknown>>;
        return {
          ticketId: r.ticket_id,
          number: numbers.get(r.ticket_id) ?? null,
          opdCode: timeline.context.opdCode,
          categoryCode: timeline.context.categoryCode,
          priority: timeline.context.priority,
          state: timeline.states[timeline.states.length - 1]?.state ?? TicketState.NEW,
          reportedAt: new Date(timeline.context.reportedAt),
          clocks: clocks.map(fromClockRow),
        };
      }),
    };
  }
}

type EmergencyRow = { ticket_id: string; timeline: SlaTimeline | string; clocks: Array<Record<string, unknown>> | string };

/**
 * Open emergencies in the board's order (the soonest running due time first,
 * those with nothing running last): the ticket domain picks them through an
 * index kept in that order, so this costs what the board shows, not what is
 * stored (bench:queries at 1M). Their timelines and clocks are then read here.
 */
async function openEmergencies(sql: SqlRunner, opdScope: string | null): Promise<EmergencyRow[]> {
  const ids = await activeEmergencyIds(sql, opdScope, SLA_BOARD_EMERGENCY_LIMIT);
  if (ids.length === 0) return [];
  const rows = await sql.query<EmergencyRow>(
    `select s.ticket_id, s.timeline,
            (select json_agg(c order by c.metric) from ticket_sla_clock c where c.ticket_id = s.ticket_id) as clocks
       from ticket_sla s where s.ticket_id in (select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb)))`,
    [JSON.stringify(ids)],
  );
  const byId = new Map(rows.map((r) => [r.ticket_id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
