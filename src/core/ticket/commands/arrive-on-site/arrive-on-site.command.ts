import { TicketCommandBase, type TicketCommandParams } from '../ticket-command.base';

/** Proof of presence: where the unit stood and a photo of the scene, when it has them. */
export interface ArrivalProof {
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly photoUrl: string | null;
}

/** What ArriveOnSiteCommand is built from. */
export interface ArriveOnSiteParams extends TicketCommandParams {
  /** Omitted: no position and no photo (every field null). */
  readonly proof?: ArrivalProof;
  /** Uploads (POST /attachments) of this actor: photos of the scene; their EXIF position is kept with them. */
  readonly attachmentIds?: readonly string[];
}

/** The OPD is at the location: the emergency promise (on site within 2 h) is met here. */
export class ArriveOnSiteCommand extends TicketCommandBase {
  readonly proof: ArrivalProof;
  readonly attachmentIds: readonly string[];

  constructor(p: ArriveOnSiteParams) {
    super(p);
    this.attachmentIds = p.attachmentIds ?? [];
    this.proof = p.proof ?? { latitude: null, longitude: null, photoUrl: null };
  }
}
