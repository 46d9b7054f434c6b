import cluster, { type Worker } from 'node:cluster';
import { answerPrimaryWith, askPrimaryForClusterMetrics, serveClusterMetrics } from '../../../src/infra/metrics/cluster-metrics.bridge';
import { MetricsRegistry } from '../../../src/infra/metrics/metrics.registry';

// A node:cluster primary with three workers, run by cluster-metrics.int-spec.ts
// (under ts-node, in its own process). Workers 1 and 2 count like an app
// would; worker 3 is "still booting" (no registry yet). Worker 1 is asked to
// scrape, as if GET /metrics had reached it; the text goes to the test.

type Message = { type: 'ready' } | { type: 'scrape' } | { type: 'scraped'; text: string } | { type: 'failed'; error: string };

if (cluster.isPrimary) {
  serveClusterMetrics();
  const workers: Worker[] = [1, 2, 3].map((n) => cluster.fork({ FIXTURE_WORKER: String(n) }));
  let ready = 0;
  cluster.on('message', (_worker, message: Message) => {
    if (message.type === 'ready' && ++ready === workers.length) workers[0].send({ type: 'scrape' } satisfies Message);
    if (message.type === 'scraped' || message.type === 'failed') {
      process.send?.(message, () => {
        for (const worker of workers) worker.kill();
        process.exit(0);
      });
    }
  });
} else {
  const n = Number(process.env.FIXTURE_WORKER);
  if (n === 3) {
    answerPrimaryWith([]);
  } else {
    const metrics = new MetricsRegistry({ processMetrics: false });
    metrics.counter<'route'>({ name: 'sigap_fixture_requests_total', help: 'requests', labelNames: ['route'] }).inc({ route: '/graphql' }, n);
    // Each worker's own share: summed.
    metrics.gauge({ name: 'sigap_fixture_sockets', help: 'sockets', cluster: 'sum' }).set(n * 10);
    // The same value read from the database by every worker: reported once.
    metrics.gauge({ name: 'sigap_fixture_open_tickets', help: 'open tickets', cluster: 'max' }).set(42);
    metrics.histogram({ name: 'sigap_fixture_duration_seconds', help: 'durations', buckets: [1] }).observe(n === 1 ? 0.5 : 2);
    answerPrimaryWith([metrics.registry]);
  }
  process.on('message', (message: Message) => {
    if (message.type !== 'scrape') return;
    askPrimaryForClusterMetrics(60_000).then(
      (text) => process.send?.({ type: 'scraped', text } satisfies Message),
      (error: Error) => process.send?.({ type: 'failed', error: error.message } satisfies Message),
    );
  });
  process.send?.({ type: 'ready' } satisfies Message);
}
