import { TicketCommand, TicketState, type TicketEventType } from '../../ticket';
import type { TicketContext } from '../../ticket';
import type { Milestone } from './sla-metric';

/** One event as the SLA engine reads it. */
export interface SlaEvent {
  readonly seq: number;
  /** CREATED, a TicketCommand, DUPLICATE_MERGED or SLA_REEVALUATED. */
  readonly type: TicketEventType;
  readonly to: TicketState;
  readonly at: Date;
  readonly context: TicketContext;
}

/**
 * The facts every clock of a ticket is computed from. It is a fold of the
 * ticket's events (`advanceTimeline`), stored beside the ticket and advanced
 * in the same transaction as each event.
 *
 * @example
 * const timeline = events.reduce(advanceTimeline, null);
 */
export interface SlaTimeline {
  readonly seq: number;
  readonly context: TicketContext;
  /** Policies are taken as they were in force at this instant (creation, or the last re-evaluation). */
  readonly pinnedAt: string;
  /** Every state the ticket entered, oldest first. */
  readonly states: ReadonlyArray<{ readonly state: TicketState; readonly at: string }>;
  /** Milestones reached and not undone, with the cycle (the how-many-th reach) each belongs to. */
  readonly milestones: Readonly<Partial<Record<Milestone, { readonly at: string; readonly cycle: number }>>>;
  /** How often each milestone was reached, undone ones included, so a re-dispatch is cycle 2. */
  readonly cycles: Readonly<Partial<Record<Milestone, number>>>;
  /**
   * Every time each milestone was reached, oldest first: a clock stops at the
   * first reach after it started (a new OPD's arrival after a transfer, not
   * the first OPD's). Only a reopen forgets reaches (of RESOLVED): the work is open again.
   */
  readonly reaches: Readonly<Partial<Record<Milestone, readonly string[]>>>;
}

/**
 * Command types that reach a milestone. A milestone already reached stays
 * where it was (a re-triage does not move the triage); only an undo clears it.
 */
const REACHES: Readonly<Partial<Record<TicketCommand, Milestone>>> = {
  [TicketCommand.TRIAGE]: 'TRIAGED',
  // The call centre's decision ends its triage clock just as a triage does.
  [TicketCommand.ANSWER]: 'TRIAGED',
  [TicketCommand.REJECT]: 'TRIAGED',
  [TicketCommand.DISPATCH]: 'DISPATCHED',
  [TicketCommand.ACKNOWLEDGE]: 'ACKNOWLEDGED',
  [TicketCommand.ARRIVE]: 'ON_SITE',
  [TicketCommand.RESOLVE]: 'RESOLVED',
};

/**
 * Command types that undo milestones. A return hands the ticket back for
 * another OPD, whose clocks start over (a new cycle); the first dispatch still
 * counts as the call centre's forward. A reopen makes the work open again.
 */
const UNDOES: Readonly<Partial<Record<TicketCommand, readonly Milestone[]>>> = {
  [TicketCommand.RETURN]: ['DISPATCHED', 'ACKNOWLEDGED'],
  [TicketCommand.REOPEN]: ['RESOLVED'],
};
const FORGETS: Readonly<Partial<Record<TicketCommand, readonly Milestone[]>>> = { [TicketCommand.REOPEN]: ['RESOLVED'] };

/** Events that are not commands (CREATED, merges, re-evaluations) reach and undo nothing. */
const COMMANDS: ReadonlySet<string> = new Set(Object.values(TicketCommand));
const asCommand = (type: TicketEventType): TicketCommand | null => (COMMANDS.has(type) ? (type as TicketCommand) : null);

/** The re-evaluation event: policies in force now replace the pinned ones. */
export const SLA_REEVALUATED = 'SLA_REEVALUATED';

/**
 * One step of the fold. Pure: the same events always give the same timeline.
 * The first event must be the ticket's CREATED event.
 */
export function advanceTimeline(previous: SlaTimeline | null, event: SlaEvent): SlaTimeline {
  const at = event.at.toISOString();
  if (!previous) {
    return {
      seq: event.seq,
      context: event.context,
      pinnedAt: at,
      states: [{ state: event.to, at }],
      milestones: { REPORTED: { at: event.context.reportedAt, cycle: 1 } },
      cycles: { REPORTED: 1 },
      reaches: {},
    };
  }
  const milestones = { ...previous.milestones, REPORTED: { at: event.context.reportedAt, cycle: 1 } };
  const command = asCommand(event.type);
  for (const undone of (command && UNDOES[command]) ?? []) delete milestones[undone];
  let cycles = previous.cycles;
  const reaches = { ...previous.reaches };
  for (const forgotten of (command && FORGETS[command]) ?? []) delete reaches[forgotten];
  const reached = command ? REACHES[command] : undefined;
  if (reached) reaches[reached] = [...(reaches[reached] ?? []), at];
  if (reached && !milestones[reached]) {
    const cycle = (cycles[reached] ?? 0) + 1;
    milestones[reached] = { at, cycle };
    cycles = { ...cycles, [reached]: cycle };
  }
  const last = previous.states[previous.states.length - 1];
  const states = last.state === event.to ? previous.states : [...previous.states, { state: event.to, at }];
  return {
    seq: event.seq,
    context: event.context,
    pinnedAt: event.type === SLA_REEVALUATED ? at : previous.pinnedAt,
    states,
    milestones,
    cycles,
    reaches,
  };
}
