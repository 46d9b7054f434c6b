import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres } from '../../src/infra/database/embedded-postgres.launcher';
import { migrateAndSeed } from '../../src/bootstrap/migration.runner';

export interface BenchDatabase {
  readonly url: string;
  /** For the report: which server, which version. */
  readonly description: string;
  /** The embedded server's postmaster, for CPU accounting; undefined for an external database. */
  readonly postgresPid: number | undefined;
  /** Stops the embedded server and deletes its data; no-op for an external database. */
  stop(): Promise<void>;
}

/**
 * A fresh embedded PostgreSQL (data in a temp folder, deleted on stop), or the
 * database named by BENCH_DATABASE_URL; migrated and seeded either way.
 */
export async function openDatabase(externalUrl: string | null, log: (line: string) => void): Promise<BenchDatabase> {
  if (externalUrl) {
    await migrate(externalUrl, log);
    return {
      url: externalUrl,
      description: `BENCH_DATABASE_URL (PostgreSQL ${await serverVersion(externalUrl)})`,
      postgresPid: undefined,
      stop: async () => undefined,
    };
  }

  const embedded = await EmbeddedPostgres.start({
    dataDir: path.join(os.tmpdir(), `sigap-bench-${randomBytes(4).toString('hex')}`),
    port: 0,
    database: 'bench',
    persistent: false,
    logger: {
      info: (m) => log(m),
      warn: (m) => log(`warning: ${m}`),
      debug: () => undefined,
    },
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await embedded.stop();
  };
  try {
    await migrate(embedded.url, log);
    const version = await serverVersion(embedded.url);
    return {
      url: embedded.url,
      description: `fresh embedded PostgreSQL ${version} on 127.0.0.1:${embedded.port} (pid ${embedded.pid}, data ${embedded.dataDir})`,
      postgresPid: embedded.pid,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function migrate(url: string, log: (line: string) => void): Promise<void> {
  const report = await migrateAndSeed(url);
  log(`database migrated: ${report.applied.length} migration(s) applied, ${report.seeded} reference row(s) seeded`);
}

async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? '?';
  } finally {
    await client.end();
  }
}
