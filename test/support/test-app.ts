import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AppConfig, loadAppConfig } from '../../config/app.config';
import { createApp } from '../../src/bootstrap/app.factory';
import { createTestDatabase, TestDatabase } from './test-database';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

export interface TestApp {
  readonly app: INestApplication;
  readonly config: AppConfig;
  readonly db: TestDatabase;
  /** POST /graphql, as a client would. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/** The real application (same factory as main.ts) on a database of its own. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOG_FORMAT: 'json', ...env });
  const app = await createApp(config, db.url);
  await app.init();
  const http = (): ReturnType<typeof request> => request(app.getHttpServer());
  return {
    app,
    config,
    db,
    http,
    gql: async (query, variables) => {
      const res = await http().post('/graphql').set('content-type', 'application/json').send({ query, variables });
      return { status: res.status, body: res.body };
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
