import { Aggregator, collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// Domains type their instruments with these, so prom-client stays an infra detail
// behind one import path.
export type { Counter, Gauge, Histogram } from 'prom-client';

/** How the primary combines one series reported by several workers (`WEB_CONCURRENCY` > 1). */
export type ClusterAggregation = Aggregator;

interface InstrumentSpec<L extends string> {
  /** `sigap_<domain>_<what>`, snake_case; counters end in `_total`, durations in `_seconds`. */
  readonly name: string;
  /** One sentence for the scrape's `# HELP` line; say what one unit is. */
  readonly help: string;
  /** Bounded labels only (see {@link MetricsRegistry}); none by default. */
  readonly labelNames?: readonly L[];
}

export type CounterSpec<L extends string> = InstrumentSpec<L>;

export interface GaugeSpec<L extends string> extends InstrumentSpec<L> {
  /**
   * Required, because the default (sum) is wrong for half of all gauges. A
   * value each worker holds its own share of (open sockets) is `'sum'`; a
   * value every worker reads alike (a count from the database) is `'max'`
   * (or `'first'`), else two workers report it twice over.
   */
  readonly cluster: ClusterAggregation;
  /** Called at every scrape, before the value is read: set the gauge here (keep it cheap, or cached). */
  readonly collect?: (gauge: Gauge<L>) => void | Promise<void>;
}

export interface HistogramSpec<L extends string> extends InstrumentSpec<L> {
  /** Upper bounds, ascending, in the metric's unit; default {@link DURATION_BUCKETS}. */
  readonly buckets?: readonly number[];
}

/** Seconds, from 5 ms to 10 s: what a request or a sweep may take here. */
export const DURATION_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const NAME = /^sigap_[a-z][a-z0-9_]*[a-z0-9]$/;
const LABEL = /^[a-z][a-z0-9_]*$/;
// A label value per person or per ticket makes a series per person or per
// ticket: personal data in the monitoring system, and unbounded memory.
const PERSONAL_LABEL = /(^|_)(id|ids|number|phone|name|email|nik|user|username|reporter|address)($|_)/;

/** Thrown when an instrument is declared against the rules above (at boot, never at a scrape). */
export class MetricDefinitionError extends Error {
  constructor(name: string, problem: string) {
    super(`metric ${name}: ${problem}`);
    this.name = 'MetricDefinitionError';
  }
}

/**
 * The application's metrics: one prom-client registry per Nest application,
 * never prom-client's global one (jest runs several apps in one process, and a
 * second registration of a name on the global registry throws). Provided by
 * the global MetricsModule; a domain declares its own instruments against it,
 * once, in a provider of its own, and infra knows no domain.
 *
 * Labels: only values from a small, fixed set (an enum, an OPD code, a status
 * class). Never a ticket id or number, phone, name, user id or free text a
 * client sent: the names of such labels are refused here, and values are the
 * author's care (map anything else to `'other'` with {@link boundedLabel}).
 *
 * @example
 * \@Injectable()
 * export class DeliveryMetrics {
 *   readonly attempts: Counter<'opd' | 'outcome'>;
 *   constructor(metrics: MetricsRegistry) {
 *     this.attempts = metrics.counter({ name: 'sigap_delivery_attempts_total', help: 'Webhook deliveries tried', labelNames: ['opd', 'outcome'] });
 *   }
 * }
 * // then, after the attempt: this.metrics.attempts.inc({ opd: 'DISHUB', outcome: 'ok' });
 */
export class MetricsRegistry {
  /** The prom-client registry; scraping goes through {@link metrics}. */
  readonly registry = new Registry();

  /** `processMetrics`: Node's default process metrics (CPU, memory, event loop, GC), once per application. */
  constructor(options: { processMetrics: boolean } = { processMetrics: true }) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** A monotonic count (summed over workers). */
  counter<L extends string = never>(spec: CounterSpec<L>): Counter<L> {
    check(spec);
    if (!spec.name.endsWith('_total')) throw new MetricDefinitionError(spec.name, 'a counter name ends in _total');
    return new Counter<L>({ ...base(spec), registers: [this.registry] });
  }

  /** A value that goes up and down; say how workers' values combine ({@link GaugeSpec.cluster}). */
  gauge<L extends string = never>(spec: GaugeSpec<L>): Gauge<L> {
    check(spec);
    const collect = spec.collect;
    return new Gauge<L>({
      ...base(spec),
      aggregator: spec.cluster,
      registers: [this.registry],
      ...(collect ? { collect(this: Gauge<L>) { return collect(this); } } : {}),
    });
  }

  /** A distribution (durations, sizes): buckets summed over workers. */
  histogram<L extends string = never>(spec: HistogramSpec<L>): Histogram<L> {
    check(spec);
    const buckets = [...(spec.buckets ?? DURATION_BUCKETS)];
    if (buckets.some((b, i) => i > 0 && b <= buckets[i - 1])) throw new MetricDefinitionError(spec.name, 'buckets must ascend');
    return new Histogram<L>({ ...base(spec), buckets, registers: [this.registry] });
  }

  /** This process's series in the Prometheus text format. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

/**
 * `value` if it is one of `known`, else `other`: keeps a label bounded when
 * its value comes from outside (a client, a remote system).
 *
 * @example
 * boundedLabel(req.method, HTTP_METHODS, 'OTHER'); // 'GET', or 'OTHER' for 'BREW'
 */
export function boundedLabel(value: string | null | undefined, known: ReadonlySet<string>, other = 'other'): string {
  return value != null && known.has(value) ? value : other;
}

function check<L extends string>(spec: InstrumentSpec<L>): void {
  if (!NAME.test(spec.name)) throw new MetricDefinitionError(spec.name, 'a name is sigap_ then lower-case snake_case');
  for (const label of spec.labelNames ?? []) {
    if (!LABEL.test(label)) throw new MetricDefinitionError(spec.name, `label "${label}" is not snake_case`);
    if (PERSONAL_LABEL.test(label)) {
      throw new MetricDefinitionError(spec.name, `label "${label}" looks per-person or per-ticket; label by a bounded category instead`);
    }
  }
}

function base<L extends string>(spec: InstrumentSpec<L>): { name: string; help: string; labelNames: L[] } {
  return { name: spec.name, help: spec.help, labelNames: [...(spec.labelNames ?? [])] };
}
