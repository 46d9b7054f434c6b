import type { AppConfig } from '../../../../config/app.config';

/** What the SLA engine needs from configuration (validated once at startup); provided by SlaModule.forRoot. */
export type SlaSettings = AppConfig['sla'];

export const SLA_SETTINGS = Symbol('SLA_SETTINGS');
