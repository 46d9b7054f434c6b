import type { CaseContext, Fixture, Prepared } from './matrix-cases';
import { data, PREP, uniqueWord, World } from './matrix-world';

// Fixtures of the Open311 client operations: admins issue and revoke the
// keys of citizens' apps, admins and auditors list them; nobody else.

const CLIENT = 'id name prefix rateLimitPerMinute revokedAt';

async function newClient(w: World): Promise<{ id: string; revokedAt: string | null }> {
  const res = await w.t.gql<any>(`mutation C($input: CreateOpen311ClientInput!) { createOpen311Client(input: $input) { client { ${CLIENT} } } }`, { input: { name: `mx ${uniqueWord()}` } }, PREP.admin);
  return data(res).createOpen311Client.client;
}

async function revokedAt(w: World, id: string): Promise<string | null> {
  const list = data(await w.t.gql<any>(`{ open311Clients { id revokedAt } }`, {}, PREP.admin)).open311Clients as Array<{ id: string; revokedAt: string | null }>;
  return list.find((c) => c.id === id)!.revokedAt;
}

function fixture(op: Fixture['op'], prepare: (w: World, c: CaseContext) => Promise<Prepared>): Fixture {
  return { op, scoped: false, prepare };
}

export const OPEN311_FIXTURES: Fixture[] = [
  fixture('Query.open311Clients', async (w) => {
    const spare = await newClient(w);
    return {
      query: `{ open311Clients { ${CLIENT} } }`,
      allowed: (d) => expect(d.open311Clients.map((c: { id: string }) => c.id)).toContain(spare.id),
    };
  }),
  fixture('Mutation.createOpen311Client', async () => ({
    query: `mutation C($input: CreateOpen311ClientInput!) { createOpen311Client(input: $input) { apiKey client { ${CLIENT} } } }`,
    variables: { input: { name: `mx ${uniqueWord()}`, rateLimitPerMinute: 30 } },
    allowed: (d) => expect(d.createOpen311Client).toMatchObject({ apiKey: expect.stringMatching(/^o311_/), client: { rateLimitPerMinute: 30, revokedAt: null } }),
  })),
  fixture('Mutation.revokeOpen311Client', async (w, c) => {
    const target = await newClient(w);
    return {
      query: `mutation R($id: ID!) { revokeOpen311Client(id: $id) { id revokedAt } }`,
      variables: { id: target.id },
      allowed: (d) => expect(d.revokeOpen311Client).toEqual({ id: target.id, revokedAt: expect.any(String) }),
      after: async (outcome) => { if (outcome !== 'allowed' || c.outcome !== 'allowed') expect(await revokedAt(w, target.id)).toBeNull(); },
    };
  }),
];
