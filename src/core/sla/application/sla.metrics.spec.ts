import { MetricsRegistry } from '../../../infra/metrics/metrics.registry';
import { NO_OPD, SlaMetrics } from './sla.metrics';

describe('SlaMetrics.recorded', () => {
  it('counts warnings and breaches by OPD and metric, and observes how late each was recorded', async () => {
    const metrics = new SlaMetrics(new MetricsRegistry({ processMetrics: false }));
    const due = new Date('2026-11-28T02:05:00Z');
    metrics.recorded([
      { metric: 'TRIAGE', opdCode: null, thresholdPct: 50, dueAt: due, recordedAt: new Date(due.getTime() + 500) },
      { metric: 'TRIAGE', opdCode: null, thresholdPct: 100, dueAt: due, recordedAt: new Date(due.getTime() + 2000) },
      { metric: 'ON_SITE', opdCode: 'BPBD', thresholdPct: 100, dueAt: due, recordedAt: new Date(due.getTime() - 1000) },
    ]);
    expect((await metrics.warnings.get()).values).toEqual([{ labels: { opd: NO_OPD, metric: 'TRIAGE' }, value: 1 }]);
    expect((await metrics.breaches.get()).values).toEqual([
      { labels: { opd: NO_OPD, metric: 'TRIAGE' }, value: 1 },
      { labels: { opd: 'BPBD', metric: 'ON_SITE' }, value: 1 },
    ]);
    const lag = (await metrics.sweepLag.get()).values.filter((v) => v.metricName === 'sigap_sla_sweep_lag_seconds_sum');
    // A clock that went backwards observes 0, not a negative lag.
    expect(lag).toEqual([
      expect.objectContaining({ labels: { threshold: 'warning' }, value: 0.5 }),
      expect.objectContaining({ labels: { threshold: 'breach' }, value: 2 }),
    ]);
  });
});
