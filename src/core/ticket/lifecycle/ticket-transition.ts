import { LIFECYCLE_GUARDS } from './lifecycle.guards';
import {
  LifecycleContext,
  LifecycleSnapshot,
  LifecycleTable,
  PREVIOUS_STATE,
  StateDefinition,
  TransitionFailureReason,
  TransitionResult,
  TransitionRule,
} from './lifecycle.types';
import { TicketCommand } from './ticket-command.enum';
import { TICKET_LIFECYCLE } from './ticket-lifecycle.table';
import { TicketState } from './ticket-state.enum';

const ALL_COMMANDS: readonly TicketCommand[] = Object.values(TicketCommand);

/**
 * Whether a state declares a history exit. Such a state must remember where it
 * was entered from; deriving this from the table (rather than naming ON_HOLD)
 * keeps the function generic over any table that passes validation.
 */
function hasHistoryExit(def: StateDefinition): boolean {
  return Object.values(def.on).some((rule) => rule?.target === PREVIOUS_STATE);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Resolves a history target; null when there is nothing sensible to return to. */
function resolveTarget(rule: TransitionRule, snapshot: LifecycleSnapshot): TicketState | null {
  if (rule.target !== PREVIOUS_STATE) return rule.target;
  // Returning "to itself" would leave the ticket held forever with a lost origin.
  return snapshot.heldFrom !== null && snapshot.heldFrom !== snapshot.state ? snapshot.heldFrom : null;
}

function ruleApplies(rule: TransitionRule, snapshot: LifecycleSnapshot, context: LifecycleContext): boolean {
  if (rule.guard !== undefined && !LIFECYCLE_GUARDS[rule.guard](snapshot, context)) return false;
  return resolveTarget(rule, snapshot) !== null;
}

function stateDefinition(table: LifecycleTable, state: TicketState): StateDefinition | undefined {
  // Defensive: a persisted state may predate the current table.
  return Object.prototype.hasOwnProperty.call(table.states, state) ? table.states[state] : undefined;
}

/**
 * Commands that would be accepted in the snapshot's state given its guards,
 * in `TicketCommand` declaration order. Inputs are not considered because the
 * caller has not supplied them yet (this feeds "which buttons to show").
 *
 * @example
 * allowedCommands(snapshot, { now: new Date(), reopenWindowMs: 0 }); // [TicketCommand.TRIAGE, ...]
 */
export function allowedCommands(
  snapshot: LifecycleSnapshot,
  context: LifecycleContext,
  table: LifecycleTable = TICKET_LIFECYCLE,
): TicketCommand[] {
  const def = stateDefinition(table, snapshot.state);
  if (def === undefined) return [];
  return ALL_COMMANDS.filter((command) => {
    const rule = def.on[command];
    return rule !== undefined && ruleApplies(rule, snapshot, context);
  });
}

/**
 * Computes the next lifecycle state without side effects. The caller persists
 * the result (state and heldFrom) and applies the payload to the ticket.
 *
 * Checks, in order: the command exists for the state (NOT_ALLOWED), required
 * inputs are non-blank (MISSING_INPUT), the guard passes (GUARD_FAILED).
 *
 * @example
 * const r = transition(snapshot, TicketCommand.HOLD, { reason: 'waiting for photo' }, ctx);
 * if (r.ok) save({ state: r.to, heldFrom: r.heldFrom });
 */
export function transition(
  snapshot: LifecycleSnapshot,
  command: TicketCommand,
  payload: Readonly<Record<string, unknown>>,
  context: LifecycleContext,
  table: LifecycleTable = TICKET_LIFECYCLE,
): TransitionResult {
  const from = snapshot.state;
  const fail = (reason: TransitionFailureReason, detail: string): TransitionResult => ({
    ok: false,
    from,
    command,
    reason,
    detail,
    allowed: allowedCommands(snapshot, context, table),
  });

  const def = stateDefinition(table, from);
  if (def === undefined) return fail('NOT_ALLOWED', `state ${from} is not part of the lifecycle`);
  const rule = Object.prototype.hasOwnProperty.call(def.on, command) ? def.on[command] : undefined;
  if (rule === undefined) return fail('NOT_ALLOWED', `${command} is not allowed in state ${from}`);

  const missing = (rule.requires ?? []).filter((key) => isBlank(payload[key]));
  if (missing.length > 0) {
    return fail('MISSING_INPUT', `${command} in ${from} requires non-empty input: ${missing.join(', ')}`);
  }

  if (rule.guard !== undefined && !LIFECYCLE_GUARDS[rule.guard](snapshot, context)) {
    return fail('GUARD_FAILED', `guard ${rule.guard} rejected ${command} in ${from}`);
  }

  const to = resolveTarget(rule, snapshot);
  if (to === null) {
    return fail('GUARD_FAILED', `${command} in ${from} has no held-from state to return to`);
  }

  let heldFrom: TicketState | null;
  if (to === from) {
    heldFrom = snapshot.heldFrom; // notes and reassignments must not forget a hold's origin
  } else {
    const targetDef = stateDefinition(table, to);
    heldFrom = targetDef !== undefined && hasHistoryExit(targetDef) ? from : null;
  }
  return { ok: true, from, to, heldFrom };
}

/**
 * Whether a state is terminal (no exit except notes and guarded reopening).
 *
 * @example
 * isTerminal(TicketState.CLOSED); // true
 */
export function isTerminal(state: TicketState, table: LifecycleTable = TICKET_LIFECYCLE): boolean {
  return stateDefinition(table, state)?.terminal === true;
}

/**
 * Whether SLA clocks are paused while a ticket is in this state.
 *
 * @example
 * pausesClocks(TicketState.ON_HOLD); // true
 */
export function pausesClocks(state: TicketState, table: LifecycleTable = TICKET_LIFECYCLE): boolean {
  return stateDefinition(table, state)?.pausesClocks === true;
}
