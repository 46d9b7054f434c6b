import type { AppConfig } from '../../../../../config/app.config';

/** Outbound webhooks' settings, as validated at startup. */
export type WebhookSettings = AppConfig['delivery']['webhooks'];

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

/** The channel on which a relay's new deliveries wake the dispatchers (NOTIFY is delivered at commit). */
export const WEBHOOK_CHANNEL = 'sigap_webhook';

/**
 * How long a claimed delivery is a dispatcher's: its whole timeout and then
 * some, so a slow but live attempt is never sent twice at once, and a crashed
 * dispatcher's delivery is retried soon after.
 */
export function leaseMs(settings: Pick<WebhookSettings, 'timeoutMs'>): number {
  return settings.timeoutMs * 2 + 30_000;
}
