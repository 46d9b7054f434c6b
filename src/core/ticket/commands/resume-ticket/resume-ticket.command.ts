import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What ResumeTicketCommand is built from. */
export interface ResumeTicketParams extends TicketCommandParams {
  /** Optional remark; omitted: null. */
  readonly note?: string | null;
}

/** The awaited information arrived: the ticket goes back to where it was held. */
export class ResumeTicketCommand extends TicketCommandBase {
  readonly note: string | null;

  constructor(p: ResumeTicketParams) {
    super(p);
    this.note = p.note ?? null;
  }
}
