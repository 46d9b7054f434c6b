import type { Actor } from '../../../actor';

/** What FlagCallerCommand is built from. */
export interface FlagCallerParams {
  /** As typed; normalised to E.164. */
  readonly phone: string;
  readonly reason: string;
  readonly actor: Actor;
}

/** Marks a number as a repeated prank or hoax caller, with why. Reports from it are still taken. */
export class FlagCallerCommand {
  readonly phone: string;
  readonly reason: string;
  readonly actor: Actor;

  constructor(p: FlagCallerParams) {
    this.phone = p.phone;
    this.reason = p.reason;
    this.actor = p.actor;
  }
}
