import type { AppConfig } from '../../../../config/app.config';

/** The relay's settings, as validated at startup. */
export type DeliverySettings = AppConfig['delivery'];

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');
