import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import { entityManagerSql } from '../../../src/infra/database/sql-runner';
import { SlaCatalog } from '../../../src/core/sla/application/sla-catalog';
import { fromClockRow } from '../../../src/core/sla/application/sla-clock.rows';
import type { ClockSnapshot } from '../../../src/core/sla/domain/sla-clock';
import { foldSla } from '../../../src/core/sla/domain/sla-clock-set';
import type { SlaTimeline } from '../../../src/core/sla/domain/sla-timeline';
import { SlaSweeper } from '../../../src/core/sla/sweeper/sla-sweeper';
import type { Actor } from '../../../src/core/actor';
import type { TicketContext } from '../../../src/core/ticket/domain/ticket-context';
import { TicketCommand, TicketState } from '../../../src/core/ticket/lifecycle';
import { TriageTicketCommand } from '../../../src/core/ticket/commands/triage-ticket/triage-ticket.command';
import { TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import type { TestApp } from '../../support/test-app';
import { ACTOR, argsFor, buildCommand, CommandArgs } from '../tickets/support';

export interface StoredClock extends ClockSnapshot {
  readonly firedPct: number;
  readonly nextFireAt: string | null;
}

const sqlOf = (t: TestApp) => t.app.get(EntityManager).getConnection();

export async function clocksOf(t: TestApp, ticketId: string): Promise<Record<string, StoredClock>> {
  const rows = await sqlOf(t).execute<Array<Record<string, unknown>>>('select * from ticket_sla_clock where ticket_id = ? order by metric', [ticketId]);
  return Object.fromEntries(
    rows.map((row) => [
      row.metric,
      { ...fromClockRow(row), firedPct: Number(row.fired_pct), nextFireAt: row.next_fire_at ? new Date(row.next_fire_at as string).toISOString() : null },
    ]),
  );
}

export interface StoredEscalation {
  metric: string;
  cycle: number;
  threshold_pct: number;
  level: number;
  notified: Array<{ kind: string }>;
  due_at: Date;
  recorded_at: Date;
}

export async function escalationsOf(t: TestApp, ticketId: string): Promise<StoredEscalation[]> {
  const rows = await sqlOf(t).execute<StoredEscalation[]>('select * from sla_escalation where ticket_id = ? order by metric, cycle, threshold_pct', [ticketId]);
  return rows.map((r) => ({ ...r, due_at: new Date(r.due_at), recorded_at: new Date(r.recorded_at) }));
}

/** One sweep at the test clock's time. */
export function sweep(t: TestApp) {
  return t.app.get(SlaSweeper).sweepOnce(t.clock.now());
}

async function versionOf(t: TestApp, ticketId: string): Promise<number> {
  const [row] = await sqlOf(t).execute<Array<{ version: number }>>('select version from ticket where id = ?', [ticketId]);
  return row.version;
}

/** Runs one command at the ticket's current version; it must be accepted. */
export async function step(t: TestApp, ticketId: string, command: TicketCommand, args: Partial<CommandArgs> = {}, actor: Actor = ACTOR): Promise<void> {
  const version = await versionOf(t, ticketId);
  await t.app.get(CommandBus).execute(buildCommand(command, ticketId, version, argsFor(t, args), actor));
}

/**
 * Rebuilds the ticket's SLA timeline and clocks from its event log alone and
 * returns them with what is stored: the two must agree.
 */
export async function replayAndStored(t: TestApp, ticketId: string) {
  const events = await sqlOf(t).execute<Array<{ seq: number; type: string; to_state: TicketState; occurred_at: string; context: TicketContext }>>(
    'select seq, type, to_state, occurred_at, context from ticket_event where ticket_id = ? order by seq',
    [ticketId],
  );
  const catalog = t.app.get(SlaCatalog);
  const snapshot = await catalog.snapshot(entityManagerSql(t.app.get(EntityManager).fork()));
  const replay = foldSla(
    null,
    new Map(),
    events.map((e) => ({ seq: e.seq, type: e.type, to: e.to_state, at: new Date(e.occurred_at), context: e.context })),
    { policies: snapshot.policies, calendar: (code) => catalog.calendar(snapshot, code) },
  );
  const [stored] = await sqlOf(t).execute<Array<{ timeline: SlaTimeline }>>('select timeline from ticket_sla where ticket_id = ?', [ticketId]);
  const clocks = await clocksOf(t, ticketId);
  const storedClocks = Object.fromEntries(Object.entries(clocks).map(([metric, { firedPct: _f, nextFireAt: _n, ...clock }]) => [metric, clock]));
  return {
    replay: { timeline: replay.timeline, clocks: Object.fromEntries([...replay.clocks].sort(([a], [b]) => a.localeCompare(b))) },
    stored: { timeline: stored.timeline, clocks: storedClocks },
  };
}

/** A category of the OPD with the given default kind, and valid answers to its required questions. */
export async function categoryOf(t: TestApp, opdCode: string, kind: 'EMERGENCY' | 'COMPLAINT'): Promise<Category> {
  const [row] = await sqlOf(t).execute<Array<{ code: string; attributes: Array<{ code: string; datatype: string; required: boolean; values?: Array<{ key: string }> }> }>>(
    'select code, attributes from opd_category where opd_code = ? and default_kind = ? order by code limit 1',
    [opdCode, kind],
  );
  if (!row) throw new Error(`no ${kind} category of ${opdCode}`);
  const answers: Record<string, string | string[]> = {};
  for (const a of row.attributes.filter((x) => x.required)) {
    answers[a.code] =
      a.datatype === 'multivaluelist' ? [a.values![0].key]
      : a.datatype === 'singlevaluelist' ? a.values![0].key
      : a.datatype === 'number' ? '1'
      : a.datatype === 'datetime' ? '2026-11-28T01:00:00Z'
      : 'jawaban';
  }
  return { code: row.code, kind: kind === 'EMERGENCY' ? TicketKind.EMERGENCY : TicketKind.COMPLAINT, answers };
}

export interface Category {
  readonly code: string;
  readonly kind: TicketKind;
  readonly answers: Record<string, string | string[]>;
}

/** Triages into `category`, answering its required questions; an emergency gets a field response. */
export async function triage(t: TestApp, ticketId: string, category: Category): Promise<void> {
  const version = await versionOf(t, ticketId);
  const emergency = category.kind === TicketKind.EMERGENCY;
  await t.app.get(CommandBus).execute(new TriageTicketCommand({ ticketId, expectedVersion: version, actor: ACTOR, kind: category.kind, categoryCode: category.code, opdCode: null, fieldResponse: emergency, attributes: category.answers }));
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
