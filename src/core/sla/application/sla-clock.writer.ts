import { Injectable } from '@nestjs/common';
import type { SqlRunner } from '../../../infra/database/sql-runner';
import { TICKET_CREATED, type FollowedTickets, type RecordedTicketEvent, type TicketEventSink } from '../../ticket';
import type { ClockSnapshot } from '../domain/sla-clock';
import { foldSla } from '../domain/sla-clock-set';
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
    const snapshot = await this.catalog.snapshot(sql);
    const inputs = { policies: snapshot.policies, calendar: (code: string) => this.catalog.calendar(snapshot, code) };
    const byTicket = new Map<string, RecordedTicketEvent[]>();
    for (const event of events) byTicket.set(event.ticketId, [...(byTicket.get(event.ticketId) ?? []), event]);

    // A ticket whose first event here is its creation has nothing stored yet.
    const existing = [...byTicket].filter(([, list]) => list[0].type !== TICKET_CREATED).map(([id]) => id);
    const stored = existing.length ? await loadStored(sql, existing) : new Map<string, Stored>();

    const timelines: Array<{ ticket_id: string; timeline: SlaTimeline; seq: number }> = [];
    const rows: ClockRow[] = [];
    for (const [ticketId, list] of byTicket) {
      const before = stored.get(ticketId);
      const ordered = [...list].sort((a, b) => a.seq - b.seq);
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
    await sql.query(
      `insert into ticket_sla (ticket_id, timeline, seq, updated_at)
       select r.ticket_id, r.timeline, r.seq, cast(? as timestamptz)
         from jsonb_to_recordset(cast(? as jsonb)) as r(ticket_id uuid, timeline jsonb, seq int)
       on conflict (ticket_id) do update set timeline = excluded.timeline, seq = excluded.seq, updated_at = excluded.updated_at`,
      [events[events.length - 1].occurredAt, JSON.stringify(timelines)],
    );
    await upsertClocks(sql, rows);
    const soonest = rows.reduce<string | null>((min, r) => (r.next_fire_at && (!min || r.next_fire_at < min) ? r.next_fire_at : min), null);
    if (soonest) this.wakeup.hint(new Date(soonest));
    return { nextDueAt: nextDueByTicket(byTicket.keys(), rows) };
  }
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

interface Stored {
  timeline: SlaTimeline;
  clocks: Map<string, ClockSnapshot>;
  fired: Map<string, { cycle: number; firedPct: number }>;
}

async function loadStored(sql: SqlRunner, ticketIds: string[]): Promise<Map<string, Stored>> {
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
  const result = new Map<string, Stored>();
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

/** One statement for all clocks of the transaction. */
export async function upsertClocks(sql: SqlRunner, rows: readonly ClockRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = CLOCK_COLUMNS.map(([name]) => name);
  const updates = columns.filter((c) => c !== 'ticket_id' && c !== 'metric').map((c) => `${c} = excluded.${c}`);
  await sql.query(
    `insert into ticket_sla_clock (${columns.join(', ')})
     select ${columns.join(', ')} from jsonb_to_recordset(cast(? as jsonb))
       as r(${CLOCK_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})
     on conflict (ticket_id, metric) do update set ${updates.join(', ')}`,
    [JSON.stringify(rows)],
  );
}
