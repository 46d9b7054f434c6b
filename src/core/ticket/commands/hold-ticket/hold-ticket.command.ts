import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** Waits for the reporter (more details, access to a site); SLA clocks pause. */
export class HoldTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly reason: string,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
