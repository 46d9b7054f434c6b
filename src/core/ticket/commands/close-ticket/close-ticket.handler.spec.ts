import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { CloseTicketCommand } from './close-ticket.command';
import { CloseTicketHandler } from './close-ticket.handler';

describe('CloseTicketHandler', () => {
  let runner: CapturingRunner;
  beforeEach(async () => {
    runner = new CapturingRunner(makeTicket({  }));
    await new CloseTicketHandler(runner as unknown as TicketCommandRunner).execute(new CloseTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, note: null }));
  });

  it('runs CLOSE on the given ticket and version, as the actor', () => {
    expect(runner.calls).toHaveLength(1);
    expect(runner.spec.command).toBe(TicketCommand.CLOSE);
    expect(runner.calls[0].envelope).toMatchObject({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR });
    expect(missingRequiredInputs(TicketCommand.CLOSE, runner.spec.payload)).toEqual([]);
  });

  it('stamps closedAt and sends no empty note', async () => {
    expect(runner.spec.payload).toEqual({});
    expect(runner.ticket.closedAt).toEqual(NOW);
  });
});
