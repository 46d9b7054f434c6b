import { Injectable } from '@nestjs/common';
import type { SqlRunner } from '../../../infra/database/sql-runner';
import { TICKET_CREATED, type FollowedTickets, type PlannedFollowUp, type RecordedTicketEvent, type TicketEventSink } from '../../ticket';
import type { ClockSnapshot } from '../domain/sla-clock';
import { foldSla, type ClockInputs } from '../domain/sla-clock-set';
import type { SlaTimeline } from '../domain/sla-timeline';
import { SweepWakeup } from '../sweeper/sweep-wakeup';
import { SlaCatalog } from './sla-catalog';
import { CLOCK_COLUMNS, ClockRow, fromClockRow, nextFire, toClockRecord } from './sla-clock.rows';

/**
 * Keeps each ticket's SLA timeline and clocks in step with its events, inside
 * the events' own transaction (see TicketEventSink). Clock rows are locked
 * first, so a sweeper holding one (it skips locked rows, we wait for it)
 * never records a threshold the change has just moved.
 */
@Injectable()
export class SlaClockWriter implements TicketEventSink {
  constructor(
    private readonly catalog: SlaCatalog,
    private readonly wakeup: SweepWakeup,
  ) {}

  async record(sql: SqlRunner, events: readonly RecordedTicketEvent[]): Promise<FollowedTickets> {
    if (events.length === 0) return { nextDueAt: new Map() };
    const inputs = await this.inputs(sql);
    const byTicket = groupByTicket(events);
    // A ticket whose first event here is its creation has nothing stored yet.
    const existing = [...byTicket].filter(([, list]) => list[0].type !== TICKET_CREATED).map(([id]) => id);
    const stored = existing.length ? await loadStored(sql, existing) : new Map<string, StoredClocks>();
    const plan = planClocks(byTicket, stored, inputs);
    await writeClocks(sql, events[events.length - 1].occurredAt, plan);
    this.hintSoonest(plan.rows);
    return { nextDueAt: nextDueByTicket(byTicket.keys(), plan.rows) };
  }

  /**
   * New tickets only: their clocks are computed from the cached configuration
   * before anything is written (nothing is stored for them yet), so the
   * intake writes the ticket with its `sla_next_due_at`, and these rows, in
   * its one insert statement instead of three more. `sql` is read only when
   * the cache is cold.
   */
  async planCreated(sql: SqlRunner, events: readonly RecordedTicketEvent[]): Promise<PlannedFollowUp> {
    const byTicket = groupByTicket(events);
    for (const [ticketId, list] of byTicket) {
      if (list[0].type !== TICKET_CREATED) throw new Error(`planCreated: ticket ${ticketId} is not created in this transaction`);
    }
    const plan = planClocks(byTicket, new Map(), await this.inputs(sql));
    const at = events.length ? events[events.length - 1].occurredAt : null;
    return {
      nextDueAt: nextDueByTicket(byTicket.keys(), plan.rows),
      statements: at ? insertClockStatements(at, plan) : [],
      written: () => this.hintSoonest(plan.rows),
    };
  }

  private async inputs(sql: SqlRunner): Promise<ClockInputs> {
    const snapshot = await this.catalog.snapshot(sql);
    return { policies: snapshot.policies, calendar: (code: string) => this.catalog.calendar(snapshot, code) };
  }

  private hintSoonest(rows: readonly ClockRow[]): void {
    const soonest = rows.reduce<string | null>((min, r) => (r.next_fire_at && (!min || r.next_fire_at < min) ? r.next_fire_at : min), null);
    if (soonest) this.wakeup.hint(new Date(soonest));
  }
}

function groupByTicket(events: readonly RecordedTicketEvent[]): Map<string, RecordedTicketEvent[]> {
  const byTicket = new Map<string, RecordedTicketEvent[]>();
  for (const event of events) {
    const list = byTicket.get(event.ticketId);
    if (list) list.push(event);
    else byTicket.set(event.ticketId, [event]);
  }
  return byTicket;
}

/** What one transaction writes for the SLA: a timeline per ticket and its clock rows. */
export interface ClockPlan {
  readonly timelines: ReadonlyArray<{ ticket_id: string; timeline: SlaTimeline; seq: number }>;
  readonly rows: readonly ClockRow[];
}

/**
 * Pure: folds each ticket's new events onto what is stored for it (nothing,
 * for a new ticket) and gives the rows to write. The same fold replays a
 * ticket's whole log (the replay property test).
 */
export function planClocks(
  byTicket: ReadonlyMap<string, readonly RecordedTicketEvent[]>,
  stored: ReadonlyMap<string, StoredClocks>,
  inputs: ClockInputs,
): ClockPlan {
  const timelines: Array<{ ticket_id: string; timeline: SlaTimeline; seq: number }> = [];
  const rows: ClockRow[] = [];
  for (const [ticketId, list] of byTicket) {
    const before = stored.get(ticketId);
    const ordered = list.length > 1 ? [...list].sort((a, b) => a.seq - b.seq) : list;
    const { timeline, clocks } = foldSla(
      before?.timeline ?? null,
      before?.clocks ?? new Map(),
      ordered.map((e) => ({ seq: e.seq, type: e.type, to: e.toState, at: e.occurredAt, context: e.context })),
      inputs,
    );
    timelines.push({ ticket_id: ticketId, timeline, seq: timeline.seq });
    for (const clock of clocks.values()) {
      const previous = before?.fired.get(clock.metric);
      // A new cycle (a re-dispatch) has fired nothing yet.
      const firedPct = previous && previous.cycle === clock.cycle ? previous.firedPct : 0;
      rows.push(toClockRecord(ticketId, clock, timeline, firedPct, nextFire(clock, firedPct), ordered[ordered.length - 1].occurredAt));
    }
  }
  return { timelines, rows };
}

/** Per ticket, the earliest due time of a running clock (null: none runs). */
export function nextDueByTicket(ticketIds: Iterable<string>, rows: readonly ClockRow[]): Map<string, Date | null> {
  const result = new Map<string, Date | null>();
  for (const id of ticketIds) result.set(id, null);
  for (const row of rows) {
    if (row.status !== 'RUNNING' || !row.due_at) continue;
    const due = new Date(row.due_at);
    const current = result.get(row.ticket_id);
    if (!current || due < current) result.set(row.ticket_id, due);
  }
  return result;
}

/** What is stored for a ticket before this transaction. */
export interface StoredClocks {
  timeline: SlaTimeline;
  clocks: Map<string, ClockSnapshot>;
  fired: Map<string, { cycle: number; firedPct: number }>;
}

async function loadStored(sql: SqlRunner, ticketIds: string[]): Promise<Map<string, StoredClocks>> {
  const ids = JSON.stringify(ticketIds);
  const timelines = await sql.query<{ ticket_id: string; timeline: SlaTimeline }>(
    `select ticket_id, timeline from ticket_sla
      where ticket_id in (select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb)))
      for update`,
    [ids],
  );
  const clockRows = await sql.query<Record<string, unknown>>(
    `select * from ticket_sla_clock
      where ticket_id in (select cast(value as uuid) from jsonb_array_elements_text(cast(? as jsonb)))
      order by ticket_id, metric
      for update`,
    [ids],
  );
  const result = new Map<string, StoredClocks>();
  for (const row of timelines) result.set(row.ticket_id, { timeline: row.timeline, clocks: new Map(), fired: new Map() });
  for (const row of clockRows) {
    const entry = result.get(row.ticket_id as string);
    if (!entry) continue;
    const clock = fromClockRow(row);
    entry.clocks.set(clock.metric, clock);
    entry.fired.set(clock.metric, { cycle: clock.cycle, firedPct: Number(row.fired_pct) });
  }
  return result;
}

/**
 * One statement for the timelines and all clocks of the transaction (a
 * data-modifying CTE: both tables in one round trip), upserted.
 */
export async function writeClocks(sql: SqlRunner, at: Date, plan: ClockPlan): Promise<void> {
  if (plan.timelines.length === 0) return;
  await sql.query(UPSERT_CLOCKS, [at, JSON.stringify(plan.timelines), JSON.stringify(plan.rows)]);
}

const CLOCK_NAMES = CLOCK_COLUMNS.map(([name]) => name);
const CLOCK_UPDATES = CLOCK_NAMES.filter((c) => c !== 'ticket_id' && c !== 'metric').map((c) => `${c} = excluded.${c}`);
const UPSERT_CLOCKS = `with timelines as (
     insert into ticket_sla (ticket_id, timeline, seq, updated_at)
     select r.ticket_id, r.timeline, r.seq, cast(? as timestamptz)
       from jsonb_to_recordset(cast(? as jsonb)) as r(ticket_id uuid, timeline jsonb, seq int)
     on conflict (ticket_id) do update set timeline = excluded.timeline, seq = excluded.seq, updated_at = excluded.updated_at
   )
   insert into ticket_sla_clock (${CLOCK_NAMES.join(', ')})
   select ${CLOCK_NAMES.join(', ')} from jsonb_to_recordset(cast(? as jsonb))
     as r(${CLOCK_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})
   on conflict (ticket_id, metric) do update set ${CLOCK_UPDATES.join(', ')}`;

const INSERT_TIMELINES = `insert into ticket_sla (ticket_id, timeline, seq, updated_at)
  select r.ticket_id, r.timeline, r.seq, cast(? as timestamptz)
    from jsonb_to_recordset(cast(? as jsonb)) as r(ticket_id uuid, timeline jsonb, seq int)`;
const INSERT_CLOCK_ROWS = `insert into ticket_sla_clock (${CLOCK_NAMES.join(', ')})
  select ${CLOCK_NAMES.join(', ')} from jsonb_to_recordset(cast(? as jsonb))
    as r(${CLOCK_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})`;

/** New tickets' timelines and clocks as plain inserts (nothing is stored for them), for the intake's statement. */
function insertClockStatements(at: Date, plan: ClockPlan): Array<{ sql: string; params: unknown[] }> {
  if (plan.timelines.length === 0) return [];
  const statements = [{ sql: INSERT_TIMELINES, params: [at, JSON.stringify(plan.timelines)] }];
  if (plan.rows.length) statements.push({ sql: INSERT_CLOCK_ROWS, params: [JSON.stringify(plan.rows)] });
  return statements;
}
