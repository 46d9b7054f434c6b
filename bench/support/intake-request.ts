/**
 * The one request the benchmark sends: a call taker records a pothole
 * complaint. The SQL capture, the warm-up and the measured run all send
 * exactly these bytes, so the baseline replays the statements of this request.
 */

export const GRAPHQL_PATH = '/graphql';

/** Completed with an access token by authorizeBench (bench-auth.ts) before any request. */
export const INTAKE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
};

const MUTATION = `mutation BenchCreateTicket($input: CreateTicketInput!) {
  createTicket(input: $input) {
    __typename
    ... on TicketCreated { ticket { id number version } }
  }
}`;

export const INTAKE_INPUT = {
  kind: 'COMPLAINT',
  channel: 'PHONE',
  description: 'Jalan berlubang besar di depan balai banjar, membahayakan pengendara motor pada malam hari.',
  descriptionLanguage: 'id',
  reporter: { phone: '0812-3456-7890' },
  location: { district: 'KINTAMANI', address: 'Jl. Raya Kintamani km 12, Desa Batur' },
} as const;

export const INTAKE_BODY = JSON.stringify({
  operationName: 'BenchCreateTicket',
  query: MUTATION,
  variables: { input: INTAKE_INPUT },
});

export interface CreatedTicket {
  id: string;
  number: string;
  version: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Cheap check for every response body: the right result type and no GraphQL errors. */
export function looksCreated(body: string): boolean {
  return body.includes('"__typename":"TicketCreated"') && !body.includes('"errors"');
}

/** Full check of one response body; throws with the body when it is not a fresh TicketCreated. */
export function parseCreated(body: string): CreatedTicket {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Error(`createTicket answered with a body that is not JSON: ${clip(body)}`);
  }
  const root = parsed as { errors?: unknown; data?: { createTicket?: { __typename?: string; ticket?: Partial<CreatedTicket> } } };
  const result = root.data?.createTicket;
  const ticket = result?.ticket;
  if (
    root.errors !== undefined ||
    result?.__typename !== 'TicketCreated' ||
    typeof ticket?.id !== 'string' ||
    !UUID.test(ticket.id) ||
    typeof ticket.number !== 'string' ||
    ticket.version !== 1
  ) {
    throw new Error(`createTicket did not answer a new TicketCreated (version 1): ${clip(body)}`);
  }
  return { id: ticket.id, number: ticket.number, version: ticket.version };
}

export function clip(text: string, max = 600): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
