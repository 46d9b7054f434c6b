import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import { CreateTicketCommand, CreateTicketResult } from '../../../src/core/ticket/commands/create-ticket/create-ticket.command';
import type { NewReport } from '../../../src/core/ticket/domain/new-report';
import { Ticket } from '../../../src/core/ticket/domain/ticket.entity';
import { TicketChannel, TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import { TicketErrorCode, TicketException } from '../../../src/core/ticket/domain/ticket.exception';
import { LifecycleSnapshot, TicketCommand, TicketState } from '../../../src/core/ticket/lifecycle';
import type { TestApp } from '../../support/test-app';
import { ACTOR, buildCommand, CommandArgs } from './commands';

export { ACTOR, buildCommand, OPD_ACTOR, payloadFor } from './commands';
export type { CommandArgs } from './commands';

/** A minimal valid phone report; `overrides` change only what a test cares about. */
export function report(kind: TicketKind, overrides: Partial<NewReport> = {}): NewReport {
  return {
    kind,
    channel: TicketChannel.PHONE,
    description: `Laporan ${kind.toLowerCase()} dari warga`,
    descriptionLanguage: 'id',
    ...overrides,
  };
}

export async function createTicket(t: TestApp, kind: TicketKind, overrides: Partial<NewReport> = {}): Promise<string> {
  const result = await t.app.get(CommandBus).execute<CreateTicketCommand, CreateTicketResult>(new CreateTicketCommand({ report: report(kind, overrides), actor: ACTOR }));
  return result.ticketId;
}

/** What a test needs to compare before and after a command, read in one round trip. */
export interface StoredTicket {
  readonly snapshot: LifecycleSnapshot;
  readonly version: number;
  readonly events: number;
  readonly outbox: number;
}

interface StoredRow {
  state: TicketState;
  held_from: TicketState | null;
  kind: LifecycleSnapshot['kind'];
  field_response: boolean;
  opd_code: string | null;
  resolved_at: Date | string | null;
  version: number;
  events: string | number;
  outbox: string | number;
}

/** Reads straight from the tables (not an ORM cache), so it sees exactly what was committed. */
export async function readStored(t: TestApp, ticketId: string): Promise<StoredTicket> {
  const rows = await t.app
    .get(EntityManager)
    .getConnection()
    .execute<StoredRow[]>(
      `SELECT t.state, t.held_from, t.kind, t.field_response, t.opd_code, t.resolved_at, t.version,
              (SELECT count(*) FROM ticket_event e WHERE e.ticket_id = t.id) AS events,
              (SELECT count(*) FROM outbox_message o WHERE o.aggregate_id = t.id) AS outbox
         FROM ticket t WHERE t.id = ?`,
      [ticketId],
    );
  if (rows.length !== 1) throw new Error(`ticket ${ticketId} not found`);
  const r = rows[0];
  return {
    snapshot: {
      state: r.state,
      heldFrom: r.held_from,
      kind: r.kind,
      fieldResponse: r.field_response,
      opdCode: r.opd_code,
      resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at),
    },
    version: r.version,
    events: Number(r.events),
    outbox: Number(r.outbox),
  };
}

export interface StoredEvent {
  readonly id: string;
  readonly seq: number;
  readonly type: string;
  readonly fromState: TicketState | null;
  readonly toState: TicketState;
  readonly occurredAt: Date;
  readonly payload: Record<string, unknown>;
}

export async function eventsOf(t: TestApp, ticketId: string): Promise<StoredEvent[]> {
  const rows = await t.app
    .get(EntityManager)
    .getConnection()
    .execute<Array<{ id: string; seq: number; type: string; from_state: TicketState | null; to_state: TicketState; occurred_at: Date | string; payload: Record<string, unknown> }>>(
      `SELECT id, seq, type, from_state, to_state, occurred_at, payload FROM ticket_event WHERE ticket_id = ? ORDER BY seq`,
      [ticketId],
    );
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    type: r.type,
    fromState: r.from_state,
    toState: r.to_state,
    occurredAt: new Date(r.occurred_at),
    payload: r.payload,
  }));
}

export interface StoredOutbox {
  readonly topic: string;
  readonly payload: Record<string, unknown>;
}

export async function outboxOf(t: TestApp, ticketId: string): Promise<StoredOutbox[]> {
  const rows = await t.app
    .get(EntityManager)
    .getConnection()
    .execute<Array<{ topic: string; payload: Record<string, unknown> }>>(
      `SELECT topic, payload FROM outbox_message WHERE aggregate_id = ? ORDER BY (payload->>'seq')::int`,
      [ticketId],
    );
  return rows;
}

/** The whole entity, from a fresh fork so no identity map hides a stale value. */
export function loadTicket(t: TestApp, ticketId: string): Promise<Ticket> {
  return t.app.get(EntityManager).fork().findOneOrFail(Ticket, { id: ticketId }, { populate: ['duplicateOf'] });
}

/** Runs a command, returning the TicketException it failed with (rethrowing anything else). */
export async function runCommand<R>(t: TestApp, command: object): Promise<{ ok: true; value: R } | { ok: false; error: TicketException }> {
  try {
    return { ok: true, value: await t.app.get(CommandBus).execute<object, R>(command) };
  } catch (error) {
    if (error instanceof TicketException) return { ok: false, error };
    throw error;
  }
}

export async function expectTicketError(promise: Promise<unknown>, code: TicketErrorCode): Promise<TicketException> {
  const error: unknown = await promise.then(
    () => new Error(`expected ${code}, but the command succeeded`),
    (e: unknown) => e,
  );
  if (!(error instanceof TicketException)) throw error;
  expect(error.code).toBe(code);
  return error;
}

const DEFAULT_ARGS: Omit<CommandArgs, 'survivorId' | 'categoryCode' | 'opdCode'> = {
  kind: TicketKind.COMPLAINT,
  fieldResponse: false,
  assignedUnit: 'UNIT-1',
  assignedOfficer: 'officer-1',
  withPosition: true,
  text: 'catatan',
};

/** A category and the OPD that owns it: TRIAGE needs both to exist (foreign keys). */
export interface CatalogEntry {
  readonly categoryCode: string;
  readonly opdCode: string;
  /** The category's own default: TRIAGE applies it unless told otherwise. */
  readonly fieldResponse: boolean;
}

const catalogs = new WeakMap<TestApp, CatalogEntry[]>();

/**
 * The categories a test may triage into, as the enabled OPD modules synced
 * them at boot: active, of a live OPD, and with no required attribute
 * question (routing would refuse a triage without the answer).
 */
export async function prepareCatalog(t: TestApp): Promise<CatalogEntry[]> {
  const rows = await t.app
    .get(EntityManager)
    .getConnection()
    .execute<Array<{ category_code: string; opd_code: string; field_response: boolean }>>(
      `SELECT c.code AS category_code, c.opd_code, c.field_response
         FROM opd_category c JOIN opd o ON o.code = c.opd_code
        WHERE c.admin_active AND c.in_code AND o.in_code AND o.onboarding_status = 'LIVE'
          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c.attributes) a WHERE (a->>'required')::boolean)
        ORDER BY c.code`,
    );
  if (rows.length === 0) throw new Error('no triageable category: enable an OPD module with a LIVE status (config/opd-modules.ts)');
  const catalog = rows.map((r) => ({ categoryCode: r.category_code, opdCode: r.opd_code, fieldResponse: r.field_response }));
  catalogs.set(t, catalog);
  return catalog;
}

/** Valid inputs for any command, triaging into the first catalog entry unless overridden. */
export function argsFor(t: TestApp, overrides: Partial<CommandArgs> = {}): CommandArgs {
  const catalog = catalogs.get(t);
  if (!catalog || catalog.length === 0) throw new Error('call prepareCatalog(t) in beforeAll first');
  const { categoryCode, opdCode } = catalog[0];
  return { ...DEFAULT_ARGS, categoryCode, opdCode, survivorId: '', ...overrides };
}

/** Drives a fresh ticket through the given commands (each must be accepted); returns the last version. */
export async function drive(t: TestApp, ticketId: string, commands: readonly TicketCommand[], args: Partial<CommandArgs> = {}): Promise<number> {
  let version = (await readStored(t, ticketId)).version;
  const full = argsFor(t, args);
  for (const command of commands) {
    // Each step at a later instant, like real users; same-instant steps are a separate concern.
    t.clock.advance(60_000);
    const ticket = await t.app.get(CommandBus).execute<object, Ticket>(buildCommand(command, ticketId, version, full));
    version = ticket.version;
  }
  return version;
}
