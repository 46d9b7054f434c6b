import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { RejectTicketCommand } from './reject-ticket.command';

@CommandHandler(RejectTicketCommand)
export class RejectTicketHandler implements ICommandHandler<RejectTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: RejectTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.REJECT,
      payload: compact({ reason: cmd.reason }),
      apply: (ticket, now) => {
        ticket.rejectedAt = now;
        ticket.outcomeNote = cmd.reason;
      },
    });
  }
}
