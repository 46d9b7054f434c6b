import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What ReturnTicketCommand is built from. */
export interface ReturnTicketParams extends TicketCommandParams {
  /** Why the matter is not this OPD's. */
  readonly reason: string;
}

/** The OPD says the matter is not theirs: back to triage, with the reason. */
export class ReturnTicketCommand extends TicketCommandBase {
  readonly reason: string;

  constructor(p: ReturnTicketParams) {
    super(p);
    this.reason = p.reason;
  }
}
