import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** Rejects spam, a prank or an invalid report; the reason is required and kept. */
export class RejectTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly reason: string,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
