import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { RejectTicketCommand } from './reject-ticket.command';
import { RejectTicketHandler } from './reject-ticket.handler';

describe('RejectTicketHandler', () => {
  let runner: CapturingRunner;
  beforeEach(async () => {
    runner = new CapturingRunner(makeTicket({  }));
    await new RejectTicketHandler(runner as unknown as TicketCommandRunner).execute(new RejectTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, reason: 'prank call' }));
  });

  it('runs REJECT on the given ticket and version, as the actor', () => {
    expect(runner.calls).toHaveLength(1);
    expect(runner.spec.command).toBe(TicketCommand.REJECT);
    expect(runner.calls[0].envelope).toMatchObject({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR });
    expect(missingRequiredInputs(TicketCommand.REJECT, runner.spec.payload)).toEqual([]);
  });

  it('stamps rejectedAt and keeps the reason as the outcome', async () => {
    expect(runner.spec.payload).toEqual({ reason: 'prank call' });
    expect(runner.ticket.rejectedAt).toEqual(NOW);
    expect(runner.ticket.outcomeNote).toBe('prank call');
  });
});
