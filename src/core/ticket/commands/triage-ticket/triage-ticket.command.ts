import type { Actor } from '../../../actor';
import type { TicketKind, TicketPriority } from '../../domain/ticket.enums';
import { TicketCommandBase } from '../ticket-command.base';

/** The call centre classifies a report: kind and category, which decides the responsible OPD. */
export class TriageTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly kind: TicketKind,
    readonly categoryCode: string,
    /** Optional: the category decides; a different OPD here is refused. */
    readonly opdCode: string | null,
    /** Defaults: URGENT for emergencies, otherwise the ticket's current priority. */
    readonly priority: TicketPriority | null = null,
    /** Defaults to true for emergencies, false otherwise. */
    readonly fieldResponse: boolean | null = null,
    readonly district: string | null = null,
    /** Answers to the category's questions, merged over those given at intake. */
    readonly attributes: Readonly<Record<string, string | readonly string[]>> = {},
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
