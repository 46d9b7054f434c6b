import type { Actor } from '../../domain/actor';
import type { TicketKind, TicketPriority } from '../../domain/ticket.enums';
import { TicketCommandBase } from '../ticket-command.base';

/** The call centre classifies a report: kind, category and responsible OPD. */
export class TriageTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly kind: TicketKind,
    readonly categoryCode: string,
    readonly opdCode: string,
    /** Defaults: URGENT for emergencies, otherwise the ticket's current priority. */
    readonly priority: TicketPriority | null = null,
    /** Defaults to true for emergencies, false otherwise. */
    readonly fieldResponse: boolean | null = null,
    readonly district: string | null = null,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
