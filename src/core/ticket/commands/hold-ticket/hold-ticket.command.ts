import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What HoldTicketCommand is built from. */
export interface HoldTicketParams extends TicketCommandParams {
  /** What is awaited, and from whom. */
  readonly reason: string;
}

/** Waits for the reporter (more details, access to a site); SLA clocks pause. */
export class HoldTicketCommand extends TicketCommandBase {
  readonly reason: string;

  constructor(p: HoldTicketParams) {
    super(p);
    this.reason = p.reason;
  }
}
