import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What MarkDuplicateCommand is built from. */
export interface MarkDuplicateParams extends TicketCommandParams {
  /** The ticket that survives: this one is merged into it. */
  readonly duplicateOfId: string;
}

/**
 * Merges this ticket into another report of the same incident. The survivor
 * keeps the earliest `reportedAt` (the citizen who called first set the SLA
 * clock) and both stay linked.
 */
export class MarkDuplicateCommand extends TicketCommandBase {
  readonly duplicateOfId: string;

  constructor(p: MarkDuplicateParams) {
    super(p);
    this.duplicateOfId = p.duplicateOfId;
  }
}
