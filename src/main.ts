import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ConfigError, loadAppConfig } from '../config/app.config';
import { prepareDatabase } from './bootstrap/database.bootstrap';
import { createApp } from './bootstrap/app.factory';
import { createBootstrapLogger } from './infra/logging/bootstrap-logger';

async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createBootstrapLogger(config);

  const database = await prepareDatabase(config, logger);
  let app: INestApplication;
  try {
    app = await createApp(config, database.url);
    await app.listen(config.http.port, config.http.host);
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
  logger.info(`Sigap listening on http://localhost:${config.http.port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: draining requests, then stopping`);
    const server = app.getHttpServer() as import('node:http').Server;
    const force = setTimeout(() => {
      logger.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; forcing exit`);
      server.closeAllConnections();
      void database.embedded?.stop().finally(() => process.exit(1));
    }, config.shutdownTimeoutMs);
    try {
      // First stop accepting and let in-flight requests finish: Nest's own
      // close runs the shutdown hooks (the ORM closes its pool) before it
      // closes the HTTP server, which would fail requests still running.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      await database.embedded?.stop();
      clearTimeout(force);
      logger.info('Stopped cleanly');
      logger.flush?.();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Shutdown failed');
      await database.embedded?.stop();
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Sigap failed to start: ${message}\n`);
  process.exit(1);
});
