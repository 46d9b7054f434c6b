import { ManualClock } from '../../support/manual-clock';
import { GraphqlResponse, startTestApp, TestActor, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';
import { CODES, expectGraphqlError, MINUTE } from '../tickets/ticket-api';

const ADMIN: TestActor = { userId: 'admin-putu', role: 'ADMIN' };
const CREATE_KEY = `mutation K($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix opdCode permissions lastUsedAt revokedAt } } }`;
const REVOKE_KEY = `mutation R($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const KEYS = `{ apiKeys { id prefix lastUsedAt revokedAt } }`;
const TICKETS = `{ tickets(first: 50) { totalCount edges { node { id opdCode reporter { name identityVisible } } } } }`;

function data<T>(res: GraphqlResponse<T>): T {
  if (res.body.errors?.length) throw new Error(JSON.stringify(res.body.errors, null, 2));
  return res.body.data as T;
}

describe('OPD systems with API keys', () => {
  let t: TestApp;
  const withKey = async <T>(secret: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> => {
    const res = await t.http().post('/graphql').set('content-type', 'application/json').set('authorization', `ApiKey ${secret}`).send({ query, variables });
    return { status: res.status, body: res.body };
  };

  beforeAll(async () => {
    t = await startTestApp({}, new ManualClock('2026-11-28T02:00:00Z'));
    // One pothole for PUPR-PERKIM, one parking complaint for DISHUB.
    for (const [categoryCode, description] of [[CODES.roadCategory, 'Jalan berlubang'], [CODES.parkingCategory, 'Parkir liar']]) {
      const created = data(await t.gql<{ result: { ticket: { id: string; version: number } } }>(
        `mutation($input: CreateTicketInput!) { result: createTicket(input: $input) { ... on TicketCreated { ticket { id version } } } }`,
        { input: { kind: 'COMPLAINT', channel: 'PHONE', description, descriptionLanguage: 'id', reporter: { name: 'Wayan', phone: '+6281234567890' } } },
      )).result.ticket;
      data(await t.gql(`mutation($input: TriageTicketInput!) { triageTicket(input: $input) { __typename } }`, {
        input: { ticketId: created.id, expectedVersion: created.version, kind: 'COMPLAINT', categoryCode },
      }));
    }
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close(), BOOT_TIMEOUT_MS);

  it('a key is shown once, scoped to its OPD and operations, records when it was used, and stops at revocation', async () => {
    const bad = await t.gql(CREATE_KEY, { input: { name: 'SIMJALAN', opdCode: CODES.roadsOpd, permissions: ['Mutation.createStaffUser'] } }, ADMIN);
    expect(expectGraphqlError(bad, 'BAD_USER_INPUT').message).toMatch(/not an operation an OPD system may use/);
    expectGraphqlError(await t.gql(CREATE_KEY, { input: { name: 'x', opdCode: CODES.roadsOpd, permissions: ['Query.tickets'] } }, { userId: 'kadis', role: 'OPD_HEAD', opdCode: CODES.roadsOpd }), 'FORBIDDEN');

    const { createApiKey } = data(await t.gql<{ createApiKey: { secret: string; apiKey: { id: string; prefix: string; lastUsedAt: string | null } } }>(
      CREATE_KEY, { input: { name: 'SIMJALAN PUPR', opdCode: CODES.roadsOpd, permissions: ['Query.tickets', 'Ticket.reporter'] } }, ADMIN,
    ));
    expect(createApiKey.secret).toMatch(new RegExp(`^sgp_${createApiKey.apiKey.prefix}_`));
    expect(createApiKey.apiKey.lastUsedAt).toBeNull();
    // The secret is never shown again, and not stored as such.
    expect(JSON.stringify((await t.gql(KEYS, {}, ADMIN)).body)).not.toContain(createApiKey.secret);

    const seen = data(await withKey<{ tickets: { totalCount: number; edges: Array<{ node: { opdCode: string; reporter: { name: string | null; identityVisible: boolean } } }> } }>(createApiKey.secret, TICKETS)).tickets;
    expect(seen.totalCount).toBe(1);
    expect(seen.edges[0].node).toMatchObject({ opdCode: CODES.roadsOpd, reporter: { name: 'Wayan', identityVisible: true } });
    expect(expectGraphqlError(await withKey(createApiKey.secret, `mutation { logout }`), 'FORBIDDEN').message).toMatch(/This API key may not use/);
    const acknowledge = await withKey(createApiKey.secret, `mutation { acknowledgeTicket(input: { ticketId: "00000000-0000-4000-8000-000000000000", expectedVersion: 1 }) { __typename } }`);
    expectGraphqlError(acknowledge, 'FORBIDDEN');

    const listed = data(await t.gql<{ apiKeys: Array<{ id: string; lastUsedAt: string | null }> }>(KEYS, {}, ADMIN)).apiKeys.find((k) => k.id === createApiKey.apiKey.id);
    expect(listed?.lastUsedAt).toBe('2026-11-28T02:00:00.000Z');

    t.clock.advance(MINUTE);
    const revoked = data(await t.gql<{ revokeApiKey: { revokedAt: string } }>(REVOKE_KEY, { id: createApiKey.apiKey.id }, ADMIN)).revokeApiKey;
    expect(revoked.revokedAt).toBe('2026-11-28T02:01:00.000Z');
    expect(expectGraphqlError(await withKey(createApiKey.secret, TICKETS), 'UNAUTHENTICATED').extensions?.reason).toBe('REVOKED');
    // A guessed key with a real prefix is no key.
    const guessed = `sgp_${createApiKey.apiKey.prefix}_${'A'.repeat(43)}`;
    expect(expectGraphqlError(await withKey(guessed, TICKETS), 'UNAUTHENTICATED').extensions?.reason).toBe('INVALID');
    expectGraphqlError(await t.gql(REVOKE_KEY, { id: 'nope' }, ADMIN), 'API_KEY_NOT_FOUND');
  });
});
