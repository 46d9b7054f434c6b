import type { EntityManager } from '@mikro-orm/postgresql';
import { TicketJournal, type ChangeSpec } from '../../src/core/ticket/application/ticket-changer';
import type { TicketCommandEnvelope } from '../../src/core/ticket/application/ticket-command.runner';
import type { Actor } from '../../src/core/actor';
import { Ticket } from '../../src/core/ticket/domain/ticket.entity';
import { ActorRole } from '../../src/core/actor';
import { TicketChannel, TicketKind, TicketPriority } from '../../src/core/ticket/domain/ticket.enums';
import { TICKET_LIFECYCLE, TicketCommand, TicketState } from '../../src/core/ticket/lifecycle';

export const NOW = new Date('2026-11-28T02:00:00Z');
export const ACTOR: Actor = { userId: 'officer-made', role: ActorRole.OPD_OFFICER, opdCode: 'BPBD' };
export const TICKET_ID = '6f1c2a0e-8f47-4d4b-9a51-0a4c1f3e2b10';

/** A ticket as loaded from the database, without one. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  return Object.assign(new Ticket(), {
    id: TICKET_ID,
    number: 'BGL-2026-000042',
    kind: TicketKind.COMPLAINT,
    priority: TicketPriority.NORMAL,
    fieldResponse: false,
    channel: TicketChannel.PHONE,
    description: 'Pohon tumbang menutup jalan',
    descriptionLanguage: 'id',
    reportedAt: new Date('2026-11-28T01:00:00Z'),
    createdAt: new Date('2026-11-28T01:05:00Z'),
    updatedAt: new Date('2026-11-28T01:05:00Z'),
    createdBy: 'ct-ayu',
    version: 3,
    ...overrides,
  });
}

/**
 * Stands in for TicketCommandRunner in handler unit tests: it records what the
 * handler asked for and applies the handler's effect to a ticket object. The
 * runner itself (transactions, locking, events) is tested against PostgreSQL.
 */
export class CapturingRunner {
  readonly calls: Array<{ envelope: TicketCommandEnvelope; spec: ChangeSpec }> = [];

  constructor(readonly ticket: Ticket = makeTicket()) {}

  async run(envelope: TicketCommandEnvelope, spec: ChangeSpec): Promise<Ticket> {
    this.calls.push({ envelope, spec });
    // No database here: an effect that touches the transaction fails loudly.
    const em = {} as EntityManager;
    await spec.apply?.(this.ticket, NOW, em, new TicketJournal(em, envelope.actor, NOW));
    return this.ticket;
  }

  get spec(): ChangeSpec {
    if (this.calls.length !== 1) throw new Error(`expected one run, got ${this.calls.length}`);
    return this.calls[0].spec;
  }
}

/** The payload a handler builds must carry every input the table requires for its command. */
export function missingRequiredInputs(command: TicketCommand, payload: Record<string, unknown>): string[] {
  const required = new Set<string>();
  for (const state of Object.values(TicketState)) {
    for (const key of TICKET_LIFECYCLE.states[state].on[command]?.requires ?? []) required.add(key);
  }
  return [...required].filter((key) => {
    const value = payload[key];
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  });
}
