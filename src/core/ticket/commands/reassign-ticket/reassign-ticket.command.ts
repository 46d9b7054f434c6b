import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What ReassignTicketCommand is built from. */
export interface ReassignTicketParams extends TicketCommandParams {
  /** The new unit, or null; give it or an officer. */
  readonly assignedUnit: string | null;
  /** The new officer, or null; give it or a unit. */
  readonly assignedOfficer: string | null;
  /** Optional remark; omitted: null. */
  readonly note?: string | null;
}

/** Moves the work to another unit or officer of the same OPD. */
export class ReassignTicketCommand extends TicketCommandBase {
  readonly assignedUnit: string | null;
  readonly assignedOfficer: string | null;
  readonly note: string | null;

  constructor(p: ReassignTicketParams) {
    super(p);
    this.assignedUnit = p.assignedUnit;
    this.assignedOfficer = p.assignedOfficer;
    this.note = p.note ?? null;
  }
}
