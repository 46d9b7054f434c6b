import fc from 'fast-check';
import { TicketKind } from '../../../src/core/ticket/domain/ticket.enums';
import {
  allowedCommands,
  LifecycleContext,
  LifecycleSnapshot,
  TicketCommand,
  TicketState,
  transition,
} from '../../../src/core/ticket/lifecycle';
import { CatalogEntry, CommandArgs, payloadFor, StoredEvent } from './support';

// The pure half of the lifecycle property: what a random session looks like,
// how each step picks its command, and how a log is replayed.

// ADD_ATTACHMENT needs a stored upload of the actor's, which a random session
// does not make; it never moves the state, and test/e2e/attachments covers it.
export const ALL_COMMANDS: readonly TicketCommand[] = Object.values(TicketCommand).filter((c) => c !== TicketCommand.ADD_ATTACHMENT);
const KINDS = Object.values(TicketKind);

/** How a step chooses its command; see `pickCommand`. */
export type PickMode = 'forward' | 'allowed' | 'any';

/**
 * One step of a random session. The command is picked at run time from the
 * stored snapshot, so that 8 steps can get deep into the lifecycle (uniform
 * picks would almost never reach RESOLVED or CLOSED); the other fields are
 * fixed up front so fast-check can shrink them.
 */
export interface Step {
  readonly pick: PickMode;
  readonly index: number;
  /** Everything but the catalog entry and survivor, which only exist at run time. */
  readonly args: Omit<CommandArgs, 'survivorId' | 'categoryCode' | 'opdCode'>;
  /** Picks the TRIAGE category (and its OPD) from the catalog. */
  readonly catalogIndex: number;
  /** Whether TRIAGE names the category's OPD or leaves it to routing. */
  readonly namesOpd: boolean;
  /** 0 most of the time; otherwise a stale or future expectedVersion. */
  readonly versionSkew: number;
  /** Time between steps; at least 1 ms here, the same-instant case has its own test. */
  readonly advanceMs: number;
  /** For REOPEN: let the reopen window run out first, so the guard must refuse. */
  readonly lateForReopen: boolean;
}

const TEXTS = ['jalan berlubang', 'foto menyusul', 'sudah ditangani ✓', 'x'];

const argsArb: fc.Arbitrary<Step['args']> = fc.record({
  kind: fc.constantFrom(...KINDS),
  fieldResponse: fc.constantFrom<boolean | null>(null, true, false),
  assignedUnit: fc.constantFrom<string | null>(null, 'UNIT-1', 'REGU-2'),
  assignedOfficer: fc.constantFrom('officer-1', 'officer-2'),
  withPosition: fc.boolean(),
  text: fc.constantFrom(...TEXTS),
});

export function stepArb(minAdvanceMs: number, maxAdvanceMs: number): fc.Arbitrary<Step> {
  return fc.record({
    pick: fc.oneof(
      { weight: 5, arbitrary: fc.constant<PickMode>('forward') },
      { weight: 3, arbitrary: fc.constant<PickMode>('allowed') },
      { weight: 1, arbitrary: fc.constant<PickMode>('any') },
    ),
    index: fc.nat(1_000),
    args: argsArb,
    catalogIndex: fc.nat(99),
    namesOpd: fc.boolean(),
    versionSkew: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1, 2) }),
    advanceMs: fc.integer({ min: minAdvanceMs, max: maxAdvanceMs }),
    lateForReopen: fc.boolean(),
  });
}

/** A new ticket of any kind and 1-8 steps; `maxAdvanceMs` 0 keeps the clock still. */
export function sessionArb(maxAdvanceMs: number): fc.Arbitrary<{ kind: TicketKind; steps: Step[] }> {
  return fc.record({
    kind: fc.constantFrom(...KINDS),
    steps: fc.array(stepArb(Math.min(1, maxAdvanceMs), maxAdvanceMs), { minLength: 1, maxLength: 8 }),
  });
}

/** Position on the main path; states off it (holds, outcomes) have none. */
const PROGRESS: Partial<Record<TicketState, number>> = {
  [TicketState.NEW]: 0,
  [TicketState.RETURNED]: 0,
  [TicketState.TRIAGED]: 1,
  [TicketState.DISPATCHED]: 2,
  [TicketState.ACKNOWLEDGED]: 3,
  [TicketState.EN_ROUTE]: 4,
  [TicketState.ON_SITE]: 5,
  [TicketState.RESOLVED]: 6,
  [TicketState.CLOSED]: 7,
};

/**
 * 'forward': a command that moves the ticket further along the main path (or
 * resumes a hold); 'allowed': any command the snapshot allows; 'any': any
 * command at all, mostly refused. Each falls back to the next when empty.
 */
export function pickCommand(step: Step, snapshot: LifecycleSnapshot, args: CommandArgs, ctx: LifecycleContext): TicketCommand {
  const allowed = allowedCommands(snapshot, ctx).filter((c) => ALL_COMMANDS.includes(c));
  const here = PROGRESS[snapshot.state] ?? Number.POSITIVE_INFINITY;
  const forward = allowed.filter((c) => {
    if (c === TicketCommand.RESUME) return true;
    const r = transition(snapshot, c, payloadFor(c, args), ctx);
    return r.ok && (PROGRESS[r.to] ?? Number.NEGATIVE_INFINITY) > here;
  });
  const pool = step.pick === 'forward' && forward.length > 0 ? forward : step.pick !== 'any' && allowed.length > 0 ? allowed : ALL_COMMANDS;
  return pool[step.index % pool.length];
}

/**
 * Rebuilds the lifecycle snapshot from the event log alone, applying each
 * command's effect on the snapshot fields the way its handler does, and
 * checking every recorded step is one `transition` accepts at its own time.
 */
export function replay(events: readonly StoredEvent[], reopenWindowMs: number, catalog: readonly CatalogEntry[]): LifecycleSnapshot {
  const [created, ...rest] = events;
  expect(created).toMatchObject({ seq: 1, type: 'CREATED', fromState: null, toState: TicketState.NEW });
  const kind = created.payload.kind as LifecycleSnapshot['kind'];
  // Sessions are created without an OPD, so the only source of one is TRIAGE.
  let s: LifecycleSnapshot = { state: TicketState.NEW, heldFrom: null, kind, fieldResponse: kind === TicketKind.EMERGENCY, opdCode: null, resolvedAt: null };
  for (const e of rest) {
    const r = transition(s, e.type as TicketCommand, e.payload, { now: e.occurredAt, reopenWindowMs });
    if (!r.ok) throw new Error(`event ${e.seq} (${e.type} from ${e.fromState}) does not replay: ${r.reason} ${r.detail}`);
    expect({ seq: e.seq, from: r.from, to: r.to }).toEqual({ seq: e.seq, from: e.fromState, to: e.toState });
    s = { ...s, state: r.to, heldFrom: r.heldFrom };
    if (e.type === TicketCommand.TRIAGE) {
      // As the handler: an explicit fieldResponse wins, else emergencies and field categories need one.
      const k = e.payload.kind as LifecycleSnapshot['kind'];
      const field = e.payload.fieldResponse;
      const category = catalog.find((c) => c.categoryCode === e.payload.categoryCode);
      if (!category) throw new Error(`event ${e.seq} names category ${String(e.payload.categoryCode)}, not in the catalog`);
      // The category decides the OPD, whether or not the command named it.
      expect({ seq: e.seq, opdCode: e.payload.opdCode }).toEqual({ seq: e.seq, opdCode: category.opdCode });
      s = {
        ...s,
        kind: k,
        opdCode: e.payload.opdCode as string,
        fieldResponse: typeof field === 'boolean' ? field : k === TicketKind.EMERGENCY || category.fieldResponse,
      };
    } else if (e.type === TicketCommand.RESOLVE) {
      s = { ...s, resolvedAt: e.occurredAt };
    } else if (e.type === TicketCommand.REOPEN) {
      s = { ...s, resolvedAt: null };
    }
  }
  return s;
}

