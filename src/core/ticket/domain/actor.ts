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
  /**
   * Set when the permission for the operation at hand covers only the actor's
   * own OPD: data of other OPDs is then filtered out, and other OPDs' tickets
   * do not exist for it. Absent or null: no restriction.
   */
  readonly restrictedToOpd?: string | null;
}
