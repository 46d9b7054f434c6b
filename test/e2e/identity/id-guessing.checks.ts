import { ActorRole } from '../../../src/core/actor';
import { randomUUID } from 'node:crypto';
import { accessFor, GRANTED_ROLES, OPERATIONS } from '../../../src/core/identity/domain/permissions';
import { expectGraphqlError } from '../tickets/ticket-api';
import { actorFor } from './matrix-cases';
import { commandDocument } from './matrix-fixtures-tickets';
import { CATEGORY, data, errorCodes, ESCALATIONS, FOREIGN_OPD, Made, OWN_OPD, PREP, uniqueWord, World } from './matrix-world';

// Id guessing: an actor confined to its OPD who knows (or guesses) another
// OPD's ticket id, number or escalation id gets nothing that tells it apart
// from a ticket that does not exist, through any field or command.

/** Roles the table confines to their OPD somewhere. */
const CONFINED = GRANTED_ROLES.filter((role) => OPERATIONS.some((op) => accessFor(op, role) === 'OWN_OPD'));

const SECRET_NAME = 'Kadek Rahasia Asing';
const NESTED = `query L($filter: TicketFilterInput, $after: String) { tickets(filter: $filter, first: 100, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id number opdCode description duplicateOfId
    events { seq type actorId actorOpd payload }
    sla { metric state dueAt policyId }
    reporter { name phone email nik identityVisible anonymous confidential } } } } }`;
const ONE_NESTED = `query T($id: ID, $number: String) { ticket(id: $id, number: $number) { id number events { seq payload } sla { metric } reporter { name phone } } }`;
const ACK_ESCALATION = `mutation A($id: ID!) { acknowledgeEscalation(id: $id) { id } }`;

/** Command inputs beside the ticket ref, for the commands an OPD may run. */
const COMMAND_EXTRAS: Record<string, Record<string, unknown>> = {
  acknowledgeTicket: {}, returnTicket: { reason: 'Bukan kami' }, reassignTicket: { assignedUnit: 'Regu 9' }, departTicket: {},
  arriveOnSite: {}, resolveTicket: { note: 'Beres' }, holdTicket: { reason: 'Tunggu' }, resumeTicket: {}, addNote: { text: 'Tebak' },
};

/** A ticket number next to `number` (BGL-2026-000123 → BGL-2026-000124). */
function neighbour(number: string, delta: number): string {
  return number.replace(/(\d+)$/, (digits) => String(Math.max(1, Number(digits) + delta)).padStart(digits.length, '0'));
}

export function describeIdGuessing(world: () => World): void {
  describe('id guessing by actors confined to their OPD', () => {
    let foreign: Made;

    beforeAll(async () => {
      foreign = await world().tickets.make('foreign', 'DISPATCHED', { reporter: { name: SECRET_NAME, phone: '+6281299990000', nik: '5106019999999999' } });
    });

    /** Nothing in the answer names the foreign ticket. */
    const expectNothingOfForeign = (body: unknown): void => {
      const text = JSON.stringify(body);
      for (const secret of [foreign.id, foreign.number, foreign.word, SECRET_NAME, '+6281299990000', FOREIGN_OPD]) expect(text).not.toContain(secret);
    };

    it('confines exactly the OPD-bound roles the table says', () => {
      expect(CONFINED.sort()).toEqual(['FIELD_UNIT', 'OPD_HEAD', 'OPD_OFFICER', 'OPD_SYSTEM']);
    });

    describe.each(CONFINED)('as %s', (role) => {
      const actor = actorFor(role);
      const gql = (query: string, variables: Record<string, unknown>) => world().t.gql<any>(query, variables, actor);

      it('ticket(id): random UUIDs, malformed ids and the foreign id all answer null', async () => {
        for (const id of [...Array.from({ length: 10 }, () => randomUUID()), foreign.id, foreign.id.toUpperCase(), `${foreign.id} `, 'abc', '']) {
          const res = await gql(ONE_NESTED, { id });
          if (id === '') continue; // "give exactly one of id and number": a BAD_USER_INPUT, checked below
          expect({ id, body: res.body }).toEqual({ id, body: { data: { ticket: null } } });
        }
        expect(errorCodes(await gql(ONE_NESTED, { id: '' }))).toEqual(['BAD_USER_INPUT']);
      });

      it('ticket(number): the foreign number in any spelling answers null; neighbouring numbers only ever show own tickets', async () => {
        for (const number of [foreign.number, foreign.number.toLowerCase(), ` ${foreign.number}\t`]) {
          expect({ number, body: (await gql(ONE_NESTED, { number })).body }).toEqual({ number, body: { data: { ticket: null } } });
        }
        for (let delta = -6; delta <= 6; delta++) {
          const res = await gql(`query T($number: String) { ticket(number: $number) { id opdCode } }`, { number: neighbour(foreign.number, delta) });
          const ticket = data(res).ticket;
          if (ticket) expect(ticket.opdCode).toBe(OWN_OPD);
          expectNothingOfForeign(res.body);
        }
      });

      it('tickets with nested events, sla and reporter: nothing of the foreign ticket, whatever the filter, on every page', async () => {
        if (!accessFor('Query.tickets', role)) return;
        const filters = [
          { text: foreign.word }, { text: foreign.number }, { opdCode: FOREIGN_OPD }, { categoryCode: CATEGORY.foreign },
          { opdCode: FOREIGN_OPD, text: foreign.word, states: ['DISPATCHED'] }, {},
        ];
        for (const filter of filters) {
          let after: string | null = null;
          do {
            const res = await gql(NESTED, { filter, after });
            expect(errorCodes(res)).toEqual([]);
            expectNothingOfForeign(res.body);
            const page = res.body.data.tickets;
            expect(page.edges.filter((e: { node: { opdCode: string } }) => e.node.opdCode !== OWN_OPD)).toEqual([]);
            after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
          } while (after);
        }
      });

      const commands = Object.keys(COMMAND_EXTRAS).filter((op) => accessFor(`Mutation.${op}`, role) === 'OWN_OPD');
      it.each(commands.map((op) => [op]))('%s on the foreign id: TicketNotFound for any version, worded like a random id; nothing changes', async (op) => {
        const before = await world().tickets.current(foreign.id);
        const run = async (ticketId: string, expectedVersion: number) =>
          data(await gql(commandDocument(op as never), { input: { ticketId, expectedVersion, ...COMMAND_EXTRAS[op] } })).result;
        const unknown = randomUUID();
        const reference = await run(unknown, 1);
        expect(reference).toMatchObject({ __typename: 'TicketNotFound', ref: unknown });
        for (const version of [before.version, before.version - 1, 999]) {
          const result = await run(foreign.id, version);
          // A VersionConflict here would confirm the ticket exists and tell its version.
          expect({ version, result }).toEqual({ version, result: { ...reference, ref: foreign.id, message: reference.message.replace(unknown, foreign.id) } });
        }
        expect(await world().tickets.current(foreign.id)).toEqual(before);
      });

      it('escalations: a foreign ticket id or OPD filters to nothing; a foreign escalation id is not found, like a random one', async () => {
        const pool = world().escalations.foreign;
        if (accessFor('Query.escalations', role)) {
          for (const filter of [{ ticketId: pool.ticketId, first: 500 }, { opdCode: FOREIGN_OPD, first: 500 }]) {
            expect(data(await gql(ESCALATIONS, { filter })).escalations).toEqual([]);
          }
        }
        const ack = accessFor('Mutation.acknowledgeEscalation', role);
        const unknown = randomUUID();
        for (const id of [pool.pristine, pool.forAck, unknown]) {
          const res = await gql(ACK_ESCALATION, { id });
          const error = expectGraphqlError(res, ack ? 'ESCALATION_NOT_FOUND' : 'FORBIDDEN');
          if (ack) expect(error.message.replace(id, '<id>')).toBe((await gql(ACK_ESCALATION, { id: unknown })).body.errors![0].message.replace(unknown, '<id>'));
          expectNothingOfForeign(res.body);
        }
      });
    });

    it('escalations without a filter: an OPD officer gets its own OPD\'s rows, and only those', async () => {
      const res = await world().t.gql<any>('{ escalations { id opdCode } }', {}, actorFor(ActorRole.OPD_OFFICER));
      expect(res.body.errors ?? []).toEqual([]);
      const rows = data(res).escalations as Array<{ opdCode: string }>;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.opdCode !== OWN_OPD)).toEqual([]);
    });

    it('two root fields in one request keep each field\'s own reach (aliases cannot borrow a wider grant)', async () => {
      // A supervisor-wide field and an OPD-confined one side by side: the confined one stays confined.
      const res = await world().t.gql<any>(`query Two($id: ID, $number: String!) {
        status: ticketStatus(number: $number) { number }
        ticket: ticket(id: $id) { id reporter { name } }
        again: ticket(id: $id) { id }
      }`, { id: foreign.id, number: foreign.number }, actorFor(ActorRole.OPD_OFFICER));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toEqual({ status: { number: foreign.number }, ticket: null, again: null });
    });

    describe('the OPD an OWN_OPD reach depends on', () => {
      const USER = 'mutation U($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { id version } } }';

      it('an OPD-bound account always has an OPD: created or updated without one is refused', async () => {
        const admin = PREP.admin;
        expect(errorCodes(await world().t.gql(USER, { input: { username: `mx-${uniqueWord('')}`, displayName: 'x', role: 'OPD_OFFICER' } }, admin))).toEqual(['BAD_USER_INPUT']);
        const created = data(await world().t.gql<any>(USER, { input: { username: `mx-${uniqueWord('')}`, displayName: 'x', role: 'OPD_OFFICER', opdCode: OWN_OPD } }, admin)).createStaffUser.user;
        const update = 'mutation U($input: UpdateStaffUserInput!) { updateStaffUser(input: $input) { opdCode } }';
        expect(errorCodes(await world().t.gql(update, { input: { id: created.id, expectedVersion: created.version, opdCode: null } }, admin))).toEqual(['BAD_USER_INPUT']);
      });

      it('defense in depth: an OPD-bound account whose row has no OPD (e.g. after a manual SQL fix) does not reach other OPDs', async () => {
        // test-auth writes the row directly, as a migration or a hand edit could: OPD_OFFICER with opd_code null.
        const orphan = { userId: 'mx-officer-without-opd', role: 'OPD_OFFICER' };
        const one = await world().t.gql<any>(ONE_NESTED, { id: foreign.id }, orphan);
        const list = await world().t.gql<any>(NESTED, { filter: { opdCode: FOREIGN_OPD } }, orphan);
        for (const res of [one, list]) {
          const refused = ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(errorCodes(res)[0]));
          if (!refused) expectNothingOfForeign(res.body);
        }
      });
    });

    it('a new ticket of an unknown word is not found by an OPD by text unless it is its own', async () => {
      const word = uniqueWord();
      const own = await world().tickets.make('own', 'NEW', { word });
      const other = await world().tickets.make('foreign', 'NEW', { word });
      const ids = data(await world().t.gql<any>(NESTED, { filter: { text: word } }, actorFor(ActorRole.OPD_OFFICER))).tickets.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids).toEqual([own.id]);
      expect(ids).not.toContain(other.id);
    });
  });
}

