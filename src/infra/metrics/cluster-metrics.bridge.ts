import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

/**
 * With `WEB_CONCURRENCY` > 1 each worker counts only what it served, and the
 * kernel hands a scrape to any one of them: answering from the local registry
 * would show one random worker per scrape. So the worker that gets the scrape
 * asks the primary, and the primary gathers every worker's registry with
 * prom-client's AggregatorRegistry (counters and histograms summed, gauges as
 * each declares) and answers with the text. The primary serves no HTTP.
 *
 * Two message pairs travel over the cluster IPC channel: ours (ASK/ANSWER,
 * worker ↔ primary) and prom-client's own (primary → every worker), answered
 * by the listener prom-client installs when an AggregatorRegistry is made.
 */
const ASK = 'sigap:metrics:ask';
const ANSWER = 'sigap:metrics:answer';

interface Ask {
  readonly type: typeof ASK;
  readonly id: number;
}

interface Answer {
  readonly type: typeof ANSWER;
  readonly id: number;
  readonly text?: string;
  readonly error?: string;
}

/** The primary did not answer, or could not gather every worker's metrics. */
export class ClusterMetricsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterMetricsError';
  }
}

/**
 * Primary: answers workers asking for the whole cluster's metrics. Returns a
 * function that stops answering.
 *
 * @example
 * const stop = serveClusterMetrics(); // in the primary, before forking
 */
export function serveClusterMetrics(): () => void {
  // Constructing it installs prom-client's listener for the workers' replies.
  const aggregator = new AggregatorRegistry();
  const onMessage = (worker: Worker, message: unknown): void => {
    if (!isMessage<Ask>(message, ASK)) return;
    const reply = (answer: Omit<Answer, 'type' | 'id'>): void => {
      // A worker that died meanwhile has nobody to read the answer.
      if (worker.isConnected()) worker.send({ type: ANSWER, id: message.id, ...answer } satisfies Answer);
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
  cluster.on('message', onMessage);
  return () => void cluster.off('message', onMessage);
}

/**
 * Worker: from now on the primary's gathering reads `registries` (replacing
 * any before). Called once early with none, so that a worker still booting
 * answers at once (with nothing) instead of stalling every scrape until
 * prom-client's 5 s timeout; then with the app's registry.
 */
export function answerPrimaryWith(registries: readonly Registry[]): void {
  // Constructing one installs prom-client's worker-side listener (once per process).
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([...registries]);
}

let nextId = 0;
const pending = new Map<number, (answer: Answer) => void>();
let listening = false;

/**
 * Worker: the whole cluster's metrics, as text, through the primary.
 * Rejects with {@link ClusterMetricsError} when no answer comes within
 * `timeoutMs` (keep it above prom-client's own 5 s, so the primary's reason
 * arrives first) or the primary reports a failure.
 */
export function askPrimaryForClusterMetrics(timeoutMs = 10_000): Promise<string> {
  const send = process.send?.bind(process);
  if (!send || !process.connected) return Promise.reject(new ClusterMetricsError('not a cluster worker connected to its primary'));
  if (!listening) {
    listening = true;
    process.on('message', (message: unknown) => {
      if (isMessage<Answer>(message, ANSWER)) pending.get(message.id)?.(message);
    });
  }
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new ClusterMetricsError(`the primary did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    pending.set(id, (answer) => {
      clearTimeout(timer);
      pending.delete(id);
      if (answer.text !== undefined) resolve(answer.text);
      else reject(new ClusterMetricsError(`the primary could not gather the workers' metrics: ${answer.error ?? 'no reason given'}`));
    });
    send({ type: ASK, id } satisfies Ask, undefined, undefined, (error: Error | null) => {
      if (!error) return;
      clearTimeout(timer);
      pending.delete(id);
      reject(new ClusterMetricsError(`could not ask the primary: ${error.message}`));
    });
  });
}

function isMessage<T extends { type: string }>(message: unknown, type: T['type']): message is T {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
