import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** The OPD says the matter is not theirs: back to triage, with the reason. */
export class ReturnTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly reason: string,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
