import { TicketErrorCode } from '../../domain/ticket.exception';
import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { MarkDuplicateCommand } from './mark-duplicate.command';
import { MarkDuplicateHandler } from './mark-duplicate.handler';

// The merge itself (survivor lock, earliest reportedAt, survivor event) needs
// PostgreSQL: test/integration/tickets covers it.
describe('MarkDuplicateHandler', () => {
  it('refuses a ticket as its own duplicate without running', async () => {
    const runner = new CapturingRunner();
    await expect(
      new MarkDuplicateHandler(runner as unknown as TicketCommandRunner).execute(new MarkDuplicateCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, duplicateOfId: TICKET_ID })),
    ).rejects.toMatchObject({ code: TicketErrorCode.INVALID_INPUT });
    expect(runner.calls).toHaveLength(0);
  });

  it('runs MARK_DUPLICATE with the survivor id as the required input', async () => {
    const calls: unknown[] = [];
    const runner = { run: async (envelope: unknown, spec: { command: TicketCommand; payload: Record<string, unknown> }) => {
      calls.push(envelope);
      expect(spec.command).toBe(TicketCommand.MARK_DUPLICATE);
      expect(spec.payload).toEqual({ duplicateOfId: 'a0000000-0000-4000-8000-000000000001' });
      expect(missingRequiredInputs(TicketCommand.MARK_DUPLICATE, spec.payload)).toEqual([]);
      return makeTicket();
    } };
    await new MarkDuplicateHandler(runner as unknown as TicketCommandRunner).execute(
      new MarkDuplicateCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, duplicateOfId: 'a0000000-0000-4000-8000-000000000001' }),
    );
    expect(calls).toEqual([expect.objectContaining({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR })]);
  });
});
