import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { Clock, CLOCK } from '../../../infra/clock/clock';
import type { Actor } from '../../actor';
import { Ticket } from '../domain/ticket.entity';
import { TicketException } from '../domain/ticket.exception';
import { entityManagerSql } from '../../../infra/database/sql-runner';
import { applyChange, ChangeSpec, takeRecordedEvents } from './ticket-changer';
import { TICKET_EVENT_SINK, TicketEventSink } from './ticket-event.sink';
import { TicketChangedEvent } from './ticket.events';
import { TICKET_SETTINGS, TicketSettings } from './ticket-settings';

/** The part every command on an existing ticket carries. */
export interface TicketCommandEnvelope {
  readonly ticketId: string;
  /** The version the client last saw; a stale one is a VERSION_CONFLICT. */
  readonly expectedVersion: number;
  readonly actor: Actor;
}

/**
 * Runs one command on one ticket in one transaction: load, check the version,
 * apply the lifecycle step, append event and outbox message, commit; then
 * publish the domain event. Concurrent writers of the same version are
 * stopped twice over: the versioned UPDATE and the unique (ticket, seq) event.
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
    @Optional() @Inject(TICKET_EVENT_SINK) private readonly sink?: TicketEventSink,
  ) {}

  async run(envelope: TicketCommandEnvelope, spec: ChangeSpec): Promise<Ticket> {
    const now = this.clock.now();
    const em = this.em.fork();
    let change;
    let ticket: Ticket;
    try {
      [ticket, change] = await em.transactional(async (tx) => {
        // An actor confined to its OPD finds only that OPD's tickets: guessing another's id finds nothing.
        const scope = envelope.actor.restrictedToOpd;
        const loaded = await tx.findOne(Ticket, scope ? { id: envelope.ticketId, opdCode: scope } : { id: envelope.ticketId });
        if (!loaded) throw TicketException.notFound(envelope.ticketId);
        if (loaded.version !== envelope.expectedVersion) {
          throw TicketException.versionConflict(loaded.id, loaded.version);
        }
        const applied = await applyChange(tx, loaded, envelope.actor, now, this.settings.reopenWindowMs, spec);
        await this.sink?.record(entityManagerSql(tx), takeRecordedEvents(tx));
        return [loaded, applied] as const;
      });
    } catch (error) {
      throw await this.asConflict(error, envelope.ticketId);
    }
    this.eventBus.publish(
      new TicketChangedEvent(ticket.id, spec.command, change.from, change.to, ticket.version, envelope.actor, now),
    );
    return ticket;
  }

  /** Lost races surface as ORM errors; the client gets the version to reload. */
  private async asConflict(error: unknown, ticketId: string): Promise<unknown> {
    const lostRace =
      error instanceof OptimisticLockError ||
      (error instanceof UniqueConstraintViolationException && /ticket_event_ticket_seq_unique/.test(error.message));
    if (!lostRace) return error;
    const current = await this.em.fork().findOne(Ticket, { id: ticketId }, { fields: ['version'] });
    return TicketException.versionConflict(ticketId, current?.version ?? -1);
  }
}
