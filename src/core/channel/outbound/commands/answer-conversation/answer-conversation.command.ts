import type { Actor } from '../../../../actor';

/** What AnswerConversationCommand is built from. */
export interface AnswerConversationParams {
  readonly conversationId: string;
  /** The answer the citizen receives. */
  readonly answer: string;
  /** The question as recorded on the ticket; omitted: the citizen's unanswered messages. */
  readonly question?: string | null;
  readonly categoryCode?: string | null;
  readonly idempotencyKey?: string | null;
  readonly actor: Actor;
}

/**
 * An information request answered in one step, as the phone desk records
 * one (`recordInformationRequest`): an INFORMATION ticket created ANSWERED,
 * the answer sent to the citizen, the conversation closed.
 */
export class AnswerConversationCommand {
  readonly conversationId: string;
  readonly answer: string;
  readonly question: string | null;
  readonly categoryCode: string | null;
  readonly idempotencyKey: string | null;
  readonly actor: Actor;

  constructor(p: AnswerConversationParams) {
    this.conversationId = p.conversationId;
    this.answer = p.answer;
    this.question = p.question ?? null;
    this.categoryCode = p.categoryCode ?? null;
    this.idempotencyKey = p.idempotencyKey ?? null;
    this.actor = p.actor;
  }
}

export interface AnswerConversationResult {
  readonly conversationId: string;
  readonly ticketId: string;
  readonly ticketNumber: string;
  /** The queued answer. */
  readonly messageId: string;
}
