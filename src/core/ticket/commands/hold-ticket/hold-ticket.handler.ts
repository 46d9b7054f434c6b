import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { HoldTicketCommand } from './hold-ticket.command';

@CommandHandler(HoldTicketCommand)
export class HoldTicketHandler implements ICommandHandler<HoldTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: HoldTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.HOLD,
      payload: compact({ reason: cmd.reason }),
    });
  }
}
