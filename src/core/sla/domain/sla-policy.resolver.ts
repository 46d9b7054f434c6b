import type { TicketContext } from '../../ticket';
import type { MetricDefinition, ResolvedMetric } from './sla-metric';

/** A policy with all its versions, as the resolver reads it. */
export interface PolicyRecord {
  readonly id: string;
  readonly opdCode: string | null;
  readonly categoryCode: string | null;
  readonly kind: string | null;
  readonly priority: string | null;
  /** Ascending by version. */
  readonly versions: ReadonlyArray<{ readonly version: number; readonly effectiveFrom: string; readonly active: boolean; readonly metrics: readonly MetricDefinition[] }>;
}

// A category names one OPD's kind of work, so it outranks everything; then
// the OPD, the kind and the priority. Powers of two: no two patterns tie.
const WEIGHT = { categoryCode: 8, opdCode: 4, kind: 2, priority: 1 } as const;

/** How specific a policy is; -1 if it does not match the ticket. */
export function specificity(policy: PolicyRecord, context: TicketContext): number {
  let score = 0;
  for (const field of Object.keys(WEIGHT) as Array<keyof typeof WEIGHT>) {
    const wanted = policy[field];
    if (wanted === null) continue;
    if (wanted !== context[field]) return -1;
    score += WEIGHT[field];
  }
  return score;
}

/** The version of a policy in force at `at` (ISO), if any. */
export function versionAt(policy: PolicyRecord, at: string) {
  const when = Date.parse(at);
  let found: PolicyRecord['versions'][number] | undefined;
  for (const v of policy.versions) if (Date.parse(v.effectiveFrom) <= when && (!found || v.version > found.version)) found = v;
  return found;
}

/**
 * The clocks that apply to a ticket: for each metric, the most specific
 * matching policy (in force at `at`) that defines it. A category policy that
 * only tightens ON_SITE leaves the other clocks to the OPD's or the kind's.
 *
 * @example
 * resolveMetrics(policies, { kind: 'EMERGENCY', categoryCode: 'POHON_TUMBANG', opdCode: 'BPBD', … }, pinnedAt);
 * // [{ metric: 'ON_SITE', targetMinutes: 60, … }, { metric: 'ACKNOWLEDGE', targetMinutes: 10, … }, …]
 */
export function resolveMetrics(policies: readonly PolicyRecord[], context: TicketContext, at: string): ResolvedMetric[] {
  const best = new Map<string, { score: number; metric: ResolvedMetric }>();
  for (const policy of policies) {
    const score = specificity(policy, context);
    if (score < 0) continue;
    const version = versionAt(policy, at);
    if (!version?.active) continue;
    for (const metric of version.metrics) {
      const current = best.get(metric.metric);
      if (!current || score > current.score) {
        best.set(metric.metric, { score, metric: { ...metric, policyId: policy.id, policyVersion: version.version } });
      }
    }
  }
  return [...best.values()].map((b) => b.metric).sort((a, b) => a.metric.localeCompare(b.metric));
}
