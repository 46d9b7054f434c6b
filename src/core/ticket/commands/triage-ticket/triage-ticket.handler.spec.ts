import { ACTOR, CapturingRunner, makeTicket, missingRequiredInputs, NOW, TICKET_ID } from '../../../../../test/support/ticket-command.harness';
import type { CategoryRouting, Route } from '../../application/category-routing';
import type { DistrictCheck } from '../../application/district.check';
import type { TicketCommandRunner } from '../../application/ticket-command.runner';
import { TicketKind, TicketPriority } from '../../domain/ticket.enums';
import { TicketErrorCode, TicketException } from '../../domain/ticket.exception';
import { TicketCommand } from '../../lifecycle';
import { TriageTicketCommand } from './triage-ticket.command';
import { TriageTicketHandler } from './triage-ticket.handler';

const districts = {
  assertKnown: async (code: string) => {
    if (code !== 'KINTAMANI') throw TicketException.invalidInput([`district ${code} is not an active district code`]);
  },
} as unknown as DistrictCheck;

/** Routing as the catalog would answer for two categories; the real one is tested against PostgreSQL. */
function routing(seen: unknown[] = []): CategoryRouting {
  const table: Record<string, Omit<Route, 'attributes'>> = {
    KEBAKARAN_BANGUNAN: { categoryCode: 'KEBAKARAN_BANGUNAN', opdCode: 'SATPOLPP-DAMKAR', defaultPriority: 'URGENT', fieldResponse: true },
    JALAN_RUSAK: { categoryCode: 'JALAN_RUSAK', opdCode: 'PUPR-PERKIM', defaultPriority: 'NORMAL', fieldResponse: false },
  };
  return {
    route: async (_em: unknown, code: string, opd: string | null, answers: Record<string, unknown>) => {
      seen.push({ code, opd, answers });
      return { ...table[code], attributes: answers };
    },
  } as unknown as CategoryRouting;
}

function handler(runner: CapturingRunner, seen?: unknown[]): TriageTicketHandler {
  return new TriageTicketHandler(runner as unknown as TicketCommandRunner, districts, routing(seen));
}

describe('TriageTicketHandler', () => {
  it('classifies an emergency: the category names the OPD; URGENT, field response, first triage time', async () => {
    const runner = new CapturingRunner();
    await handler(runner).execute(
      new TriageTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, kind: TicketKind.EMERGENCY, categoryCode: 'KEBAKARAN_BANGUNAN', opdCode: null, district: 'KINTAMANI' }),
    );
    expect(runner.spec.command).toBe(TicketCommand.TRIAGE);
    expect(missingRequiredInputs(TicketCommand.TRIAGE, runner.spec.payload)).toEqual([]);
    expect(runner.ticket).toMatchObject({
      kind: TicketKind.EMERGENCY,
      categoryCode: 'KEBAKARAN_BANGUNAN',
      opdCode: 'SATPOLPP-DAMKAR',
      priority: TicketPriority.URGENT,
      fieldResponse: true,
      triagedAt: NOW,
    });
    expect(runner.ticket.location.district).toBe('KINTAMANI');
    // The event records where the category routed the ticket.
    expect(runner.spec.payload.opdCode).toBe('SATPOLPP-DAMKAR');
  });

  it("keeps a complaint's priority and first triage time on a re-triage; field response from the category", async () => {
    const first = new Date('2026-11-28T01:30:00Z');
    const runner = new CapturingRunner(makeTicket({ priority: TicketPriority.HIGH, triagedAt: first }));
    await handler(runner).execute(new TriageTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, kind: TicketKind.COMPLAINT, categoryCode: 'JALAN_RUSAK', opdCode: null }));
    expect(runner.ticket).toMatchObject({ priority: TicketPriority.HIGH, fieldResponse: false, triagedAt: first, opdCode: 'PUPR-PERKIM' });
  });

  it('honours an explicit priority and field response', async () => {
    const runner = new CapturingRunner();
    await handler(runner).execute(
      new TriageTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, kind: TicketKind.COMPLAINT, categoryCode: 'JALAN_RUSAK', opdCode: null, priority: TicketPriority.URGENT, fieldResponse: true }),
    );
    expect(runner.ticket).toMatchObject({ priority: TicketPriority.URGENT, fieldResponse: true });
  });

  it("merges the intake's answers under the triage's", async () => {
    const seen: unknown[] = [];
    const runner = new CapturingRunner(makeTicket({ attributes: { DEPTH: '10', WIDTH: '2' } }));
    await handler(runner, seen).execute(
      new TriageTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, kind: TicketKind.COMPLAINT, categoryCode: 'JALAN_RUSAK', opdCode: 'PUPR-PERKIM', attributes: { DEPTH: '30' } }),
    );
    expect(seen).toEqual([{ code: 'JALAN_RUSAK', opd: 'PUPR-PERKIM', answers: { DEPTH: '30', WIDTH: '2' } }]);
    expect(runner.ticket.attributes).toEqual({ DEPTH: '30', WIDTH: '2' });
  });

  it("drops the answers to another category's questions when the ticket moves category (a transfer)", async () => {
    const seen: unknown[] = [];
    const runner = new CapturingRunner(makeTicket({ categoryCode: 'POHON_TUMBANG', attributes: { ROAD_BLOCKED: 'FULLY' } }));
    await handler(runner, seen).execute(
      new TriageTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, kind: TicketKind.COMPLAINT, categoryCode: 'JALAN_RUSAK', opdCode: null, attributes: { DEPTH: '30' } }),
    );
    expect(seen).toEqual([{ code: 'JALAN_RUSAK', opd: null, answers: { DEPTH: '30' } }]);
  });

  it('refuses an unknown district before running anything', async () => {
    const runner = new CapturingRunner();
    await expect(
      handler(runner).execute(new TriageTicketCommand({ ticketId: TICKET_ID, expectedVersion: 3, actor: ACTOR, kind: TicketKind.COMPLAINT, categoryCode: 'JALAN_RUSAK', opdCode: null, district: 'UBUD' })),
    ).rejects.toMatchObject({ code: TicketErrorCode.INVALID_INPUT });
    expect(runner.calls).toHaveLength(0);
  });
});
