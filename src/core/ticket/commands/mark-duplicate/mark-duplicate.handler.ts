import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { recordEvent } from '../../application/ticket-changer';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Actor } from '../../../actor';
import { Ticket } from '../../domain/ticket.entity';
import { TicketException } from '../../domain/ticket.exception';
import { TicketCommand, TicketState } from '../../lifecycle';
import { MarkDuplicateCommand } from './mark-duplicate.command';

/** The survivor's own event type: a merge is not a command on it, but it changes it. */
export const DUPLICATE_MERGED = 'DUPLICATE_MERGED';

const CANNOT_SURVIVE = new Set([TicketState.DUPLICATE, TicketState.REJECTED]);

@CommandHandler(MarkDuplicateCommand)
export class MarkDuplicateHandler implements ICommandHandler<MarkDuplicateCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: MarkDuplicateCommand): Promise<Ticket> {
    if (cmd.duplicateOfId === cmd.ticketId) {
      return Promise.reject(TicketException.invalidInput(['a ticket cannot be a duplicate of itself']));
    }
    return this.runner.run(cmd, {
      command: TicketCommand.MARK_DUPLICATE,
      payload: { duplicateOfId: cmd.duplicateOfId },
      apply: (duplicate, now, em) => mergeInto(em, duplicate, cmd.duplicateOfId, cmd.actor, now),
    });
  }
}

async function mergeInto(em: EntityManager, duplicate: Ticket, survivorId: string, actor: Actor, now: Date): Promise<void> {
  // Locked so a concurrent command on the survivor cannot overwrite the merge.
  const survivor = await em.findOne(Ticket, { id: survivorId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
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
  recordEvent(em, survivor, DUPLICATE_MERGED, survivor.state, survivor.state, actor, now, payload);
}
