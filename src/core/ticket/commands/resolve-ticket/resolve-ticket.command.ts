import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What ResolveTicketCommand is built from. */
export interface ResolveTicketParams extends TicketCommandParams {
  /** How the matter was handled. */
  readonly note: string;
  /** Uploads (POST /attachments) of this actor: proof of the fix. Omitted: none. */
  readonly attachmentIds?: readonly string[];
}

/** The OPD reports the matter handled; a note saying how is required. */
export class ResolveTicketCommand extends TicketCommandBase {
  readonly note: string;
  readonly attachmentIds: readonly string[];

  constructor(p: ResolveTicketParams) {
    super(p);
    this.note = p.note;
    this.attachmentIds = p.attachmentIds ?? [];
  }
}
