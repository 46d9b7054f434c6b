import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** What AnswerTicketCommand is built from. */
export interface AnswerTicketParams extends TicketCommandParams {
  /** The answer given to the reporter. */
  readonly answer: string;
}

/** Answers an information request; the answer is the ticket's outcome. */
export class AnswerTicketCommand extends TicketCommandBase {
  readonly answer: string;

  constructor(p: AnswerTicketParams) {
    super(p);
    this.answer = p.answer;
  }
}
