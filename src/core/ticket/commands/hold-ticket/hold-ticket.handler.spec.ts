import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { HoldTicketCommand } from './hold-ticket.command';
import { HoldTicketHandler } from './hold-ticket.handler';

describe('HoldTicketHandler', () => {
  let runner: CapturingRunner;
  beforeEach(async () => {
    runner = new CapturingRunner(makeTicket({  }));
    await new HoldTicketHandler(runner as unknown as TicketCommandRunner).execute(new HoldTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, reason: 'waiting for the reporter to send a photo' }));
  });

  it('runs HOLD on the given ticket and version, as the actor', () => {
    expect(runner.calls).toHaveLength(1);
    expect(runner.spec.command).toBe(TicketCommand.HOLD);
    expect(runner.calls[0].envelope).toMatchObject({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR });
    expect(missingRequiredInputs(TicketCommand.HOLD, runner.spec.payload)).toEqual([]);
  });

  it('keeps the reason in the event and changes no field itself', async () => {
    expect(runner.spec.payload).toEqual({ reason: 'waiting for the reporter to send a photo' });
    expect(runner.spec.apply).toBeUndefined();
  });
});
