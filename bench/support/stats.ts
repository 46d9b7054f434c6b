/** What one measured (or warm-up) run produced. */
export interface LoadResult {
  /** Completed, verified requests (API) or committed create sequences (baseline). */
  readonly count: number;
  readonly elapsedS: number;
  /** One latency per completed request / sequence, in milliseconds. */
  readonly latenciesMs: readonly number[];
}

export interface Summary {
  readonly count: number;
  readonly elapsedS: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function summarise(result: LoadResult): Summary {
  const sorted = Float64Array.from(result.latenciesMs).sort();
  return {
    count: result.count,
    elapsedS: result.elapsedS,
    perSecond: result.elapsedS > 0 ? result.count / result.elapsedS : 0,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '))
    .join('\n');
}
