import { startTestApp, TestApp } from '../support/test-app';
import { BOOT_TIMEOUT_MS } from '../support/timeouts';

describe('foundation over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  }, BOOT_TIMEOUT_MS);

  it('is live and ready when the database answers', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
    await t.http().get('/health/ready').expect(200, { status: 'ok', database: 'up' });
  });

  it('answers GraphQL and serves the seeded districts', async () => {
    const res = await t.gql<{ __typename: string; districts: Array<{ code: string }> }>('{ __typename districts { code } }');
    expect(res.status).toBe(200);
    expect(res.body.data?.__typename).toBe('Query');
    expect(res.body.data?.districts.map((d) => d.code)).toEqual(['KINTAMANI', 'BANGLI', 'SUSUT', 'TEMBUKU']);
  });

  it('gives a request id to every response, keeping a sane one from the caller', async () => {
    const own = await t.http().get('/health/live').set('x-request-id', 'call-123');
    expect(own.headers['x-request-id']).toBe('call-123');
    const hostile = await t.http().get('/health/live').set('x-request-id', 'bad id with spaces');
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects an unknown field with a stable code and no stack trace', async () => {
    const res = await t.gql('{ nope }');
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('rejects a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const res = await t.gql('{ districts { code ');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses batched operations', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/"data"/);
  });

  it('refuses a body over the configured limit with 413', async () => {
    const huge = 'x'.repeat((t.config.http.bodyLimitKb + 1) * 1024);
    const res = await t.http().post('/graphql').set('content-type', 'application/json').send({ query: `{ __typename } # ${huge}` });
    expect(res.status).toBe(413);
    expect(res.text).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses a GET mutation-less query without a CSRF-safe header', async () => {
    const res = await t.http().get('/graphql?query=%7B__typename%7D');
    expect(res.status).toBe(400);
  });
});
