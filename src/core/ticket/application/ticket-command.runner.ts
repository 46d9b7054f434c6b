import { DeadlockException, OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { Actor } from '../../actor';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { Ticket } from '../domain/ticket.entity';
import { TicketException } from '../domain/ticket.exception';
import { applyChange, ChangeSpec, TicketJournal } from './ticket-changer';
import { keepNextDue, TICKET_EVENT_SINK, TicketEventSink } from './ticket-event.sink';
import { bindAttachments } from './ticket-attachments';
import { TICKET_ATTACHMENT_BINDER, type TicketAttachmentBinder } from './ticket-attachment.binder';
import { lockTickets } from './ticket-locks';
import { TicketChangedEvent } from './ticket.events';
import { TICKET_SETTINGS, TicketSettings } from './ticket-settings';
import { TicketMetrics } from './ticket.metrics';

/** The part every command on an existing ticket carries. */
export interface TicketCommandEnvelope {
  readonly ticketId: string;
  /** The version the client last saw; a stale one is a VERSION_CONFLICT. */
  readonly expectedVersion: number;
  readonly actor: Actor;
}

/**
 * Runs one command on one ticket in one transaction: lock, check the version,
 * apply the lifecycle step, append event and outbox message, let the event
 * sink (the SLA clocks) follow, commit; then publish the domain event.
 * Concurrent writers of the same version are stopped three times over: the
 * row lock, the versioned UPDATE and the unique (ticket, seq) event.
 *
 * @example
 * await runner.run({ ticketId, expectedVersion: 3, actor }, {
 *   command: TicketCommand.ACKNOWLEDGE, payload: {}, apply: (t, now) => (t.acknowledgedAt = now),
 * });
 */
@Injectable()
export class TicketCommandRunner {
  constructor(
    private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TICKET_SETTINGS) private readonly settings: TicketSettings,
    private readonly eventBus: EventBus,
    // Required: without it every SLA clock would silently stop.
    @Inject(TICKET_EVENT_SINK) private readonly sink: TicketEventSink,
    private readonly metrics: TicketMetrics,
    // Optional so the ticket domain boots alone (unit harnesses); a command naming uploads without it is refused.
    @Optional() @Inject(TICKET_ATTACHMENT_BINDER) private readonly attachments: TicketAttachmentBinder | null = null,
  ) {}

  async run(envelope: TicketCommandEnvelope, spec: ChangeSpec): Promise<Ticket> {
    const now = this.clock.now();
    let change;
    let ticket: Ticket;
    try {
      [ticket, change] = await this.em.fork().transactional(async (tx) => {
        // The ticket's row lock comes first, before the sink locks the SLA rows
        // hanging off it: the order every writer of tickets keeps.
        const locked = await lockTickets(tx, [envelope.ticketId, ...(spec.alsoLocks ?? [])]);
        const loaded = locked.find((t) => t.id === envelope.ticketId);
        // An actor confined to its OPD finds only that OPD's tickets: guessing another's id finds nothing.
        const scope = envelope.actor.restrictedToOpd;
        if (!loaded || (scope && loaded.opdCode !== scope)) throw TicketException.notFound(envelope.ticketId);
        if (loaded.version !== envelope.expectedVersion) {
          throw TicketException.versionConflict(loaded.id, loaded.version);
        }
        const journal = new TicketJournal(tx, envelope.actor, now);
        const applied = await applyChange(journal, loaded, this.settings.reopenWindowMs, spec);
        if (spec.attachmentIds?.length) {
          // Numbered by this command's event on this ticket: the audit trail says which event attached what.
          const seq = journal.events.filter((e) => e.ticketId === loaded.id).at(-1)?.seq ?? loaded.version + 1;
          await bindAttachments(this.attachments, entityManagerSql(tx), { ticketId: loaded.id, seq, attachmentIds: spec.attachmentIds, actor: envelope.actor, at: now });
        }
        keepNextDue(locked, await this.sink.record(entityManagerSql(tx), journal.events));
        return [loaded, applied] as const;
      });
    } catch (error) {
      throw await this.asConflict(error, envelope.ticketId);
    }
    this.metrics.transitions.inc({ event_type: spec.command, to_state: change.to });
    this.eventBus.publish(
      new TicketChangedEvent(ticket.id, spec.command, change.from, change.to, ticket.version, envelope.actor, now),
    );
    return ticket;
  }

  /**
   * Lost races surface as database errors; the client gets the version to
   * reload. A deadlock or serialization failure is a lost race too: the lock
   * order makes them rare, and the retry is the client's, with fresh data.
   */
  private async asConflict(error: unknown, ticketId: string): Promise<unknown> {
    const lostRace =
      error instanceof OptimisticLockError ||
      error instanceof DeadlockException ||
      (error instanceof UniqueConstraintViolationException && /ticket_event_ticket_seq_unique/.test(error.message));
    if (!lostRace) return error;
    const current = await this.em.fork().findOne(Ticket, { id: ticketId }, { fields: ['version'] });
    return TicketException.versionConflict(ticketId, current?.version ?? -1);
  }
}
