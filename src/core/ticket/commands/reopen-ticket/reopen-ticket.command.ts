import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What ReopenTicketCommand is built from. */
export interface ReopenTicketParams extends TicketCommandParams {
  /** What is still wrong. */
  readonly reason: string;
}

/** The reporter says it is not fixed: within the reopen window the OPD must act again. */
export class ReopenTicketCommand extends TicketCommandBase {
  readonly reason: string;

  constructor(p: ReopenTicketParams) {
    super(p);
    this.reason = p.reason;
  }
}
