import type { TicketCommandEnvelope } from '../application/ticket-command.runner';
import type { Actor } from '../../actor';

/** What every command on an existing ticket is built from; each command's params extend it. */
export type TicketCommandParams = TicketCommandEnvelope;

/**
 * Every command on an existing ticket names it, the version seen, and who acts.
 * Commands are built from one named object, never from positional arguments.
 *
 * @example
 * new AcknowledgeTicketCommand({ ticketId, expectedVersion: 3, actor, note: 'seen by the duty officer' });
 */
export abstract class TicketCommandBase implements TicketCommandEnvelope {
  readonly ticketId: string;
  readonly expectedVersion: number;
  readonly actor: Actor;

  constructor({ ticketId, expectedVersion, actor }: TicketCommandParams) {
    this.ticketId = ticketId;
    this.expectedVersion = expectedVersion;
    this.actor = actor;
  }
}

/** A command's uploads as the event records them: absent when there are none. */
export function attachmentIdsPayload(ids: readonly string[] | undefined): readonly string[] | undefined {
  return ids && ids.length ? [...new Set(ids)] : undefined;
}

/** Drops absent values so an event's payload holds only what was given. */
export function compact(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined && v !== null));
}
