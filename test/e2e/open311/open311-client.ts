import { XMLParser } from 'fast-xml-parser';
import type { Response } from 'supertest';
import type { TestApp } from '../../support/test-app';

export const BASE = '/open311/v2';
export const ADMIN = { userId: 'adm-open311', role: 'ADMIN' } as const;

/** Elements that are lists in the spec's XML, so one item still parses as a list. */
const LISTS = new Set(['service', 'request', 'error', 'request_update', 'attribute', 'value', 'endpoint', 'format']);
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => LISTS.has(name) });

/** An XML answer as a tree of strings (lists always arrays). */
export function parseXml(text: string): any {
  return parser.parse(text);
}

/** The spec's errors of an answer in either format, as `{ code, description }` with numeric codes. */
export function errorsOf(res: Response): Array<{ code: number; description: string }> {
  const isXml = String(res.headers['content-type']).startsWith('text/xml');
  const list = isXml ? (parseXml(res.text).errors?.error ?? []) : JSON.parse(res.text);
  return (list as Array<{ code: string | number; description: string }>).map((e) => ({ code: Number(e.code), description: e.description }));
}

/** A client key, made by an admin as an app developer would get one. */
export async function newClientKey(t: TestApp, name = 'FixMyStreet Bangli', rateLimitPerMinute?: number): Promise<string> {
  const res = await t.gql<any>(
    'mutation C($input: CreateOpen311ClientInput!) { createOpen311Client(input: $input) { apiKey client { id prefix } } }',
    { input: { name, ...(rateLimitPerMinute && { rateLimitPerMinute }) } },
    ADMIN,
  );
  if (!res.body.data) throw new Error(JSON.stringify(res.body));
  return res.body.data.createOpen311Client.apiKey;
}

/** A form POST as the spec describes it (application/x-www-form-urlencoded), keys repeated for lists. */
export function postForm(t: TestApp, path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return t.http().post(`${BASE}${path}`).set('content-type', 'application/x-www-form-urlencoded; charset=utf-8').send(body.toString());
}

/** The W3C date-time with the regency's offset, without fractions. */
export const W3C_WITA = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
