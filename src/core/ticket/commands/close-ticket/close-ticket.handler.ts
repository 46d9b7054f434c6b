import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { CloseTicketCommand } from './close-ticket.command';

@CommandHandler(CloseTicketCommand)
export class CloseTicketHandler implements ICommandHandler<CloseTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: CloseTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.CLOSE,
      payload: compact({ note: cmd.note }),
      apply: (ticket, now) => {
        ticket.closedAt = now;
      },
    });
  }
}
