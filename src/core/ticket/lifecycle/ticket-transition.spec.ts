import { LifecycleContext, LifecycleSnapshot, TransitionResult } from './lifecycle.types';
import { TicketCommand as C } from './ticket-command.enum';
import { TicketState as S } from './ticket-state.enum';
import { allowedCommands, isTerminal, pausesClocks, transition } from './ticket-transition';

// Written by hand from the product spec, NOT derived from the table: if the
// table drifts, this is what catches it.
const EXPECTED: Record<S, Partial<Record<C, S | 'PREVIOUS'>>> = {
  [S.NEW]: {
    [C.TRIAGE]: S.TRIAGED, [C.ANSWER]: S.ANSWERED, [C.REJECT]: S.REJECTED,
    [C.MARK_DUPLICATE]: S.DUPLICATE, [C.HOLD]: S.ON_HOLD, [C.ADD_NOTE]: S.NEW, [C.ADD_ATTACHMENT]: S.NEW,
  },
  [S.TRIAGED]: {
    [C.TRIAGE]: S.TRIAGED, [C.DISPATCH]: S.DISPATCHED, [C.ANSWER]: S.ANSWERED, [C.REJECT]: S.REJECTED,
    [C.MARK_DUPLICATE]: S.DUPLICATE, [C.HOLD]: S.ON_HOLD, [C.ADD_NOTE]: S.TRIAGED, [C.ADD_ATTACHMENT]: S.TRIAGED,
  },
  [S.DISPATCHED]: {
    [C.ACKNOWLEDGE]: S.ACKNOWLEDGED, [C.RETURN]: S.RETURNED, [C.MARK_DUPLICATE]: S.DUPLICATE,
    [C.HOLD]: S.ON_HOLD, [C.REASSIGN]: S.DISPATCHED, [C.ADD_NOTE]: S.DISPATCHED, [C.ADD_ATTACHMENT]: S.DISPATCHED,
  },
  [S.ACKNOWLEDGED]: {
    [C.DEPART]: S.EN_ROUTE, [C.ARRIVE]: S.ON_SITE, [C.RESOLVE]: S.RESOLVED, [C.RETURN]: S.RETURNED,
    [C.MARK_DUPLICATE]: S.DUPLICATE, [C.HOLD]: S.ON_HOLD, [C.REASSIGN]: S.ACKNOWLEDGED,
    [C.ADD_NOTE]: S.ACKNOWLEDGED, [C.ADD_ATTACHMENT]: S.ACKNOWLEDGED,
  },
  [S.EN_ROUTE]: { [C.ARRIVE]: S.ON_SITE, [C.REASSIGN]: S.EN_ROUTE, [C.ADD_NOTE]: S.EN_ROUTE, [C.ADD_ATTACHMENT]: S.EN_ROUTE },
  [S.ON_SITE]: { [C.RESOLVE]: S.RESOLVED, [C.REASSIGN]: S.ON_SITE, [C.ADD_NOTE]: S.ON_SITE, [C.ADD_ATTACHMENT]: S.ON_SITE },
  [S.RESOLVED]: { [C.CLOSE]: S.CLOSED, [C.REOPEN]: S.DISPATCHED, [C.ADD_NOTE]: S.RESOLVED, [C.ADD_ATTACHMENT]: S.RESOLVED },
  [S.CLOSED]: { [C.REOPEN]: S.DISPATCHED, [C.ADD_NOTE]: S.CLOSED, [C.ADD_ATTACHMENT]: S.CLOSED },
  [S.ANSWERED]: { [C.ADD_NOTE]: S.ANSWERED, [C.ADD_ATTACHMENT]: S.ANSWERED },
  [S.REJECTED]: { [C.ADD_NOTE]: S.REJECTED, [C.ADD_ATTACHMENT]: S.REJECTED },
  [S.DUPLICATE]: { [C.ADD_NOTE]: S.DUPLICATE, [C.ADD_ATTACHMENT]: S.DUPLICATE },
  [S.RETURNED]: {
    [C.TRIAGE]: S.TRIAGED, [C.REJECT]: S.REJECTED, [C.MARK_DUPLICATE]: S.DUPLICATE,
    [C.HOLD]: S.ON_HOLD, [C.ADD_NOTE]: S.RETURNED, [C.ADD_ATTACHMENT]: S.RETURNED,
  },
  [S.ON_HOLD]: {
    [C.RESUME]: 'PREVIOUS', [C.REJECT]: S.REJECTED, [C.MARK_DUPLICATE]: S.DUPLICATE, [C.ADD_NOTE]: S.ON_HOLD, [C.ADD_ATTACHMENT]: S.ON_HOLD,
  },
};

// Also by hand: required payload keys per command, the same in every state.
const REQUIRES: Record<C, readonly string[]> = {
  [C.TRIAGE]: ['kind', 'categoryCode'], [C.DISPATCH]: [], [C.ACKNOWLEDGE]: [], [C.DEPART]: [],
  [C.ARRIVE]: [], [C.RESOLVE]: ['note'], [C.CLOSE]: [], [C.REOPEN]: ['reason'], [C.REJECT]: ['reason'],
  [C.MARK_DUPLICATE]: ['duplicateOfId'], [C.RETURN]: ['reason'], [C.HOLD]: ['reason'], [C.RESUME]: [],
  [C.ANSWER]: ['answer'], [C.ADD_NOTE]: ['text'], [C.ADD_ATTACHMENT]: ['attachmentIds'], [C.REASSIGN]: ['assignee'],
};

const NOW = new Date('2026-03-01T10:00:00.000Z');
const WINDOW_MS = 7 * 24 * 3600 * 1000;
const CTX: LifecycleContext = { now: NOW, reopenWindowMs: WINDOW_MS };
const FULL_PAYLOAD: Record<string, unknown> = {
  kind: 'COMPLAINT', categoryCode: 'ROAD', opdCode: 'PUPR', answer: 'Office hours are 8-16.',
  reason: 'because', duplicateOfId: 'T-1', text: 'a note', assignee: 'u-2', note: 'fixed', attachmentIds: ['a-1'],
};
const HELD_FROM = S.ACKNOWLEDGED;

/** A snapshot on which every guard passes. */
function passing(state: S, overrides: Partial<LifecycleSnapshot> = {}): LifecycleSnapshot {
  return {
    state, heldFrom: state === S.ON_HOLD ? HELD_FROM : null, kind: 'INFORMATION', fieldResponse: false,
    opdCode: 'PUPR', resolvedAt: new Date(NOW.getTime() - 1000), ...overrides,
  };
}

function expectFailure(r: TransitionResult): Extract<TransitionResult, { ok: false }> {
  if (r.ok) throw new Error(`expected a refusal, got ${r.from} -> ${r.to}`);
  return r;
}

const STATES = Object.values(S);
const COMMANDS = Object.values(C);
const CELLS = STATES.flatMap((s) => COMMANDS.map((c) => [s, c] as const));

describe('transition: every state x every command', () => {
  it('covers the full matrix', () => {
    expect(CELLS).toHaveLength(13 * 17);
  });

  it.each(CELLS)('%s + %s', (state, command) => {
    const expected = EXPECTED[state][command];
    const result = transition(passing(state), command, FULL_PAYLOAD, CTX);
    if (expected === undefined) {
      const f = expectFailure(result);
      expect(f.reason).toBe('NOT_ALLOWED');
      expect(f.allowed).not.toContain(command);
    } else {
      expect(result).toMatchObject({ ok: true, from: state, to: expected === 'PREVIOUS' ? HELD_FROM : expected });
    }
  });

  it.each(STATES)('allowedCommands(%s) lists exactly the matrix row', (state) => {
    expect([...allowedCommands(passing(state), CTX)].sort()).toEqual(Object.keys(EXPECTED[state]).sort());
  });
});

describe('transition: guards', () => {
  const cases: ReadonlyArray<[string, S, C, Partial<LifecycleSnapshot>, string]> = [
    ['ANSWER a complaint', S.NEW, C.ANSWER, { kind: 'COMPLAINT' }, 'isInformation'],
    ['ANSWER an emergency', S.TRIAGED, C.ANSWER, { kind: 'EMERGENCY' }, 'isInformation'],
    ['DISPATCH without OPD', S.TRIAGED, C.DISPATCH, { opdCode: null }, 'hasOpd'],
    ['RESOLVE field work from the desk', S.ACKNOWLEDGED, C.RESOLVE, { fieldResponse: true }, 'noFieldResponse'],
    ['REOPEN never resolved', S.RESOLVED, C.REOPEN, { resolvedAt: null }, 'withinReopenWindow'],
    ['REOPEN closed, never resolved', S.CLOSED, C.REOPEN, { resolvedAt: null }, 'withinReopenWindow'],
    ['REOPEN long ago', S.CLOSED, C.REOPEN, { resolvedAt: new Date(0) }, 'withinReopenWindow'],
    ['RESUME with no origin', S.ON_HOLD, C.RESUME, { heldFrom: null }, 'held-from'],
  ];

  it.each(cases)('%s is GUARD_FAILED and not allowed', (_name, state, command, overrides, mention) => {
    const f = expectFailure(transition(passing(state, overrides), command, FULL_PAYLOAD, CTX));
    expect(f).toMatchObject({ reason: 'GUARD_FAILED', from: state, command });
    expect(f.detail).toContain(mention);
    expect(f.allowed).not.toContain(command);
    expect(allowedCommands(passing(state, overrides), CTX)).not.toContain(command);
  });

  it('ON_SITE may RESOLVE field work: the desk-only guard does not apply there', () => {
    const r = transition(passing(S.ON_SITE, { fieldResponse: true }), C.RESOLVE, FULL_PAYLOAD, CTX);
    expect(r).toMatchObject({ ok: true, to: S.RESOLVED });
  });

  it('checks inputs before guards', () => {
    const f = expectFailure(transition(passing(S.NEW, { kind: 'COMPLAINT' }), C.ANSWER, {}, CTX));
    expect(f.reason).toBe('MISSING_INPUT');
  });
});

describe('transition: required inputs', () => {
  const withRequires = CELLS.filter(([s, c]) => EXPECTED[s][c] !== undefined && REQUIRES[c].length > 0);
  const keyCases = withRequires.flatMap(([s, c]) => REQUIRES[c].map((key) => [s, c, key] as const));

  it.each(keyCases)('%s + %s without %s is MISSING_INPUT', (state, command, key) => {
    for (const blank of [undefined, null, '', '   \t']) {
      const payload = { ...FULL_PAYLOAD, [key]: blank };
      const f = expectFailure(transition(passing(state), command, payload, CTX));
      expect(f.reason).toBe('MISSING_INPUT');
      expect(f.detail).toContain(key);
      expect(f.allowed).toContain(command);
    }
  });

  it('names every missing key at once', () => {
    const f = expectFailure(transition(passing(S.NEW), C.TRIAGE, {}, CTX));
    expect(f.detail).toContain('kind, categoryCode');
  });

  const noRequires = CELLS.filter(([s, c]) => EXPECTED[s][c] !== undefined && REQUIRES[c].length === 0);
  it.each(noRequires)('%s + %s needs no input', (state, command) => {
    expect(transition(passing(state), command, {}, CTX).ok).toBe(true);
  });
});

describe('transition: hold and resume', () => {
  const holdable = STATES.filter((s) => EXPECTED[s][C.HOLD] !== undefined);

  it('holdable states are the ones the spec lists', () => {
    expect(holdable).toEqual([S.NEW, S.TRIAGED, S.DISPATCHED, S.ACKNOWLEDGED, S.RETURNED]);
  });

  it.each(holdable)('%s -> ON_HOLD -> note -> RESUME returns to %s', (origin) => {
    const held = transition(passing(origin), C.HOLD, FULL_PAYLOAD, CTX);
    expect(held).toEqual({ ok: true, from: origin, to: S.ON_HOLD, heldFrom: origin });

    const noted = transition(passing(S.ON_HOLD, { heldFrom: origin }), C.ADD_NOTE, FULL_PAYLOAD, CTX);
    expect(noted).toEqual({ ok: true, from: S.ON_HOLD, to: S.ON_HOLD, heldFrom: origin });

    const resumed = transition(passing(S.ON_HOLD, { heldFrom: origin }), C.RESUME, {}, CTX);
    expect(resumed).toEqual({ ok: true, from: S.ON_HOLD, to: origin, heldFrom: null });
  });

  it('leaving ON_HOLD other than by RESUME clears heldFrom', () => {
    const r = transition(passing(S.ON_HOLD), C.REJECT, FULL_PAYLOAD, CTX);
    expect(r).toEqual({ ok: true, from: S.ON_HOLD, to: S.REJECTED, heldFrom: null });
  });

  it('ON_HOLD pauses clocks; no other state does', () => {
    expect(STATES.filter((s) => pausesClocks(s))).toEqual([S.ON_HOLD]);
  });

  it('terminal states are CLOSED, ANSWERED, REJECTED and DUPLICATE', () => {
    expect(STATES.filter((s) => isTerminal(s))).toEqual([S.CLOSED, S.ANSWERED, S.REJECTED, S.DUPLICATE]);
  });
});

describe('transition: reopen window boundary', () => {
  it.each([S.RESOLVED, S.CLOSED])('%s: exactly at the window is allowed, 1 ms past is denied', (state) => {
    const atEdge = passing(state, { resolvedAt: new Date(NOW.getTime() - WINDOW_MS) });
    expect(transition(atEdge, C.REOPEN, FULL_PAYLOAD, CTX)).toMatchObject({ ok: true, to: S.DISPATCHED });

    const past = passing(state, { resolvedAt: new Date(NOW.getTime() - WINDOW_MS - 1) });
    expect(transition(past, C.REOPEN, FULL_PAYLOAD, CTX)).toMatchObject({ ok: false, reason: 'GUARD_FAILED' });
  });
});

describe('transition: purity', () => {
  it('does not mutate frozen inputs and is deterministic', () => {
    const resolvedAt = new Date(NOW.getTime() - 1000);
    const snapshot = Object.freeze(passing(S.ON_HOLD, { resolvedAt }));
    const payload = Object.freeze({ ...FULL_PAYLOAD });
    const ctx = Object.freeze({ ...CTX });
    const copy = { ...snapshot };

    for (const command of COMMANDS) {
      const first = transition(snapshot, command, payload, ctx);
      expect(transition(snapshot, command, payload, ctx)).toEqual(first);
    }
    expect(snapshot).toEqual(copy);
    expect(resolvedAt.getTime()).toBe(NOW.getTime() - 1000);
  });

  it('refuses a state unknown to the table instead of throwing', () => {
    const f = expectFailure(transition(passing('ARCHIVED' as S), C.CLOSE, {}, CTX));
    expect(f).toMatchObject({ reason: 'NOT_ALLOWED', allowed: [] });
  });
});
