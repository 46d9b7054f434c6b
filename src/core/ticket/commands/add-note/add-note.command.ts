import type { NoteVisibility } from '../../domain/ticket.enums';
import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What AddNoteCommand is built from. */
export interface AddNoteParams extends TicketCommandParams {
  readonly text: string;
  /** Whether the reporter may see the note. */
  readonly visibility: NoteVisibility;
  /** Uploads (POST /attachments) of this actor to attach with the note. Omitted: none. */
  readonly attachmentIds?: readonly string[];
}

/** A remark in the ticket's history; public notes may be shown to the reporter. */
export class AddNoteCommand extends TicketCommandBase {
  readonly text: string;
  readonly visibility: NoteVisibility;
  readonly attachmentIds: readonly string[];

  constructor(p: AddNoteParams) {
    super(p);
    this.text = p.text;
    this.visibility = p.visibility;
    this.attachmentIds = p.attachmentIds ?? [];
  }
}
