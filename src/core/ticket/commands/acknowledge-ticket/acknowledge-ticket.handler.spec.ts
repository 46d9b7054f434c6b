import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { AcknowledgeTicketCommand } from './acknowledge-ticket.command';
import { AcknowledgeTicketHandler } from './acknowledge-ticket.handler';

describe('AcknowledgeTicketHandler', () => {
  let runner: CapturingRunner;
  beforeEach(async () => {
    runner = new CapturingRunner(makeTicket({  }));
    await new AcknowledgeTicketHandler(runner as unknown as TicketCommandRunner).execute(new AcknowledgeTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, note: 'seen by the duty officer' }));
  });

  it('runs ACKNOWLEDGE on the given ticket and version, as the actor', () => {
    expect(runner.calls).toHaveLength(1);
    expect(runner.spec.command).toBe(TicketCommand.ACKNOWLEDGE);
    expect(runner.calls[0].envelope).toMatchObject({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR });
    expect(missingRequiredInputs(TicketCommand.ACKNOWLEDGE, runner.spec.payload)).toEqual([]);
  });

  it('stamps acknowledgedAt with the command time and keeps the note in the event', async () => {
    expect(runner.spec.payload).toEqual({ note: 'seen by the duty officer' });
    expect(runner.ticket.acknowledgedAt).toEqual(NOW);
  });
});
