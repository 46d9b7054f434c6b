import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { ResumeTicketCommand } from './resume-ticket.command';
import { ResumeTicketHandler } from './resume-ticket.handler';

describe('ResumeTicketHandler', () => {
  let runner: CapturingRunner;
  beforeEach(async () => {
    runner = new CapturingRunner(makeTicket({  }));
    await new ResumeTicketHandler(runner as unknown as TicketCommandRunner).execute(new ResumeTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, note: 'photo received' }));
  });

  it('runs RESUME on the given ticket and version, as the actor', () => {
    expect(runner.calls).toHaveLength(1);
    expect(runner.spec.command).toBe(TicketCommand.RESUME);
    expect(runner.calls[0].envelope).toMatchObject({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR });
    expect(missingRequiredInputs(TicketCommand.RESUME, runner.spec.payload)).toEqual([]);
  });

  it('changes no field itself: the lifecycle restores the held-from state', async () => {
    const before = { ...runner.ticket };
    expect(runner.spec.apply).toBeUndefined();
    expect(runner.spec.payload).toEqual({ note: 'photo received' });
    expect({ ...runner.ticket }).toEqual(before);
  });
});
