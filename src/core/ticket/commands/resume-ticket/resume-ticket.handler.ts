import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { ResumeTicketCommand } from './resume-ticket.command';

@CommandHandler(ResumeTicketCommand)
export class ResumeTicketHandler implements ICommandHandler<ResumeTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: ResumeTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.RESUME,
      payload: compact({ note: cmd.note }),
    });
  }
}
