import { Cursor } from '@mikro-orm/core';
import { Logger as NestLogger } from '@nestjs/common';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { Response } from 'supertest';
import { startTestApp, TestApp } from '../../support/test-app';

const SUPERVISOR = { userId: 'spv-komang', role: 'SUPERVISOR' };
const ADMIN = { userId: 'adm-putu', role: 'ADMIN' };

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
    const res = await post(t, { query: 'subscription { ticketEvents { cursor } }' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors[0].message).toMatch(/subscription/i);
  });

  it('logs client mistakes below error level: a wrong password, a refused operation, bad input, an unknown calendar', async () => {
    const nestError = jest.spyOn(NestLogger.prototype, 'error');
    const pinoError = jest.spyOn(PinoLogger.prototype, 'error');
    try {
      const answers = [
        await t.gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { username: 'nobody', password: 'wrong-password-123' } }, null),
        await t.gql('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { name: 'k', opdCode: 'BPBD', permissions: ['Query.tickets'] } }, { userId: 'ct-ayu', role: 'CALL_TAKER' }),
        await t.gql('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { name: 'k', opdCode: 'NOPE', permissions: ['Query.tickets'] } }, ADMIN),
        await t.gql('mutation { setCalendarHours(input: { code: "NO_SUCH", expectedVersion: 1, hours: { effectiveFrom: "2027-01-04", weekly: [] } }) { code } }', {}, ADMIN),
      ];
      const codes = answers.map((res) => ((res.body.errors ?? []) as Array<{ extensions?: { code?: string } }>).map((e) => e.extensions?.code)[0]);
      expect(codes).toEqual(['INVALID_CREDENTIALS', 'FORBIDDEN', 'BAD_USER_INPUT', 'CALENDAR_NOT_FOUND']);
      expect({ nest: nestError.mock.calls.length, pino: pinoError.mock.calls.length }).toEqual({ nest: 0, pino: 0 });
    } finally {
      nestError.mockRestore();
      pinoError.mockRestore();
    }
  });

  describe('text PostgreSQL cannot store, and dates it cannot either, are BAD_USER_INPUT naming the field', () => {
    /** The one refusal a hostile value must get: BAD_USER_INPUT, its field named in the problems. */
    async function expectRefused(query: string, variables: Record<string, unknown>, field: RegExp, actor: { userId: string; role: string } | null = SUPERVISOR): Promise<void> {
      const res = await t.gql(query, variables, actor);
      const errors = (res.body.errors ?? []) as Array<{ message: string; extensions?: { code?: string; problems?: string[] } }>;
      expect({ status: res.status, codes: errors.map((e) => e.extensions?.code) }).toEqual({ status: 200, codes: ['BAD_USER_INPUT'] });
      expect((errors[0].extensions?.problems ?? [errors[0].message]).join(' ')).toMatch(field);
    }

    it('a NUL byte in the public ticketStatus, a ticket number, list filters and an API key name', async () => {
      await expectRefused('query($n: String!) { ticketStatus(number: $n) { state } }', { n: 'BGL\u0000' }, /number.*NUL/, null);
      await expectRefused('query($n: String!) { ticket(number: $n) { id } }', { n: '\u0000' }, /number.*NUL/);
      for (const key of ['text', 'opdCode', 'categoryCode', 'district']) {
        await expectRefused('query($f: TicketFilterInput) { tickets(filter: $f, first: 5) { totalCount } }', { f: { [key]: `a\u0000b` } }, new RegExp(`filter\\.${key}.*NUL`));
      }
      await expectRefused('mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }', { i: { name: 'k\u0000', opdCode: 'BPBD', permissions: ['Query.tickets'] } }, /input\.name.*NUL/, ADMIN);
    });

    it('a lone surrogate in a note and in a reporter e-mail', async () => {
      await expectRefused('mutation($i: AddNoteInput!) { addNote(input: $i) { __typename } }', { i: { ticketId: '6f1c2a0e-8f47-4d4b-9a51-0a4c1f3e2b10', expectedVersion: 1, text: 'a\ud800b' } }, /input\.text.*surrogate/);
      const report = { kind: 'COMPLAINT', channel: 'PHONE', description: 'Jalan rusak', descriptionLanguage: 'id', reporter: { email: 'a\udc00@example.org' } };
      await expectRefused('mutation($i: CreateTicketInput!) { createTicket(input: $i) { __typename } }', { i: report }, /input\.reporter\.email.*surrogate/, { userId: 'ct-ayu', role: 'CALL_TAKER' });
    });

    it('dates outside 1900-2200: a list filter, a compliance report, a cursor', async () => {
      await expectRefused('query($f: TicketFilterInput) { tickets(filter: $f, first: 5) { totalCount } }', { f: { reportedFrom: '0000-01-01T00:00:00.000Z' } }, /filter\.reportedFrom.*1900/);
      await expectRefused('query($i: SlaComplianceInput!) { slaCompliance(input: $i) { metrics { metric } } }', { i: { from: '+275760-09-13T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' } }, /input\.from/);
      const cursor = Cursor.encode(['0000-01-01T00:00:00.000Z', '6f1c2a0e-8f47-4d4b-9a51-0a4c1f3e2b10']);
      await expectRefused('query($a: String) { tickets(first: 5, after: $a) { totalCount } }', { a: cursor }, /after/);
    });
  });
});
