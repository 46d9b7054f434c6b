import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** The reporter says it is not fixed: within the reopen window the OPD must act again. */
export class ReopenTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly reason: string,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
