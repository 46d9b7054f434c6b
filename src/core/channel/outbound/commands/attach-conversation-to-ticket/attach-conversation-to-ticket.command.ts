import type { Actor } from '../../../../actor';

/** What AttachConversationToTicketCommand is built from. */
export interface AttachConversationToTicketParams {
  readonly conversationId: string;
  readonly ticketId: string;
  readonly actor: Actor;
}

/**
 * Joins a conversation to an existing ticket (the same incident reported
 * again): the citizen hears the ticket's number, and its later milestones.
 */
export class AttachConversationToTicketCommand {
  readonly conversationId: string;
  readonly ticketId: string;
  readonly actor: Actor;

  constructor(p: AttachConversationToTicketParams) {
    this.conversationId = p.conversationId;
    this.ticketId = p.ticketId;
    this.actor = p.actor;
  }
}
