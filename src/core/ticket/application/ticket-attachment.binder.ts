import type { SqlRunner } from '../../../infra/database/sql-runner';
import type { Actor } from '../../actor';

/** Uploads a command references, to be bound to its ticket in the command's transaction. */
export interface AttachmentBinding {
  readonly ticketId: string;
  /** The event that references them (its seq): the audit trail says who attached what, when. */
  readonly seq: number;
  readonly attachmentIds: readonly string[];
  readonly actor: Actor;
  readonly at: Date;
}

/**
 * Binds uploads to a ticket on the command's own connection, before commit:
 * when the command fails, the binding rolls back with it and the uploads stay
 * unbound (the attachment domain's cleanup deletes them later). Returns what
 * is wrong with each id (unknown, someone else's, already bound), empty when
 * all were bound; the runner turns problems into InvalidTicketInput.
 *
 * @example
 * { provide: TICKET_ATTACHMENT_BINDER, useExisting: AttachmentBinder }
 */
export interface TicketAttachmentBinder {
  bind(sql: SqlRunner, binding: AttachmentBinding): Promise<string[]>;
}

export const TICKET_ATTACHMENT_BINDER = Symbol('TICKET_ATTACHMENT_BINDER');

/** At most this many uploads per command (a screen attaches a handful at a time). */
export const MAX_ATTACHMENTS_PER_COMMAND = 10;
