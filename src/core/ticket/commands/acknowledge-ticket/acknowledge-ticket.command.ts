import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What AcknowledgeTicketCommand is built from. */
export interface AcknowledgeTicketParams extends TicketCommandParams {
  /** Optional remark; omitted: null. */
  readonly note?: string | null;
}

/** The OPD accepts the ticket: it is now theirs to act on. */
export class AcknowledgeTicketCommand extends TicketCommandBase {
  readonly note: string | null;

  constructor(p: AcknowledgeTicketParams) {
    super(p);
    this.note = p.note ?? null;
  }
}
