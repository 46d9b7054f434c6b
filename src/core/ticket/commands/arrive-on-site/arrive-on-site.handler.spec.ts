import { TicketErrorCode } from '../../domain/ticket.exception';
import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { ArriveOnSiteCommand } from './arrive-on-site.command';
import { ArriveOnSiteHandler } from './arrive-on-site.handler';

describe('ArriveOnSiteHandler', () => {
  it('stamps onSiteAt and keeps the proof of presence in the event', async () => {
    const runner = new CapturingRunner();
    const proof = { latitude: -8.2536, longitude: 115.3568, photoUrl: 'https://files.bangli.example/p/1.jpg' };
    await new ArriveOnSiteHandler(runner as unknown as TicketCommandRunner).execute(new ArriveOnSiteCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, proof }));
    expect(runner.spec.command).toBe(TicketCommand.ARRIVE);
    expect(runner.spec.payload).toEqual(proof);
    expect(missingRequiredInputs(TicketCommand.ARRIVE, runner.spec.payload)).toEqual([]);
    expect(runner.ticket.onSiteAt).toEqual(NOW);
  });

  it('needs no proof at all', async () => {
    const runner = new CapturingRunner();
    await new ArriveOnSiteHandler(runner as unknown as TicketCommandRunner).execute(new ArriveOnSiteCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR }));
    expect(runner.spec.payload).toEqual({});
  });

  it('refuses half a position without running', async () => {
    const runner = new CapturingRunner();
    const handler = new ArriveOnSiteHandler(runner as unknown as TicketCommandRunner);
    await expect(
      handler.execute(new ArriveOnSiteCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, proof: { latitude: -8.25, longitude: null, photoUrl: null } })),
    ).rejects.toMatchObject({ code: TicketErrorCode.INVALID_INPUT });
    expect(runner.calls).toHaveLength(0);
  });
});
