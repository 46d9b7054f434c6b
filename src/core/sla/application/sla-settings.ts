/** What the SLA engine needs from configuration; provided by SlaModule.forRoot. */
export interface SlaSettings {
  readonly sweepEnabled: boolean;
  readonly sweepIntervalMs: number;
  readonly sweepBatch: number;
}

export const SLA_SETTINGS = Symbol('SLA_SETTINGS');
