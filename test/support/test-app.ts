import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { AppConfig, loadAppConfig } from '../../config/app.config';
import { createApp } from '../../src/bootstrap/app.factory';
import type { OpdModuleDefinition } from '../../src/core/opd';
import { ManualClock } from './manual-clock';
import { authHeaderFor, TestActor } from './test-auth';
import { createTestDatabase, TestDatabase } from './test-database';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

export interface TestApp {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly db: TestDatabase;
  /** The app's only source of time. */
  readonly clock: ManualClock;
  /** POST /graphql, as a client would, authenticated as `actor` (default: a call taker; null: nobody). */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    actor?: TestActor | null,
  ): Promise<GraphqlResponse<T>>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

export type { TestActor };

export const CALL_TAKER: TestActor = { userId: 'ct-ayu', role: 'CALL_TAKER' };

/** The real application (same factory as main.ts) on a database of its own, with a manual clock. */
export async function startTestApp(
  env: Record<string, string> = {},
  clock = new ManualClock(),
  /** Default: the modules enabled in config/opd-modules.ts. */
  opdModules?: readonly OpdModuleDefinition[],
): Promise<TestApp> {
  const db = await createTestDatabase();
  // Each app stores attachments in a folder of its own, removed on close.
  const attachmentsDir = mkdtempSync(path.join(tmpdir(), 'sigap-attachments-'));
  // Tests drive SLA sweeps, the outbox relay, the webhook dispatcher and the attachment cleanup themselves, with the manual clock's time.
  const config = loadAppConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', SLA_SWEEP_ENABLED: 'false', DELIVERY_RELAY_ENABLED: 'false', WEBHOOK_DISPATCHER_ENABLED: 'false', CHANNEL_DISPATCHER_ENABLED: 'false',
    ATTACHMENTS_DIR: attachmentsDir, ATTACHMENT_CLEANUP_ENABLED: 'false', ...env,
  });
  const app = await createApp(config, db.url, opdModules ? { clock, opdModules } : { clock });
  await app.init();
  // Fastify serves only once its plugins are ready; listen() does this in production.
  await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  const http = (): ReturnType<typeof request> => request(app.getHttpServer());
  return {
    app,
    config,
    db,
    clock,
    http,
    gql: async (query, variables, actor = CALL_TAKER) => {
      let req = http().post('/graphql').set('content-type', 'application/json');
      if (actor) req = req.set(...(await authHeaderFor(app, clock, actor)));
      const res = await req.send({ query, variables });
      // INTERNAL means our bug. A nullable field that failed still answers 200 with data beside the error,
      // so a test reading only the data would pass over it: every request through here fails on one.
      const internal = ((res.body as { errors?: Array<{ message: string; path?: unknown; extensions?: { code?: string } }> } | undefined)?.errors ?? [])
        .filter((e) => e.extensions?.code === 'INTERNAL');
      if (internal.length > 0) throw new Error(`INTERNAL error(s) from ${query.slice(0, 120)}: ${JSON.stringify(internal.map((e) => e.path ?? e.message))} (the server log has the cause)`);
      return { status: res.status, body: res.body };
    },
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}
