/** The history of several tickets at once (one query for a whole page). */
export class TicketEventsQuery {
  constructor(readonly ticketIds: readonly string[]) {}
}
