import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { ReturnTicketCommand } from './return-ticket.command';
import { ReturnTicketHandler } from './return-ticket.handler';

describe('ReturnTicketHandler', () => {
  let runner: CapturingRunner;
  beforeEach(async () => {
    runner = new CapturingRunner(makeTicket({ assignedUnit: 'Regu 1', assignedOfficer: 'made', opdCode: 'BPBD' }));
    await new ReturnTicketHandler(runner as unknown as TicketCommandRunner).execute(new ReturnTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, reason: 'not a public road: village matter' }));
  });

  it('runs RETURN on the given ticket and version, as the actor', () => {
    expect(runner.calls).toHaveLength(1);
    expect(runner.spec.command).toBe(TicketCommand.RETURN);
    expect(runner.calls[0].envelope).toMatchObject({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR });
    expect(missingRequiredInputs(TicketCommand.RETURN, runner.spec.payload)).toEqual([]);
  });

  it('keeps the reason and frees the unit, but not the OPD (history of who returned it)', async () => {
    expect(runner.spec.payload).toEqual({ reason: 'not a public road: village matter' });
    expect(runner.ticket.assignedUnit).toBeNull();
    expect(runner.ticket.assignedOfficer).toBeNull();
    expect(runner.ticket.opdCode).toBe('BPBD');
  });
});
