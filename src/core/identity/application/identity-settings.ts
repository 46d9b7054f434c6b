import type { AppConfig } from '../../../../config/app.config';

/** What the identity domain needs from configuration (validated once at startup); provided by IdentityModule.forRoot. */
export type IdentitySettings = AppConfig['auth'];

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');
