import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { ReassignTicketCommand } from './reassign-ticket.command';

@CommandHandler(ReassignTicketCommand)
export class ReassignTicketHandler implements ICommandHandler<ReassignTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: ReassignTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.REASSIGN,
      // The table requires an assignee: a unit, an officer, or both.
      payload: compact({
        assignee: cmd.assignedOfficer ?? cmd.assignedUnit,
        assignedUnit: cmd.assignedUnit,
        assignedOfficer: cmd.assignedOfficer,
        note: cmd.note,
      }),
      apply: (ticket) => {
        ticket.assignedUnit = cmd.assignedUnit;
        ticket.assignedOfficer = cmd.assignedOfficer;
      },
    });
  }
}
