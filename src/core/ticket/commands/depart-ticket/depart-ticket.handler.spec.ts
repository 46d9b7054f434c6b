import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { DepartTicketCommand } from './depart-ticket.command';
import { DepartTicketHandler } from './depart-ticket.handler';

describe('DepartTicketHandler', () => {
  let runner: CapturingRunner;
  beforeEach(async () => {
    runner = new CapturingRunner(makeTicket({  }));
    await new DepartTicketHandler(runner as unknown as TicketCommandRunner).execute(new DepartTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, unit: 'Regu 2' }));
  });

  it('runs DEPART on the given ticket and version, as the actor', () => {
    expect(runner.calls).toHaveLength(1);
    expect(runner.spec.command).toBe(TicketCommand.DEPART);
    expect(runner.calls[0].envelope).toMatchObject({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR });
    expect(missingRequiredInputs(TicketCommand.DEPART, runner.spec.payload)).toEqual([]);
  });

  it('stamps departedAt and records the unit that left', async () => {
    expect(runner.spec.payload).toEqual({ unit: 'Regu 2' });
    expect(runner.ticket.departedAt).toEqual(NOW);
    expect(runner.ticket.assignedUnit).toBe('Regu 2');
  });
});
