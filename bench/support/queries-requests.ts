/**
 * The requests bench:queries times: the call centre's and the OPDs' screens
 * as GraphQL documents, with inputs drawn the way the screens vary them.
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { DAYS, DISTRICTS, type Category } from './lookup-fill';
import { variables as lookupVariables } from './lookup-requests';
import { OPEN_QUERY_STATES } from './queries-fill';

export const QUERY_NAMES = [
  'tickets first 20 + totalCount',
  'open emergencies',
  'district + week',
  'free text "banjir pura"',
  'open queue (due soonest)',
  'an OPD\'s queue',
  'ticket(number)',
  'slaBoard',
  'callerHistory',
  'duplicateCandidates',
  'slaCompliance month',
  'slaCompliance year',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

const NODE = 'edges { cursor node { id number state kind opdCode reportedAt nextDueAt } } pageInfo { hasNextPage endCursor }';
const LIST = `query L($filter: TicketFilterInput, $sort: TicketSort! = REPORTED_AT_DESC, $first: Int!) { tickets(filter: $filter, sort: $sort, first: $first) { ${NODE} } }`;
const LIST_COUNT = `query L($first: Int!) { tickets(first: $first) { totalCount totalCountExact ${NODE} } }`;
const BY_NUMBER = `query N($number: String) { ticket(number: $number) { id number state kind opdCode reportedAt nextDueAt version allowedCommands } }`;
// What the console's wall screen selects (its SlaBoardLive subscription), asked as a query.
const BOARD = `query B { slaBoard { asOf breached
  emergencies { ticketId number opdCode categoryCode priority state reportedAt worstPercentElapsed breached
    clocks { metric state targetMinutes dueAt percentElapsed stoppedAt } }
  entries { ticketId number kind opdCode metric state dueAt breachedAt targetMinutes percentElapsed } } }`;
const CALLER = `query H($phone: String!) { callerHistory(phone: $phone, limit: 20) { phone ticketCount flag { reason }
  history { ... on CallerTicket { number state kind opdCode categoryCode reportedAt } } } }`;
const DUPLICATES = `query D($draft: DuplicateDraftInput!) { duplicateCandidates(draft: $draft) { radiusMeters windowHours
  candidates { number state categoryCode distanceMeters score reasons } } }`;
const COMPLIANCE = `query C($input: SlaComplianceInput!) { slaCompliance(input: $input) { from to metrics { metric total met breached open medianMinutes p90Minutes compliancePercent } } }`;

export interface Request {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** The root field whose presence the check requires. */
  readonly field: string;
}

export interface RequestContext {
  readonly categories: readonly Category[];
  readonly opds: readonly string[];
  /** Tickets filled so far (numbers QRY-00000001 up to it). */
  readonly filled: number;
  readonly now: Date;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

export function request(name: QueryName, ctx: RequestContext): Request {
  switch (name) {
    case 'tickets first 20 + totalCount':
      return { query: LIST_COUNT, variables: { first: 20 }, field: 'tickets' };
    case 'open emergencies':
      return { query: LIST, variables: { first: 50, filter: { kinds: ['EMERGENCY'], states: OPEN_QUERY_STATES } }, field: 'tickets' };
    case 'district + week': {
      // Any week of the history, as an analyst would pick one.
      const from = new Date(ctx.now.getTime() - Math.floor(Math.random() * (DAYS - 7)) * 86_400_000 - 7 * 86_400_000);
      const to = new Date(from.getTime() + 7 * 86_400_000);
      return { query: LIST, variables: { first: 20, filter: { district: pick(DISTRICTS).code, reportedFrom: from.toISOString(), reportedTo: to.toISOString() } }, field: 'tickets' };
    }
    case 'free text "banjir pura"':
      return { query: LIST, variables: { first: 20, filter: { text: 'banjir pura' } }, field: 'tickets' };
    case 'open queue (due soonest)':
      return { query: LIST, variables: { first: 20, sort: 'DUE_SOONEST', filter: { open: true } }, field: 'tickets' };
    case 'an OPD\'s queue':
      return { query: LIST, variables: { first: 20, filter: { open: true, opdCode: pick(ctx.opds) } }, field: 'tickets' };
    case 'ticket(number)':
      return { query: BY_NUMBER, variables: { number: `QRY-${String(1 + Math.floor(Math.random() * ctx.filled)).padStart(8, '0')}` }, field: 'ticket' };
    case 'slaBoard':
      return { query: BOARD, variables: {}, field: 'slaBoard' };
    case 'callerHistory':
      return { query: CALLER, variables: lookupVariables('callerHistory', ctx.categories), field: 'callerHistory' };
    case 'duplicateCandidates':
      return { query: DUPLICATES, variables: lookupVariables('duplicateCandidates', ctx.categories), field: 'duplicateCandidates' };
    case 'slaCompliance month': {
      // Last calendar month, local days: the regent's monthly report.
      const start = DateTime.fromJSDate(ctx.now, { zone: 'Asia/Makassar' }).startOf('month').minus({ months: 1 });
      return { query: COMPLIANCE, variables: { input: { from: start.toISO(), to: start.plus({ months: 1 }).toISO() } }, field: 'slaCompliance' };
    }
    case 'slaCompliance year': {
      // The last twelve months up to this moment (the last day partial).
      const from = DateTime.fromJSDate(ctx.now, { zone: 'Asia/Makassar' }).startOf('day').minus({ years: 1 });
      return { query: COMPLIANCE, variables: { input: { from: from.toISO(), to: ctx.now.toISOString() } }, field: 'slaCompliance' };
    }
  }
}

/** Sends one request and returns its wall time; an HTTP error, a GraphQL error or a missing field fails the run. */
export async function timeRequest(url: string, token: string, req: Request): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: req.query, variables: req.variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  const elapsed = performance.now() - started;
  if (!response.ok || body.errors || body.data?.[req.field] === undefined) {
    throw new Error(`${req.field} answered HTTP ${response.status}: ${JSON.stringify(body).slice(0, 500)} for ${JSON.stringify(req.variables)}`);
  }
  return elapsed;
}
