/** Who acts: a staff member's role, an OPD system's API key, or the system itself. */
export enum ActorRole {
  CALL_TAKER = 'CALL_TAKER',
  SUPERVISOR = 'SUPERVISOR',
  OPD_OFFICER = 'OPD_OFFICER',
  OPD_HEAD = 'OPD_HEAD',
  FIELD_UNIT = 'FIELD_UNIT',
  ADMIN = 'ADMIN',
  AUDITOR = 'AUDITOR',
  /** An OPD's own application, calling with an API key scoped to that OPD. */
  OPD_SYSTEM = 'OPD_SYSTEM',
  SYSTEM = 'SYSTEM',
}

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
