import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** The OPD reports the matter handled; a note saying how is required. */
export class ResolveTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly note: string,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
