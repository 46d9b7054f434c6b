import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketException } from '../../domain/ticket.exception';
import { TicketCommand } from '../../lifecycle';
import { attachmentIdsPayload, compact } from '../ticket-command.base';
import { ArriveOnSiteCommand } from './arrive-on-site.command';

@CommandHandler(ArriveOnSiteCommand)
export class ArriveOnSiteHandler implements ICommandHandler<ArriveOnSiteCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: ArriveOnSiteCommand): Promise<Ticket> {
    const { latitude, longitude, photoUrl } = cmd.proof;
    if ((latitude === null) !== (longitude === null)) {
      return Promise.reject(TicketException.invalidInput(['a position needs both latitude and longitude']));
    }
    const attachmentIds = attachmentIdsPayload(cmd.attachmentIds);
    return this.runner.run(cmd, {
      command: TicketCommand.ARRIVE,
      payload: compact({ latitude, longitude, photoUrl, attachmentIds }),
      ...(attachmentIds ? { attachmentIds } : {}),
      apply: (ticket, now) => {
        ticket.onSiteAt = now;
      },
    });
  }
}
