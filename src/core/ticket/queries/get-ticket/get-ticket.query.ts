/** One ticket by its id or its human-readable number (exactly one of them). */
export class GetTicketQuery {
  constructor(
    readonly ref: { id: string } | { number: string },
    /** Only tickets of this OPD exist for the caller (an OPD-bound permission); null: all. */
    readonly opdScope: string | null = null,
  ) {}
}
