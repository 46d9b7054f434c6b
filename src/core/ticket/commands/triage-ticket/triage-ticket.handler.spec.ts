import { TicketKind, TicketPriority } from '../../domain/ticket.enums';
import { TicketErrorCode } from '../../domain/ticket.exception';
import { TicketCommand } from '../../lifecycle';
import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import type { DistrictCheck } from '../../application/district.check';
import { TicketException } from '../../domain/ticket.exception';
import { TriageTicketCommand } from './triage-ticket.command';
import { TriageTicketHandler } from './triage-ticket.handler';

const knownDistricts = { assertKnown: async (code: string) => {
  if (code !== 'KINTAMANI') throw TicketException.invalidInput([`district ${code} is not an active district code`]);
} } as unknown as DistrictCheck;

async function triage(runner: CapturingRunner, ...args: ConstructorParameters<typeof TriageTicketCommand> extends [string, number, unknown, ...infer R] ? R : never) {
  return new TriageTicketHandler(runner as unknown as TicketCommandRunner, knownDistricts).execute(
    new TriageTicketCommand(TICKET_ID, 3, ACTOR, ...args),
  );
}

describe('TriageTicketHandler', () => {
  it('classifies an emergency: URGENT, field response, first triage time', async () => {
    const runner = new CapturingRunner();
    await triage(runner, TicketKind.EMERGENCY, 'KEBAKARAN', 'SATPOLPP-DAMKAR', null, null, 'KINTAMANI');
    expect(runner.spec.command).toBe(TicketCommand.TRIAGE);
    expect(missingRequiredInputs(TicketCommand.TRIAGE, runner.spec.payload)).toEqual([]);
    expect(runner.ticket).toMatchObject({
      kind: TicketKind.EMERGENCY,
      categoryCode: 'KEBAKARAN',
      opdCode: 'SATPOLPP-DAMKAR',
      priority: TicketPriority.URGENT,
      fieldResponse: true,
      triagedAt: NOW,
    });
    expect(runner.ticket.location.district).toBe('KINTAMANI');
  });

  it('keeps the priority of a complaint and the first triage time on a re-triage', async () => {
    const first = new Date('2026-11-28T01:30:00Z');
    const runner = new CapturingRunner(makeTicket({ priority: TicketPriority.HIGH, triagedAt: first }));
    await triage(runner, TicketKind.COMPLAINT, 'JALAN_RUSAK', 'PUPR-PERKIM');
    expect(runner.ticket).toMatchObject({ priority: TicketPriority.HIGH, fieldResponse: false, triagedAt: first });
  });

  it('honours an explicit priority and field response', async () => {
    const runner = new CapturingRunner();
    await triage(runner, TicketKind.COMPLAINT, 'POHON_TUMBANG', 'BPBD', TicketPriority.URGENT, true);
    expect(runner.ticket).toMatchObject({ priority: TicketPriority.URGENT, fieldResponse: true });
  });

  it('refuses an unknown district before running anything', async () => {
    const runner = new CapturingRunner();
    await expect(triage(runner, TicketKind.COMPLAINT, 'JALAN_RUSAK', 'PUPR-PERKIM', null, null, 'UBUD')).rejects.toMatchObject({
      code: TicketErrorCode.INVALID_INPUT,
    });
    expect(runner.calls).toHaveLength(0);
  });
});
