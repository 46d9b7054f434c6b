/**
 * The three requests bench:lookup times, with inputs drawn like live calls:
 * callers from the same skewed pool the fill used (one in ten unknown),
 * drafts near a village centre of a random district, texts a call taker types.
 */
import { performance } from 'node:perf_hooks';
import { DESCRIPTIONS, DISTRICTS, phoneOf, PHONE_POOL, villageCentre, villageOf, VILLAGES_PER_DISTRICT, type Category } from './lookup-fill';

export type LookupOperation = 'callerHistory' | 'duplicateCandidates' | 'categorySuggestions';
export const OPERATIONS: readonly LookupOperation[] = ['callerHistory', 'duplicateCandidates', 'categorySuggestions'];

const DOCUMENTS: Record<LookupOperation, string> = {
  callerHistory: `query H($phone: String!) { callerHistory(phone: $phone, limit: 20) { phone ticketCount flag { reason }
    history { ... on CallerTicket { number state kind opdCode categoryCode reportedAt } } } }`,
  duplicateCandidates: `query D($draft: DuplicateDraftInput!) { duplicateCandidates(draft: $draft) { radiusMeters windowHours
    candidates { number state categoryCode distanceMeters score reasons } } }`,
  categorySuggestions: `query S($text: String!) { categorySuggestions(text: $text, language: ID) { score category { code name } } }`,
};

const TEXTS = [
  ...DESCRIPTIONS,
  'ada pohon besar tumbang kena kabel listrik',
  'tolong pak rumah tetangga terbakar',
  'jalan ke kintamani longsor tidak bisa lewat',
  'anak saya digigit anjing tadi sore',
  'lampu merah di simpang bangli mati',
];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

export function variables(op: LookupOperation, categories: readonly Category[]): Record<string, unknown> {
  switch (op) {
    case 'callerHistory': {
      // Same skew as the fill; 10 % of lookups are numbers that never called.
      const known = Math.random() < 0.9;
      return { phone: phoneOf(known ? Math.floor(PHONE_POOL * Math.random() ** 1.5) : PHONE_POOL + Math.floor(Math.random() * 100_000)) };
    }
    case 'duplicateCandidates': {
      const d = Math.floor(Math.random() * DISTRICTS.length);
      const v = Math.floor(Math.random() * VILLAGES_PER_DISTRICT);
      const centre = villageCentre(d, v);
      const category = pick(categories);
      const withPoint = Math.random() < 0.85;
      return {
        draft: {
          categoryCode: category.code,
          kind: category.kind,
          ...(withPoint && { latitude: centre.lat + (Math.random() - 0.5) * 0.02, longitude: centre.lon + (Math.random() - 0.5) * 0.02 }),
          district: DISTRICTS[d].code,
          village: villageOf(DISTRICTS[d].code, v),
          description: pick(DESCRIPTIONS),
        },
      };
    }
    case 'categorySuggestions':
      return { text: pick(TEXTS) };
  }
}

/** Sends one request and returns its wall time; any error or GraphQL error fails the run. */
export async function timeRequest(url: string, token: string, op: LookupOperation, vars: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: DOCUMENTS[op], variables: vars }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  const elapsed = performance.now() - started;
  if (!response.ok || body.errors || !body.data?.[op]) {
    throw new Error(`${op} answered HTTP ${response.status}: ${JSON.stringify(body).slice(0, 500)} for ${JSON.stringify(vars)}`);
  }
  return elapsed;
}
