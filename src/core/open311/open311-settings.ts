/** Injection token of {@link Open311Settings}. */
export const OPEN311_SETTINGS = Symbol('OPEN311_SETTINGS');

/** What the Open311 edge needs of the configuration (config/app.config.ts reads it). */
export interface Open311Settings {
  readonly jurisdictionId: string;
  readonly rateLimitPerMinute: number;
  /** Per client address, for GETs without a key. */
  readonly anonymousLimitPerMinute: number;
  readonly dedupeWindowMs: number;
  readonly allowOrigins: readonly string[] | null;
  readonly bodyLimitKb: number;
  readonly contact: string;
  readonly timeZone: string;
}
