import { XMLBuilder } from 'fast-xml-parser';

/** A value of an Open311 answer: text, a number, a flag, absent, a record or a list. */
export type Open311Value = string | number | boolean | null | readonly Open311Value[] | { readonly [key: string]: Open311Value };
export type Open311Record = { readonly [key: string]: Open311Value };

export type Open311Format = 'xml' | 'json';

/**
 * The element name of each item of a nested list in XML (`<attributes><attribute>…`);
 * JSON writes those lists as plain arrays.
 */
const LIST_ITEMS: Readonly<Record<string, string>> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  keywords_list: 'keyword',
};

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, processEntities: true });

// XML 1.0 cannot carry most C0 controls, not even escaped; drop them (and
// lone surrogates) so that one odd character in a description cannot make a
// whole list unreadable for every client. Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Renders an answer the way the spec shapes it: XML as `<root><item>…</item></root>`,
 * JSON by the "Spark convention" (a list is a bare array of objects). Absent
 * values are empty elements in XML and null in JSON.
 *
 * @example
 * renderList('xml', 'services', 'service', [{ service_code: 'JALAN_RUSAK', metadata: true }]);
 * // '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>JALAN_RUSAK</service_code><metadata>true</metadata></service></services>'
 * renderList('json', 'services', 'service', [{ service_code: 'JALAN_RUSAK', metadata: true }]);
 * // '[{"service_code":"JALAN_RUSAK","metadata":true}]'
 */
export function renderList(format: Open311Format, root: string, item: string, items: readonly Open311Record[]): string {
  if (format === 'json') return JSON.stringify(items.map(cleanJson));
  return xml({ [root]: { [item]: items.map((i) => toXml(i)) } });
}

/**
 * Renders one record as the root (a service definition, the discovery document).
 *
 * @example
 * renderObject('xml', 'service_definition', { service_code: 'X', attributes: [] });
 */
export function renderObject(format: Open311Format, root: string, record: Open311Record): string {
  if (format === 'json') return JSON.stringify(cleanJson(record));
  return xml({ [root]: toXml(record) });
}

function xml(tree: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(tree)}`;
}

function toXml(value: Open311Value, key?: string): unknown {
  if (value === null) return '';
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const itemName = (key && LIST_ITEMS[key]) ?? 'item';
    return value.length === 0 ? '' : { [itemName]: value.map((v: Open311Value) => toXml(v)) };
  }
  return Object.fromEntries(Object.entries(value as Open311Record).map(([k, v]) => [k, toXml(v, k)]));
}

function cleanJson(value: Open311Value): Open311Value {
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (Array.isArray(value)) return value.map((v: Open311Value) => cleanJson(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Open311Record).map(([k, v]) => [k, cleanJson(v)]));
  }
  return value;
}

/** The content type of an answer in a format. */
export function contentTypeOf(format: Open311Format): string {
  return format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8';
}
