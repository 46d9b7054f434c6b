import { Open311Form, single } from './open311-form';

/** The spec's limit, and the ticket's. */
export const MAX_DESCRIPTION = 4000;
export const MAX_MEDIA_URLS = 20;
const NUMBER = /^[+-]?\d{1,3}(\.\d{1,15})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CODE = /^[A-Z][A-Z0-9_-]{1,47}$/;

/** A POSTed service request after the checks a form can have: every field typed, blanks as null. */
export interface ServiceRequestInput {
  readonly serviceCode: string;
  readonly jurisdictionId: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly addressString: string | null;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly email: string | null;
  /** `device_id`, or FixMyStreet's `deviceid`. */
  readonly deviceId: string | null;
  readonly accountId: string | null;
  readonly firstName: string | null;
  /** FixMyStreet sends `-` for "no last name": read as none. */
  readonly lastName: string | null;
  readonly phone: string | null;
  readonly description: string | null;
  readonly mediaUrls: readonly string[];
}

/**
 * Checks a POST /requests form as the spec describes it (a service code, a
 * location as lat+long or address_string, at most 4,000 characters of
 * description, media URLs) and collects every problem at once. Answers to
 * the service's questions are checked later, against the category.
 *
 * @example
 * readServiceRequest(readOpen311Form({ service_code: 'JALAN_RUSAK', lat: '-8.45', long: '115.35' }));
 * // { input: { serviceCode: 'JALAN_RUSAK', latitude: -8.45, … }, problems: [] }
 */
export function readServiceRequest(form: Open311Form): { input: ServiceRequestInput | null; problems: string[] } {
  const problems = [...form.problems];
  const serviceCode = single(form, 'service_code', 48, problems);
  if (!serviceCode) problems.push('service_code is required');
  else if (!CODE.test(serviceCode)) problems.push(`service_code ${JSON.stringify(serviceCode)} is not a service code (see services.xml)`);
  const lat = coordinate(form, 'lat', 90, problems);
  const long = coordinate(form, 'long', 180, problems);
  const addressString = single(form, 'address_string', 500, problems);
  const addressId = single(form, 'address_id', 200, problems);
  if ((lat === null) !== (long === null) && !problems.some((p) => p.startsWith('lat') || p.startsWith('long'))) {
    problems.push('lat and long go together: send both, or address_string');
  }
  if (lat === null && long === null && !addressString && !problems.some((p) => p.startsWith('lat') || p.startsWith('long'))) {
    problems.push(addressId
      ? 'address_id is not supported here (no address register): send lat and long, or address_string'
      : 'a location is required: lat and long, or address_string');
  }
  const email = single(form, 'email', 254, problems);
  if (email && !EMAIL.test(email)) problems.push('email is not an e-mail address');
  const description = single(form, 'description', MAX_DESCRIPTION, problems);
  const mediaUrls = [...new Set((form.fields.get('media_url') ?? []).map((u) => u.trim()).filter(Boolean))];
  if (mediaUrls.length > MAX_MEDIA_URLS) problems.push(`media_url: at most ${MAX_MEDIA_URLS} URLs`);
  for (const url of mediaUrls.slice(0, MAX_MEDIA_URLS)) {
    if (!isWebUrl(url)) problems.push(`media_url ${JSON.stringify(url.slice(0, 100))} is not an http(s) URL of at most 2,000 characters`);
  }
  const lastName = single(form, 'last_name', 100, problems);
  const input: ServiceRequestInput = {
    serviceCode: serviceCode ?? '',
    jurisdictionId: single(form, 'jurisdiction_id', 253, problems),
    latitude: lat,
    longitude: long,
    addressString,
    attributes: form.attributes,
    email,
    deviceId: single(form, 'device_id', 200, problems) ?? single(form, 'deviceid', 200, problems),
    accountId: single(form, 'account_id', 200, problems),
    firstName: single(form, 'first_name', 100, problems),
    lastName: lastName === '-' ? null : lastName,
    phone: single(form, 'phone', 32, problems),
    description,
    mediaUrls,
  };
  return { input: problems.length ? null : input, problems };
}

function coordinate(form: Open311Form, key: 'lat' | 'long', bound: number, problems: string[]): number | null {
  const text = single(form, key, 40, problems);
  if (text === null) return null;
  const value = Number(text);
  if (!NUMBER.test(text) || !Number.isFinite(value)) {
    problems.push(`${key} must be a decimal number of degrees (WGS84)`);
    return null;
  }
  if (Math.abs(value) > bound) {
    problems.push(`${key} must be between -${bound} and ${bound}`);
    return null;
  }
  return value;
}

/** An http(s) URL a browser could fetch. */
export function isWebUrl(text: string): boolean {
  if (text.length > 2000) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A media type for a URL, from its file extension (clients send bare URLs).
 *
 * @example
 * mediaTypeOf('https://x.example/p/1.JPG?s=2'); // 'image/jpeg'
 */
export function mediaTypeOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0].toLowerCase();
  const ext = path.slice(path.lastIndexOf('.') + 1);
  const types: Record<string, string> = {
    jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', heic: 'image/heic',
    mp4: 'video/mp4', mov: 'video/quicktime', pdf: 'application/pdf',
  };
  return types[ext] ?? 'application/octet-stream';
}
