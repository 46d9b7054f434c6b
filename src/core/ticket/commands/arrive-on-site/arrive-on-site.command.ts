import type { Actor } from '../../../actor';
import { TicketCommandBase } from '../ticket-command.base';

/** Proof of presence: where the unit stood and a photo of the scene, when it has them. */
export interface ArrivalProof {
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly photoUrl: string | null;
}

/** The OPD is at the location: the emergency promise (on site within 2 h) is met here. */
export class ArriveOnSiteCommand extends TicketCommandBase {
  constructor(
    ticketId: string,
    expectedVersion: number,
    actor: Actor,
    readonly proof: ArrivalProof = { latitude: null, longitude: null, photoUrl: null },
  ) {
    super(ticketId, expectedVersion, actor);
  }
}
