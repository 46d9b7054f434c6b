import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { loadAppConfig } from '../../../config/app.config';
import { createApp } from '../../../src/bootstrap/app.factory';
import { migrateAndSeed } from '../../../src/bootstrap/migration.runner';
import { EmbeddedPostgres } from '../../../src/infra/database/embedded-postgres.launcher';
import { ManualClock } from '../../support/manual-clock';
import { authHeaderFor } from '../../support/test-auth';

// PostgreSQL stopped and started under the app, on a cluster this test owns:
// every answer during the outage is the retryable SERVICE_UNAVAILABLE (HTTP
// 503 with Retry-After), the app recovers without a restart, and every create
// that was acknowledged is in the database afterwards.

const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined };
const CREATE = `mutation($i: CreateTicketInput!) { createTicket(input: $i) { __typename ... on TicketCreated { ticket { id } } } }`;
const REPORT = { kind: 'COMPLAINT', channel: 'PHONE', description: 'Lampu jalan mati di Jalan Merdeka', descriptionLanguage: 'id' };

interface Answer {
  status: number;
  codes: unknown[];
  retryAfterSeconds: unknown;
  retryAfterHeader: string | undefined;
  ticketId: string | null;
}

describe('a database outage under load', () => {
  const dataDir = path.join(os.tmpdir(), `sigap-outage-${randomBytes(4).toString('hex')}`, 'pg');
  const options = { dataDir, port: 0, database: 'sigap', persistent: true, logger: quiet };
  let pg: EmbeddedPostgres;
  let app: INestApplication;
  let auth: [string, string];

  beforeAll(async () => {
    pg = await EmbeddedPostgres.start(options);
    await migrateAndSeed(pg.url);
    const config = loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', SLA_SWEEP_ENABLED: 'false' });
    const clock = new ManualClock();
    app = await createApp(config, pg.url, { clock });
    await app.init();
    await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
    auth = await authHeaderFor(app, clock, { userId: 'ct-ayu', role: 'CALL_TAKER' });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await pg?.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }, 120_000);

  async function create(): Promise<Answer> {
    const res = await request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set(...auth).send({ query: CREATE, variables: { i: REPORT } });
    const errors = (res.body?.errors ?? []) as Array<{ extensions?: { code?: unknown; retryAfterSeconds?: unknown } }>;
    return {
      status: res.status,
      codes: errors.map((e) => e.extensions?.code),
      retryAfterSeconds: errors[0]?.extensions?.retryAfterSeconds,
      retryAfterHeader: res.headers['retry-after'],
      ticketId: (res.body?.data?.createTicket?.ticket?.id as string | undefined) ?? null,
    };
  }

  const publicQuery = () => request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query: '{ districts { code } }' });

  it('answers SERVICE_UNAVAILABLE (503, Retry-After) while it is down, recovers without a restart, and loses nothing acknowledged', async () => {
    const acknowledged: string[] = [];
    const unexpected: Answer[] = [];
    const record = (a: Answer): void => {
      if (a.ticketId) acknowledged.push(a.ticketId);
      else if (!(a.status === 503 && a.codes.length === 1 && a.codes[0] === 'SERVICE_UNAVAILABLE' && typeof a.retryAfterSeconds === 'number' && a.retryAfterHeader)) unexpected.push(a);
    };
    // Load before, during and after: eight creates in flight at a time.
    const wave = async (): Promise<void> => {
      for (const a of await Promise.all(Array.from({ length: 8 }, create))) record(a);
    };
    await wave();
    expect(acknowledged).toHaveLength(8);

    const stopping = pg.stop();
    await wave();
    await stopping;
    const during: Answer[] = await Promise.all(Array.from({ length: 8 }, create));
    during.forEach(record);
    expect(during.map((a) => a.codes[0])).toEqual(during.map(() => 'SERVICE_UNAVAILABLE'));
    const pub = await publicQuery();
    expect({ status: pub.status, code: pub.body.errors?.[0]?.extensions?.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(503);

    pg = await EmbeddedPostgres.start({ ...options, port: pg.port });
    // The pool reconnects by itself: no restart of the app.
    let recovered: Answer | null = null;
    for (let i = 0; i < 50 && !recovered?.ticketId; i++) {
      recovered = await create();
      record(recovered);
    }
    expect(recovered?.ticketId).toEqual(expect.any(String));
    await wave();
    expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(200);

    expect(unexpected).toEqual([]);
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string }>('select id from ticket where id = any($1::uuid[])', [acknowledged]);
      expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
    } finally {
      await client.end();
    }
  }, 180_000);
});
