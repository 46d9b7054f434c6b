import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { AnswerTicketCommand } from './answer-ticket.command';
import { AnswerTicketHandler } from './answer-ticket.handler';

describe('AnswerTicketHandler', () => {
  let runner: CapturingRunner;
  beforeEach(async () => {
    runner = new CapturingRunner(makeTicket({  }));
    await new AnswerTicketHandler(runner as unknown as TicketCommandRunner).execute(new AnswerTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, answer: 'Kantor buka 08.00-15.00 WITA' }));
  });

  it('runs ANSWER on the given ticket and version, as the actor', () => {
    expect(runner.calls).toHaveLength(1);
    expect(runner.spec.command).toBe(TicketCommand.ANSWER);
    expect(runner.calls[0].envelope).toMatchObject({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR });
    expect(missingRequiredInputs(TicketCommand.ANSWER, runner.spec.payload)).toEqual([]);
  });

  it('stamps answeredAt and keeps the answer as the outcome', async () => {
    expect(runner.spec.payload).toEqual({ answer: 'Kantor buka 08.00-15.00 WITA' });
    expect(runner.ticket.answeredAt).toEqual(NOW);
    expect(runner.ticket.outcomeNote).toBe('Kantor buka 08.00-15.00 WITA');
  });
});
