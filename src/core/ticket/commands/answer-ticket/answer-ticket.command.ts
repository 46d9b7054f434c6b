import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** Answers an information request; the answer is the ticket's outcome. */
export class AnswerTicketCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly answer: string,
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
