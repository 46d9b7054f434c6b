import type { TicketCommandEnvelope } from '../application/ticket-command.runner';
import type { Actor } from '../../actor';

/** Every command on an existing ticket names it, the version seen, and who acts. */
export abstract class TicketCommandBase implements TicketCommandEnvelope {
  constructor(
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly actor: Actor,
  ) {}
}

/** Drops absent values so an event's payload holds only what was given. */
export function compact(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined && v !== null));
}
