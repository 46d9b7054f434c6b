import { normalisePhone } from '../../ticket';
import { CallerException } from './caller.exception';

/**
 * The number as the intake stores it (E.164), so a lookup finds what the
 * intake wrote however the call taker typed it.
 *
 * @example
 * callerPhone('0812-3456-7890'); // '+6281234567890'
 */
export function callerPhone(raw: string): string {
  const phone = normalisePhone(raw);
  if (!phone) throw CallerException.invalidInput('phone: not a phone number (without a country code it is read as Indonesian)');
  return phone;
}

/** A reason a person can read later: 3-500 characters after trimming. */
export function flagReason(raw: string, field = 'reason'): string {
  const reason = raw.trim();
  if (reason.length < 3 || reason.length > 500) throw CallerException.invalidInput(`${field}: give 3 to 500 characters`);
  return reason;
}
