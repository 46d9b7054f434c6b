import { boundedLabel, MetricDefinitionError, MetricsRegistry } from './metrics.registry';

describe('MetricsRegistry', () => {
  it('keeps each application its own registry, so a second app may declare the same names', async () => {
    const a = new MetricsRegistry({ processMetrics: false });
    const b = new MetricsRegistry({ processMetrics: false });
    a.counter({ name: 'sigap_things_total', help: 'things' }).inc();
    b.counter({ name: 'sigap_things_total', help: 'things' }).inc(5);
    expect(await a.metrics()).toContain('sigap_things_total 1');
    expect(await b.metrics()).toContain('sigap_things_total 5');
  });

  it("adds Node's process metrics once per registry when asked", async () => {
    const text = await new MetricsRegistry({ processMetrics: true }).metrics();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('refuses a second declaration of a name in the same registry', () => {
    const metrics = new MetricsRegistry({ processMetrics: false });
    metrics.counter({ name: 'sigap_things_total', help: 'things' });
    expect(() => metrics.counter({ name: 'sigap_things_total', help: 'things' })).toThrow(/already been registered/);
  });

  it.each([
    ['a name without the sigap_ prefix', () => ({ name: 'things_total', help: 'x' })],
    ['a camelCase name', () => ({ name: 'sigap_thingsCreated_total', help: 'x' })],
    ['a camelCase label', () => ({ name: 'sigap_things_total', help: 'x', labelNames: ['opdCode'] })],
    ['a per-ticket label', () => ({ name: 'sigap_things_total', help: 'x', labelNames: ['ticket_id'] })],
    ['a ticket number label', () => ({ name: 'sigap_things_total', help: 'x', labelNames: ['number'] })],
    ['a phone label', () => ({ name: 'sigap_things_total', help: 'x', labelNames: ['reporter_phone'] })],
    ['a user label', () => ({ name: 'sigap_things_total', help: 'x', labelNames: ['user_id'] })],
  ])('refuses %s', (_, spec) => {
    const metrics = new MetricsRegistry({ processMetrics: false });
    expect(() => metrics.counter(spec() as { name: string; help: string; labelNames?: string[] })).toThrow(MetricDefinitionError);
  });

  it('wants counters named *_total and histogram buckets ascending', () => {
    const metrics = new MetricsRegistry({ processMetrics: false });
    expect(() => metrics.counter({ name: 'sigap_things', help: 'x' })).toThrow(/ends in _total/);
    expect(() => metrics.histogram({ name: 'sigap_wait_seconds', help: 'x', buckets: [1, 0.5] })).toThrow(/ascend/);
  });

  it('declares the cluster aggregation of a gauge, and runs its collect callback at each scrape', async () => {
    const metrics = new MetricsRegistry({ processMetrics: false });
    let reads = 0;
    const gauge = metrics.gauge({
      name: 'sigap_open_tickets', help: 'open tickets', cluster: 'max',
      collect: (g) => g.set(++reads),
    });
    const [json] = await metrics.registry.getMetricsAsJSON();
    expect(json).toMatchObject({ name: 'sigap_open_tickets', aggregator: 'max', values: [{ value: 1 }] });
    expect(await metrics.metrics()).toContain('sigap_open_tickets 2');
    expect(gauge).toBeDefined();
  });

  it('observes histograms in the default duration buckets', async () => {
    const metrics = new MetricsRegistry({ processMetrics: false });
    metrics.histogram<'kind'>({ name: 'sigap_wait_seconds', help: 'x', labelNames: ['kind'] }).observe({ kind: 'a' }, 0.3);
    const text = await metrics.metrics();
    expect(text).toContain('sigap_wait_seconds_bucket{le="0.25",kind="a"} 0');
    expect(text).toContain('sigap_wait_seconds_bucket{le="0.5",kind="a"} 1');
  });
});

describe('boundedLabel', () => {
  const KNOWN = new Set(['GET', 'POST']);
  it('keeps a known value and maps anything else to the fallback', () => {
    expect(boundedLabel('GET', KNOWN)).toBe('GET');
    expect(boundedLabel('BREW', KNOWN, 'OTHER')).toBe('OTHER');
    expect(boundedLabel(null, KNOWN)).toBe('other');
  });
});
