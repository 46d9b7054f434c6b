/** What the ticket domain needs from configuration; provided by TicketModule.forRoot. */
export interface TicketSettings {
  readonly numberPrefix: string;
  readonly timeZone: string;
  readonly reopenWindowMs: number;
}

export const TICKET_SETTINGS = Symbol('TICKET_SETTINGS');
