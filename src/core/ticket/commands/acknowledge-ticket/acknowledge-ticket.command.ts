import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** The OPD accepts the ticket: it is now theirs to act on. */
export class AcknowledgeTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly note: string | null = null,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
