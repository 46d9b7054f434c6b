/** One ticket by its id or its human-readable number (exactly one of them). */
export class GetTicketQuery {
  constructor(readonly ref: { id: string } | { number: string }) {}
}
