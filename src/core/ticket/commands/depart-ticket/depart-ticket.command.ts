import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What DepartTicketCommand is built from. */
export interface DepartTicketParams extends TicketCommandParams {
  /** The unit that leaves; omitted: null. */
  readonly unit?: string | null;
}

/** A field unit leaves for the location. */
export class DepartTicketCommand extends TicketCommandBase {
  readonly unit: string | null;

  constructor(p: DepartTicketParams) {
    super(p);
    this.unit = p.unit ?? null;
  }
}
