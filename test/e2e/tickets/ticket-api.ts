import { CALL_TAKER, GraphqlResponse, TestActor, TestApp } from '../../support/test-app';

// The ticket API as a client sees it: GraphQL documents, the shapes of the
// answers the tests read, and thin helpers that fail loudly (with the whole
// answer) when the server says something else than the test expected.

export type TicketState =
  | 'NEW' | 'TRIAGED' | 'DISPATCHED' | 'ACKNOWLEDGED' | 'EN_ROUTE' | 'ON_SITE' | 'RESOLVED'
  | 'CLOSED' | 'ANSWERED' | 'REJECTED' | 'DUPLICATE' | 'RETURNED' | 'ON_HOLD';
export type TicketCommand =
  | 'TRIAGE' | 'DISPATCH' | 'ACKNOWLEDGE' | 'DEPART' | 'ARRIVE' | 'RESOLVE' | 'CLOSE' | 'REOPEN'
  | 'REJECT' | 'MARK_DUPLICATE' | 'RETURN' | 'HOLD' | 'RESUME' | 'ANSWER' | 'ADD_NOTE' | 'ADD_ATTACHMENT' | 'REASSIGN';
export type TicketKind = 'INFORMATION' | 'COMPLAINT' | 'EMERGENCY';
export type TicketPriority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export type TicketChannel = 'PHONE' | 'SOCIAL_MEDIA' | 'WEB' | 'OPEN311' | 'WALK_IN' | 'OPD_SYSTEM';
export type SocialPlatform = 'FACEBOOK' | 'INSTAGRAM' | 'X' | 'TIKTOK' | 'YOUTUBE' | 'WHATSAPP' | 'OTHER';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Who acts. Roles are not enforced yet, but every event must record them. */
export const ACTORS = {
  callTaker: CALL_TAKER,
  supervisor: { userId: 'spv-made', role: 'SUPERVISOR' },
  damkarOfficer: { userId: 'opd-wayan', role: 'OPD_OFFICER', opdCode: 'SATPOLPP-DAMKAR' },
  damkarUnit: { userId: 'unit-damkar-1', role: 'FIELD_UNIT', opdCode: 'SATPOLPP-DAMKAR' },
  roadsOfficer: { userId: 'opd-nyoman', role: 'OPD_OFFICER', opdCode: 'PUPR-PERKIM' },
} satisfies Record<string, TestActor>;

/**
 * Categories and the OPDs they route to (config/opd-modules.ts). Kept in one
 * place because they are reference data owned by the OPD modules.
 */
export const CODES = {
  fireOpd: 'SATPOLPP-DAMKAR',
  /** Requires the PEOPLE_TRAPPED answer. */
  fireCategory: 'KEBAKARAN_BANGUNAN',
  roadsOpd: 'PUPR-PERKIM',
  /** A field-response category by default; no required answers. */
  roadCategory: 'JALAN_RUSAK',
  trafficOpd: 'DISHUB',
  parkingCategory: 'PARKIR_LIAR',
} as const;

// ---------------------------------------------------------------- answers

export interface TicketEventView {
  seq: number;
  type: string;
  fromState: TicketState | null;
  toState: TicketState;
  actorId: string;
  actorRole: string;
  actorOpd: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export interface TicketView {
  id: string;
  number: string;
  kind: TicketKind;
  priority: TicketPriority;
  state: TicketState;
  heldFrom: TicketState | null;
  fieldResponse: boolean;
  channel: TicketChannel;
  channelPlatform: SocialPlatform | null;
  channelAccount: string | null;
  reporter: { name: string | null; phone: string | null; nik: string | null; language: string | null };
  location: { district: string | null; village: string | null; latitude: number | null; longitude: number | null };
  categoryCode: string | null;
  opdCode: string | null;
  description: string;
  descriptionLanguage: string;
  assignedUnit: string | null;
  duplicateOfId: string | null;
  outcomeNote: string | null;
  reopenCount: number;
  reportedAt: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  version: number;
  allowedCommands: TicketCommand[];
  events: TicketEventView[];
  // Milestones: ISO 8601 from the app's clock, null until reached.
  triagedAt: string | null; dispatchedAt: string | null; acknowledgedAt: string | null; departedAt: string | null;
  onSiteAt: string | null; resolvedAt: string | null; closedAt: string | null; answeredAt: string | null; rejectedAt: string | null;
}

export interface AttributeAnswer {
  code: string;
  values: string[];
}

export type CommandResult =
  | { __typename: 'TicketChanged'; ticket: TicketView }
  | { __typename: 'IllegalTransition'; message: string; from: TicketState; command: TicketCommand; reason: string; allowed: TicketCommand[] }
  | { __typename: 'VersionConflict'; message: string; ticketId: string; currentVersion: number }
  | { __typename: 'TicketNotFound'; message: string; ref: string }
  | { __typename: 'InvalidTicketInput'; message: string; problems: string[] };

export type CreateResult =
  | { __typename: 'TicketCreated'; created: boolean; ticket: TicketView }
  | { __typename: 'InvalidTicketInput'; message: string; problems: string[] }
  | { __typename: 'IdempotencyKeyReused'; message: string; key: string };

export interface TicketConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; number: string; state: TicketState; reportedAt: string } }>;
}

export type GraphqlError = NonNullable<GraphqlResponse['body']['errors']>[number];

// ---------------------------------------------------------------- inputs

export interface ReportInput {
  kind: TicketKind;
  channel: TicketChannel;
  description: string;
  descriptionLanguage: string;
  priority?: TicketPriority;
  channelPlatform?: SocialPlatform;
  channelAccount?: string;
  reporter?: { name?: string; phone?: string; nik?: string; language?: string; email?: string; anonymous?: boolean; confidential?: boolean };
  location?: { district?: string; village?: string; address?: string; landmark?: string; latitude?: number; longitude?: number };
  categoryCode?: string;
  opdCode?: string;
  attributes?: AttributeAnswer[];
  translation?: string;
  translationLanguage?: string;
  tags?: string[];
  /** ISO 8601; the server defaults it to its clock's now. */
  reportedAt?: string;
}

interface Ref {
  ticketId: string;
  expectedVersion: number;
}

/** Each command mutation, its GraphQL input type and the fields it takes beside the ref. */
export interface CommandInputs {
  triageTicket: Ref & { kind: TicketKind; categoryCode: string; opdCode?: string; attributes?: AttributeAnswer[]; priority?: TicketPriority; fieldResponse?: boolean; district?: string };
  dispatchTicket: Ref & { assignedUnit?: string; note?: string };
  acknowledgeTicket: Ref & { note?: string };
  departTicket: Ref & { unit?: string };
  arriveOnSite: Ref & { latitude?: number; longitude?: number; photoUrl?: string };
  resolveTicket: Ref & { note: string };
  closeTicket: Ref & { note?: string };
  reopenTicket: Ref & { reason: string };
  rejectTicket: Ref & { reason: string };
  markDuplicate: Ref & { duplicateOfId: string };
  returnTicket: Ref & { reason: string };
  holdTicket: Ref & { reason: string };
  resumeTicket: Ref & { note?: string };
  answerTicket: Ref & { answer: string };
  addNote: Ref & { text: string; visibility?: 'INTERNAL' | 'PUBLIC' };
  reassignTicket: Ref & { assignedUnit?: string; assignedOfficer?: string; note?: string };
}
export type CommandMutation = keyof CommandInputs;

const INPUT_TYPE: Record<CommandMutation, string> = {
  triageTicket: 'TriageTicketInput', dispatchTicket: 'DispatchTicketInput', acknowledgeTicket: 'OptionalNoteInput',
  departTicket: 'DepartTicketInput', arriveOnSite: 'ArriveOnSiteInput', resolveTicket: 'RequiredNoteInput',
  closeTicket: 'OptionalNoteInput', reopenTicket: 'ReasonInput', rejectTicket: 'ReasonInput',
  markDuplicate: 'MarkDuplicateInput', returnTicket: 'ReasonInput', holdTicket: 'ReasonInput',
  resumeTicket: 'OptionalNoteInput', answerTicket: 'AnswerTicketInput', addNote: 'AddNoteInput',
  reassignTicket: 'ReassignTicketInput',
};
export const COMMAND_MUTATIONS = Object.keys(INPUT_TYPE) as CommandMutation[];

// ---------------------------------------------------------------- documents

const TICKET_FIELDS = /* GraphQL */ `
  fragment TicketFields on Ticket {
    id number kind priority state heldFrom fieldResponse channel channelPlatform channelAccount
    reporter { name phone nik language }
    location { district village latitude longitude }
    categoryCode opdCode description descriptionLanguage assignedUnit duplicateOfId outcomeNote reopenCount
    reportedAt createdAt updatedAt createdBy
    triagedAt dispatchedAt acknowledgedAt departedAt onSiteAt resolvedAt closedAt answeredAt rejectedAt
    version allowedCommands
    events { seq type fromState toState actorId actorRole actorOpd occurredAt payload }
  }
`;

const COMMAND_RESULT = /* GraphQL */ `
  fragment CommandResultFields on TicketCommandResult {
    __typename
    ... on TicketChanged { ticket { ...TicketFields } }
    ... on IllegalTransition { message from command reason allowed }
    ... on VersionConflict { message ticketId currentVersion }
    ... on TicketNotFound { message ref }
    ... on InvalidTicketInput { message problems }
  }
`;

const CREATE_RESULT = /* GraphQL */ `
  fragment CreateResultFields on CreateTicketResult {
    __typename
    ... on TicketCreated { created ticket { ...TicketFields } }
    ... on InvalidTicketInput { message problems }
    ... on IdempotencyKeyReused { message key }
  }
`;

export function commandDocument(mutation: CommandMutation): string {
  return `mutation Run($input: ${INPUT_TYPE[mutation]}!) { result: ${mutation}(input: $input) { ...CommandResultFields } }
    ${COMMAND_RESULT} ${TICKET_FIELDS}`;
}

export const CREATE_TICKET = `mutation Create($input: CreateTicketInput!, $key: String) {
    result: createTicket(input: $input, idempotencyKey: $key) { ...CreateResultFields } } ${CREATE_RESULT} ${TICKET_FIELDS}`;

export const RECORD_INFORMATION_REQUEST = `mutation Record($input: RecordInformationRequestInput!, $key: String) {
    result: recordInformationRequest(input: $input, idempotencyKey: $key) { ...CreateResultFields } } ${CREATE_RESULT} ${TICKET_FIELDS}`;

export const TICKET_BY_ID = `query One($id: ID) { ticket(id: $id) { ...TicketFields } } ${TICKET_FIELDS}`;
export const TICKET_BY_NUMBER = `query One($number: String) { ticket(number: $number) { ...TicketFields } } ${TICKET_FIELDS}`;

export const LIST_TICKETS = `query List($filter: TicketFilterInput, $sort: TicketSort! = REPORTED_AT_DESC, $first: Int! = 20, $after: String) {
    tickets(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id number state reportedAt } }
    }
  }`;

// ---------------------------------------------------------------- helpers

/** Narrows a typed result, failing with the whole answer so a wrong branch is easy to read. */
export function expectResult<R extends { __typename: string }, N extends R['__typename']>(
  result: R,
  typename: N,
): Extract<R, { __typename: N }> {
  if (result.__typename !== typename) {
    throw new Error(`expected ${typename}, got ${JSON.stringify(result, null, 2)}`);
  }
  return result as Extract<R, { __typename: N }>;
}

/** A request the API refuses outright: one error with this code, no data, no stack trace. */
export function expectGraphqlError(res: GraphqlResponse<unknown>, code: string): GraphqlError {
  const errors = res.body.errors ?? [];
  expect(errors.map((e) => e.extensions?.code)).toEqual([code]);
  // A refused nullable field answers { field: null }, a non-null one nulls the whole data.
  const data = res.body.data ?? null;
  expect(data === null || Object.values(data).every((v) => v === null)).toBe(true);
  expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|exception|at .*\.[jt]s:\d+/i);
  return errors[0];
}

export function ref(ticket: Pick<TicketView, 'id' | 'version'>): Ref {
  return { ticketId: ticket.id, expectedVersion: ticket.version };
}

export class TicketApi {
  constructor(private readonly t: TestApp) {}

  /** The clock's time, as the API prints it. */
  now(): string {
    return this.t.clock.now().toISOString();
  }

  /** Moves the manual clock and returns the new time as the API prints it. */
  advance(ms: number): string {
    return this.t.clock.advance(ms).toISOString();
  }

  async create(input: ReportInput, options: { key?: string; actor?: TestActor } = {}): Promise<CreateResult> {
    return this.data(await this.t.gql<{ result: CreateResult }>(CREATE_TICKET, { input, key: options.key }, options.actor)).result;
  }

  async createTicket(input: ReportInput, actor?: TestActor): Promise<TicketView> {
    const result = expectResult(await this.create(input, { actor }), 'TicketCreated');
    expect(result.created).toBe(true);
    return result.ticket;
  }

  async recordInformationRequest(input: ReportInput & { answer: string }, options: { key?: string; actor?: TestActor } = {}): Promise<CreateResult> {
    const res = await this.t.gql<{ result: CreateResult }>(RECORD_INFORMATION_REQUEST, { input, key: options.key }, options.actor);
    return this.data(res).result;
  }

  /** The raw HTTP answer of a command, for tests of errors outside the typed results. */
  raw<M extends CommandMutation>(mutation: M, input: CommandInputs[M] | Record<string, unknown>, actor?: TestActor | null): Promise<GraphqlResponse<{ result: CommandResult }>> {
    return this.t.gql<{ result: CommandResult }>(commandDocument(mutation), { input }, actor);
  }

  async command<M extends CommandMutation>(mutation: M, input: CommandInputs[M], actor?: TestActor): Promise<CommandResult> {
    return this.data(await this.raw(mutation, input, actor)).result;
  }

  /** Runs a command that must be applied and returns the changed ticket. */
  async change<M extends CommandMutation>(mutation: M, input: CommandInputs[M], actor?: TestActor): Promise<TicketView> {
    return expectResult(await this.command(mutation, input, actor), 'TicketChanged').ticket;
  }

  async ticket(id: string): Promise<TicketView | null> {
    return this.data(await this.t.gql<{ ticket: TicketView | null }>(TICKET_BY_ID, { id })).ticket;
  }

  async ticketByNumber(number: string): Promise<TicketView | null> {
    return this.data(await this.t.gql<{ ticket: TicketView | null }>(TICKET_BY_NUMBER, { number })).ticket;
  }

  listRaw(variables: { filter?: Record<string, unknown>; sort?: string; first?: number; after?: string }): Promise<GraphqlResponse<{ tickets: TicketConnection }>> {
    return this.t.gql<{ tickets: TicketConnection }>(LIST_TICKETS, variables);
  }

  async list(variables: { filter?: Record<string, unknown>; sort?: string; first?: number; after?: string }): Promise<TicketConnection> {
    return this.data(await this.listRaw(variables)).tickets;
  }

  /** The data of an answer that must not carry errors (they are printed when it does). */
  private data<T>(res: GraphqlResponse<T>): T {
    if (res.body.errors?.length || !res.body.data) {
      throw new Error(`GraphQL answered HTTP ${res.status} with errors: ${JSON.stringify(res.body.errors, null, 2)}`);
    }
    return res.body.data;
  }
}
