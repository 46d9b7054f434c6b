import { ActorRole } from '../../../src/core/actor';
import { API_KEY_OPERATIONS } from '../../../src/core/identity/application/api-key.service';
import { isPublic } from '../../../src/core/identity/domain/permissions';
import { MATRIX_CASE_TIMEOUT_MS } from '../../support/timeouts';
import { actorFor, CaseContext, Fixture, Outcome, runCase } from './matrix-cases';
import { data, errorCodes, OWN_OPD, PREP, rawGql, uniqueWord, World } from './matrix-world';

// OPD systems' API keys: a key acts only through the operations it was given,
// even where the OPD_SYSTEM role would allow more; what it may read of a
// reporter depends on Ticket.reporter being among them.

const ONLY = 'Query.tickets';
const CREATE_KEY = 'mutation K($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id permissions } } }';
const LIST = `query L($filter: TicketFilterInput) { tickets(filter: $filter) { edges { node { id reporter { name phone identityVisible } } } } }`;

export function describeApiKeys(world: () => World, fixtures: Fixture[]): void {
  describe(`an API key with only ${ONLY}`, () => {
    let secret: string;
    let keyId: string;

    beforeAll(async () => {
      const created = data(await world().t.gql<any>(CREATE_KEY, { input: { name: 'mx one permission', opdCode: OWN_OPD, permissions: [ONLY] } }, PREP.admin)).createApiKey;
      secret = created.secret;
      keyId = created.apiKey.id;
      expect(created.apiKey.permissions).toEqual([ONLY]);
    });

    const cases = fixtures.flatMap((f): Array<[string, Fixture, CaseContext]> => {
      const outcome: Outcome = isPublic(f.op) || f.op === ONLY ? 'allowed' : 'forbidden';
      const own: CaseContext = { role: ActorRole.OPD_SYSTEM, target: f.scoped ? 'own' : 'none', outcome };
      const list: Array<[string, Fixture, CaseContext]> = [[`${f.op} × ${own.target} → ${outcome}`, f, own]];
      // Its one operation still stops at its OPD.
      if (f.op === ONLY) list.push([`${f.op} × foreign → hidden`, f, { role: ActorRole.OPD_SYSTEM, target: 'foreign', outcome: 'hidden' }]);
      return list;
    });

    it.each(cases)('%s', async (_label, fixture, c) => {
      await runCase(world(), fixture, c, { header: ['x-api-key', secret] });
    }, MATRIX_CASE_TIMEOUT_MS);

    it('is refused for every other API-key operation with Authorization: ApiKey as well', async () => {
      const res = await rawGql(world().t, '{ me { id } }', {}, ['authorization', `ApiKey ${secret}`]);
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(errorCodes(await rawGql(world().t, '{ tickets { totalCount } }', {}, ['authorization', `ApiKey ${secret}`]))).toEqual([]);
    });

    it('reads tickets of its OPD without the reporter identity (it lacks Ticket.reporter); a key with every operation sees it', async () => {
      const word = uniqueWord();
      const ticket = await world().tickets.make('own', 'DISPATCHED', { word, reporter: { name: 'Wayan Kunci', phone: '+6281234567890' } });
      const narrow = data(await rawGql(world().t, LIST, { filter: { text: word } }, ['x-api-key', secret])).tickets.edges;
      expect(narrow).toEqual([{ node: { id: ticket.id, reporter: { name: null, phone: null, identityVisible: false } } }]);
      const full = data(await world().t.gql<any>(LIST, { filter: { text: word } }, actorFor(ActorRole.OPD_SYSTEM))).tickets.edges;
      expect(full).toEqual([{ node: { id: ticket.id, reporter: { name: 'Wayan Kunci', phone: '+6281234567890', identityVisible: true } } }]);
    });

    it('cannot be given an operation the OPD_SYSTEM role may not use', async () => {
      for (const permission of ['Mutation.createApiKey', 'Mutation.createTicket', 'Query.reporterAccessLog', 'Mutation.acknowledgeEscalation', 'Query.nope']) {
        const res = await world().t.gql(CREATE_KEY, { input: { name: `mx ${uniqueWord()}`, opdCode: OWN_OPD, permissions: [permission] } }, PREP.admin);
        expect({ permission, codes: errorCodes(res) }).toEqual({ permission, codes: ['BAD_USER_INPUT'] });
      }
    });

    it('a key with every API-key operation lists exactly those in me.operations', async () => {
      const me = data(await world().t.gql<any>('{ me { kind opdCode operations } }', {}, actorFor(ActorRole.OPD_SYSTEM))).me;
      expect(me).toEqual({ kind: 'API_KEY', opdCode: OWN_OPD, operations: [...API_KEY_OPERATIONS] });
    });

    it('stops at once when revoked (UNAUTHENTICATED)', async () => {
      data(await world().t.gql('mutation R($id: ID!) { revokeApiKey(id: $id) { id } }', { id: keyId }, PREP.admin));
      const res = await rawGql(world().t, '{ tickets { totalCount } }', {}, ['x-api-key', secret]);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    });
  });
}
