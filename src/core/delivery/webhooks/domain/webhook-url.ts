import { forbiddenAddressReason, parseIp } from './ip-address';

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/** What the URL check allows beyond https to public hosts. */
export interface WebhookUrlPolicy {
  /** http:// too (local development against a plain receiver). */
  readonly allowHttp: boolean;
  /** Private, loopback and other special addresses (tests and local development). */
  readonly allowPrivateAddresses: boolean;
}

/**
 * Checks an endpoint URL when it is registered: https (http only when
 * allowed), no credentials, no fragment, at most 2,048 characters, and no
 * literal private or special address unless allowed. A host name is not
 * resolved here (DNS can change): the sender checks every resolved address
 * at send time.
 *
 * @example
 * checkWebhookUrl('https://simdamkar.example.go.id/hooks/sigap', policy); // { url: 'https://…', problems: [] }
 * checkWebhookUrl('https://127.0.0.1/x', policy).problems; // ['url: 127.0.0.1 is a loopback address; …']
 */
export function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy): { url: string | null; problems: string[] } {
  if (raw.length > WEBHOOK_URL_MAX_LENGTH) return { url: null, problems: [`url: at most ${WEBHOOK_URL_MAX_LENGTH} characters`] };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { url: null, problems: ['url: not an absolute URL'] };
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    problems.push(policy.allowHttp ? 'url: must be https:// or http://' : 'url: must be https://');
  }
  if (url.username || url.password) problems.push('url: must not contain credentials (user:password@); authenticate receivers by the signature');
  if (url.hash) problems.push('url: must not contain a fragment (#…)');
  const host = url.hostname;
  if (!host) problems.push('url: needs a host');
  if (!policy.allowPrivateAddresses && host) {
    const literal = parseIp(host);
    const reason = literal ? forbiddenAddressReason(host) : /(^|\.)localhost\.?$/i.test(host) ? 'loopback' : null;
    if (reason) problems.push(`url: ${host} is a ${reason} address; receivers must be reachable on a public address`);
  }
  if (url.href.length > WEBHOOK_URL_MAX_LENGTH) problems.push(`url: at most ${WEBHOOK_URL_MAX_LENGTH} characters`);
  return problems.length ? { url: null, problems } : { url: url.href, problems };
}
