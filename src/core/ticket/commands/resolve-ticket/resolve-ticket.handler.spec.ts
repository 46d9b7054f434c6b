import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { ResolveTicketCommand } from './resolve-ticket.command';
import { ResolveTicketHandler } from './resolve-ticket.handler';

describe('ResolveTicketHandler', () => {
  let runner: CapturingRunner;
  beforeEach(async () => {
    runner = new CapturingRunner(makeTicket({  }));
    await new ResolveTicketHandler(runner as unknown as TicketCommandRunner).execute(new ResolveTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, note: 'tree cut and removed, road open' }));
  });

  it('runs RESOLVE on the given ticket and version, as the actor', () => {
    expect(runner.calls).toHaveLength(1);
    expect(runner.spec.command).toBe(TicketCommand.RESOLVE);
    expect(runner.calls[0].envelope).toMatchObject({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR });
    expect(missingRequiredInputs(TicketCommand.RESOLVE, runner.spec.payload)).toEqual([]);
  });

  it('stamps resolvedAt and keeps the note as the outcome', async () => {
    expect(runner.spec.payload).toEqual({ note: 'tree cut and removed, road open' });
    expect(runner.ticket.resolvedAt).toEqual(NOW);
    expect(runner.ticket.outcomeNote).toBe('tree cut and removed, road open');
  });
});
