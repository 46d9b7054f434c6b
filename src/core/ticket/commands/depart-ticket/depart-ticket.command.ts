import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** A field unit leaves for the location. */
export class DepartTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly unit: string | null = null,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
