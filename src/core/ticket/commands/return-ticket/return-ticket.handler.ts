import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { ReturnTicketCommand } from './return-ticket.command';

@CommandHandler(ReturnTicketCommand)
export class ReturnTicketHandler implements ICommandHandler<ReturnTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: ReturnTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.RETURN,
      payload: compact({ reason: cmd.reason }),
      apply: (ticket) => {
        // Back to the call centre for triage; the OPD's unit no longer holds it.
        ticket.assignedUnit = null;
        ticket.assignedOfficer = null;
      },
    });
  }
}
