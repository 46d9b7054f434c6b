import type { Actor } from '../../../actor';

/** What UnflagCallerCommand is built from. */
export interface UnflagCallerParams {
  /** As typed; normalised to E.164. */
  readonly phone: string;
  readonly reason: string;
  readonly actor: Actor;
}

/** Clears a number's active flag, with why; the flag stays in the history. */
export class UnflagCallerCommand {
  readonly phone: string;
  readonly reason: string;
  readonly actor: Actor;

  constructor(p: UnflagCallerParams) {
    this.phone = p.phone;
    this.reason = p.reason;
    this.actor = p.actor;
  }
}
