import { LIFECYCLE_GUARDS } from './lifecycle.guards';
import { PREVIOUS_STATE, PreviousState } from './lifecycle.types';
import { TicketCommand } from './ticket-command.enum';
import { TicketState } from './ticket-state.enum';

/**
 * The shape the validator accepts. Looser than `LifecycleTable` on purpose:
 * the validator exists to catch tables the type system cannot vouch for
 * (built dynamically, loaded from config, or cast in tests).
 */
export interface UncheckedLifecycleTable {
  readonly initial: string;
  readonly states: Readonly<
    Record<
      string,
      {
        readonly terminal?: boolean;
        readonly pausesClocks?: boolean;
        readonly description: string;
        readonly on: Readonly<
          Partial<Record<string, { readonly target: string | PreviousState; readonly guard?: string }>>
        >;
      }
    >
  >;
}

interface Edge {
  readonly from: string;
  readonly command: string;
  readonly target: string | PreviousState;
  readonly guard?: string;
}

const KNOWN_STATES: ReadonlySet<string> = new Set(Object.values(TicketState));
const KNOWN_COMMANDS: ReadonlySet<string> = new Set(Object.values(TicketCommand));

function edgesOf(table: UncheckedLifecycleTable): Edge[] {
  return Object.entries(table.states).flatMap(([from, def]) =>
    Object.entries(def.on).flatMap(([command, rule]) => (rule === undefined ? [] : [{ from, command, ...rule }])),
  );
}

/** States with an edge into `state` from a different state: where a history target can return to. */
function predecessors(edges: readonly Edge[], state: string): string[] {
  return edges.filter((e) => e.target === state && e.from !== state).map((e) => e.from);
}

function unreachableStates(table: UncheckedLifecycleTable, edges: readonly Edge[]): string[] {
  const seen = new Set<string>([table.initial]);
  const queue = [table.initial];
  // Index walk instead of shift(): the queue doubles as the visit order.
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i];
    for (const edge of edges.filter((e) => e.from === current)) {
      // A history edge can only lead back to a state the ticket was already
      // in, i.e. one already reached; counting every predecessor would hide a
      // state whose only way in is "resume to where it was held from".
      if (edge.target === PREVIOUS_STATE || seen.has(edge.target)) continue;
      seen.add(edge.target);
      queue.push(edge.target);
    }
  }
  return Object.keys(table.states).filter((s) => !seen.has(s));
}

/**
 * Lists every structural problem of a lifecycle table as a readable sentence;
 * an empty list means the table is usable by `transition`.
 *
 * @example
 * validateLifecycleTable(TICKET_LIFECYCLE); // []
 */
export function validateLifecycleTable(
  table: UncheckedLifecycleTable,
  guards: Readonly<Record<string, unknown>> = LIFECYCLE_GUARDS,
): string[] {
  const problems: string[] = [];
  const declared = new Set(Object.keys(table.states));
  const edges = edgesOf(table);

  if (!declared.has(table.initial)) problems.push(`initial state '${table.initial}' is not declared`);
  for (const state of KNOWN_STATES) {
    if (!declared.has(state)) problems.push(`state '${state}' has no definition`);
  }
  for (const state of declared) {
    if (!KNOWN_STATES.has(state)) problems.push(`state '${state}' is not a TicketState`);
  }

  for (const edge of edges) {
    const where = `state '${edge.from}', command '${edge.command}'`;
    if (!KNOWN_COMMANDS.has(edge.command)) problems.push(`${where}: '${edge.command}' is not a TicketCommand`);
    if (edge.guard !== undefined && !Object.prototype.hasOwnProperty.call(guards, edge.guard)) {
      problems.push(`${where}: unknown guard '${edge.guard}'`);
    }
    if (edge.target === PREVIOUS_STATE) {
      // Without an inbound edge there is no origin to remember, so the
      // history target could never resolve.
      if (predecessors(edges, edge.from).length === 0) {
        problems.push(`${where}: PREVIOUS_STATE used but no other state transitions into '${edge.from}'`);
      }
    } else if (!declared.has(edge.target)) {
      problems.push(`${where}: unknown target state '${edge.target}'`);
    }
  }

  for (const [state, def] of Object.entries(table.states)) {
    const exits = edges.filter((e) => e.from === state && e.target !== state);
    if (def.terminal !== true && exits.length === 0) {
      problems.push(`non-terminal state '${state}' is a dead end: no exit to another state`);
    }
    if (def.terminal === true) {
      // Terminal means "finished unless a business rule says otherwise", so
      // any way out must be guarded.
      for (const exit of exits.filter((e) => e.guard === undefined)) {
        problems.push(`terminal state '${state}' has an unguarded exit '${exit.command}'`);
      }
    }
  }

  if (declared.has(table.initial)) {
    for (const state of unreachableStates(table, edges)) {
      problems.push(`state '${state}' is unreachable from initial state '${table.initial}'`);
    }
  }
  return problems;
}

/**
 * Throws when the table has any problem; call it once at start-up so a broken
 * table fails fast instead of on some rarely used transition.
 *
 * @example
 * assertValidLifecycleTable(TICKET_LIFECYCLE);
 */
export function assertValidLifecycleTable(
  table: UncheckedLifecycleTable,
  guards: Readonly<Record<string, unknown>> = LIFECYCLE_GUARDS,
): void {
  const problems = validateLifecycleTable(table, guards);
  if (problems.length > 0) {
    throw new Error(`Invalid lifecycle table:\n- ${problems.join('\n- ')}`);
  }
}
