import type { Logger } from 'pino';
import type { AppConfig } from '../../config/app.config';
import { EmbeddedPostgres } from '../infra/database/embedded-postgres.launcher';
import { migrateAndSeed } from './migration.runner';
import { asLauncherLogger } from '../infra/logging/bootstrap-logger';

export interface PreparedDatabase {
  url: string;
  /** Present when Sigap runs its own PostgreSQL; stop it after the app. */
  embedded: EmbeddedPostgres | null;
}

/** The configured PostgreSQL, or an embedded one; migrated and seeded either way. */
export async function prepareDatabase(config: AppConfig, logger: Logger): Promise<PreparedDatabase> {
  let embedded: EmbeddedPostgres | null = null;
  let url = config.database.url;
  if (!url) {
    embedded = await EmbeddedPostgres.start({
      dataDir: config.database.embedded.dataDir,
      port: config.database.embedded.port,
      database: 'sigap',
      persistent: true,
      logger: asLauncherLogger(logger),
    });
    url = embedded.url;
    logger.info(`Embedded PostgreSQL ready on 127.0.0.1:${embedded.port} (data: ${embedded.dataDir})`);
  }
  try {
    const report = await migrateAndSeed(url, (message) => logger.debug(message));
    logger.info(
      `Database ready: ${report.applied.length} migration(s) applied` +
        (report.applied.length ? ` (${report.applied.join(', ')})` : '') +
        `, ${report.seeded} reference row(s) seeded`,
    );
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, embedded };
}
