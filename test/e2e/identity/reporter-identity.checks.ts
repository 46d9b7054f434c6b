import { ActorRole } from '../../../src/core/actor';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { accessFor, GRANTED_ROLES, GrantedRole, IDENTITY_OF_ANONYMOUS, Operation } from '../../../src/core/identity/domain/permissions';
import type { TestActor } from '../../support/test-app';
import { expectGraphqlError } from '../tickets/ticket-api';
import { actorFor } from './matrix-cases';
import { CATEGORY, data, errorCodes, Made, PREP, rawGql, Side, uniqueWord, World } from './matrix-world';

// Ticket.reporter: name, phone, e-mail and NIK only where the permission table
// grants the field (own OPD for OPD roles), anonymous reports only for the
// call centre; the public status never shows a reporter; every identity read
// is logged, withheld ones are not.

const IDENTITY = { name: 'Ni Luh Pelapor', phone: '+6281234567890', email: 'pelapor@example.id', nik: '5106011234567890' };
const REPORTER = 'reporter { name phone email nik identityVisible anonymous confidential }';
const BY_ID = `query R($id: ID) { ticket(id: $id) { id ${REPORTER} } }`;
const BY_NUMBER = `query R($number: String) { ticket(number: $number) { id ${REPORTER} } }`;
const LIST = `query L($filter: TicketFilterInput) { tickets(filter: $filter, first: 50) { edges { node { id ${REPORTER} } } } }`;
const ADD_NOTE = `mutation N($input: AddNoteInput!) { result: addNote(input: $input) { __typename ... on TicketChanged { ticket { id ${REPORTER} } } ... on TicketNotFound { ref } } }`;
const CREATED = `__typename ... on TicketCreated { ticket { id ${REPORTER} } } ... on InvalidTicketInput { problems }`;
const CREATE = `mutation C($input: CreateTicketInput!) { result: createTicket(input: $input) { ${CREATED} } }`;
const RECORD = `mutation C($input: RecordInformationRequestInput!) { result: recordInformationRequest(input: $input) { ${CREATED} } }`;
const STATUS = `query S($number: String!) { ticketStatus(number: $number) { number state kind opdCode categoryCode reportedAt updatedAt } }`;
const LOG = `query A($filter: ReporterAccessFilterInput) { reporterAccessLog(filter: $filter) { ticketId actorId actorRole actorOpd operation } }`;

type Variant = 'normal' | 'anonymous' | 'confidential';
const VARIANTS: Variant[] = ['normal', 'anonymous', 'confidential'];
interface Reported { variant: Variant; side: Side; ticket: Made }

const flags = (v: Variant) => ({ anonymous: v === 'anonymous', confidential: v === 'confidential' });

/** What the table allows: the field's reach, and anonymous identities only for IDENTITY_OF_ANONYMOUS. */
export function identityVisible(role: GrantedRole, side: Side, variant: Variant): boolean {
  const access = accessFor('Ticket.reporter', role);
  if (!access || (access === 'OWN_OPD' && side !== 'own')) return false;
  return variant !== 'anonymous' || IDENTITY_OF_ANONYMOUS.has(role);
}

export function expectedReporter(visible: boolean, variant: Variant): Record<string, unknown> {
  const identity = visible ? IDENTITY : { name: null, phone: null, email: null, nik: null };
  return { ...identity, identityVisible: visible, ...flags(variant) };
}

/** Whether the role's grant of `op` reaches a ticket of `side`. */
const reaches = (role: GrantedRole, op: Operation, side: Side): boolean => {
  const access = accessFor(op, role);
  return access === 'ALL' || (access === 'OWN_OPD' && side === 'own');
};

const label = (r: Reported): string => `${r.variant} ticket of the ${r.side} OPD`;

export function describeReporterIdentity(world: () => World): void {
  describe('Ticket.reporter', () => {
    const reported: Reported[] = [];
    const batch = uniqueWord('rep');

    beforeAll(async () => {
      for (const side of ['own', 'foreign'] as const) {
        for (const variant of VARIANTS) {
          const ticket = await world().tickets.make(side, 'DISPATCHED', { reporter: { ...IDENTITY, ...flags(variant) }, word: batch });
          reported.push({ variant, side, ticket });
        }
      }
    });

    /** Checks one answer's ticket (or its absence) against the table, with a readable label. */
    function judge(role: GrantedRole, op: Operation, r: Reported, found: { id: string; reporter: unknown } | null | undefined): void {
      const where = `${role} ${op} on the ${label(r)}`;
      if (!reaches(role, op, r.side)) {
        expect({ where, found: found ?? null }).toEqual({ where, found: null });
        return;
      }
      expect({ where, reporter: found?.reporter }).toEqual({ where, reporter: expectedReporter(identityVisible(role, r.side, r.variant), r.variant) });
    }

    describe.each(GRANTED_ROLES)('as %s', (role) => {
      const actor = actorFor(role);
      const gql = (query: string, variables: Record<string, unknown>) => world().t.gql<any>(query, variables, actor);

      it.each([['ticket(id)', BY_ID], ['ticket(number)', BY_NUMBER]] as const)('%s', async (by, query) => {
        for (const r of reported) {
          const res = await gql(query, by === 'ticket(id)' ? { id: r.ticket.id } : { number: r.ticket.number });
          if (!accessFor('Query.ticket', role)) {
            expectGraphqlError(res, 'FORBIDDEN');
            continue;
          }
          judge(role, 'Query.ticket', r, data(res).ticket);
        }
      });

      it('tickets (a list)', async () => {
        const res = await gql(LIST, { filter: { text: batch } });
        if (!accessFor('Query.tickets', role)) return void expectGraphqlError(res, 'FORBIDDEN');
        const nodes = data(res).tickets.edges.map((e: { node: { id: string; reporter: unknown } }) => e.node);
        for (const r of reported) judge(role, 'Query.tickets', r, nodes.find((n: { id: string }) => n.id === r.ticket.id));
        expect(nodes).toHaveLength(reported.filter((r) => reaches(role, 'Query.tickets', r.side)).length);
      });

      it('a command result: addNote → TicketChanged { ticket { reporter } }', async () => {
        for (const r of reported) {
          const { version } = await world().tickets.current(r.ticket.id);
          const res = await gql(ADD_NOTE, { input: { ticketId: r.ticket.id, expectedVersion: version, text: 'Pelapor dihubungi' } });
          if (!accessFor('Mutation.addNote', role)) {
            expectGraphqlError(res, 'FORBIDDEN');
            continue;
          }
          const result = data(res).result;
          if (!reaches(role, 'Mutation.addNote', r.side)) expect(result).toEqual({ __typename: 'TicketNotFound', ref: r.ticket.id });
          else judge(role, 'Mutation.addNote', r, result.ticket);
        }
      });

      it.each([['createTicket', CREATE], ['recordInformationRequest', RECORD]] as const)('%s result', async (op, query) => {
        for (const variant of VARIANTS) {
          const input = {
            kind: op === 'createTicket' ? 'COMPLAINT' : 'INFORMATION', channel: 'PHONE', description: `Laporan ${uniqueWord()}`, descriptionLanguage: 'id',
            categoryCode: CATEGORY.own, reporter: { ...IDENTITY, ...flags(variant) }, ...(op === 'recordInformationRequest' && { answer: 'Sudah dijawab' }),
          };
          const res = await gql(query, { input });
          if (!accessFor(`Mutation.${op}`, role)) {
            expectGraphqlError(res, 'FORBIDDEN');
            continue;
          }
          const result = data(res).result;
          expect(result.__typename).toBe('TicketCreated');
          expect({ variant, reporter: result.ticket.reporter }).toEqual({ variant, reporter: expectedReporter(identityVisible(role, 'own', variant), variant) });
        }
      });
    });

    describe('the public ticketStatus', () => {
      it('has no reporter fields in its type, and refuses to be asked for one', async () => {
        const type = world().t.app.get(GraphQLSchemaHost).schema.getType('TicketStatus');
        expect(type && isObjectType(type) ? Object.keys(type.getFields()).sort() : null).toEqual(['categoryCode', 'duplicateOfNumber', 'kind', 'number', 'opdCode', 'reportedAt', 'state', 'updatedAt']);
        const res = await rawGql(world().t, `query S($number: String!) { ticketStatus(number: $number) { number reporter { name } } }`, { number: reported[0].ticket.number }, null);
        expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      });

      it.each([['without credentials', null], ['as a supervisor', PREP.supervisor], ['as an OPD officer', actorFor(ActorRole.OPD_OFFICER)]] as const)(
        'answers null for confidential reports and the status of the others, %s',
        async (_who, actor: TestActor | null) => {
          for (const r of reported) {
            const res = await world().t.gql<any>(STATUS, { number: r.ticket.number }, actor);
            const status = data(res).ticketStatus;
            if (r.variant === 'confidential') expect({ r: label(r), status }).toEqual({ r: label(r), status: null });
            else expect(status).toMatchObject({ number: r.ticket.number, state: 'DISPATCHED', opdCode: r.ticket.opdCode });
            for (const value of Object.values(IDENTITY)) expect(JSON.stringify(res.body)).not.toContain(value);
          }
        },
      );
    });

    describe('the reporter access log', () => {
      const rowsOf = async (actorId: string) => data(await world().t.gql<any>(LOG, { filter: { actorId, first: 500 } }, PREP.auditor)).reporterAccessLog as Array<{ ticketId: string; actorId: string; actorRole: string; actorOpd: string | null; operation: string }>;
      const find = (variant: Variant, side: Side) => reported.find((r) => r.variant === variant && r.side === side)!.ticket;
      const key = (rows: Array<{ ticketId: string; operation: string }>) => rows.map((r) => `${r.operation} ${r.ticketId}`).sort();

      it('has one row per identity read by a call taker (actor, ticket, operation), none for a read without the reporter', async () => {
        const ct: TestActor = { userId: 'mx-log-ct', role: 'CALL_TAKER' };
        expect(await rowsOf(ct.userId)).toEqual([]);
        const own = find('normal', 'own');
        data(await world().t.gql(BY_ID, { id: own.id }, ct));
        data(await world().t.gql(LIST, { filter: { text: batch } }, ct));
        data(await world().t.gql(BY_NUMBER, { number: find('anonymous', 'foreign').number }, ct));
        data(await world().t.gql('query R($id: ID) { ticket(id: $id) { id number } }', { id: own.id }, ct));
        const { version } = await world().tickets.current(own.id);
        expect(data(await world().t.gql<any>(ADD_NOTE, { input: { ticketId: own.id, expectedVersion: version, text: 'Dihubungi' } }, ct)).result.__typename).toBe('TicketChanged');

        const rows = await rowsOf(ct.userId);
        expect(key(rows)).toEqual([
          `Mutation.addNote ${own.id}`,
          `Query.ticket ${find('anonymous', 'foreign').id}`,
          `Query.ticket ${own.id}`,
          ...reported.map((r) => `Query.tickets ${r.ticket.id}`),
        ].sort());
        expect(new Set(rows.map((r) => `${r.actorId} ${r.actorRole} ${r.actorOpd}`))).toEqual(new Set(['mx-log-ct CALL_TAKER null']));
      });

      it('has no row for withheld reads (anonymous, another OPD, a role without the field), and a row for an OPD\'s own read', async () => {
        const officer: TestActor = { userId: 'mx-log-officer', role: 'OPD_OFFICER', opdCode: 'PUPR-PERKIM' };
        const auditor: TestActor = { userId: 'mx-log-auditor', role: 'AUDITOR' };
        data(await world().t.gql(BY_ID, { id: find('anonymous', 'own').id }, officer));
        data(await world().t.gql(BY_ID, { id: find('normal', 'foreign').id }, officer));
        data(await world().t.gql(LIST, { filter: { text: batch, states: ['DISPATCHED'] } }, auditor));
        data(await world().t.gql(BY_ID, { id: find('normal', 'own').id }, auditor));
        expect(await rowsOf(auditor.userId)).toEqual([]);
        expect(await rowsOf(officer.userId)).toEqual([]);

        data(await world().t.gql(BY_ID, { id: find('normal', 'own').id }, officer));
        expect(await rowsOf(officer.userId)).toEqual([
          { ticketId: find('normal', 'own').id, actorId: officer.userId, actorRole: 'OPD_OFFICER', actorOpd: 'PUPR-PERKIM', operation: 'Query.ticket' },
        ]);
      });

      it('logs each root field of one request under its own operation', async () => {
        const ct: TestActor = { userId: 'mx-log-ct-two', role: 'CALL_TAKER' };
        const own = find('normal', 'own');
        data(await world().t.gql(`query Two($id: ID, $filter: TicketFilterInput) {
          one: ticket(id: $id) { id reporter { name } }
          list: tickets(filter: $filter, first: 50) { edges { node { id reporter { name } } } }
        }`, { id: own.id, filter: { text: batch } }, ct));
        expect(key(await rowsOf(ct.userId))).toEqual([`Query.ticket ${own.id}`, ...reported.map((r) => `Query.tickets ${r.ticket.id}`)].sort());
      });

      it('answers without a filter (the filter is optional in the schema)', async () => {
        const res = await world().t.gql<any>('{ reporterAccessLog { ticketId operation } }', {}, PREP.auditor);
        expect(res.body.errors ?? []).toEqual([]);
        expect(data(res).reporterAccessLog.length).toBeGreaterThan(0);
      });
    });
  });
}
