import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { Ticket } from '../../domain/ticket.entity';
import { TicketCommand } from '../../lifecycle';
import { compact } from '../ticket-command.base';
import { AnswerTicketCommand } from './answer-ticket.command';

@CommandHandler(AnswerTicketCommand)
export class AnswerTicketHandler implements ICommandHandler<AnswerTicketCommand, Ticket> {
  constructor(private readonly runner: TicketCommandRunner) {}

  execute(cmd: AnswerTicketCommand): Promise<Ticket> {
    return this.runner.run(cmd, {
      command: TicketCommand.ANSWER,
      payload: compact({ answer: cmd.answer }),
      apply: answerEffect(cmd.answer),
    });
  }
}

/** Shared with the one-call intake of an information request. */
export function answerEffect(answer: string): (ticket: Ticket, now: Date) => void {
  return (ticket, now) => {
    ticket.answeredAt = now;
    ticket.outcomeNote = answer;
  };
}
