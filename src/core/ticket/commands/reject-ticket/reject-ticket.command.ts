import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What RejectTicketCommand is built from. */
export interface RejectTicketParams extends TicketCommandParams {
  /** Why the report is rejected. */
  readonly reason: string;
}

/** Rejects spam, a prank or an invalid report; the reason is required and kept. */
export class RejectTicketCommand extends TicketCommandBase {
  readonly reason: string;

  constructor(p: RejectTicketParams) {
    super(p);
    this.reason = p.reason;
  }
}
