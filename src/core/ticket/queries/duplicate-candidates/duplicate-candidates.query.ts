import type { TicketState } from '../../lifecycle';
import type { TicketKind } from '../../domain/ticket.enums';

/** A report being taken, before it is a ticket: what duplicates are looked for by. */
export interface DuplicateDraft {
  readonly categoryCode: string | null;
  readonly kind: TicketKind | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly district: string | null;
  readonly village: string | null;
  readonly description: string | null;
  readonly reportedAt: Date;
}

export interface DuplicateCandidate {
  readonly id: string;
  readonly number: string;
  readonly state: TicketState;
  readonly kind: TicketKind;
  readonly opdCode: string | null;
  readonly categoryCode: string | null;
  readonly reportedAt: Date;
  readonly district: string | null;
  readonly village: string | null;
  /** Null when either has no coordinates. */
  readonly distanceMeters: number | null;
  /** 0-1, pg_trgm's similarity of the descriptions. */
  readonly textSimilarity: number;
  /** 0-1, higher is likelier the same incident. */
  readonly score: number;
  /** Why, for people: "120 m away", "same category", "40 min ago". */
  readonly reasons: readonly string[];
}

export interface DuplicateSearch {
  readonly radiusMeters: number;
  readonly windowHours: number;
  readonly candidates: readonly DuplicateCandidate[];
}

/**
 * Open tickets that may report the same incident as a draft: of the same or a
 * related category (or with a similar description) within the category's
 * radius or in the same village, within its time window; best first.
 */
export class DuplicateCandidatesQuery {
  constructor(
    readonly draft: DuplicateDraft,
    readonly limit: number,
  ) {}
}
