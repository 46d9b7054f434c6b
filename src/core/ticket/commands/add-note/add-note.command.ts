import type { Actor } from '../../../actor';
import type { NoteVisibility } from '../../domain/ticket.enums';
import { TicketCommandBase } from '../ticket-command.base';

/** A remark in the ticket's history; public notes may be shown to the reporter. */
export class AddNoteCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly text: string,
    readonly visibility: NoteVisibility,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
