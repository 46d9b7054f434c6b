import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What DispatchTicketCommand is built from. */
export interface DispatchTicketParams extends TicketCommandParams {
  /** A named unit of the OPD; omitted: null (the OPD as a whole). */
  readonly assignedUnit?: string | null;
  /** Optional remark; omitted: null. */
  readonly note?: string | null;
}

/** Hands a triaged ticket to its OPD, optionally to a named unit. */
export class DispatchTicketCommand extends TicketCommandBase {
  readonly assignedUnit: string | null;
  readonly note: string | null;

  constructor(p: DispatchTicketParams) {
    super(p);
    this.assignedUnit = p.assignedUnit ?? null;
    this.note = p.note ?? null;
  }
}
