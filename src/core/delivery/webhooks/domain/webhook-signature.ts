import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Standard Webhooks' secret format: `whsec_` and base64 of random bytes. */
export const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;

/**
 * A new endpoint secret: 32 random bytes in Standard Webhooks' format.
 *
 * @example
 * newWebhookSecret(); // 'whsec_kQ3…='
 */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The three Standard Webhooks headers of one attempt. */
export interface WebhookHeaders {
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
}

/**
 * Signs one attempt with every secret in force (the current one first, and
 * during a rotation's grace the previous one), space-separated as Standard
 * Webhooks allows, so a receiver still holding the old secret keeps
 * verifying until it switches.
 *
 * @example
 * signedHeaders([secret], message.id, now, body);
 * // { 'webhook-id': message.id, 'webhook-timestamp': '1796270400', 'webhook-signature': 'v1,…' }
 */
export function signedHeaders(secrets: readonly string[], id: string, at: Date, body: string): WebhookHeaders {
  if (secrets.length === 0) throw new Error('No secret to sign with');
  // Standard Webhooks signs whole seconds: the timestamp header and the signed content must agree.
  const seconds = Math.floor(at.getTime() / 1000);
  const timestamp = new Date(seconds * 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(id, timestamp, body)).join(' '),
  };
}
