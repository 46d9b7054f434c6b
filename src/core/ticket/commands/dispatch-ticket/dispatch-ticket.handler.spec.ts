import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { DispatchTicketCommand } from './dispatch-ticket.command';
import { DispatchTicketHandler } from './dispatch-ticket.handler';

describe('DispatchTicketHandler', () => {
  it('stamps dispatchedAt and names the unit when given', async () => {
    const runner = new CapturingRunner();
    await new DispatchTicketHandler(runner as unknown as TicketCommandRunner).execute(
      new DispatchTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, assignedUnit: 'Pos Damkar Kintamani', note: 'two trucks' }),
    );
    expect(runner.spec.command).toBe(TicketCommand.DISPATCH);
    expect(runner.spec.payload).toEqual({ assignedUnit: 'Pos Damkar Kintamani', note: 'two trucks' });
    expect(missingRequiredInputs(TicketCommand.DISPATCH, runner.spec.payload)).toEqual([]);
    expect(runner.ticket).toMatchObject({ dispatchedAt: NOW, assignedUnit: 'Pos Damkar Kintamani' });
  });

  it('leaves an existing unit alone when none is given', async () => {
    const runner = new CapturingRunner(makeTicket({ assignedUnit: 'Regu 1' }));
    await new DispatchTicketHandler(runner as unknown as TicketCommandRunner).execute(new DispatchTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR }));
    expect(runner.spec.payload).toEqual({});
    expect(runner.ticket.assignedUnit).toBe('Regu 1');
  });
});
