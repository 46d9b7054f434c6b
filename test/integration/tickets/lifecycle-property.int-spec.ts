import fc from 'fast-check';
import { DUPLICATE_MERGED } from '../../../src/core/ticket/domain/ticket-event-type';
import type { Ticket } from '../../../src/core/ticket/domain/ticket.entity';
import { TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import { TicketErrorCode } from '../../../src/core/ticket/domain/ticket.exception';
import { TicketCommand, TicketState, transition, TransitionFailureReason } from '../../../src/core/ticket/lifecycle';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { ALL_COMMANDS, pickCommand, replay, sessionArb, Step } from './lifecycle-model';
import {
  buildCommand,
  CatalogEntry,
  CommandArgs,
  createTicket,
  eventsOf,
  outboxOf,
  payloadFor,
  prepareCatalog,
  readStored,
  runCommand,
  StoredEvent,
  StoredTicket,
} from './support';

const RUNS = 1000;
const HOUR = 3_600_000;

/** The whole log, as stored: gap-free, chained, mirrored one-to-one in the outbox. */
async function checkLog(t: TestApp, ticketId: string, stored: StoredTicket): Promise<StoredEvent[]> {
  const events = await eventsOf(t, ticketId);
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: stored.version }, (_, i) => i + 1));
  for (let i = 1; i < events.length; i++) expect(events[i].fromState).toBe(events[i - 1].toState);
  expect(events[events.length - 1].toState).toBe(stored.snapshot.state);
  const outbox = await outboxOf(t, ticketId);
  expect(outbox.map((o) => [o.payload.seq, o.payload.type, o.topic])).toEqual(
    events.map((e) => [e.seq, e.type, `ticket.${e.type.toLowerCase()}`]),
  );
  return events;
}

type Outcome = TicketCommand | TransitionFailureReason | 'VERSION_CONFLICT';

/** What a session did, for the coverage check: step outcomes and every state the ticket was in. */
interface SessionReport {
  readonly outcomes: Outcome[];
  readonly states: TicketState[];
}

describe('ticket lifecycle on the real database (property)', () => {
  let t: TestApp;
  let reopenWindowMs: number;
  let catalog: CatalogEntry[];
  /** The target of every MARK_DUPLICATE of the main property; never commanded itself, so it stays NEW. */
  let survivorId: string;

  beforeAll(async () => {
    t = await startTestApp();
    reopenWindowMs = t.config.tickets.reopenWindowMs;
    catalog = await prepareCatalog(t);
    survivorId = await createTicket(t, TicketKind.COMPLAINT);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  /** Runs one session on a new ticket, checking every step and then the whole log. */
  async function session(kind: TicketKind, steps: readonly Step[], survivor: string): Promise<SessionReport> {
    const ticketId = await createTicket(t, kind);
    let before = await readStored(t, ticketId);
    const expectedLog: Array<Pick<StoredEvent, 'seq' | 'type' | 'fromState' | 'toState'>> = [
      { seq: 1, type: 'CREATED', fromState: null, toState: TicketState.NEW },
    ];
    const outcomes: Outcome[] = [];
    const states: TicketState[] = [TicketState.NEW];
    for (const step of steps) {
      t.clock.advance(step.advanceMs);
      const { categoryCode, opdCode } = catalog[step.catalogIndex % catalog.length];
      const args: CommandArgs = { ...step.args, categoryCode, opdCode: step.namesOpd ? opdCode : null, survivorId: survivor };
      const command = pickCommand(step, before.snapshot, args, { now: t.clock.now(), reopenWindowMs });
      if (command === TicketCommand.REOPEN && step.lateForReopen) t.clock.advance(reopenWindowMs + 1);
      const verdict = transition(before.snapshot, command, payloadFor(command, args), { now: t.clock.now(), reopenWindowMs });
      const survivorBefore = command === TicketCommand.MARK_DUPLICATE ? await readStored(t, survivor) : null;

      const result = await runCommand<Ticket>(t, buildCommand(command, ticketId, before.version + step.versionSkew, args));
      const after = await readStored(t, ticketId);
      const label = `${command} on ${before.snapshot.state} (v${before.version}, skew ${step.versionSkew})`;

      if (step.versionSkew !== 0 || !verdict.ok) {
        // Refused, for the expected reason, and not a single row changed.
        if (result.ok) throw new Error(`${label} was accepted; transition() says ${verdict.ok ? 'ok' : verdict.reason}`);
        if (step.versionSkew !== 0) {
          expect({ label, code: result.error.code, current: result.error.details.currentVersion }).toEqual({
            label,
            code: TicketErrorCode.VERSION_CONFLICT,
            current: before.version,
          });
          outcomes.push('VERSION_CONFLICT');
        } else if (!verdict.ok) {
          expect({ label, code: result.error.code, reason: result.error.details.reason }).toEqual({
            label,
            code: TicketErrorCode.ILLEGAL_TRANSITION,
            reason: verdict.reason,
          });
          outcomes.push(verdict.reason);
        }
        expect(after).toEqual(before);
        if (survivorBefore) expect(await readStored(t, survivor)).toEqual(survivorBefore);
      } else {
        // Accepted: exactly one step forward, exactly the one the pure function decided.
        if (!result.ok) throw new Error(`${label} was refused: ${result.error.code} ${result.error.message}`);
        expect({ label, version: after.version, returned: result.value.version, events: after.events, outbox: after.outbox }).toEqual({
          label,
          version: before.version + 1,
          returned: before.version + 1,
          events: before.events + 1,
          outbox: before.outbox + 1,
        });
        expect({ label, state: after.snapshot.state, heldFrom: after.snapshot.heldFrom }).toEqual({
          label,
          state: verdict.to,
          heldFrom: verdict.heldFrom,
        });
        expectedLog.push({ seq: after.version, type: command, fromState: before.snapshot.state, toState: verdict.to });
        if (survivorBefore) {
          const survivorAfter = await readStored(t, survivor);
          expect({ version: survivorAfter.version, events: survivorAfter.events, state: survivorAfter.snapshot.state }).toEqual({
            version: survivorBefore.version + 1,
            events: survivorBefore.events + 1,
            state: TicketState.NEW,
          });
        }
        outcomes.push(command);
      }
      states.push(after.snapshot.state);
      before = after;
    }

    const events = await checkLog(t, ticketId, before);
    expect(events.map(({ seq, type, fromState, toState }) => ({ seq, type, fromState, toState }))).toEqual(expectedLog);
    expect(replay(events, reopenWindowMs, catalog)).toEqual(before.snapshot);
    return { outcomes, states };
  }

  it(`accepts exactly what transition() accepts, one version and one event per accepted command (${RUNS} sessions)`, async () => {
    const outcomes = new Map<Outcome, number>();
    const reached = new Set<TicketState>();
    let sessions = 0;
    await fc.assert(
      fc.asyncProperty(sessionArb(HOUR), async ({ kind, steps }) => {
        const report = await session(kind, steps, survivorId);
        for (const o of report.outcomes) outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
        for (const s of report.states) reached.add(s);
        sessions += 1;
      }),
      { numRuns: RUNS },
    );
    expect(sessions).toBe(RUNS);

    // The property is only as good as what it reached: every command must
    // have been accepted, every state entered and every kind of refusal seen.
    const expectedOutcomes: Outcome[] = [...ALL_COMMANDS, 'NOT_ALLOWED', 'GUARD_FAILED', 'VERSION_CONFLICT'];
    expect(expectedOutcomes.filter((o) => !outcomes.has(o))).toEqual([]);
    expect(Object.values(TicketState).filter((s) => !reached.has(s))).toEqual([]);

    // The survivor took every merge, and its own log is as consistent as any.
    const survivor = await readStored(t, survivorId);
    expect(survivor.version).toBe(1 + (outcomes.get(TicketCommand.MARK_DUPLICATE) ?? 0));
    const log = await checkLog(t, survivorId, survivor);
    expect(log.slice(1).filter((e) => e.type !== DUPLICATE_MERGED || e.fromState !== TicketState.NEW || e.toState !== TicketState.NEW)).toEqual([]);
  }, 600_000);

  it('bumps the version for a command issued at the same instant as the previous change', async () => {
    // Same property, but the clock never moves between steps (two clicks in
    // one millisecond, a script, a batch). A self-transition (note, reassign,
    // identical re-triage) then changes no timestamp: the version must still
    // go up, or its event's seq (version + 1) is taken for good and every
    // later command on the ticket fails as a VERSION_CONFLICT.
    await fc.assert(
      fc.asyncProperty(sessionArb(0), async ({ kind, steps }) => {
        // A survivor of its own, made at the same instant: a survivor another
        // session broke must not make this counterexample misleading.
        await session(kind, steps, await createTicket(t, TicketKind.COMPLAINT));
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
