import { addTally, emptyTally, histogramPercentile, SLA_BUCKETS, SLA_ELAPSED_BUCKET_MS } from './sla-compliance-tally';

describe('compliance histogram', () => {
  it('has increasing edges, the first for exactly 0 ms', () => {
    expect(SLA_ELAPSED_BUCKET_MS[0]).toBe(1);
    for (let i = 1; i < SLA_ELAPSED_BUCKET_MS.length; i++) expect(SLA_ELAPSED_BUCKET_MS[i]).toBeGreaterThan(SLA_ELAPSED_BUCKET_MS[i - 1]);
    expect(SLA_BUCKETS).toBe(SLA_ELAPSED_BUCKET_MS.length + 1);
  });

  it('reads the nearest-rank bucket as its upper edge in minutes', () => {
    const hist = new Array<number>(SLA_BUCKETS).fill(0);
    expect(histogramPercentile(hist, 50)).toBeNull();
    hist[0] = 2; // two clocks stopped at once
    expect(histogramPercentile(hist, 50)).toBe(0);
    hist[5] = 3; // three in [5, 7) minutes
    expect(histogramPercentile(hist, 50)).toBe(7);
    expect(histogramPercentile(hist, 40)).toBe(0);
    hist[SLA_BUCKETS - 1] = 100; // the open-ended bucket reports its lower edge
    expect(histogramPercentile(hist, 90)).toBe(43200);
  });

  it('adds parts of a period', () => {
    const sum = addTally(addTally(emptyTally(), { met: 1, hist: [1, ...new Array<number>(SLA_BUCKETS - 1).fill(0)] }), { met: 2, open: 1, overdue: 4 });
    expect(sum).toMatchObject({ met: 3, open: 1, overdue: 4, breachedStopped: 0 });
    expect(sum.hist[0]).toBe(1);
  });
});
