import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { ReopenTicketCommand } from './reopen-ticket.command';

@CommandHandler(ReopenTicketCommand)
export class ReopenTicketHandler implements ICommandHandler<ReopenTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: ReopenTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.REOPEN,
      payload: compact({ reason: cmd.reason }),
      apply: (ticket, now) => {
        // A new round for the OPD: its milestones start again (the event log
        // keeps the first round's).
        ticket.reopenCount += 1;
        ticket.dispatchedAt = now;
        ticket.acknowledgedAt = null;
        ticket.departedAt = null;
        ticket.onSiteAt = null;
        ticket.resolvedAt = null;
        ticket.closedAt = null;
        ticket.outcomeNote = null;
      },
    });
  }
}
