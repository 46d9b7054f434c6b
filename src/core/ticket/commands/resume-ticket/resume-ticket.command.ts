import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** The awaited information arrived: the ticket goes back to where it was held. */
export class ResumeTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly note: string | null = null,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
