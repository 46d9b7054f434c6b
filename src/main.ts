import 'reflect-metadata';
import cluster from 'node:cluster';
import { AppConfig, ConfigError, loadAppConfig } from '../config/app.config';
import { startWorkers } from './bootstrap/cluster';
import { prepareDatabase } from './bootstrap/database.bootstrap';
import { serve } from './bootstrap/http-server';
import { createBootstrapLogger } from './infra/logging/bootstrap-logger';
import { answerPrimaryWith } from './infra/metrics/cluster-metrics.bridge';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createBootstrapLogger(config);

  if (cluster.isWorker) {
    // Answer the primary's metric gathering at once, with nothing until the app is up:
    // a worker still booting must not stall every scrape (see cluster-metrics.bridge.ts).
    answerPrimaryWith([]);
    // The primary prepared the database and passed its URL in DATABASE_URL.
    const server = await serve(config, logger, config.database.url!);
    const exit = async (): Promise<void> => {
      await server.stop();
      process.exit(0);
    };
    onSignal(exit);
    // A primary that died must not leave its workers serving on their own.
    process.once('disconnect', () => void exit());
    return;
  }

  // Registered before anything starts: a signal during start-up must still
  // stop what has started, not kill the process and orphan it.
  let stop: (() => Promise<void>) | null = null;
  let signalled: string | null = null;
  const shutdown = async (signal: string): Promise<void> => {
    logger.info(`${signal} received: draining requests, then stopping`);
    try {
      await stop?.();
      // Only after the app has closed its pool can the database go.
      await database?.embedded?.stop();
      logger.info('Stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Shutdown failed');
      await database?.embedded?.stop();
      process.exit(1);
    }
  };
  onSignal(async (signal) => {
    if (stop) await shutdown(signal);
    else signalled = signal;
  });

  const database = await prepareDatabase(config, logger);
  try {
    if (config.http.workers > 1) {
      const workers = startWorkers(config.http.workers, database.url, logger);
      stop = () => workers.stop();
      await workers.ready.catch(async (error: Error) => {
        await workers.stop();
        throw error;
      });
    } else {
      const server = await serve(config, logger, database.url);
      stop = () => server.stop();
    }
  } catch (error) {
    await database.embedded?.stop();
    throw error;
  }
  logger.info(`Sigap listening on http://localhost:${config.http.port}/graphql (${config.http.workers} process(es))`);
  if (signalled) await shutdown(signalled);
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadAppConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
    process.exit(78); // EX_CONFIG
  }
}

/** SIGINT (Ctrl-C) and SIGTERM both stop gracefully, once. */
function onSignal(handler: (signal: string) => Promise<void>): void {
  let handled = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (handled) return;
      handled = true;
      void handler(signal);
    });
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Sigap failed to start: ${message}\n`);
  process.exit(1);
});
