import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** Moves the work to another unit or officer of the same OPD. */
export class ReassignTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly assignedUnit: string | null,
    readonly assignedOfficer: string | null,
    readonly note: string | null = null,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
