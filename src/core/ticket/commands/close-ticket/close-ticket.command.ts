import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What CloseTicketCommand is built from. */
export interface CloseTicketParams extends TicketCommandParams {
  /** Optional remark; omitted: null. */
  readonly note?: string | null;
}

/** Closes a resolved ticket (after the reporter confirmed, or the reopen window passed). */
export class CloseTicketCommand extends TicketCommandBase {
  readonly note: string | null;

  constructor(p: CloseTicketParams) {
    super(p);
    this.note = p.note ?? null;
  }
}
