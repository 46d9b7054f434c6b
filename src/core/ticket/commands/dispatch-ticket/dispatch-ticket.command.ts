import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** Hands a triaged ticket to its OPD, optionally to a named unit. */
export class DispatchTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly assignedUnit: string | null = null,
    readonly note: string | null = null,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
