import type { Response } from 'supertest';
import { GRAPHQL_LIMITS } from '../../../src/infra/security/graphql-limits';
import { startTestApp, TestApp } from '../../support/test-app';
import { BOOT_TIMEOUT_MS } from '../../support/timeouts';

// The abuse corpus of the hardening issue, sent as an anonymous client would
// (no credentials: the size checks run before anything else looks at who
// asks). After each group the server must still answer an ordinary query.

const ORDINARY = '{ districts { code } }';

const HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};
const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'";

interface Refusal {
  status: number;
  codes: unknown[];
  messages: string[];
}

function post(t: TestApp, body: unknown): Promise<Response> {
  return t.http().post('/graphql').set('content-type', 'application/json').send(body as object);
}

function refusal(res: Response): Refusal {
  expect(res.body.data ?? null).toBeNull();
  expect(res.text).not.toMatch(/stacktrace|at .*\.[jt]s:\d+/i);
  const errors = (res.body.errors ?? []) as Array<{ message: string; extensions?: { code?: unknown } }>;
  return { status: res.status, codes: errors.map((e) => e.extensions?.code), messages: errors.map((e) => e.message) };
}

async function expectStillServing(t: TestApp): Promise<void> {
  const res = await post(t, { query: ORDINARY });
  expect(res.status).toBe(200);
  expect(res.body.errors).toBeUndefined();
  expect(res.body.data.districts.map((d: { code: string }) => d.code)).toContain('BANGLI');
}

const many = (n: number, make: (i: number) => string): string => Array.from({ length: n }, (_, i) => make(i)).join(' ');

describe('hardening over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it('answers an ordinary anonymous query with every security header, a strict CSP and no-store', async () => {
    const res = await post(t, { query: ORDINARY });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ ...HEADERS, 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' });
  });

  it('refuses a selection nested deeper than the limit with QUERY_TOO_DEEP', async () => {
    // The schema has no recursive type (5 levels at most), so any deeper
    // document also fails ordinary validation; the depth code comes first.
    const deep = `{ districts { code ${'{ x '.repeat(GRAPHQL_LIMITS.maxDepth)}${'} '.repeat(GRAPHQL_LIMITS.maxDepth)}} }`;
    const res = refusal(await post(t, { query: deep }));
    expect(res.status).toBe(400);
    expect(res.codes[0]).toBe('QUERY_TOO_DEEP');
    expect(res.messages[0]).toMatch(/depth limit of 10 exceeded/);
    expect(new Set(res.codes.slice(1))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    await expectStillServing(t);
  });

  it('refuses an alias bomb with TOO_MANY_ALIASES, __typename aliases included', async () => {
    for (const field of ['districts { code }', '__typename']) {
      const res = refusal(await post(t, { query: `{ ${many(200, (i) => `a${i}: ${field}`)} }` }));
      expect(res).toEqual({ status: 400, codes: ['TOO_MANY_ALIASES'], messages: ['Aliases limit of 15 exceeded, found 200.'] });
    }
    await expectStillServing(t);
  });

  it('refuses an oversized document with QUERY_TOO_LARGE before parsing it whole', async () => {
    const res = refusal(await post(t, { query: `{ districts { ${'code '.repeat(50_000)}} }` }));
    expect(res).toEqual({ status: 400, codes: ['QUERY_TOO_LARGE'], messages: ['Document has more than 2000 tokens; split the request.'] });
    await expectStillServing(t);
  });

  it('refuses a flood of directives with TOO_MANY_DIRECTIVES', async () => {
    const res = refusal(await post(t, { query: `{ districts { ${many(100, () => '... @include(if: true) { code }')} } }` }));
    expect(res).toEqual({ status: 400, codes: ['TOO_MANY_DIRECTIVES'], messages: ['Directives limit of 20 exceeded, found 100.'] });
    await expectStillServing(t);
  });

  it('refuses an operation that would cost too much with QUERY_TOO_COSTLY', async () => {
    const ticket = `id number kind priority state heldFrom fieldResponse channel channelAccount categoryCode opdCode
      description descriptionLanguage assignedUnit duplicateOfId outcomeNote reopenCount reportedAt createdAt updatedAt
      createdBy triagedAt dispatchedAt acknowledgedAt departedAt onSiteAt resolvedAt closedAt answeredAt rejectedAt version
      reporter { name phone nik language } location { district village latitude longitude }
      events { seq type fromState toState actorId actorRole occurredAt payload }
      sla { metric state cycle calendar targetMinutes dueAt remainingMinutes percentElapsed }`;
    const res = refusal(await post(t, { query: `{ tickets(first: 100) { edges { node { ${ticket} } } } }` }));
    expect(res.status).toBe(400);
    expect(res.codes).toEqual(['QUERY_TOO_COSTLY']);
    expect(res.messages[0]).toMatch(/^Query Cost limit of 5000 exceeded, found \d+/);
    await expectStillServing(t);
  });

  it('refuses a batched request', async () => {
    const res = await post(t, [{ query: ORDINARY }, { query: ORDINARY }]);
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/"data"/);
    await expectStillServing(t);
  });

  it('refuses what a browser may send cross-site without a preflight (CSRF)', async () => {
    // A plain HTML form: urlencoded or text/plain, never JSON.
    const form = await t.http().post('/graphql').set('content-type', 'application/x-www-form-urlencoded').send(`query=${encodeURIComponent(ORDINARY)}`);
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    expect(form.text).not.toMatch(/"data"/);
    const text = await t.http().post('/graphql').set('content-type', 'text/plain').send(JSON.stringify({ query: ORDINARY }));
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.status).toBeLessThan(500);
    expect(text.text).not.toMatch(/"data"/);
    // A GET query runs only with a header a simple request cannot carry.
    const get = await t.http().get(`/graphql?query=${encodeURIComponent(ORDINARY)}`);
    expect(get.status).toBe(400);
    expect(get.text).toMatch(/Cross-Site Request Forgery/);
    const safe = await t.http().get(`/graphql?query=${encodeURIComponent(ORDINARY)}`).set('apollo-require-preflight', 'true');
    expect(safe.status).toBe(200);
    await expectStillServing(t);
  });

  it('refuses a body over the limit with 413, security headers included', async () => {
    const huge = 'x'.repeat((t.config.http.bodyLimitKb + 1) * 1024);
    const res = await post(t, { query: `{ __typename } # ${huge}` });
    expect(res.status).toBe(413);
    expect(res.text).not.toMatch(/at .*\.js:\d+/);
    expect(res.headers).toMatchObject({ ...HEADERS, 'content-security-policy': STRICT_CSP });
    await expectStillServing(t);
  });

  it('sends the headers on other routes and on 404s too', async () => {
    for (const path of ['/health/live', '/nope']) {
      const res = await t.http().get(path);
      expect(res.headers).toMatchObject({ ...HEADERS, 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' });
    }
  });

  it("serves the sandbox page outside production under its own CSP, still unframeable", async () => {
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toMatch(/embeddable-sandbox/);
    expect(res.headers).toMatchObject({ ...HEADERS, 'content-security-policy': "frame-ancestors 'none'" });
  });

  it('refuses unknown input instead of ignoring it: an unknown argument or input field', async () => {
    const argument = refusal(await post(t, { query: '{ districts(includeInactive: false, extra: 1) { code } }' }));
    expect(argument.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // Checked while the variables are read, before anything runs.
    const field = refusal(
      await post(t, {
        query: 'mutation Create($input: CreateTicketInput!) { createTicket(input: $input) { __typename } }',
        variables: { input: { kind: 'COMPLAINT', channel: 'PHONE', description: 'x', isAdmin: true } },
      }),
    );
    expect(new Set(field.codes)).toEqual(new Set(['BAD_USER_INPUT']));
    expect(field.messages.some((m) => /Field "isAdmin" is not defined/.test(m))).toBe(true);
    await expectStillServing(t);
  });
});

describe('hardening in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { name } }']) {
      const res = refusal(await post(t, { query }));
      expect(res.status).toBe(400);
      expect(res.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.messages[0]).toMatch(/introspection is not allowed/i);
    }
    await expectStillServing(t);
  });

  it('suggests no field names', async () => {
    const res = refusal(await post(t, { query: '{ district { code } }' }));
    expect(res.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.messages.join(' ')).not.toMatch(/Did you mean/);
  });

  it('serves no sandbox page, and keeps the strict CSP', async () => {
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/embeddable-sandbox|<html/i);
    expect(res.headers).toMatchObject({ ...HEADERS, 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' });
  });

  it('applies the same limits', async () => {
    const res = refusal(await post(t, { query: `{ ${many(20, (i) => `a${i}: __typename`)} }` }));
    expect(res.codes).toEqual(['TOO_MANY_ALIASES']);
    await expectStillServing(t);
  });
});
