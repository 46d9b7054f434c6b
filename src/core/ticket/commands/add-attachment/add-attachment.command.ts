import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What AddAttachmentCommand is built from. */
export interface AddAttachmentParams extends TicketCommandParams {
  /** Uploads (POST /attachments) of this actor, not yet bound to any ticket; at least one. */
  readonly attachmentIds: readonly string[];
  /** What the files show, for the history. Omitted: none. */
  readonly caption?: string | null;
}

/**
 * Attaches uploads (photos, voice notes, documents) to a ticket without
 * changing its state: like a note, it is an event in the history, checks the
 * version the client saw, and is allowed in every state.
 *
 * @example
 * new AddAttachmentCommand({ ticketId, expectedVersion: 4, actor, attachmentIds: [photoId], caption: 'Pohon tumbang' });
 */
export class AddAttachmentCommand extends TicketCommandBase {
  readonly attachmentIds: readonly string[];
  readonly caption: string | null;

  constructor(p: AddAttachmentParams) {
    super(p);
    this.attachmentIds = p.attachmentIds;
    this.caption = p.caption ?? null;
  }
}
