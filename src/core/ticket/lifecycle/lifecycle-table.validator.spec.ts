import { assertValidLifecycleTable, validateLifecycleTable } from './lifecycle-table.validator';
import { PREVIOUS_STATE, PreviousState } from './lifecycle.types';
import { TICKET_LIFECYCLE } from './ticket-lifecycle.table';

type Rule = { target: string | PreviousState; guard?: string; requires?: readonly string[] };
type State = { terminal?: boolean; pausesClocks?: boolean; description: string; on: Record<string, Rule> };
type MutableTable = { initial: string; states: Record<string, State> };

/** A deep, mutable copy of the real table (structuredClone cannot copy symbols). */
function cloneTable(): MutableTable {
  const states: Record<string, State> = {};
  for (const [name, def] of Object.entries(TICKET_LIFECYCLE.states)) {
    const on: Record<string, Rule> = {};
    for (const [command, rule] of Object.entries(def.on)) if (rule) on[command] = { ...rule };
    states[name] = { ...def, on };
  }
  return { initial: TICKET_LIFECYCLE.initial, states };
}

describe('validateLifecycleTable', () => {
  it('accepts the real table', () => {
    expect(validateLifecycleTable(TICKET_LIFECYCLE)).toEqual([]);
    expect(() => assertValidLifecycleTable(TICKET_LIFECYCLE)).not.toThrow();
  });

  it('accepts an unmodified clone (the helper itself is faithful)', () => {
    expect(validateLifecycleTable(cloneTable())).toEqual([]);
  });

  it('reports an unknown target', () => {
    const t = cloneTable();
    t.states.NEW.on.TRIAGE.target = 'NOWHERE';
    expect(validateLifecycleTable(t)).toContain("state 'NEW', command 'TRIAGE': unknown target state 'NOWHERE'");
  });

  it('reports an unreachable state', () => {
    const t = cloneTable();
    // RETURNED is only entered via RETURN from DISPATCHED and ACKNOWLEDGED.
    delete t.states.DISPATCHED.on.RETURN;
    delete t.states.ACKNOWLEDGED.on.RETURN;
    expect(validateLifecycleTable(t)).toEqual(["state 'RETURNED' is unreachable from initial state 'NEW'"]);
  });

  it('reports a non-terminal dead end, ignoring self-transitions', () => {
    const t = cloneTable();
    t.states.EN_ROUTE.on = { ADD_NOTE: { target: 'EN_ROUTE', requires: ['text'] } };
    expect(validateLifecycleTable(t)).toEqual([
      "non-terminal state 'EN_ROUTE' is a dead end: no exit to another state",
    ]);
  });

  it('reports an unknown guard', () => {
    const t = cloneTable();
    t.states.TRIAGED.on.DISPATCH.guard = 'isFullMoon';
    expect(validateLifecycleTable(t)).toEqual(["state 'TRIAGED', command 'DISPATCH': unknown guard 'isFullMoon'"]);
  });

  it('checks guard names against the guard map it is given', () => {
    expect(validateLifecycleTable(TICKET_LIFECYCLE, { isInformation: () => true })).toEqual(
      expect.arrayContaining(["state 'TRIAGED', command 'DISPATCH': unknown guard 'hasOpd'"]),
    );
  });

  it('reports a missing initial state', () => {
    const t = cloneTable();
    t.initial = 'DRAFT';
    expect(validateLifecycleTable(t)).toEqual(["initial state 'DRAFT' is not declared"]);
  });

  it('reports a state with no definition and one that is not a TicketState', () => {
    const t = cloneTable();
    delete t.states.ANSWERED;
    t.states.NEW.on.ANSWER.target = 'ARCHIVED';
    t.states.TRIAGED.on.ANSWER.target = 'ARCHIVED';
    t.states.ARCHIVED = { terminal: true, description: 'x', on: {} };
    expect(validateLifecycleTable(t)).toEqual([
      "state 'ANSWERED' has no definition",
      "state 'ARCHIVED' is not a TicketState",
    ]);
  });

  it('reports an unknown command', () => {
    const t = cloneTable();
    t.states.NEW.on.ESCALATE = { target: 'TRIAGED' };
    expect(validateLifecycleTable(t)).toEqual(["state 'NEW', command 'ESCALATE': 'ESCALATE' is not a TicketCommand"]);
  });

  it('reports PREVIOUS_STATE in a state nothing else enters', () => {
    const t = cloneTable();
    t.states.CLOSED.on.RESUME = { target: PREVIOUS_STATE, guard: 'withinReopenWindow' };
    t.states.NEW.on.RESUME = { target: PREVIOUS_STATE };
    expect(validateLifecycleTable(t)).toEqual([
      "state 'NEW', command 'RESUME': PREVIOUS_STATE used but no other state transitions into 'NEW'",
    ]);
  });

  it('reports an unguarded exit from a terminal state', () => {
    const t = cloneTable();
    t.states.REJECTED.on.TRIAGE = { target: 'TRIAGED', requires: ['kind'] };
    expect(validateLifecycleTable(t)).toEqual(["terminal state 'REJECTED' has an unguarded exit 'TRIAGE'"]);
  });

  it('does not count resuming a hold as a way into a state never otherwise entered', () => {
    const t = cloneTable();
    // ACKNOWLEDGED still has HOLD -> ON_HOLD -> RESUME back to itself, but a
    // ticket can only be held from ACKNOWLEDGED after having reached it.
    delete t.states.DISPATCHED.on.ACKNOWLEDGE;
    expect(validateLifecycleTable(t)).toContain("state 'ACKNOWLEDGED' is unreachable from initial state 'NEW'");
  });

  it('assertValidLifecycleTable lists every problem in the error', () => {
    const t = cloneTable();
    t.states.NEW.on.TRIAGE.target = 'NOWHERE';
    t.states.TRIAGED.on.DISPATCH.guard = 'isFullMoon';
    expect(() => assertValidLifecycleTable(t)).toThrow(/unknown target state 'NOWHERE'[\s\S]*unknown guard 'isFullMoon'/);
  });
});
