import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { attachmentIdsPayload, compact } from '../ticket-command.base';
import { ResolveTicketCommand } from './resolve-ticket.command';

@CommandHandler(ResolveTicketCommand)
export class ResolveTicketHandler implements ICommandHandler<ResolveTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: ResolveTicketCommand): Promise<Ticket> {
    const attachmentIds = attachmentIdsPayload(cmd.attachmentIds);
    return this.runner.run(cmd, {
      command: TicketCommand.RESOLVE,
      payload: compact({ note: cmd.note, attachmentIds }),
      ...(attachmentIds ? { attachmentIds } : {}),
      apply: (ticket, now) => {
        ticket.resolvedAt = now;
        ticket.outcomeNote = cmd.note;
      },
    });
  }
}
