import type { TicketState } from '../../lifecycle';
import type { TicketChannel, TicketKind, TicketPriority } from '../../domain/ticket.enums';

export interface TicketFilter {
  readonly states?: readonly TicketState[] | null;
  readonly kinds?: readonly TicketKind[] | null;
  readonly priorities?: readonly TicketPriority[] | null;
  readonly channels?: readonly TicketChannel[] | null;
  readonly opdCode?: string | null;
  readonly categoryCode?: string | null;
  readonly district?: string | null;
  readonly reportedFrom?: Date | null;
  readonly reportedTo?: Date | null;
  /** Words that must all occur in number, description, translation or place. */
  readonly text?: string | null;
  /** true: only open tickets (any state the lifecycle does not mark terminal); false: only finished ones. */
  readonly open?: boolean | null;
  /** Changed at or after this time (for clients that poll). */
  readonly updatedSince?: Date | null;
}

export enum TicketSort {
  REPORTED_AT_DESC = 'REPORTED_AT_DESC',
  REPORTED_AT_ASC = 'REPORTED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
  /** Oldest change first: for polling with updatedSince and the cursor. */
  UPDATED_AT_ASC = 'UPDATED_AT_ASC',
  /** The next SLA clock to breach first (the earliest due time of a running clock); tickets without one last. */
  DUE_SOONEST = 'DUE_SOONEST',
}

/** A page of tickets: keyset pagination, stable while tickets are added. */
export class ListTicketsQuery {
  constructor(
    readonly filter: TicketFilter,
    readonly sort: TicketSort,
    readonly first: number,
    readonly after: string | null,
    /** Only this OPD's tickets (an OPD-bound permission), whatever the filter says; null: all. */
    readonly opdScope: string | null = null,
  ) {}
}
