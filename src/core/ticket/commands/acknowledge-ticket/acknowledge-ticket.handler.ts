import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { AcknowledgeTicketCommand } from './acknowledge-ticket.command';

@CommandHandler(AcknowledgeTicketCommand)
export class AcknowledgeTicketHandler implements ICommandHandler<AcknowledgeTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: AcknowledgeTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.ACKNOWLEDGE,
      payload: compact({ note: cmd.note }),
      apply: (ticket, now) => {
        ticket.acknowledgedAt = now;
      },
    });
  }
}
