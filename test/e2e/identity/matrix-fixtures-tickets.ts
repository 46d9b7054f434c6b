import { accessFor, type Operation } from '../../../src/core/identity/domain/permissions';
import type { GraphqlResponse } from '../../support/test-app';
import { expectGraphqlError } from '../tickets/ticket-api';
import type { Fixture } from './matrix-cases';
import { CATEGORY, data, ESCALATIONS, FOREIGN_OPD, Made, opdOf, OWN_OPD, PREP, PrepState, Side, uniqueWord, World } from './matrix-world';

// Fixtures of the ticket operations, escalations and the compliance report:
// each acts on a ticket (or escalation) of the case's target OPD.

const sideOf = (target: string): Side => (target === 'foreign' ? 'foreign' : 'own');

const RESULT = `__typename
  ... on TicketChanged { ticket { id state version opdCode } }
  ... on TicketNotFound { ref message }
  ... on VersionConflict { currentVersion ticketId }
  ... on IllegalTransition { message reason }
  ... on InvalidTicketInput { problems }`;

type CommandOp =
  | 'triageTicket' | 'dispatchTicket' | 'acknowledgeTicket' | 'departTicket' | 'arriveOnSite' | 'resolveTicket' | 'closeTicket' | 'reopenTicket'
  | 'rejectTicket' | 'markDuplicate' | 'returnTicket' | 'holdTicket' | 'resumeTicket' | 'answerTicket' | 'addNote' | 'reassignTicket';

const INPUT_TYPE: Record<CommandOp, string> = {
  triageTicket: 'TriageTicketInput', dispatchTicket: 'DispatchTicketInput', acknowledgeTicket: 'OptionalNoteInput', departTicket: 'DepartTicketInput',
  arriveOnSite: 'ArriveOnSiteInput', resolveTicket: 'RequiredNoteInput', closeTicket: 'OptionalNoteInput', reopenTicket: 'ReasonInput',
  rejectTicket: 'ReasonInput', markDuplicate: 'MarkDuplicateInput', returnTicket: 'ReasonInput', holdTicket: 'ReasonInput',
  resumeTicket: 'OptionalNoteInput', answerTicket: 'AnswerTicketInput', addNote: 'AddNoteInput', reassignTicket: 'ReassignTicketInput',
};

export const commandDocument = (op: CommandOp): string => `mutation M($input: ${INPUT_TYPE[op]}!) { result: ${op}(input: $input) { ${RESULT} } }`;

/** A foreign ticket must answer exactly like an unknown id: TicketNotFound naming only the id sent. */
export function expectTicketNotFound(res: GraphqlResponse<any>, ticket: Made): void {
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.result).toEqual({ __typename: 'TicketNotFound', ref: ticket.id, message: expect.any(String) });
  const text = JSON.stringify(res.body);
  expect(text).not.toContain(ticket.number);
  expect(text).not.toContain(FOREIGN_OPD);
}

/** A lifecycle command on a ticket in `from`, expected to move it to `to`. */
function command(op: CommandOp, from: PrepState, to: string, extra: (w: World, side: Side) => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({})): Fixture {
  return {
    op: `Mutation.${op}` as Operation,
    scoped: true,
    async prepare(w, c) {
      const side = sideOf(c.target);
      // Cases that may change the ticket get a fresh one; refused ones share one.
      const fresh = c.outcome === 'allowed' || c.outcome === 'hidden';
      const ticket = fresh ? await w.tickets.make(side, from) : await w.tickets.sharedTicket(side, from);
      const before = await w.tickets.current(ticket.id);
      return {
        query: commandDocument(op),
        variables: { input: { ticketId: ticket.id, expectedVersion: before.version, ...(await extra(w, side)) } },
        allowed: (d) => expect(d.result).toMatchObject({ __typename: 'TicketChanged', ticket: { id: ticket.id, state: to, opdCode: ticket.opdCode } }),
        hidden: (res) => expectTicketNotFound(res, ticket),
        async after(outcome) {
          if (outcome !== 'allowed') expect(await w.tickets.current(ticket.id)).toEqual(before);
        },
      };
    },
  };
}

const TICKET_BY_ID = `query T($id: ID) { ticket(id: $id) { id number opdCode state } }`;
const TICKET_BY_NUMBER = `query T($number: String) { ticket(number: $number) { id number opdCode state } }`;
const TICKETS = `query L($filter: TicketFilterInput, $first: Int! = 20) { tickets(filter: $filter, first: $first) { totalCount edges { node { id number opdCode } } } }`;
const ACK_ESCALATION = `mutation A($id: ID!) { acknowledgeEscalation(id: $id) { id opdCode acknowledgedAt acknowledgedBy } }`;
const COMPLIANCE = `query C($input: SlaComplianceInput!) { slaCompliance(input: $input) { opdCode categoryCode metrics { metric total met breached open } } }`;
const PERIOD = { from: '2026-11-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

export { TICKET_BY_ID, TICKET_BY_NUMBER, TICKETS };

async function escalationOf(w: World, side: Side, id: string): Promise<{ acknowledgedAt: string | null }> {
  const rows = data(await w.t.gql<{ escalations: Array<{ id: string; acknowledgedAt: string | null }> }>(ESCALATIONS, {
    filter: { ticketId: w.escalations[side].ticketId, first: 100 },
  }, PREP.supervisor)).escalations;
  return rows.find((r) => r.id === id)!;
}

export const TICKET_FIXTURES: Fixture[] = [
  {
    op: 'Query.ticket',
    scoped: true,
    async prepare(w, c) {
      const ticket = await w.tickets.sharedTicket(sideOf(c.target), 'DISPATCHED');
      return {
        query: TICKET_BY_ID,
        variables: { id: ticket.id },
        allowed: (d) => expect(d.ticket).toMatchObject({ id: ticket.id, number: ticket.number, opdCode: ticket.opdCode }),
        async hidden(res, actor) {
          expect(res.body).toEqual({ data: { ticket: null } });
          // By number, in any spelling the server normalizes, it does not exist either.
          for (const number of [ticket.number, ticket.number.toLowerCase(), `  ${ticket.number} `]) {
            expect((await w.t.gql(TICKET_BY_NUMBER, { number }, actor)).body).toEqual({ data: { ticket: null } });
          }
        },
      };
    },
  },
  {
    op: 'Query.tickets',
    scoped: true,
    async prepare(w, c) {
      const side = sideOf(c.target);
      const ticket = await w.tickets.sharedTicket(side, 'DISPATCHED');
      return {
        query: TICKETS,
        variables: { filter: { opdCode: opdOf(side), text: ticket.word } },
        allowed(d) {
          expect(d.tickets.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ticket.id]);
          expect(d.tickets.totalCount).toBe(1);
        },
        async hidden(res, actor) {
          expect(res.body).toEqual({ data: { tickets: { totalCount: 0, edges: [] } } });
          const probes = [{ text: ticket.word }, { text: ticket.number }, { opdCode: FOREIGN_OPD, states: ['DISPATCHED'] }, { categoryCode: CATEGORY.foreign }, {}];
          for (const filter of probes) {
            const list = data(await w.t.gql<{ tickets: { edges: Array<{ node: { id: string; opdCode: string } }> } }>(TICKETS, { filter, first: 100 }, actor)).tickets;
            expect(list.edges.map((e) => e.node.id)).not.toContain(ticket.id);
            expect(list.edges.filter((e) => e.node.opdCode !== OWN_OPD)).toEqual([]);
          }
        },
      };
    },
  },
  ...(['createTicket', 'recordInformationRequest'] as const).map((op): Fixture => ({
    op: `Mutation.${op}`,
    scoped: true,
    async prepare(_w, c) {
      const side = sideOf(c.target);
      const info = op === 'recordInformationRequest';
      const input = {
        kind: info ? 'INFORMATION' : 'COMPLAINT', channel: 'PHONE', description: `Laporan ${uniqueWord()}`, descriptionLanguage: 'id',
        categoryCode: CATEGORY[side], ...(info && { answer: 'Silakan datang ke kantor' }),
      };
      const type = info ? 'RecordInformationRequestInput' : 'CreateTicketInput';
      return {
        query: `mutation C($input: ${type}!) { result: ${op}(input: $input) { __typename ... on TicketCreated { created ticket { id state opdCode } } ... on InvalidTicketInput { problems } } }`,
        variables: { input },
        allowed: (d) => expect(d.result).toMatchObject({ __typename: 'TicketCreated', created: true, ticket: { state: info ? 'ANSWERED' : 'NEW', opdCode: opdOf(side) } }),
      };
    },
  })),
  command('triageTicket', 'NEW', 'TRIAGED', (_w, side) => ({ kind: 'COMPLAINT', categoryCode: CATEGORY[side] })),
  command('dispatchTicket', 'TRIAGED', 'DISPATCHED', () => ({ assignedUnit: 'Regu 1' })),
  command('answerTicket', 'INFO', 'ANSWERED', () => ({ answer: 'Jam layanan 08.00-16.00' })),
  command('rejectTicket', 'NEW', 'REJECTED', () => ({ reason: 'Laporan iseng' })),
  command('markDuplicate', 'NEW', 'DUPLICATE', async (w, side) => ({ duplicateOfId: (await w.tickets.sharedTicket(side, 'EN_ROUTE')).id })),
  command('closeTicket', 'RESOLVED', 'CLOSED', () => ({ note: 'Selesai' })),
  command('reopenTicket', 'RESOLVED', 'DISPATCHED', () => ({ reason: 'Warga melapor belum beres' })),
  command('acknowledgeTicket', 'DISPATCHED', 'ACKNOWLEDGED', () => ({ note: 'Diterima' })),
  command('returnTicket', 'DISPATCHED', 'RETURNED', () => ({ reason: 'Bukan kewenangan kami' })),
  command('reassignTicket', 'DISPATCHED', 'DISPATCHED', () => ({ assignedUnit: 'Regu 3', note: 'Diserahkan' })),
  command('departTicket', 'ACKNOWLEDGED', 'EN_ROUTE', () => ({ unit: 'Regu 2' })),
  command('arriveOnSite', 'EN_ROUTE', 'ON_SITE', () => ({ latitude: -8.45, longitude: 115.35 })),
  command('resolveTicket', 'ON_SITE', 'RESOLVED', () => ({ note: 'Jalan sudah ditambal' })),
  command('holdTicket', 'DISPATCHED', 'ON_HOLD', () => ({ reason: 'Menunggu pelapor' })),
  command('resumeTicket', 'ON_HOLD', 'DISPATCHED', () => ({ note: 'Pelapor sudah dihubungi' })),
  command('addNote', 'DISPATCHED', 'DISPATCHED', () => ({ text: 'Catatan internal', visibility: 'INTERNAL' })),
  {
    op: 'Query.escalations',
    scoped: true,
    async prepare(w, c) {
      const side = sideOf(c.target);
      return {
        query: ESCALATIONS,
        variables: { filter: { opdCode: opdOf(side), first: 500 } },
        allowed(d) {
          expect(d.escalations.length).toBeGreaterThan(0);
          expect(d.escalations.filter((e: { opdCode: string }) => e.opdCode !== opdOf(side))).toEqual([]);
        },
        async hidden(res, actor) {
          expect(res.body).toEqual({ data: { escalations: [] } });
          const foreign = w.escalations.foreign;
          for (const filter of [{ ticketId: foreign.ticketId }, { opdCode: FOREIGN_OPD, acknowledged: false }, { first: 500 }, { breach: true, first: 500 }]) {
            const rows = data(await w.t.gql<{ escalations: Array<{ opdCode: string; ticketId: string }> }>(ESCALATIONS, { filter }, actor)).escalations;
            expect(rows.filter((r) => r.opdCode !== OWN_OPD || r.ticketId === foreign.ticketId)).toEqual([]);
          }
          // Own rows are there: the scope filters, it does not blank out.
          expect(data(await w.t.gql<{ escalations: unknown[] }>(ESCALATIONS, { filter: { first: 500 } }, actor)).escalations.length).toBeGreaterThan(0);
        },
      };
    },
  },
  {
    op: 'Mutation.acknowledgeEscalation',
    scoped: true,
    async prepare(w, c) {
      const side = sideOf(c.target);
      const id = c.outcome === 'allowed' ? w.escalations[side].forAck : w.escalations[side].pristine;
      return {
        query: ACK_ESCALATION,
        variables: { id },
        allowed(d) {
          expect(d.acknowledgeEscalation).toMatchObject({ id, opdCode: opdOf(side) });
          expect(d.acknowledgeEscalation.acknowledgedAt).toEqual(expect.any(String));
        },
        hidden: (res) => {
          expect(expectGraphqlError(res, 'ESCALATION_NOT_FOUND').message).not.toContain(FOREIGN_OPD);
        },
        async after(outcome) {
          if (outcome !== 'allowed') expect(await escalationOf(w, side, id)).toMatchObject({ acknowledgedAt: null });
        },
      };
    },
  },
  {
    op: 'Query.slaCompliance',
    scoped: true,
    async prepare(w, c) {
      const side = sideOf(c.target);
      return {
        query: COMPLIANCE,
        variables: { input: { ...PERIOD, opdCode: opdOf(side) } },
        allowed: (d) => {
          expect(d.slaCompliance.opdCode).toBe(opdOf(side));
          expect(d.slaCompliance.metrics.length).toBeGreaterThan(0);
        },
        async hidden(res, actor) {
          expectGraphqlError(res, 'FORBIDDEN');
          // Without an OPD it reports on the own OPD; a foreign category within it counts nothing.
          const own = data(await w.t.gql<{ slaCompliance: { opdCode: string } }>(COMPLIANCE, { input: PERIOD }, actor)).slaCompliance;
          expect(own.opdCode).toBe(OWN_OPD);
          const foreignCategory = data(await w.t.gql<{ slaCompliance: { opdCode: string; metrics: Array<{ total: number }> } }>(COMPLIANCE, {
            input: { ...PERIOD, categoryCode: CATEGORY.foreign },
          }, actor)).slaCompliance;
          expect(foreignCategory.opdCode).toBe(OWN_OPD);
          expect(foreignCategory.metrics.filter((m) => m.total !== 0)).toEqual([]);
        },
      };
    },
  },
  {
    op: 'Query.slaBoard',
    scoped: false,
    async prepare(_w, c) {
      const ownOnly = c.role !== null && accessFor('Query.slaBoard', c.role) === 'OWN_OPD';
      return {
        query: '{ slaBoard { asOf breached entries { ticketId opdCode kind dueAt } } }',
        allowed: (d: { slaBoard: { entries: Array<{ opdCode: string | null }> } }) => {
          expect(Array.isArray(d.slaBoard.entries)).toBe(true);
          // An OPD's board holds its own clocks only.
          if (ownOnly) expect(d.slaBoard.entries.filter((e) => e.opdCode !== OWN_OPD)).toEqual([]);
        },
      };
    },
  },
];
