import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** Closes a resolved ticket (after the reporter confirmed, or the reopen window passed). */
export class CloseTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly note: string | null = null,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
