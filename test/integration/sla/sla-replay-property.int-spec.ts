import fc from 'fast-check';
import { SlaReevaluation } from '../../../src/core/sla/application/sla-reevaluation';
import { TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import { TicketCommand } from '../../../src/core/ticket/lifecycle';
import { ManualClock } from '../../support/manual-clock';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { pickCommand, sessionArb } from '../tickets/lifecycle-model';
import { ACTOR, buildCommand, CatalogEntry, CommandArgs, createTicket, prepareCatalog, readStored, runCommand } from '../tickets/support';
import { HOUR, replayAndStored, sweep } from './sla-support';

const RUNS = 150;
const DAY = 24 * HOUR;

// The clocks a transaction stores must be what the event log alone gives,
// whatever happened: re-triage into other OPDs and kinds (reprioritising,
// transfer), holds, reopen, a merged duplicate reported earlier, sweeps
// recording thresholds in between, and explicit re-evaluations.
describe('SLA clocks stored = clocks replayed from the event log (property)', () => {
  let t: TestApp;
  let catalog: CatalogEntry[];

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock('2026-11-30T00:00:00Z'));
    catalog = await prepareCatalog(t);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);

  it(`agree after random sessions (${RUNS})`, async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        sessionArb(2 * DAY),
        fc.constantFrom(...Object.values(TicketKind)),
        fc.integer({ min: 0, max: 3 * HOUR }),
        fc.array(fc.constantFrom('sweep', 'reevaluate', 'none'), { minLength: 8, maxLength: 8 }),
        async ({ kind, steps }, survivorKind, earlierMs, extras) => {
          const survivorId = await createTicket(t, survivorKind);
          // Reported up to three hours before the survivor: a merge moves the survivor's report time.
          const ticketId = await createTicket(t, kind, { reportedAt: new Date(t.clock.now().getTime() - earlierMs) });
          for (const [i, step] of steps.entries()) {
            t.clock.advance(step.advanceMs);
            const { categoryCode, opdCode } = catalog[step.catalogIndex % catalog.length];
            const args: CommandArgs = { ...step.args, categoryCode, opdCode: step.namesOpd ? opdCode : null, survivorId };
            const before = await readStored(t, ticketId);
            const command = pickCommand(step, before.snapshot, args, { now: t.clock.now(), reopenWindowMs: t.config.tickets.reopenWindowMs });
            const result = await runCommand(t, buildCommand(command, ticketId, before.version, args));
            if (result.ok) seen.add(command);
            if (extras[i] === 'sweep') await sweep(t);
            if (extras[i] === 'reevaluate') await t.app.get(SlaReevaluation).run({ ticketIds: [ticketId] }, 'property', { ...ACTOR, role: ACTOR.role });
          }
          for (const id of [ticketId, survivorId]) {
            const { replay, stored } = await replayAndStored(t, id);
            expect(stored).toEqual(replay);
          }
        },
      ),
      { numRuns: RUNS },
    );
    // The property means little unless the interesting commands happened.
    for (const c of [TicketCommand.TRIAGE, TicketCommand.RETURN, TicketCommand.HOLD, TicketCommand.RESUME, TicketCommand.REOPEN, TicketCommand.MARK_DUPLICATE]) {
      expect({ command: c, seen: seen.has(c) }).toEqual({ command: c, seen: true });
    }
  }, 600_000);
});
