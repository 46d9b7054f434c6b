import cluster from 'node:cluster';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/app.config';
import { createApp } from './app.factory';

export interface RunningServer {
  /** Stops accepting, lets in-flight requests finish, then closes the app (and its pool). */
  stop(): Promise<void>;
}

/** Starts the app and listens; used by the single process and by every cluster worker. */
export async function serve(config: AppConfig, logger: Logger, databaseUrl: string): Promise<RunningServer> {
  // A worker's scrape is answered for the whole cluster, through the primary.
  const app = await createApp(config, databaseUrl, { metricsScope: cluster.isWorker ? 'cluster' : 'process' });
  await app.listen(config.http.port, config.http.host);
  const server = app.getHttpServer() as Server;
  return {
    stop: async () => {
      const force = setTimeout(() => {
        logger.error(`Requests still running after ${config.shutdownTimeoutMs} ms; closing their connections`);
        server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      // Nest's close runs the shutdown hooks (the ORM closes its pool) before
      // it closes the HTTP server, which would fail requests still running: so
      // the server is closed, and drained, first.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clearTimeout(force);
      await app.close();
    },
  };
}
