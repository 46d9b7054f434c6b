import type { ActorRole } from './ticket.enums';

/**
 * Who issues a command. Every command carries one, and every event records it.
 *
 * @example
 * const actor: Actor = { userId: 'ct-ayu', role: ActorRole.CALL_TAKER, opdCode: null };
 */
export interface Actor {
  readonly userId: string;
  readonly role: ActorRole;
  /** The OPD an OPD-bound role belongs to; null for the call centre and admins. */
  readonly opdCode: string | null;
}
