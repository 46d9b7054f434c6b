import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { DispatchTicketCommand } from './dispatch-ticket.command';

@CommandHandler(DispatchTicketCommand)
export class DispatchTicketHandler implements ICommandHandler<DispatchTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: DispatchTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.DISPATCH,
      payload: compact({ assignedUnit: cmd.assignedUnit, note: cmd.note }),
      apply: (ticket, now) => {
        ticket.dispatchedAt = now;
        if (cmd.assignedUnit) ticket.assignedUnit = cmd.assignedUnit;
      },
    });
  }
}
