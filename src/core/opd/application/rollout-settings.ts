/** The rollout promise, from configuration; provided by OpdModule.forRoot. */
export interface RolloutSettings {
  readonly launchDate: string;
  readonly days: number;
  readonly timeZone: string;
}

export const ROLLOUT_SETTINGS = Symbol('ROLLOUT_SETTINGS');
