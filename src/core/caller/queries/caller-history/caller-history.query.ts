import type { Actor } from '../../../actor';
import type { CallerTicket } from '../../../ticket';
import type { CallerFlag } from '../../domain/caller-flag.entity';

/**
 * What the call centre knows of a caller, by phone. `tickets` is the first
 * kind of contact; conversations will be a second list beside it (and a
 * second member of the GraphQL union `CallerHistoryEntry`).
 */
export interface CallerHistory {
  /** E.164. */
  readonly phone: string;
  readonly activeFlag: CallerFlag | null;
  /** Every flag, newest first. */
  readonly flags: readonly CallerFlag[];
  /** Newest first, at most the limit asked. */
  readonly tickets: readonly CallerTicket[];
  readonly ticketCount: number;
}

/** A caller lookup: recorded in the reporter access log as `operation`. */
export class CallerHistoryQuery {
  constructor(
    /** As typed; normalised to E.164. */
    readonly phone: string,
    readonly limit: number,
    readonly actor: Actor,
    readonly operation: string,
  ) {}
}
