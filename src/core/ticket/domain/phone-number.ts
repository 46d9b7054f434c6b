import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Normalises a phone number as a call taker types it to E.164. Numbers without
 * a country code are Indonesian (0812…, 62812…, +62 812…); tourists' numbers
 * need their "+" and country code.
 *
 * @example
 * normalisePhone('0812-3456-7890'); // '+6281234567890'
 * normalisePhone('+61 412 345 678'); // '+61412345678'
 * normalisePhone('12'); // null
 */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^[+()\d\s.-]{4,32}$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'ID');
  return parsed && parsed.isValid() ? parsed.number : null;
}
