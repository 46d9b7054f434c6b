import type { TicketFilter } from '../list-tickets/list-tickets.query';

/** How a list's total is counted. */
export enum TicketCountMode {
  /** count(*) over every matching ticket: exact, and as slow as the match is large. */
  EXACT = 'EXACT',
  /** Exact up to EXACT_COUNT_LIMIT; above it, the planner's estimate (cost independent of the size). */
  ESTIMATED = 'ESTIMATED',
}

/** Up to this many matches, an ESTIMATED count is exact. */
export const EXACT_COUNT_LIMIT = 10_000;

export interface TicketCount {
  readonly count: number;
  /** false: `count` is the planner's estimate (more than EXACT_COUNT_LIMIT match). */
  readonly exact: boolean;
}

/** How many tickets a list's filter matches (the list's totalCount). */
export class CountTicketsQuery {
  constructor(
    readonly filter: TicketFilter,
    readonly mode: TicketCountMode,
    /** Only this OPD's tickets (as the list); null: all. */
    readonly opdScope: string | null = null,
  ) {}
}
