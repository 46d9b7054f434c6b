import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { ReassignTicketCommand } from './reassign-ticket.command';
import { ReassignTicketHandler } from './reassign-ticket.handler';

async function reassign(unit: string | null, officer: string | null): Promise<CapturingRunner> {
  const runner = new CapturingRunner(makeTicket({ assignedUnit: 'Regu 1', assignedOfficer: 'made' }));
  await new ReassignTicketHandler(runner as unknown as TicketCommandRunner).execute(
    new ReassignTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, assignedUnit: unit, assignedOfficer: officer }),
  );
  return runner;
}

describe('ReassignTicketHandler', () => {
  it('names the officer as the assignee when there is one', async () => {
    const runner = await reassign('Regu 2', 'ketut');
    expect(runner.spec.command).toBe(TicketCommand.REASSIGN);
    expect(runner.spec.payload).toEqual({ assignee: 'ketut', assignedUnit: 'Regu 2', assignedOfficer: 'ketut' });
    expect(runner.ticket).toMatchObject({ assignedUnit: 'Regu 2', assignedOfficer: 'ketut' });
  });

  it('falls back to the unit as the assignee', async () => {
    const runner = await reassign('Regu 3', null);
    expect(runner.spec.payload.assignee).toBe('Regu 3');
    expect(missingRequiredInputs(TicketCommand.REASSIGN, runner.spec.payload)).toEqual([]);
    expect(runner.ticket.assignedOfficer).toBeNull();
  });

  it('gives the lifecycle no assignee when neither is named, so it refuses the command', async () => {
    const runner = await reassign(null, null);
    expect(missingRequiredInputs(TicketCommand.REASSIGN, runner.spec.payload)).toEqual(['assignee']);
  });
});
