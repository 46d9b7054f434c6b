import { Injectable } from '@nestjs/common';
import { type Counter, type Histogram, MetricsRegistry } from '../../../infra/metrics/metrics.registry';

/** A recorded warning or breach, as the sweeper inserted it. */
export interface RecordedThreshold {
  readonly metric: string;
  /** null for a ticket not yet routed to an OPD (the call centre's TRIAGE clock). */
  readonly opdCode: string | null;
  readonly thresholdPct: number;
  readonly dueAt: Date;
  readonly recordedAt: Date;
}

/** Label value for a threshold of a ticket no OPD owns yet. */
export const NO_OPD = 'none';

// Sweeps run at their due time or on the 1 s backstop: lag is normally well
// under a second, and minutes mean the sweeper stopped or fell behind.
const LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900];

/**
 * The SLA domain's instruments (docs/metrics.md). The sweeper reports only the
 * thresholds its insert actually added (a threshold another sweeper recorded
 * first is not counted twice), after its transaction committed.
 */
@Injectable()
export class SlaMetrics {
  readonly warnings: Counter<'opd' | 'metric'>;
  readonly breaches: Counter<'opd' | 'metric'>;
  readonly sweepLag: Histogram<'threshold'>;

  constructor(metrics: MetricsRegistry) {
    this.warnings = metrics.counter({
      name: 'sigap_sla_warnings_total',
      help: 'SLA warnings recorded (a threshold below 100% of the target passed), by OPD and SLA metric',
      labelNames: ['opd', 'metric'],
    });
    this.breaches = metrics.counter({
      name: 'sigap_sla_breaches_total',
      help: 'SLA breaches recorded (100% of the target passed), by OPD and SLA metric',
      labelNames: ['opd', 'metric'],
    });
    this.sweepLag = metrics.histogram({
      name: 'sigap_sla_sweep_lag_seconds',
      help: "Seconds from a threshold's due time to the sweep that recorded it, by threshold (warning or breach)",
      labelNames: ['threshold'],
      buckets: LAG_BUCKETS,
    });
  }

  /** Counts committed thresholds; call after the sweep's transaction. */
  recorded(thresholds: readonly RecordedThreshold[]): void {
    for (const t of thresholds) {
      const breach = t.thresholdPct >= 100;
      (breach ? this.breaches : this.warnings).inc({ opd: t.opdCode ?? NO_OPD, metric: t.metric });
      // A clock set back (tests, a corrected server clock) must not make a negative observation.
      this.sweepLag.observe({ threshold: breach ? 'breach' : 'warning' }, Math.max(0, (t.recordedAt.getTime() - t.dueAt.getTime()) / 1000));
    }
  }
}
