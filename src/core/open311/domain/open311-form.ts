import { insaneText } from '../../../infra/graphql/sane-input.pipe';

/** A form as Open311 reads it: flat fields with their values, and the attribute answers apart. */
export interface Open311Form {
  readonly fields: ReadonlyMap<string, readonly string[]>;
  /** `attribute[CODE]` and `attribute[CODE][]`, by CODE. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  readonly problems: readonly string[];
}

const MAX_FIELDS = 200;
const MAX_VALUES = 50;
const ATTRIBUTE_KEY = /^attribute\[([^\]]{1,64})\](\[\])?$/;

/**
 * Reads a POST body or a query string into fields: form bodies arrive flat
 * (Fastify's parser keeps `attribute[CODE][]` as a key with a list of values),
 * JSON bodies may nest the answers (`{ "attribute": { "CODE": ["a", "b"] } }`).
 * A trailing `[]` on any key (`media_url[]`) only says "a list". Values must
 * be text (JSON numbers and booleans are read as text); anything else, and
 * text PostgreSQL cannot hold, is a problem naming the field.
 *
 * @example
 * readOpen311Form({ service_code: 'JALAN_RUSAK', 'attribute[SIGNS][]': ['A', 'B'] });
 * // { fields: Map { service_code => ['JALAN_RUSAK'] }, attributes: { SIGNS: ['A', 'B'] }, problems: [] }
 */
export function readOpen311Form(body: unknown): Open311Form {
  const fields = new Map<string, string[]>();
  const attributes: Record<string, string[]> = {};
  const problems: string[] = [];
  if (body === undefined || body === null) return { fields, attributes, problems };
  if (typeof body !== 'object' || Array.isArray(body)) {
    return { fields, attributes, problems: ['the body must be a form (application/x-www-form-urlencoded) or a JSON object'] };
  }
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length > MAX_FIELDS) return { fields, attributes, problems: [`at most ${MAX_FIELDS} fields`] };
  for (const [rawKey, raw] of entries) {
    if (rawKey === 'attribute' && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [code, value] of Object.entries(raw as Record<string, unknown>)) add(attributes, code, `attribute[${code}]`, value, problems);
      continue;
    }
    const attribute = ATTRIBUTE_KEY.exec(rawKey);
    if (attribute) {
      add(attributes, attribute[1], rawKey, raw, problems);
      continue;
    }
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const bad = insaneText(key);
    if (bad) {
      problems.push(`a field name ${bad}`);
      continue;
    }
    add(fields, key, key, raw, problems);
  }
  return { fields, attributes, problems };
}

function add(into: Record<string, string[]> | Map<string, string[]>, key: string, label: string, raw: unknown, problems: string[]): void {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > MAX_VALUES) {
    problems.push(`${label}: at most ${MAX_VALUES} values`);
    return;
  }
  const values: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') values.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') values.push(String(item));
    else if (item === null || item === undefined) continue;
    else {
      problems.push(`${label} must be text`);
      return;
    }
  }
  const bad = values.map(insaneText).find((p) => p !== null);
  if (bad) {
    problems.push(`${label} ${bad}`);
    return;
  }
  if (into instanceof Map) into.set(key, [...(into.get(key) ?? []), ...values]);
  else into[key] = [...(into[key] ?? []), ...values];
}

/**
 * The one value of a field: null when absent or blank, a problem when the
 * field was given more than once or is longer than `max` characters.
 *
 * @example
 * single(form, 'email', 254, problems); // 'ayu@example.org'
 */
export function single(form: Open311Form, key: string, max: number, problems: string[]): string | null {
  const values = (form.fields.get(key) ?? []).map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return null;
  if (new Set(values).size > 1) {
    problems.push(`${key} takes one value`);
    return null;
  }
  if (values[0].length > max) {
    problems.push(`${key} is longer than ${max.toLocaleString('en')} characters`);
    return null;
  }
  return values[0];
}
