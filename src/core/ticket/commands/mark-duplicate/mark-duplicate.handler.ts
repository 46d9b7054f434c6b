import type { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { TicketJournal } from '../../application/ticket-changer';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import { DUPLICATE_MERGED } from '../../domain/ticket-event-type';
import { Ticket } from '../../domain/ticket.entity';
import { TicketException } from '../../domain/ticket.exception';
import { TicketCommand, TicketState } from '../../lifecycle';
import { MarkDuplicateCommand } from './mark-duplicate.command';

const CANNOT_SURVIVE = new Set([TicketState.DUPLICATE, TicketState.REJECTED]);

@CommandHandler(MarkDuplicateCommand)
export class MarkDuplicateHandler implements ICommandHandler<MarkDuplicateCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: MarkDuplicateCommand): Promise<Ticket> {
    if (cmd.duplicateOfId === cmd.ticketId) {
      return Promise.reject(TicketException.invalidInput(['a ticket cannot be a duplicate of itself']));
    }
    // The merge adds the survivor's number: the later reporter is told it (event, outbox, ticketStatus).
    const payload: Record<string, unknown> = { duplicateOfId: cmd.duplicateOfId };
    return this.runner.run(cmd, {
      command: TicketCommand.MARK_DUPLICATE,
      payload,
      // The survivor is written too: the runner locks both tickets, in id order.
      alsoLocks: [cmd.duplicateOfId],
      apply: async (duplicate, now, em, journal) => {
        const survivor = await mergeInto(em, journal, duplicate, cmd.duplicateOfId, now);
        payload.duplicateOfNumber = survivor.number;
      },
    });
  }
}

async function mergeInto(em: EntityManager, journal: TicketJournal, duplicate: Ticket, survivorId: string, now: Date): Promise<Ticket> {
  // Already loaded and locked by the runner (alsoLocks): a concurrent command on the survivor waits.
  const survivor = await em.findOne(Ticket, { id: survivorId });
  if (!survivor) throw TicketException.invalidInput([`duplicateOfId: no ticket ${survivorId}`]);
  if (CANNOT_SURVIVE.has(survivor.state)) {
    throw TicketException.invalidInput([`duplicateOfId: ticket ${survivor.number} is ${survivor.state} and cannot take duplicates`]);
  }
  duplicate.duplicateOf = survivor;
  const earlier = duplicate.reportedAt < survivor.reportedAt;
  const payload: Record<string, unknown> = { duplicateId: duplicate.id, duplicateNumber: duplicate.number };
  if (earlier) {
    payload.reportedAtBefore = survivor.reportedAt.toISOString();
    survivor.reportedAt = duplicate.reportedAt;
  }
  survivor.updatedAt = now;
  journal.record(survivor, DUPLICATE_MERGED, survivor.state, survivor.state, payload);
  return survivor;
}
