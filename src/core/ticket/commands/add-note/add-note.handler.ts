import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { attachmentIdsPayload, compact } from '../ticket-command.base';
import { AddNoteCommand } from './add-note.command';

@CommandHandler(AddNoteCommand)
export class AddNoteHandler implements ICommandHandler<AddNoteCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: AddNoteCommand): Promise<Ticket> {
    // A note changes no field: the event is the note. It still bumps the
    // version, so two people annotating a stale copy find out.
    const attachmentIds = attachmentIdsPayload(cmd.attachmentIds);
    return this.runner.run(cmd, {
      command: TicketCommand.ADD_NOTE,
      payload: compact({ text: cmd.text, visibility: cmd.visibility, attachmentIds }),
      ...(attachmentIds ? { attachmentIds } : {}),
    });
  }
}
