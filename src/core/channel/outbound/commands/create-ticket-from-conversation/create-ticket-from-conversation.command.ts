import type { Actor } from '../../../../actor';
import type { TicketKind, TicketPriority } from '../../../../ticket';

/** Where the report is, when the call taker knows better than the last shared location. */
export interface ConversationTicketLocation {
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly address?: string | null;
  readonly district?: string | null;
  readonly village?: string | null;
  readonly landmark?: string | null;
}

/** What CreateTicketFromConversationCommand is built from. */
export interface CreateTicketFromConversationParams {
  readonly conversationId: string;
  readonly kind: TicketKind;
  /** Omitted: the citizen's unanswered messages, oldest first. */
  readonly description?: string | null;
  readonly categoryCode?: string | null;
  readonly priority?: TicketPriority | null;
  /** The inbound message the ticket refers to; omitted: the latest. */
  readonly messageId?: string | null;
  /** Omitted: the latest location the citizen shared, if any. */
  readonly location?: ConversationTicketLocation | null;
  /** Omitted: the platform's profile name. */
  readonly reporterName?: string | null;
  readonly anonymous?: boolean | null;
  readonly confidential?: boolean | null;
  /** The client's retry key; omitted: one ticket per referenced message. */
  readonly idempotencyKey?: string | null;
  readonly actor: Actor;
}

/**
 * Turns a conversation into a ticket through the ticket domain's own
 * create-ticket command (channel SOCIAL_MEDIA, platform, account, message
 * reference, reporter handle and language), links it, and queues the
 * "received" milestone with the ticket's number.
 */
export class CreateTicketFromConversationCommand {
  readonly p: Required<Omit<CreateTicketFromConversationParams, 'actor' | 'kind' | 'conversationId'>>;
  readonly conversationId: string;
  readonly kind: TicketKind;
  readonly actor: Actor;

  constructor(p: CreateTicketFromConversationParams) {
    this.conversationId = p.conversationId;
    this.kind = p.kind;
    this.actor = p.actor;
    this.p = {
      description: p.description ?? null, categoryCode: p.categoryCode ?? null, priority: p.priority ?? null, messageId: p.messageId ?? null,
      location: p.location ?? null, reporterName: p.reporterName ?? null, anonymous: p.anonymous ?? null, confidential: p.confidential ?? null,
      idempotencyKey: p.idempotencyKey ?? null,
    };
  }
}

/** A conversation linked to a ticket (made from it, or joined). */
export interface ConversationTicketResult {
  readonly conversationId: string;
  readonly ticketId: string;
  readonly ticketNumber: string;
  /** False when a retry found the ticket made before, or the conversation joined an existing ticket. */
  readonly created: boolean;
}
