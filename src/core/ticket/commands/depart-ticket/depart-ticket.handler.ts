import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { DepartTicketCommand } from './depart-ticket.command';

@CommandHandler(DepartTicketCommand)
export class DepartTicketHandler implements ICommandHandler<DepartTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: DepartTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.DEPART,
      payload: compact({ unit: cmd.unit }),
      apply: (ticket, now) => {
        ticket.departedAt = now;
        if (cmd.unit) ticket.assignedUnit = cmd.unit;
      },
    });
  }
}
