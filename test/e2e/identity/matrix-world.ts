import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { SlaSweeper } from '../../../src/core/sla/sweeper/sla-sweeper';
import { GraphqlResponse, TestActor, TestApp } from '../../support/test-app';
import { DAY, ref, TicketApi, TicketView } from '../tickets/ticket-api';

// The data the authorization matrix acts on: tickets, escalations and admin
// objects in an "own" OPD (the OPD-bound actors') and a "foreign" one,
// prepared by a supervisor and an admin through the API.

export type Side = 'own' | 'foreign';
export const OWN_OPD = 'PUPR-PERKIM';
export const FOREIGN_OPD = 'DISHUB';
export const CATEGORY: Record<Side, string> = { own: 'JALAN_RUSAK', foreign: 'PARKIR_LIAR' };
export const opdOf = (side: Side): string => (side === 'own' ? OWN_OPD : FOREIGN_OPD);

/** Who prepares data; never one of the matrix's actors, so their sessions stay untouched. */
export const PREP = {
  supervisor: { userId: 'mx-prep-spv', role: 'SUPERVISOR' },
  callTaker: { userId: 'mx-prep-ct', role: 'CALL_TAKER' },
  admin: { userId: 'mx-prep-admin', role: 'ADMIN' },
  auditor: { userId: 'mx-prep-auditor', role: 'AUDITOR' },
} satisfies Record<string, TestActor>;

/** A word no other ticket contains, to find one ticket by text. */
export function uniqueWord(prefix = 'mx'): string {
  const letters = [...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${prefix}${letters}`;
}

/** The data of an answer without errors; throws with the whole answer otherwise. */
export function data<T = Record<string, any>>(res: GraphqlResponse<T>): T {
  if (res.body.errors?.length || !res.body.data) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body.errors ?? res.body, null, 2)}`);
  return res.body.data;
}

export function errorCodes(res: GraphqlResponse<unknown>): unknown[] {
  return (res.body.errors ?? []).map((e) => e.extensions?.code);
}

/** POST /graphql with exactly the given credential header (or none). */
export async function rawGql(t: TestApp, query: string, variables: Record<string, unknown> | undefined, header: [string, string] | null): Promise<GraphqlResponse<any>> {
  let req = t.http().post('/graphql').set('content-type', 'application/json');
  if (header) req = req.set(header[0], header[1]);
  const res: Response = await req.send({ query, variables });
  return { status: res.status, body: res.body };
}

export type PrepState = 'NEW' | 'INFO' | 'TRIAGED' | 'DISPATCHED' | 'ACKNOWLEDGED' | 'EN_ROUTE' | 'ON_SITE' | 'RESOLVED' | 'ON_HOLD';
export interface Made extends TicketView {
  side: Side;
  word: string;
}
export interface ReporterDraft {
  name?: string; phone?: string; email?: string; nik?: string; anonymous?: boolean; confidential?: boolean;
}

const PATH: Record<Exclude<PrepState, 'NEW' | 'INFO'>, PrepState> = {
  TRIAGED: 'NEW', DISPATCHED: 'TRIAGED', ACKNOWLEDGED: 'DISPATCHED', EN_ROUTE: 'ACKNOWLEDGED', ON_SITE: 'EN_ROUTE', RESOLVED: 'ON_SITE', ON_HOLD: 'DISPATCHED',
};

/** Tickets in a given state in the own or the foreign OPD, made by a supervisor. */
export class TicketFactory {
  private readonly shared = new Map<string, Promise<Made>>();

  constructor(readonly t: TestApp, readonly api: TicketApi) {}

  /** A fresh ticket (for a case that changes it). */
  async make(side: Side, state: PrepState, options: { reporter?: ReporterDraft; word?: string } = {}): Promise<Made> {
    const spv = PREP.supervisor;
    if (state === 'NEW' || state === 'INFO') {
      const word = options.word ?? uniqueWord();
      const created = await this.api.createTicket({
        kind: state === 'INFO' ? 'INFORMATION' : 'COMPLAINT', channel: 'PHONE', descriptionLanguage: 'id',
        description: `Laporan ${word} dari warga`, categoryCode: CATEGORY[side], reporter: options.reporter,
      }, spv);
      return { ...created, side, word };
    }
    const before = await this.make(side, PATH[state], options);
    const next = async (): Promise<TicketView> => {
      switch (state) {
        case 'TRIAGED': return this.api.change('triageTicket', { ...ref(before), kind: 'COMPLAINT', categoryCode: CATEGORY[side] }, spv);
        case 'DISPATCHED': return this.api.change('dispatchTicket', ref(before), spv);
        case 'ACKNOWLEDGED': return this.api.change('acknowledgeTicket', ref(before), spv);
        case 'EN_ROUTE': return this.api.change('departTicket', { ...ref(before), unit: 'Regu 1' }, spv);
        case 'ON_SITE': return this.api.change('arriveOnSite', ref(before), spv);
        case 'RESOLVED': return this.api.change('resolveTicket', { ...ref(before), note: 'Sudah ditangani' }, spv);
        case 'ON_HOLD': return this.api.change('holdTicket', { ...ref(before), reason: 'Menunggu pelapor' }, spv);
      }
    };
    return { ...(await next()), side, word: before.word };
  }

  /** One ticket per side and state, for cases that must not change it (refused ones). */
  sharedTicket(side: Side, state: PrepState): Promise<Made> {
    const key = `${side}:${state}`;
    if (!this.shared.has(key)) this.shared.set(key, this.make(side, state));
    return this.shared.get(key)!;
  }

  /** The ticket's version and state as a supervisor sees them now. */
  async current(id: string): Promise<{ version: number; state: string; updatedAt: string }> {
    const res = await this.t.gql<{ ticket: { version: number; state: string; updatedAt: string } }>(
      'query V($id: ID) { ticket(id: $id) { version state updatedAt } }', { id }, PREP.supervisor,
    );
    return data(res).ticket;
  }
}

export interface EscalationPool {
  ticketId: string;
  ticketNumber: string;
  /** Acknowledged by whoever may (idempotent). */
  forAck: string;
  /** Never acknowledged by anyone allowed: refused and hidden cases target it. */
  pristine: string;
}

export interface World {
  t: TestApp;
  api: TicketApi;
  tickets: TicketFactory;
  escalations: Record<Side, EscalationPool>;
  /** A staff account with a known password, for login and refreshSession. */
  login: { username: string; password: string };
  /** A staff account the admin cases update and reset. */
  staffTargetId: string;
  /** A key the refused revokeApiKey cases target. */
  spareApiKeyId: string;
  policies: { change: string; deactivate: string };
  calendar: string;
  reevaluateTicketId: string;
  categories: { rename: string; toggle: string };
  /** An OPD that is neither own nor foreign, for admin-made policies. */
  thirdOpd: string;
}

const ESCALATIONS = `query E($filter: EscalationFilterInput) { escalations(filter: $filter) { id opdCode ticketId ticketNumber acknowledgedAt } }`;

/** Builds everything the matrix needs; the clock moves once, 10 days ahead, so escalations exist. */
export async function buildWorld(t: TestApp): Promise<World> {
  const api = new TicketApi(t);
  const tickets = new TicketFactory(t, api);
  const { admin, supervisor } = PREP;

  // Escalations: one dispatched ticket per OPD, left to breach, then one sweep.
  const escalated = { own: await tickets.make('own', 'DISPATCHED'), foreign: await tickets.make('foreign', 'DISPATCHED') };
  t.clock.advance(10 * DAY);
  await t.app.get(SlaSweeper).sweepOnce(t.clock.now());
  const pool = async (side: Side): Promise<EscalationPool> => {
    const rows = data(await t.gql<{ escalations: Array<{ id: string; opdCode: string }> }>(ESCALATIONS, { filter: { ticketId: escalated[side].id, opdCode: opdOf(side), first: 100 } }, supervisor)).escalations;
    if (rows.length < 2) throw new Error(`expected at least two escalations of ${opdOf(side)}, got ${JSON.stringify(rows)}`);
    return { ticketId: escalated[side].id, ticketNumber: escalated[side].number, forAck: rows[0].id, pristine: rows[1].id };
  };
  const escalations = { own: await pool('own'), foreign: await pool('foreign') };

  const adminData = async <T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> => data(await t.gql<T>(query, variables, admin));
  const CREATE_USER = `mutation U($input: CreateStaffUserInput!) { createStaffUser(input: $input) { temporaryPassword user { id username } } }`;
  const loginUser = (await adminData(CREATE_USER, { input: { username: 'mx-login-user', displayName: 'Login', role: 'CALL_TAKER', languages: ['id'] } })).createStaffUser;
  const target = (await adminData(CREATE_USER, { input: { username: 'mx-staff-target', displayName: 'Target', role: 'CALL_TAKER', languages: ['id'] } })).createStaffUser;
  const key = (await adminData(`mutation K($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`, {
    input: { name: 'mx spare', opdCode: OWN_OPD, permissions: ['Query.tickets'] },
  })).createApiKey;

  const opds = (await adminData<{ opds: Array<{ code: string }> }>('{ opds { code } }')).opds.map((o) => o.code);
  const thirdOpd = opds.find((c) => c !== OWN_OPD && c !== FOREIGN_OPD)!;
  const categories = (await adminData<{ categories: Array<{ code: string; opdCode: string }> }>(`{ categories(includeInactive: true) { code opdCode } }`)).categories;
  const spare = categories.filter((c) => c.opdCode === thirdOpd).map((c) => c.code);
  if (spare.length < 2) throw new Error(`${thirdOpd} has fewer than two categories`);

  const POLICY = `mutation P($input: CreateSlaPolicyInput!) { createSlaPolicy(input: $input) { id } }`;
  // One policy per scope: these two, and the one the createSlaPolicy case adds (EMERGENCY, LOW).
  const policy = async (name: string, priority: string): Promise<string> => (await adminData(POLICY, {
    input: { name, opdCode: thirdOpd, kind: 'COMPLAINT', priority, metrics: [{ metric: 'RESOLVE', calendar: '24x7', targetMinutes: 9000 }] },
  })).createSlaPolicy.id;
  const policies = { change: await policy('mx change', 'LOW'), deactivate: await policy('mx deactivate', 'HIGH') };
  await adminData(`mutation C($input: CreateCalendarInput!) { createCalendar(input: $input) { code } }`, {
    input: { code: 'MX-CAL', name: 'Matrix calendar', nationalHolidays: false, hours: [{ effectiveFrom: '2026-01-01', weekly: [{ weekday: 1, open: '08:00', close: '16:00' }] }] },
  });
  const reevaluate = await tickets.make('own', 'DISPATCHED');

  return {
    t, api, tickets, escalations,
    login: { username: loginUser.user.username, password: loginUser.temporaryPassword },
    staffTargetId: target.user.id,
    spareApiKeyId: key.apiKey.id,
    policies,
    calendar: 'MX-CAL',
    reevaluateTicketId: reevaluate.id,
    categories: { rename: spare[0], toggle: spare[1] },
    thirdOpd,
  };
}

export { ESCALATIONS };
