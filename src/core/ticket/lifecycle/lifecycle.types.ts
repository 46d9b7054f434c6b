import { TicketCommand } from './ticket-command.enum';
import { TicketState } from './ticket-state.enum';

/**
 * History target: "go back to the state the ticket was held from". A symbol,
 * not a string, so it can never collide with a real `TicketState` value.
 *
 * @example
 * const resume: TransitionRule = { target: PREVIOUS_STATE };
 */
export const PREVIOUS_STATE: unique symbol = Symbol('PREVIOUS_STATE');

/** Type of the {@link PREVIOUS_STATE} marker. */
export type PreviousState = typeof PREVIOUS_STATE;

/**
 * Guards are referenced by name so the table stays plain, printable data; the
 * implementations live in `LIFECYCLE_GUARDS`.
 *
 * @example
 * const rule: TransitionRule = { target: TicketState.DISPATCHED, guard: 'hasOpd' };
 */
export type GuardName = 'isInformation' | 'hasOpd' | 'noFieldResponse' | 'withinReopenWindow';

/**
 * One edge of the lifecycle graph.
 *
 * @example
 * const reject: TransitionRule = { target: TicketState.REJECTED, requires: ['reason'] };
 */
export interface TransitionRule {
  readonly target: TicketState | PreviousState;
  readonly guard?: GuardName;
  /** Payload keys that must be present and non-blank for the command to apply. */
  readonly requires?: readonly string[];
}

/**
 * One state of the lifecycle and the commands it accepts.
 *
 * @example
 * const closed: StateDefinition = { terminal: true, description: 'Done.', on: {} };
 */
export interface StateDefinition {
  /** No exit except notes and explicitly guarded ones (e.g. REOPEN). */
  readonly terminal?: boolean;
  /** SLA clocks stop while a ticket sits here. */
  readonly pausesClocks?: boolean;
  /** One line for generated docs and admin UIs. */
  readonly description: string;
  readonly on: Readonly<Partial<Record<TicketCommand, TransitionRule>>>;
}

/**
 * The whole lifecycle: one initial state and a definition for every state.
 *
 * @example
 * const def = TICKET_LIFECYCLE.states[TicketState.NEW];
 */
export interface LifecycleTable {
  readonly initial: TicketState;
  readonly states: Readonly<Record<TicketState, StateDefinition>>;
}

/**
 * The part of a ticket the lifecycle needs to decide; deliberately not the
 * entity, so the transition function stays free of ORM types.
 *
 * @example
 * const s: LifecycleSnapshot = { state: TicketState.NEW, heldFrom: null, kind: 'COMPLAINT',
 *   fieldResponse: false, opdCode: null, resolvedAt: null };
 */
export interface LifecycleSnapshot {
  readonly state: TicketState;
  /** The state ON_HOLD was entered from; null whenever the ticket is not held. */
  readonly heldFrom: TicketState | null;
  readonly kind: 'INFORMATION' | 'COMPLAINT' | 'EMERGENCY';
  /** True when the assigned OPD must physically attend the location. */
  readonly fieldResponse: boolean;
  readonly opdCode: string | null;
  readonly resolvedAt: Date | null;
}

/**
 * Everything time- or configuration-dependent is passed in, so `transition`
 * never reads a clock and stays replayable.
 *
 * @example
 * const ctx: LifecycleContext = { now: new Date(), reopenWindowMs: 7 * 24 * 3600 * 1000 };
 */
export interface LifecycleContext {
  readonly now: Date;
  readonly reopenWindowMs: number;
}

/** A guard implementation: must be pure and side-effect free. */
export type LifecycleGuard = (snapshot: LifecycleSnapshot, context: LifecycleContext) => boolean;

/** Why a command was refused. */
export type TransitionFailureReason = 'NOT_ALLOWED' | 'GUARD_FAILED' | 'MISSING_INPUT';

/**
 * Outcome of `transition`. A refusal carries the commands that would have been
 * accepted so callers can answer "what can I do instead?" without a second call.
 *
 * @example
 * const r = transition(snapshot, TicketCommand.CLOSE, {}, ctx);
 * if (!r.ok) console.log(r.reason, r.allowed);
 */
export type TransitionResult =
  | {
      readonly ok: true;
      readonly from: TicketState;
      readonly to: TicketState;
      readonly heldFrom: TicketState | null;
    }
  | {
      readonly ok: false;
      readonly from: TicketState;
      readonly command: TicketCommand;
      readonly reason: TransitionFailureReason;
      readonly detail: string;
      readonly allowed: TicketCommand[];
    };
