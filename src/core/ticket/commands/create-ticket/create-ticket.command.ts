import type { Actor } from '../../../actor';
import type { NewReport } from '../../domain/new-report';
import type { Ticket } from '../../domain/ticket.entity';

/** What CreateTicketCommand is built from. */
export interface CreateTicketParams {
  readonly report: NewReport;
  readonly actor: Actor;
  /** The client's retry key: sending it again returns the same ticket. Omitted: null (no replay). */
  readonly idempotencyKey?: string | null;
  /** An information request's answer, recorded in the same transaction. Omitted: null. */
  readonly answer?: string | null;
  /** Uploads (POST /attachments) of this actor to bind to the new ticket. Omitted: none. */
  readonly attachmentIds?: readonly string[];
}

/**
 * Records a new contact as a ticket in state NEW. With `answer`, an
 * information request is recorded and answered in the same transaction (the
 * call centre's most common case).
 */
export class CreateTicketCommand {
  readonly report: NewReport;
  readonly actor: Actor;
  /** The client's retry key: sending it again returns the same ticket. */
  readonly idempotencyKey: string | null;
  readonly answer: string | null;
  readonly attachmentIds: readonly string[];

  constructor(p: CreateTicketParams) {
    this.report = p.report;
    this.actor = p.actor;
    this.idempotencyKey = p.idempotencyKey ?? null;
    this.answer = p.answer ?? null;
    this.attachmentIds = p.attachmentIds ?? [];
  }
}

export interface CreateTicketResult {
  readonly ticketId: string;
  /** The ticket as stored (callers need not read it back). */
  readonly ticket: Ticket;
  /** False when the idempotency key matched an earlier, identical request. */
  readonly created: boolean;
}
