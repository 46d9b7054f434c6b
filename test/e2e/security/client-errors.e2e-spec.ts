import type { Response } from 'supertest';
import { startTestApp, TestApp } from '../../support/test-app';

// Client mistakes that once answered INTERNAL (our bug) now get their own
// stable code, with no stack trace and nothing logged as a server fault.

function post(t: TestApp, body: unknown): Promise<Response> {
  return t.http().post('/graphql').set('content-type', 'application/json').send(body as object);
}

function codes(res: Response): unknown[] {
  expect(res.text).not.toMatch(/stacktrace|at .*\.[jt]s:\d+/i);
  return ((res.body.errors ?? []) as Array<{ extensions?: { code?: unknown } }>).map((e) => e.extensions?.code);
}

describe('client mistakes get their own code, never INTERNAL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  }, 60_000);

  // Apollo answers APQ errors with HTTP 200, as APQ clients expect (they read the code and resend the query).
  it('automatic persisted queries are off: a hash alone or a hash with its query answers PERSISTED_QUERY_NOT_SUPPORTED', async () => {
    const hashOnly = await post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect({ status: hashOnly.status, codes: codes(hashOnly) }).toEqual({ status: 200, codes: ['PERSISTED_QUERY_NOT_SUPPORTED'] });
    const wrongHash = await post(t, { query: '{ districts { code } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } });
    expect({ status: wrongHash.status, codes: codes(wrongHash) }).toEqual({ status: 200, codes: ['PERSISTED_QUERY_NOT_SUPPORTED'] });
  });

  it('a subscription operation over HTTP is a client error naming what to do instead', async () => {
    const res = await post(t, { query: 'subscription { ticketEvents { id } }' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors[0].message).toMatch(/subscription/i);
  });
});
