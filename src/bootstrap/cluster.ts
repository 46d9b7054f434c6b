import cluster, { Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { serveClusterMetrics } from '../infra/metrics/cluster-metrics.bridge';

export interface Workers {
  /** Resolves when every worker listens; rejects if one dies before it ever did (a boot failure). */
  readonly ready: Promise<void>;
  /** SIGTERM to every worker, resolved when all have exited. */
  stop(): Promise<void>;
}

/**
 * Runs `count` server processes sharing the port. The primary owns the
 * database set-up (embedded server, migrations) and hands the URL down; a
 * worker that dies after it served is replaced, unless we are stopping.
 * Several processes on one database are safe by design: every write is a
 * versioned transaction and scheduled work claims rows.
 */
export function startWorkers(count: number, databaseUrl: string, logger: Logger): Workers {
  let stopping = false;
  const listened = new Set<number>();
  let settle: { resolve: () => void; reject: (error: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const fork = (): Worker => cluster.fork({ DATABASE_URL: databaseUrl });
  // The primary serves no HTTP; it gathers every worker's metrics for the one that got the scrape.
  const stopMetrics = serveClusterMetrics();

  cluster.on('listening', (worker) => {
    listened.add(worker.id);
    if (listened.size === count) settle.resolve();
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listened.has(worker.id)) {
      // Crash-looping a worker that cannot boot helps nobody: give up and say why.
      settle.reject(new Error(`a server process exited during start (${code ?? signal}); see its output above`));
      return;
    }
    logger.error(`Worker ${worker.process.pid} exited (${code ?? signal}); starting another`);
    setTimeout(fork, 1000).unref();
  });
  for (let i = 0; i < count; i++) fork();

  return {
    ready,
    stop: async () => {
      stopping = true;
      stopMetrics();
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      await Promise.all(
        alive.map(
          (w) =>
            new Promise<void>((resolve) => {
              w.once('exit', () => resolve());
              w.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
