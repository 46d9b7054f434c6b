import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketException } from '../../domain/ticket.exception';
import { TicketCommand } from '../../lifecycle';
import { attachmentIdsPayload, compact } from '../ticket-command.base';
import { AddAttachmentCommand } from './add-attachment.command';

@CommandHandler(AddAttachmentCommand)
export class AddAttachmentHandler implements ICommandHandler<AddAttachmentCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: AddAttachmentCommand): Promise<Ticket> {
    const attachmentIds = attachmentIdsPayload(cmd.attachmentIds);
    if (!attachmentIds) return Promise.reject(TicketException.invalidInput(['attachmentIds: give at least one upload']));
    // Changes no field: the event is the record, and the binding (in the same transaction) the effect.
    return this.runner.run(cmd, {
      command: TicketCommand.ADD_ATTACHMENT,
      payload: compact({ attachmentIds, caption: cmd.caption }),
      attachmentIds,
    });
  }
}
