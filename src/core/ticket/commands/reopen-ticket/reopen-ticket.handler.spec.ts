import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { ReopenTicketCommand } from './reopen-ticket.command';
import { ReopenTicketHandler } from './reopen-ticket.handler';

describe('ReopenTicketHandler', () => {
  it("starts a new round for the OPD: counts it, re-dispatches, clears the last round's milestones", async () => {
    const earlier = new Date('2026-11-27T10:00:00Z');
    const runner = new CapturingRunner(
      makeTicket({ reopenCount: 1, acknowledgedAt: earlier, departedAt: earlier, onSiteAt: earlier, resolvedAt: earlier, closedAt: earlier, outcomeNote: 'fixed' }),
    );
    await new ReopenTicketHandler(runner as unknown as TicketCommandRunner).execute(
      new ReopenTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, reason: 'the hole is back after the rain' }),
    );
    expect(runner.spec.command).toBe(TicketCommand.REOPEN);
    expect(runner.spec.payload).toEqual({ reason: 'the hole is back after the rain' });
    expect(missingRequiredInputs(TicketCommand.REOPEN, runner.spec.payload)).toEqual([]);
    expect(runner.ticket).toMatchObject({
      reopenCount: 2,
      dispatchedAt: NOW,
      acknowledgedAt: null,
      departedAt: null,
      onSiteAt: null,
      resolvedAt: null,
      closedAt: null,
      outcomeNote: null,
    });
  });
});
