import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/**
 * Merges this ticket into another report of the same incident. The survivor
 * keeps the earliest `reportedAt` (the citizen who called first set the SLA
 * clock) and both stay linked.
 */
export class MarkDuplicateCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly duplicateOfId: string,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
