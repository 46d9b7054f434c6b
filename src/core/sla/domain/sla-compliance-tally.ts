/**
 * The compliance report's arithmetic, shared by the aggregate path and the
 * scan (its test oracle): what is counted per metric, how parts of a period
 * add up, and how the median and 90th percentile are read from the histogram.
 */

/**
 * Upper edges (ms) of the elapsed-time histogram's buckets, as the SQL
 * function sla_elapsed_bucket (migration read_paths) cuts them: bucket 1
 * holds 0 ms, bucket k (2..31) holds [edge[k-2], edge[k-1]), bucket 32 holds
 * 30 days and more. Never change one without rebuilding the aggregates
 * (sla_compliance_rebuild()); an integration test compares both.
 */
export const SLA_ELAPSED_BUCKET_MS: readonly number[] = [
  1, 1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320, 5760, 7200, 10080,
  14400, 20160, 30240, 43200,
].map((minutes, i) => (i === 0 ? 1 : minutes * 60_000));

export const SLA_BUCKETS = SLA_ELAPSED_BUCKET_MS.length + 1;

/** One metric's counts over a period, or a part of it. */
export interface ComplianceTally {
  /** Stopped without a breach. */
  met: number;
  /** Stopped after a breach. */
  breachedStopped: number;
  /** Running or paused with a breach recorded. */
  breachedRunning: number;
  /** Running past its due time, breach not recorded yet. */
  overdue: number;
  /** Running or paused, within its target. */
  open: number;
  /** Stopped clocks per elapsed-time bucket (index 0 = bucket 1). */
  hist: number[];
}

export const emptyTally = (): ComplianceTally => ({ met: 0, breachedStopped: 0, breachedRunning: 0, overdue: 0, open: 0, hist: new Array<number>(SLA_BUCKETS).fill(0) });

export function addTally(into: ComplianceTally, part: Partial<ComplianceTally>): ComplianceTally {
  into.met += part.met ?? 0;
  into.breachedStopped += part.breachedStopped ?? 0;
  into.breachedRunning += part.breachedRunning ?? 0;
  into.overdue += part.overdue ?? 0;
  into.open += part.open ?? 0;
  part.hist?.forEach((n, i) => (into.hist[i] += n));
  return into;
}

/**
 * The business minutes within which `pct` percent of the stopped clocks
 * stopped, read from the histogram (nearest rank): the upper edge of the
 * bucket holding that rank (0 for the zero bucket, the lower edge for the
 * open-ended last one). Null without stopped clocks.
 */
export function histogramPercentile(hist: readonly number[], pct: number): number | null {
  const n = hist.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((pct / 100) * n));
  let seen = 0;
  for (let k = 0; k < hist.length; k++) {
    seen += hist[k];
    if (seen < rank) continue;
    if (k === 0) return 0;
    const edge = k < SLA_ELAPSED_BUCKET_MS.length ? SLA_ELAPSED_BUCKET_MS[k] : SLA_ELAPSED_BUCKET_MS[SLA_ELAPSED_BUCKET_MS.length - 1];
    return edge / 60_000;
  }
  return null;
}
