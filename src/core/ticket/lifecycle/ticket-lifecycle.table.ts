import { LifecycleTable, PREVIOUS_STATE, TransitionRule } from './lifecycle.types';
import { TicketState as S } from './ticket-state.enum';

// Rules that read the same in many states are named once so a change of
// required input (e.g. REJECT needing a reason) cannot drift between states.
// The category decides the OPD (see CategoryRouting), so triage names no OPD.
const TRIAGE: TransitionRule = { target: S.TRIAGED, requires: ['kind', 'categoryCode'] };
const ANSWER: TransitionRule = { target: S.ANSWERED, guard: 'isInformation', requires: ['answer'] };
const REJECT: TransitionRule = { target: S.REJECTED, requires: ['reason'] };
const MARK_DUPLICATE: TransitionRule = { target: S.DUPLICATE, requires: ['duplicateOfId'] };
const HOLD: TransitionRule = { target: S.ON_HOLD, requires: ['reason'] };
const RETURN: TransitionRule = { target: S.RETURNED, requires: ['reason'] };
const REOPEN: TransitionRule = { target: S.DISPATCHED, guard: 'withinReopenWindow', requires: ['reason'] };

// Notes and reassignment never move the ticket, they only record activity.
const note = (state: S): TransitionRule => ({ target: state, requires: ['text'] });
const attach = (state: S): TransitionRule => ({ target: state, requires: ['attachmentIds'] });
const reassign = (state: S): TransitionRule => ({ target: state, requires: ['assignee'] });

/**
 * The ticket lifecycle: the single source of truth for which command is valid
 * in which state. Every ticket starts in `initial`.
 *
 * @example
 * TICKET_LIFECYCLE.states[TicketState.NEW].on.TRIAGE?.target; // TicketState.TRIAGED
 */
export const TICKET_LIFECYCLE: LifecycleTable = {
  initial: S.NEW,
  states: {
    [S.NEW]: {
      description: 'Received from a citizen, not yet classified.',
      on: {
        TRIAGE,
        ANSWER,
        REJECT,
        MARK_DUPLICATE,
        HOLD,
        ADD_NOTE: note(S.NEW),
        ADD_ATTACHMENT: attach(S.NEW),
      },
    },
    [S.TRIAGED]: {
      description: 'Classified with a kind, category and responsible OPD; awaiting dispatch.',
      on: {
        TRIAGE,
        DISPATCH: { target: S.DISPATCHED, guard: 'hasOpd' },
        ANSWER,
        REJECT,
        MARK_DUPLICATE,
        HOLD,
        ADD_NOTE: note(S.TRIAGED),
        ADD_ATTACHMENT: attach(S.TRIAGED),
      },
    },
    [S.DISPATCHED]: {
      description: 'Sent to the OPD; waiting for the OPD to accept it.',
      on: {
        ACKNOWLEDGE: { target: S.ACKNOWLEDGED },
        RETURN,
        MARK_DUPLICATE,
        HOLD,
        REASSIGN: reassign(S.DISPATCHED),
        ADD_NOTE: note(S.DISPATCHED),
        ADD_ATTACHMENT: attach(S.DISPATCHED),
      },
    },
    [S.ACKNOWLEDGED]: {
      description: 'Accepted by the OPD; work has not visibly started.',
      on: {
        DEPART: { target: S.EN_ROUTE },
        ARRIVE: { target: S.ON_SITE },
        RESOLVE: { target: S.RESOLVED, guard: 'noFieldResponse', requires: ['note'] },
        RETURN,
        MARK_DUPLICATE,
        HOLD,
        REASSIGN: reassign(S.ACKNOWLEDGED),
        ADD_NOTE: note(S.ACKNOWLEDGED),
        ADD_ATTACHMENT: attach(S.ACKNOWLEDGED),
      },
    },
    [S.EN_ROUTE]: {
      description: 'A field team is travelling to the location.',
      on: {
        ARRIVE: { target: S.ON_SITE },
        REASSIGN: reassign(S.EN_ROUTE),
        ADD_NOTE: note(S.EN_ROUTE),
        ADD_ATTACHMENT: attach(S.EN_ROUTE),
      },
    },
    [S.ON_SITE]: {
      description: 'A field team is at the location handling the case.',
      on: {
        RESOLVE: { target: S.RESOLVED, requires: ['note'] },
        REASSIGN: reassign(S.ON_SITE),
        ADD_NOTE: note(S.ON_SITE),
        ADD_ATTACHMENT: attach(S.ON_SITE),
      },
    },
    [S.RESOLVED]: {
      description: 'The OPD reports the case handled; the citizen may still reopen it.',
      on: {
        CLOSE: { target: S.CLOSED },
        REOPEN,
        ADD_NOTE: note(S.RESOLVED),
        ADD_ATTACHMENT: attach(S.RESOLVED),
      },
    },
    [S.CLOSED]: {
      terminal: true,
      description: 'Finished; can only be reopened within the reopen window.',
      on: {
        REOPEN,
        ADD_NOTE: note(S.CLOSED),
        ADD_ATTACHMENT: attach(S.CLOSED),
      },
    },
    [S.ANSWERED]: {
      terminal: true,
      description: 'An information request answered directly, without dispatch.',
      on: { ADD_NOTE: note(S.ANSWERED), ADD_ATTACHMENT: attach(S.ANSWERED) },
    },
    [S.REJECTED]: {
      terminal: true,
      description: 'Refused as invalid, out of scope or abusive, with a reason.',
      on: { ADD_NOTE: note(S.REJECTED), ADD_ATTACHMENT: attach(S.REJECTED) },
    },
    [S.DUPLICATE]: {
      terminal: true,
      description: 'Merged into another ticket that carries the work.',
      on: { ADD_NOTE: note(S.DUPLICATE), ADD_ATTACHMENT: attach(S.DUPLICATE) },
    },
    [S.RETURNED]: {
      description: 'Sent back by the OPD as not theirs; must be triaged again.',
      on: {
        TRIAGE,
        REJECT,
        MARK_DUPLICATE,
        HOLD,
        ADD_NOTE: note(S.RETURNED),
        ADD_ATTACHMENT: attach(S.RETURNED),
      },
    },
    [S.ON_HOLD]: {
      pausesClocks: true,
      description: 'Paused (e.g. waiting for the citizen); SLA clocks stop until resumed.',
      on: {
        RESUME: { target: PREVIOUS_STATE },
        REJECT,
        MARK_DUPLICATE,
        ADD_NOTE: note(S.ON_HOLD),
        ADD_ATTACHMENT: attach(S.ON_HOLD),
      },
    },
  },
};
